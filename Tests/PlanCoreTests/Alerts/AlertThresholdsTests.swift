import Testing

@testable import PlanCore

@Suite("Alert thresholds")
struct AlertThresholdsTests {
    static let start = CivilDate(year: 2026, month: 1, day: 1)

    struct GapCase: Sendable, CustomTestStringConvertible {
        var text: String
        var dialect: CronDialect
        var gap: Double
        var why: String
        var testDescription: String { "'\(text)': \(why)" }
    }

    @Test(
        "the longest gap between fire times, worked by hand",
        arguments: [
            GapCase(text: "0 3 * * *", dialect: .standard, gap: 86_400, why: "daily at 03:00: 24 h"),
            GapCase(text: "0 0 2 * * *", dialect: .cnpg, gap: 86_400, why: "CNPG seconds first, daily at 02:00: 24 h"),
            // Monthly on the 1st: the longest month has 31 days = 2,678,400 s.
            GapCase(text: "0 4 1 * *", dialect: .standard, gap: 31 * 86_400, why: "monthly: the longest month, 31 d"),
            // Mon–Fri at 01:00: Friday 01:00 to Monday 01:00 is 3 days.
            GapCase(text: "0 1 * * 1-5", dialect: .standard, gap: 3 * 86_400, why: "weekdays: the weekend, 72 h"),
            GapCase(text: "@every 6h", dialect: .standard, gap: 21_600, why: "@every 6h: 6 h"),
            // 29 February: 2028 is the only leap day within four years and a day of
            // 2026-01-01, so it fires once, and the gap is the whole window (1465 days).
            GapCase(text: "0 0 29 2 *", dialect: .standard, gap: 1_465 * 86_400, why: "leap day: fires once, the whole window"),
        ])
    func longestGap(_ c: GapCase) throws {
        let schedule = try CronSchedule.parse(c.text, dialect: c.dialect).get()
        #expect(AlertThresholds.longestGap(schedule, start: Self.start) == c.gap)
    }

    /// A scenario of one Velero job, one CNPG cluster and one MinIO target, built by hand.
    func scenario(rpo: Seconds?, growth: Rate = .absolute(bytesPerDay: ByteCount.giB)) throws -> Scenario {
        let db = Workload(
            name: "db", kind: .postgres, size: ByteCount(10 * ByteCount.giB), growth: growth,
            wal: .absolute(bytesPerDay: 10 * ByteCount.giB), volume: ByteCount(100 * ByteCount.giB))
        let cnpg = CNPGJob(
            name: "db-backup", workload: "db", schedule: try CronSchedule.parse("0 0 2 * * *", dialect: .cnpg).get(), retentionDays: 7,
            target: "minio")
        let velero = VeleroJob(name: "nightly", schedule: try CronSchedule.parse("0 3 * * *", dialect: .standard).get(), volumes: [], target: "minio")
        let minio = Target(name: "minio", kind: .minio, capacity: ByteCount(1e12), drives: 4, alert: Share(0.8))
        return Scenario(
            name: "hand", start: Self.start, horizonDays: 30, workloads: [db], cnpg: [cnpg], velero: [velero], targets: [minio],
            kpis: KPILimits(rpo: rpo))
    }

    func thresholds(_ s: Scenario) throws -> AlertThresholds {
        AlertThresholds.derive(s, result: try Engine.simulate(s).get())
    }

    @Test("backups late: gap + 1 h + the copy time at the restore bandwidth, in whole minutes")
    func backupLate() throws {
        let t = try thresholds(scenario(rpo: Seconds(3_600)))
        let velero = try #require(t.backups.first { $0.tool == .velero })
        // '0 3 * * *': gap 86,400 s. Only the resources (10 MiB) at 100 MiB/s: 0.1 s, so the
        // margin is 3,600.1 s rounded up to a minute, 3,660 s; threshold 90,060 s (25 h 1 min).
        #expect(velero.gap == 86_400)
        #expect(velero.margin == 3_660)
        #expect(velero.threshold == 90_060)
        let cnpg = try #require(t.backups.first { $0.tool == .cnpg })
        // The database's peak over 30 days: 10 GiB + 30 × 1 GiB = 40 GiB at day's end of day 29
        // (size at 30 d = 40 GiB); 40 GiB / 100 MiB/s = 409.6 s; margin 3,600 + 409.6 → 4,020 s.
        #expect(cnpg.gap == 86_400)
        #expect(cnpg.margin == 4_020)
    }

    @Test("WAL: the RPO budget, the backlog of one budget's WAL in 16 MiB segments")
    func wal() throws {
        let t = try #require(try thresholds(scenario(rpo: Seconds(3_600))).wal.first)
        // 10 GiB/day for 1 h = 426.7 MiB = 26.7 segments → 27, above the 12 forced switches
        // (3,600 / 300). Failing alerts after half the budget: 1,800 s.
        #expect(t.budget == 3_600)
        #expect(t.backlogSegments == 27)
        #expect(t.failingFor == 1_800)
        // Without kpis.rpo: 12 × archive_timeout (300 s) = 3,600 s, still from the scenario.
        let noRPO = try #require(try thresholds(scenario(rpo: nil)).wal.first)
        #expect(noRPO.budget == 3_600)
        #expect(!noRPO.budgetFromRPO)
    }

    @Test("capacity: alert × usable, usable = capacity × (drives − parity) / drives")
    func capacity() throws {
        let t = try #require(try thresholds(scenario(rpo: nil)).targets.first)
        // 1 TB on 4 drives, default parity 2: usable 5e11; alert 80%: 4e11 bytes.
        #expect(t.usable == 5e11)
        #expect(t.limit == 4e11)
        // The target's jobs run daily: the window covers at least one day.
        #expect(t.window >= 86_400)
        #expect(t.window <= AlertThresholds.windowBounds.1)
    }

    @Test("volume: the lead is the time from volume_alert to full at the planned growth")
    func volume() throws {
        let v = try #require(try thresholds(scenario(rpo: nil)).volumes.first)
        // 100 GiB, alert 80%: 20 GiB of headroom at 1 GiB/day = 20 days = 1,728,000 s;
        // window a quarter: 5 days = 432,000 s.
        #expect(abs(v.lead - 1_728_000) < 1e-6)
        #expect(v.window == 432_000)
        // Relative growth of 10% per 10 days at the alert level (80 GiB): daily factor
        // 1.1^(1/10) = 1.009577…, 80 GiB × 0.009577 = 0.7662 GiB/day; 20 GiB / that = 26.1 days.
        let rel = try #require(try thresholds(scenario(rpo: nil, growth: .relative(fraction: 0.1, periodDays: 10))).volumes.first)
        #expect(abs(rel.lead / 86_400 - 26.103) < 0.01)
    }

    @Test("growth: 25% above the plan plus 1% of the volume a day")
    func growth() throws {
        let g = try #require(try thresholds(scenario(rpo: nil)).growth.first)
        // (1.25 × 1 GiB + 0.01 × 100 GiB) / 86,400 = 2.25 GiB / 86,400 = 27,962.03 B/s.
        #expect(g.factor == 0)
        #expect(abs(g.offset - 2.25 * ByteCount.giB / 86_400) < 1e-6)
    }
}
