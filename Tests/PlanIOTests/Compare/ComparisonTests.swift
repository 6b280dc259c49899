import Testing

@testable import PlanCore
@testable import PlanIO

/// `plan compare` on a scenario small enough to work out by hand: a Velero job storing
/// 1 GiB of resources per run with a 5-day ttl, on a 4.5 GiB MinIO replicated to S3.
/// A runs it daily, B every 12 hours (the what-if).
@Suite("Compare")
struct ComparisonTests {
    static let yaml = """
        name: cmp
        start: 2026-01-01
        horizon: 10d
        workloads: {}
        backups:
          velero:
            res: {schedule: "0 0 * * *", ttl: 120h, resources: 1GiB, target: m}
        targets:
          m: {kind: minio, capacity: 4.5Gi, monthly_cost: 31}
          off: {kind: s3, replicates: [velero/res], prices: {storage_gb_month: 0.5, put_per_1000: 5}}
        kpis:
          monthly_budget: 36
        """
    static let whatIf = "backups.velero.res.schedule=\"0 */12 * * *\""
    static let gib = 1_073_741_824.0

    static func side(_ overrides: [String]) throws -> ComparisonSide {
        let options = LoadOptions(
            file: "test.yaml", defaultName: "test", today: CivilDate(year: 2026, month: 1, day: 1),
            overrides: try overrides.map { try Override.parse($0).get() })
        let s = try ScenarioLoader.load(text: yaml, options: options).get()
        let result = try Engine.simulate(s).get()
        return ComparisonSide(
            label: "cmp", runID: nil, scenarioPath: "cmp.yaml", overrides: overrides, contentHash: ScenarioSettings.hash(s),
            settings: ScenarioSettings.flatten(s).map { Setting(path: $0.path, value: $0.value) }, result: result)
    }

    static func comparison() throws -> RunComparison {
        RunComparison(a: try side([]), b: try side([whatIf]))
    }

    // Runs at t = k × 86,400 (A) or j × 43,200 (B); a run is kept at the end of day d
    // (now = 86,400 (d + 1)) while t + 5 d > now, so:
    // A keeps runs k = d − 3 … d: used 1, 2, 3, 4, 4, 4, 4, 4, 4, 4 GiB (sum 34 GiB-days);
    // B keeps runs j = 2d − 7 … 2d + 1: used 2, 4, 6, 8, 9, 9, 9, 9, 9, 9 GiB (sum 74).
    // The S3 target `off` replicates the job: the same bytes, and the same 10 PUTs a run.

    @Test("the only setting that differs is the schedule")
    func settings() throws {
        let c = try Self.comparison()
        #expect(c.settings == [.init(path: "backups.velero.res.schedule", a: "0 0 * * *", b: "0 */12 * * *")])
    }

    @Test("peak used and the alert and full dates per target")
    func targets() throws {
        let c = try Self.comparison()
        #expect(c.targets.map(\.target) == ["m", "off"])
        let m = c.targets[0]
        // Peaks 4 GiB and 9 GiB: Δ 5 GiB = 5,368,709,120 B, Δ% = 5 / 4 = +125%.
        #expect(m.peakUsed.a == 4 * Self.gib)
        #expect(m.peakUsed.b == 9 * Self.gib)
        #expect(m.peakUsed.delta == 5_368_709_120)
        #expect(m.peakUsed.relative == 1.25)
        // Alert at 0.8 × 4.5 GiB = 3.6 GiB: A passes it with 4 GiB on day 3 (01-04), B
        // with 4 GiB on day 1 (01-02): 2 days earlier.
        #expect(m.alert == DateChange(a: CivilDate(year: 2026, month: 1, day: 4), b: CivilDate(year: 2026, month: 1, day: 2)))
        #expect(m.alert.days == -2)
        // Full above 4.5 GiB: A never (4 GiB at most), B with 6 GiB on day 2 (01-03).
        #expect(m.full == DateChange(a: nil, b: CivilDate(year: 2026, month: 1, day: 3)))
        #expect(m.full.days == nil)
        // S3 has no capacity: the same peaks, no dates.
        #expect(c.targets[1].peakUsed == m.peakUsed)
        #expect(c.targets[1].alert == DateChange(a: nil, b: nil))
    }

