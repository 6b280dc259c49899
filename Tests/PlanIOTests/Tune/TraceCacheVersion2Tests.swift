import Foundation
import Testing

@testable import PlanCore
@testable import PlanIO

/// The trace cache on version 2 scenarios (bucket book, drills, a Longhorn backup job's
/// own snapshot): a sweep's variants copy jobs from it, so copying must change no value a
/// plain run gives, version 2's included (deleted and noncurrent bytes, drills, billing).
@Suite("Trace cache, version 2")
struct TraceCacheVersion2Tests {
    typealias Run = (days: [DayRows], result: SimulationResult)

    static func load(_ yaml: String) throws -> Scenario {
        let options = LoadOptions(file: "t.yaml", defaultName: "t", today: CivilDate(year: 2026, month: 1, day: 1))
        return try ScenarioLoader.load(text: yaml, options: options).get()
    }

    static func run(_ s: Scenario, traces: TraceCache?) throws -> Run {
        var sink = Version2Run.Collector()
        let r = try Engine.simulate(s, into: &sink, traces: traces).get()
        return (sink.days, r)
    }

    /// The first day or summary field on which `a` and `b` differ; nil when none does.
    static func difference(_ a: Run, _ b: Run) -> String? {
        guard a.days.count == b.days.count else { return "\(a.days.count) days against \(b.days.count)" }
        for (x, y) in zip(a.days, b.days) {
            if x.jobs != y.jobs { return "day \(x.day): job rows" }
            if x.workloads != y.workloads { return "day \(x.day): workload rows" }
            if x.targetUsed != y.targetUsed { return "day \(x.day): target used" }
            if x.deleted != y.deleted { return "day \(x.day): deleted bytes" }
            if x.noncurrent != y.noncurrent { return "day \(x.day): noncurrent bytes" }
            if x.targetNoncurrent != y.targetNoncurrent { return "day \(x.day): target noncurrent bytes" }
        }
        if a.result.kpis != b.result.kpis { return "kpis" }
        if a.result.monthly != b.result.monthly { return "monthly" }
        if a.result.jobCosts != b.result.jobCosts { return "job costs" }
        if a.result.targets != b.result.targets { return "targets" }
        if a.result.jobs != b.result.jobs { return "jobs" }
        if a.result.drills != b.result.drills { return "drills" }
        return nil
    }

    /// examples.md E35: a Longhorn backup job keeps one snapshot per volume on `disks`.
    static let e35 = """
        version: 2
        name: e35
        start: 2026-01-01
        horizon: 3d
        workloads:
          vol: {kind: volume, size: 10GiB, churn: 1GiB/day}
        backups:
          longhorn:
            lh: {schedule: "0 12 * * *", retain: 2, volumes: [vol], target: m, snapshot_target: disks}
        targets:
          m: {kind: minio, capacity: 1Ti}
          disks: {kind: cluster, capacity: 100Gi, replicas: REPLICAS}
        """

    static func e35(replicas: Int) throws -> Scenario {
        try load(e35.replacingOccurrences(of: "REPLICAS", with: "\(replicas)"))
    }

    @Test("the version 2 examples: recorded, then copied, identical to no cache", arguments: ["seed-v2.yaml"])
    func examples(_ file: String) throws {
        let s = try Self.load(try String(contentsOf: TuneTests.scenarios.appendingPathComponent(file), encoding: .utf8))
        #expect(s.version == 2 && !s.drills.isEmpty, "the example exercises the book and the drills")
        let plain = try Self.run(s, traces: nil)
        let cache = TraceCache()
        let first = try Self.run(s, traces: cache)
        #expect(cache.count == s.longhorn.count + s.velero.count + s.cnpg.count)
        let second = try Self.run(s, traces: cache)
        #expect(Self.difference(plain, first) == nil, "recording")
        #expect(Self.difference(plain, second) == nil, "copying")
    }

    /// E35's day 1 under `disks`: 0.5 GiB churned since the 12:00 run, pinned by the
    /// snapshot, × 3 replicas = 1.5 GiB = 1 610 612 736 B; so is the target's used.
    @Test("a Longhorn backup job's snapshot rows are copied with its other rows (E35)")
    func snapshotRows() throws {
        let s = try Self.e35(replicas: 3)
        let cache = TraceCache()
        _ = try Self.run(s, traces: cache)
        let copied = try Self.run(s, traces: cache)
        #expect(Self.difference(try Self.run(s, traces: nil), copied) == nil)
        let disks = try #require(s.targets.firstIndex { $0.name == "disks" })
        #expect(copied.days[1].targetUsed[disks] == 1_610_612_736)
    }

    /// The snapshot's replicas are those of `snapshot_target`, not of the job's target: with
    /// 2 replicas, day 1 under `disks` is 0.5 GiB × 2 = 1 GiB = 1 073 741 824 B.
    @Test("a sweep of the snapshot target's replicas simulates the job again")
    func snapshotReplicas() throws {
        let cache = TraceCache()
        _ = try Self.run(try Self.e35(replicas: 3), traces: cache)
        let s = try Self.e35(replicas: 2)
        let reused = try Self.run(s, traces: cache)
        #expect(Self.difference(try Self.run(s, traces: nil), reused) == nil)
        let disks = try #require(s.targets.firstIndex { $0.name == "disks" })
        #expect(reused.days[1].targetUsed[disks] == 1_073_741_824)
    }
}
