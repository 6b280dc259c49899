import PlanCore
import PlanIO
import Testing

/// Extreme but valid scenarios: each must simply work, with finite, non-negative numbers,
/// in bounded time (no timing is asserted; a hang or a blow-up of memory is the failure).
@Suite("Extreme but valid input")
struct ExtremeInputTests {
    @Test("a 100-year horizon with hourly backups")
    func centuryOfHourlyBackups() throws {
        let run = try CheckedRun(
            """
            version: 1
            name: century
            start: 2026-01-01
            horizon: 100y
            workloads:
              db: {kind: postgres, size: 100MiB, growth: 1MiB/day, wal: 10MiB/day}
              files: {kind: volume, size: 50MiB, growth: 100KiB/day, churn: 1MiB/day}
            backups:
              cnpg:
                hourly-base: {workload: db, schedule: "0 0 * * * *", retention: 7d, target: s3}
              longhorn:
                hourly: {schedule: "@hourly", retain: 48, volumes: [files], target: s3}
            targets:
              s3: {kind: s3, region: us-east-1}
            kpis:
              monthly_budget: 100
              rpo: 1h
              rto: 30min
              efficiency: 10%
            """)
        // 100y = 100 × 365 d = 36,500 days: 2026-01-01 … 2125-12-07 (100 calendar years
        // would be 36,524 days), so 1,200 months, the last one partial (7 days).
        #expect(run.result.horizonDays == 36_500)
        #expect(run.sink.days == 36_500)
        let totals = run.result.monthly.filter { $0.target == "total" }
        #expect(totals.count == 1_200)
        #expect(totals.last?.month == "2125-12")
        #expect(totals.last?.days == 7)
        // Longhorn keeps its last 48 hourly backups, every day once the first two days are past.
        let longhorn = try #require(run.sink.layout.jobRows.first { $0.job == "longhorn/hourly" })
        #expect(run.sink.lastDay?.jobs[longhorn.source].restorePoints == 48)
        run.expectSane()
    }

    @Test("petabyte volumes on a 100 PB MinIO")
    func petabytes() throws {
        let run = try CheckedRun(
            """
            version: 1
            name: peta
            start: 2026-01-01
            horizon: 365d
            workloads:
              lake: {kind: volume, size: 2PiB, growth: 1PiB/year, churn: 10TiB/day, volume: 8PiB}
              warehouse: {kind: postgres, size: 1PiB, growth: 1PiB/year, churn: 5%/month}
            backups:
              cnpg:
                warehouse:
                  workload: warehouse
                  schedule: "0 0 2 * * 0"
                  retention: 4w
                  compression: gzip
                  wal_compression: zstd
                  target: minio
              longhorn:
                nightly: {schedule: "0 3 * * *", retain: 14, volumes: [lake], target: minio}
              velero:
                weekly: {schedule: "0 4 * * 0", volumes: [lake], mode: full, target: minio}
            targets:
              minio: {kind: minio, capacity: 100PB, drives: 4, monthly_cost: 100000}
            kpis:
              monthly_budget: 1000000
              rpo: 1d
              rto: 1w
              efficiency: 30%
            """)
        #expect(run.sink.days == 365)
        // 2 PiB + 1 PiB/year × 364/365.25 of a year at the last day's end: about 3 PiB.
        let lake = try #require(run.sink.layout.workloads.firstIndex { $0.name == "lake" })
        let size = try #require(run.sink.lastDay?.workloads[lake].size)
        #expect(size > 2.9 * 1_125_899_906_842_624 && size < 3.1 * 1_125_899_906_842_624)
        #expect(run.result.targets.allSatisfy { $0.peakUsed.bytes > 1e15 }, "petabytes stored")
        run.expectSane()
    }

    @Test("1,000 workloads under one Longhorn job")
    func thousandWorkloads() throws {
        let names = (0..<1_000).map { "vol-" + String(1_000 + $0).dropFirst() }
        var yaml = "version: 1\nname: thousand\nstart: 2026-01-01\nhorizon: 30d\nworkloads:\n"
        for (i, name) in names.enumerated() {
            yaml += "  \(name): {kind: volume, size: \(1 + i % 50)GiB, growth: 10MiB/day, churn: 50MiB/day}\n"
        }
        yaml += """
            backups:
              longhorn:
                nightly:
                  schedule: "0 3 * * *"
                  retain: 7
                  volumes: [\(names.joined(separator: ", "))]
                  target: s3
            targets:
              s3: {kind: s3}
            """
        let run = try CheckedRun(yaml)
        #expect(run.sink.days == 30)
        #expect(run.sink.layout.workloads.count == 1_000)
        // One daily.csv row per volume: 1,000 a day.
        #expect(run.sink.rows == 30 * 1_000)
        // kpis.csv: monthly_budget, rpo and rto per workload, efficiency (no capacity, no volume).
        #expect(run.result.kpis.count == 1 + 1_000 + 1_000 + 1)
        run.expectSane()
    }
}