    @Test("monthly cost per target and in total, per month and over the horizon")
    func costs() throws {
        let c = try Self.comparison()
        // One month, January, 10 of its 31 days.
        // m (MinIO): fixed only, 31 × 10/31 = 10.00 on both sides.
        // off (S3): storage 0.5 × GB-months (34/31 and 74/31) = 17/31 and 37/31; PUTs 100
        //   (10 runs) and 200 (20 runs) at 5 per 1000 = 0.50 and 1.00;
        //   A = 17/31 + 1/2 = 65/62, B = 37/31 + 1 = 68/31; Δ = 71/62, Δ% = 71/65.
        // total: A = 10 + 65/62 = 685/62, B = 10 + 68/31 = 378/31; Δ = 71/62, Δ% = 71/685.
        let tolerance = 1e-12
        func close(_ x: Double?, _ y: Double) -> Bool { x.map { Swift.abs($0 - y) < tolerance } ?? false }
        #expect(c.monthly.map(\.target) == ["m", "off", "total"])
        #expect(c.monthly.allSatisfy { $0.month == "2026-01" })
        let (m, off, total) = (c.monthly[0].cost, c.monthly[1].cost, c.monthly[2].cost)
        #expect(close(m.a, 10) && close(m.b, 10) && close(m.delta, 0) && m.relative == 0)
        #expect(close(off.a, 65.0 / 62) && close(off.b, 68.0 / 31))
        #expect(close(off.delta, 71.0 / 62) && close(off.relative, 71.0 / 65))
        #expect(close(total.a, 685.0 / 62) && close(total.b, 378.0 / 31))
        #expect(close(total.delta, 71.0 / 62) && close(total.relative, 71.0 / 685))
        // Over the horizon: the single month again, per target then total.
        #expect(c.horizon.map(\.target) == ["m", "off", "total"])
        #expect(c.horizon.allSatisfy { $0.month == nil })
        #expect(close(c.horizon[1].cost.delta, 71.0 / 62))
        #expect(close(c.horizon[2].cost.a, 685.0 / 62))
    }

