import Foundation
import Testing

@testable import PlanCore
@testable import PlanIO

/// Every day's rows as text (a double's description is its shortest exact form, so equal
/// texts are equal values).
private struct DescribingSink: SimulationSink {
    var lines: [String] = []
    mutating func begin(_ layout: RowLayout) {}
    mutating func day(_ rows: DayRows) { lines.append(String(describing: rows)) }
}

/// A sweep's variants run as `plan tune` runs them (pieces swapped in, fire times and
/// longest gaps from the sweep's `ScheduleCache`, one `TraceSession` remembering the
/// previous variant's traces, a shared volume fill) must equal a plain load and simulation
/// of each variant on every daily row and every summary figure, whichever order the
/// variants come in (in sweep order and reversed). The varied keys reach every shared
/// value: a Longhorn schedule (its gap), `volume_alert` (the shared volume fill is kept for
/// one share), a Velero ttl, a price and a workload's growth (new workload days). From an
/// independent review of the sweep's caches (helper, 2026-12-07).
@Suite("Sweeps with shared traces equal plain runs")
struct SweepEquivalenceTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    func check(_ text: String, _ vary: [String]) throws {
        let document = try ScenarioDocument.parse(text: text, file: "t.yaml").get()
        let options = LoadOptions(file: "t.yaml", defaultName: "t", today: CivilDate(year: 2026, month: 1, day: 1))
        let specs = try vary.map { try VarySpec.parse($0).get() }
        let b = try VariantBuilder.make(document: document, options: options, specs: specs, maximumVariants: 100_000).get()
        let n = b.sweep.count
        var plain: [Int: (result: SimulationResult, rows: [String])] = [:]
        for v in 1...n {
            var o = options
            for (spec, value) in zip(b.sweep.specs, b.values(variant: v)) { o.overrides.append(Override(path: spec.path, value: value)) }
            let s = try document.scenario(options: o).get()
            var sink = DescribingSink()
            let r = try Engine.simulate(s, into: &sink, warnings: false).get()
            plain[v] = (r, sink.lines)
        }
        for order in [Array(1...n), Array((1...n).reversed())] {
            let session = TraceSession(TraceCache())
            for v in order {
                let s = try b.scenario(variant: v).get()
                var sink = DescribingSink()
                let r = try Engine.simulate(s, into: &sink, schedules: b.schedules, session: session, warnings: false).get()
                let expected = try #require(plain[v])
                let difference = Self.difference(r, sink.lines, expected)
                #expect(difference == nil, "variant \(v): \(difference ?? "")")
            }
        }
    }

    /// The first part of a run that differs from the plain run's; nil when none does.
    static func difference(_ r: SimulationResult, _ rows: [String], _ e: (result: SimulationResult, rows: [String])) -> String? {
        if rows.count != e.rows.count { return "\(rows.count) days against \(e.rows.count)" }
        if let d = rows.indices.first(where: { rows[$0] != e.rows[$0] }) { return "day \(d): rows" }
        if r.kpis != e.result.kpis { return "kpis" }
        if r.monthly != e.result.monthly { return "monthly" }
        if r.jobCosts != e.result.jobCosts { return "job costs" }
        if r.targets != e.result.targets { return "targets" }
        if r.workloads != e.result.workloads { return "workloads" }
        if r.jobs != e.result.jobs { return "jobs" }
        if r.drills != e.result.drills { return "drills" }
        if String(describing: r) != String(describing: e.result) { return "the result's other fields" }
        return nil
    }

    @Test("seed")
    func seed() throws {
        let text = try String(contentsOf: Self.root.appendingPathComponent("scenarios/seed.yaml"), encoding: .utf8)
        try check(
            text,
            [
                "backups.longhorn.daily-backup.schedule=\"0 3 * * *\",\"0 3 * * 1,3\"", "kpis.volume_alert=50%,80%",
                "backups.velero.daily-cluster-backup.ttl=720h,168h", "targets.minio.monthly_cost=50,60",
                "workloads.gitea-data.growth=100MB/day,1GB/day",
            ])
    }

    @Test("seed v2")
    func seedV2() throws {
        let text = try String(contentsOf: Self.root.appendingPathComponent("scenarios/seed-v2.yaml"), encoding: .utf8)
        try check(text, ["kpis.volume_alert=50%,80%", "workloads.gitea-data.growth=100MB/day,1GB/day", "kpis.rpo=1h,2d"])
    }
}