/// Loads and simulates a scenario text through a checking sink.
struct CheckedRun {
    let result: SimulationResult
    let sink: CheckingSink

    init(_ yaml: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let options = LoadOptions(file: "extreme.yaml", defaultName: "extreme", today: CivilDate(year: 2026, month: 1, day: 1))
        let scenario: Scenario
        switch ScenarioLoader.load(text: yaml, options: options) {
        case .success(let s): scenario = s
        case .failure(let d):
            Issue.record("scenario does not load:\n\(d.description)", sourceLocation: sourceLocation)
            throw d
        }
        var sink = CheckingSink()
        switch Engine.simulate(scenario, into: &sink) {
        case .success(let r): result = r
        case .failure(let d):
            Issue.record("scenario does not simulate:\n\(d)", sourceLocation: sourceLocation)
            throw d
        }
        self.sink = sink
    }

    /// Every summary figure finite and non-negative, and no bad value in any daily row.
    ///
    /// Every workload of these scenarios is protected by a job that runs on day 0, so no
    /// KPI is infinite (model.md gives `inf` only for a workload never backed up); a KPI's
    /// worst is empty only for an efficiency with nothing stored, which does not happen here.
    func expectSane(sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(sink.problems == [], sourceLocation: sourceLocation)
        for k in result.kpis {
            let what = "\(k.kpi.rawValue) \(k.subject)"
            if let limit = k.limit { #expect(limit.isFinite && limit >= 0, "\(what) limit \(limit)", sourceLocation: sourceLocation) }
            if let worst = k.worst {
                #expect(worst.isFinite && worst >= 0, "\(what) worst \(worst)", sourceLocation: sourceLocation)
            } else {
                Issue.record("\(what): no worst value", sourceLocation: sourceLocation)
            }
        }
        for m in result.monthly {
            let values = [m.fixedCost.amount, m.storageCost.amount, m.requestCost.amount, m.totalCost.amount, m.gbMonths, m.putRequests]
            #expect(values.allSatisfy { $0.isFinite && $0 >= 0 }, "\(m.month) \(m.target): \(values)", sourceLocation: sourceLocation)
        }
        for t in result.targets {
            let values = [t.peakUsed.bytes] + (t.usable.map { [$0.bytes] } ?? []) + (t.neededCapacity.map { [$0.bytes] } ?? [])
            #expect(values.allSatisfy { $0.isFinite && $0 >= 0 }, "target \(t.name): \(values)", sourceLocation: sourceLocation)
        }
        for w in result.workloads {
            #expect(w.peakSize.bytes.isFinite && w.peakSize.bytes >= 0, "workload \(w.name)", sourceLocation: sourceLocation)
        }
        #expect(result.totalCost.amount.isFinite && result.totalCost.amount >= 0, sourceLocation: sourceLocation)
        #expect(result.peakMonthlyCost.amount.isFinite && result.peakMonthlyCost.amount >= 0, sourceLocation: sourceLocation)
    }
}

/// Counts the daily rows and checks each value as it streams past (nothing is kept but
/// the last day): finite and non-negative, except an RTO that is infinite before the
/// first restore point (model.md).
struct CheckingSink: SimulationSink {
    private(set) var layout = RowLayout(jobRows: [], workloads: [], targets: [])
    private(set) var days = 0
    /// `daily.csv` rows.
    private(set) var rows = 0
    private(set) var lastDay: DayRows?
    /// The first few bad values found.
    private(set) var problems: [String] = []

    mutating func begin(_ layout: RowLayout) { self.layout = layout }

    mutating func day(_ r: DayRows) {
        days += 1
        rows += layout.jobRows.count
        for key in layout.jobRows {
            let v = r.jobs[key.source]
            check([v.restorePoints, v.stored, v.raw, v.uploaded, v.objects, v.putRequests], "\(r.date) \(key.job) \(key.workload)")
        }
        for (i, w) in layout.workloads.enumerated() {
            let v = r.workloads[i]
            check([v.size] + (v.wal.map { [$0] } ?? []), "\(r.date) \(w.name)")
            if let rto = v.rto, rto.isNaN || rto < 0 { note("\(r.date) \(w.name) rto \(rto)") }
        }
        for (i, t) in layout.targets.enumerated() { check([r.targetUsed[i]], "\(r.date) \(t.name)") }
        lastDay = r
    }

    private mutating func check(_ values: [Double], _ what: String) {
        if let bad = values.first(where: { !$0.isFinite || $0 < 0 }) { note("\(what): \(bad) in \(values)") }
    }

    private mutating func note(_ problem: String) {
        if problems.count < 5 { problems.append(problem) }
    }
}