    @Test("every KPI's worst value and status, and the status changes")
    func kpis() throws {
        let c = try Self.comparison()
        #expect(
            c.kpis.map { "\($0.kpi.rawValue) \($0.subject)" } == [
                "monthly_budget total", "efficiency all", "capacity_alert m", "capacity_full m",
            ])
        // Budget: the partial month scaled by 31/10: A 685/62 × 3.1 = 34.25 ≤ 36 passes,
        // B 378/31 × 3.1 = 37.80 > 36 fails; Δ 3.55, Δ% 3.55 / 34.25.
        let budget = c.kpis[0]
        #expect(Swift.abs(budget.worst.a! - 34.25) < 1e-12)
        #expect(Swift.abs(budget.worst.b! - 37.8) < 1e-12)
        #expect(Swift.abs(budget.worst.delta! - 3.55) < 1e-12)
        #expect(Swift.abs(budget.worst.relative! - 3.55 / 34.25) < 1e-12)
        #expect((budget.statusA, budget.statusB, budget.statusChanged) == (.pass, .fail, true))
        // Efficiency: resources are stored as they are (1 − stored/raw = 0); no limit.
        #expect(c.kpis[1].worst == NumberChange(a: 0, b: 0))
        #expect((c.kpis[1].statusA, c.kpis[1].statusB, c.kpis[1].statusChanged) == (.info, .info, false))
        // Capacity: peaks 4 and 9 GiB against 3.6 GiB (both fail) and 4.5 GiB (B only).
        #expect(c.kpis[2].worst.delta == 5 * Self.gib)
        #expect((c.kpis[2].statusA, c.kpis[2].statusB, c.kpis[2].statusChanged) == (.fail, .fail, false))
        #expect(c.kpis[3].limit == NumberChange(a: 4.5 * Self.gib, b: 4.5 * Self.gib))
        #expect((c.kpis[3].statusA, c.kpis[3].statusB, c.kpis[3].statusChanged) == (.pass, .fail, true))
    }

    @Test("the table shows the deltas and marks the status changes")
    func table() throws {
        let text = ComparisonRenderer(color: false).table(try Self.comparison())
        // 4 GiB → 9 GiB: Format.bytes(5 GiB) = "5.00 GiB"; alert 2 days earlier.
        #expect(text.contains("  m       peak used    4.00 GiB    9.00 GiB  +5.00 GiB  +125.0%"))
        #expect(text.contains("     alert on   2026-01-04  2026-01-02        -2d"))
        #expect(text.contains("     full on             —  2026-01-03          —"))
        // total 685/62 = 11.05, 378/31 = 12.19, Δ 71/62 = 1.15, Δ% 71/685 = 10.4%; January
        // is simulated for 10 of its 31 days.
        #expect(text.contains("2026-01*  total   11.05  12.19  +1.15   +10.4%"))
        #expect(text.contains("  * a month simulated in part, on one side or both\n"))
        #expect(text.contains("pass → FAIL"))
        #expect(text.contains("2 KPIs change status: 2 fail in B only"))
    }

    @Test("CSV: one row per figure, cells as in the CSV files")
    func csv() throws {
        let lines = ComparisonRenderer.csv(try Self.comparison()).split(separator: "\n").map(String.init)
        #expect(lines.first == "section,subject,item,unit,a,b,delta,relative")
        #expect(lines.contains("setting,backups.velero.res.schedule,value,,0 0 * * *,0 */12 * * *,,"))
        // 4 GiB = 4,294,967,296 B; 9 GiB = 9,663,676,416 B; Δ% 1.25.
        #expect(lines.contains("target,m,peak_used,bytes,4294967296,9663676416,5368709120,1.250000"))
        #expect(lines.contains("target,m,alert_date,date,2026-01-04,2026-01-02,-2,"))
        #expect(lines.contains("target,m,full_date,date,,2026-01-03,,"))
        // 65/62 = 1.048387…, 68/31 = 2.193548…, 71/62 = 1.145161…, 71/65 = 1.092308…
        #expect(lines.contains("cost,off,2026-01,money,1.0484,2.1935,1.1452,1.092308"))
        #expect(lines.contains("cost,total,horizon,money,11.0484,12.1935,1.1452,0.103650"))
        #expect(lines.contains("kpi,total,monthly_budget,money,34.2500,37.8000,3.5500,0.103650"))
        #expect(lines.contains("kpi_status,m,capacity_full,,pass,fail,changed,"))
    }

    @Test("JSON: one document, numbers as the CSV cells")
    func json() throws {
        let text = ComparisonRenderer.json(try Self.comparison())
        #expect(text.hasPrefix("{\n  \"a\": {\"label\": \"cmp\""))
        #expect(text.contains("{\"path\": \"backups.velero.res.schedule\", \"a\": \"0 0 * * *\", \"b\": \"0 */12 * * *\"}"))
        #expect(
            text.contains(
                "\"peak_used_bytes\": {\"a\": 4294967296, \"b\": 9663676416, \"delta\": 5368709120, \"relative\": 1.250000}"))
        #expect(text.contains("\"full_date\": {\"a\": null, \"b\": \"2026-01-03\", \"delta_days\": null}"))
        #expect(text.contains("{\"month\": \"2026-01\", \"partial\": true, \"target\": \"m\", \"a\": 10.0000, \"b\": 10.0000"))
        #expect(text.contains("\"status_a\": \"pass\", \"status_b\": \"fail\", \"status_changed\": true"))
    }
}
