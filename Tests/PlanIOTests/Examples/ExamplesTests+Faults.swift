import Testing

@testable import PlanCore
@testable import PlanIO

/// examples.md section 20, "Version 2: faults", the `runs-fail` examples: each value worked
/// out by hand there (the arithmetic is repeated in the comments). The faults are added to
/// the loaded scenario as the loader reads them (seconds since the start's 00:00 UTC).
@Suite("spec/examples.md, faults")
struct FaultExamplesTests {
    static let day = 86_400.0

    static func run(_ yaml: String, faults: [Fault], successRate: Double? = nil) throws -> Version2Run.Collector.Result {
        let options = LoadOptions(file: "example.yaml", defaultName: "example", today: CivilDate(year: 2026, month: 1, day: 1))
        var scenario = try ScenarioLoader.load(text: yaml, options: options).get()
        scenario.faults = faults
        scenario.hasFaultKeys = true
        scenario.kpis.successRate = successRate.map(Share.init)
        var sink = Version2Run.Collector()
        let result = try Engine.simulate(scenario, into: &sink).get()
        return (result, sink)
    }

    func kpi(_ r: SimulationResult, _ kind: KPIKind, _ subject: String) -> KPIRow? {
        r.kpis.first { $0.kpi == kind && $0.subject == subject }
    }

    @Test("E44: a nightly that fails three times")
    func e44() throws {
        let (result, days) = try Self.run(
            """
            version: 2
            name: e44
            start: 2026-01-01
            horizon: 10d
            workloads:
              vol: {kind: volume, size: 10GiB}
            backups:
              velero:
                nightly: {schedule: "0 3 * * *", ttl: 48h, volumes: [vol], target: m}
            targets:
              m: {kind: minio, capacity: 10Ti}
            kpis: {rpo: 1d}
            """,
            // outage: from 2026-01-04 (day 3) until 2026-01-07 (day 6).
            faults: [Fault(name: "outage", kind: .runsFail, job: "velero/nightly", from: 3 * Self.day, until: 6 * Self.day)],
            successRate: 0.999)
        // Runs of days 3, 4, 5 fail; the gap day 2 03:00 → day 6 03:00 = 345600 s > 1 d.
        let rpo = try #require(kpi(result, .rpo, "vol"))
        #expect(rpo.worst == 345_600 && rpo.status == .fail)
        #expect(kpi(result, .rto, "vol")?.worst == .infinity)
        // 7 of 10 succeed; after the day-3 run the running rate is 3/4 < 0.999.
        let rate = try #require(kpi(result, .successRate, "velero/nightly"))
        #expect(rate.worst == 0.7 && rate.status == .fail)
        #expect(rate.firstFailure == CivilDate(year: 2026, month: 1, day: 4))
        // The day-2 point expires at day 4 03:00: no restore point on days 4 and 5.
        #expect(days.days[4].workloads[0].rto == .infinity && days.days[5].workloads[0].rto == .infinity)
        let i = try #require(days.layout.jobRows.firstIndex { $0.workload == "vol" })
        let source = days.layout.jobRows[i].source
        #expect((3...6).map { days.days[$0].jobs[source].restorePoints } == [1, 0, 0, 1])
        // faults.csv: one run scheduled a day; failed on days 3, 4, 5.
        #expect(days.days.map { $0.faults[0].runsFailed } == [0, 0, 0, 1, 1, 1, 0, 0, 0, 0])
        #expect(days.days.allSatisfy { $0.faults[0].runsScheduled == 1 && $0.faults[0].walHeld == nil })
    }

    @Test("E45: base backups fail, WAL goes on")
    func e45() throws {
        let (result, days) = try Self.run(
            """
            version: 2
            name: e45
            start: 2026-01-01
            horizon: 5d
            workloads:
              db: {kind: postgres, size: 100GiB, wal: 8GiB/day, volume: 200Gi}
            backups:
              cnpg:
                pg: {workload: db, schedule: "0 0 0 * * *", retention: 7d, target: m}
            targets:
              m: {kind: minio, capacity: 10Ti}
            """,
            // broken: from 2026-01-02 (day 1) for 2 days.
            faults: [Fault(name: "broken", kind: .runsFail, job: "cnpg/pg", from: Self.day, until: 3 * Self.day)], successRate: 0.9)
        // Day 2: the newest base is day 0's: 100 GiB / 100 MiB/s + 24 GiB / 32 MiB/s = 1792 s.
        #expect(kpi(result, .rto, "db")?.worst == 1792)
        #expect(kpi(result, .rpo, "db")?.worst == 300)
        let rate = try #require(kpi(result, .successRate, "cnpg/pg"))
        #expect(rate.worst == 0.6 && rate.status == .fail)
        #expect(rate.firstFailure == CivilDate(year: 2026, month: 1, day: 2))  // 1/2 < 0.9
        // pg_wal on the data volume: 100 GiB + 1 GiB of a 200 GiB volume.
        let full = try #require(kpi(result, .walVolumeFull, "db"))
        #expect(full.limit == 214_748_364_800 && full.worst == 108_447_924_224 && full.status == .pass)
        // (200 − 100 − 1) GiB / (512 segments × 16 MiB / 86400 s) = 1069200 s.
        #expect(kpi(result, .walTolerance, "db")?.worst == 1_069_200)
        #expect(days.days.map { $0.faults[0].pgWALPeak } == Array(repeating: 1_073_741_824, count: 5))
        #expect(days.days.map { $0.faults[0].walHeld } == Array(repeating: 0, count: 5))
    }

    @Test("E44 as examples.md writes it, faults map and all, gives the same figures")
    func e44FromYAML() throws {
        let run = try Version2Run(FaultScenarios.e44)
        #expect(kpi(run.result, .rpo, "vol")?.worst == 345_600)
        let rate = try #require(kpi(run.result, .successRate, "velero/nightly"))
        #expect(rate.worst == 0.7 && rate.firstFailure == CivilDate(year: 2026, month: 1, day: 4))
        #expect(run.result.hasFaults)
    }

    static let gib = 1_073_741_824.0

    @Test("E47: CNPG retention stops and the bucket keeps growing")
    func e47() throws {
        let run = try Version2Run(FaultScenarios.e47)
        // Checks of days 4 and 5 delete bases 0, 1 and WAL days 0, 1; from day 6 none runs:
        // day 9 keeps bases 2–9 and WAL days 2–9, 8 × (10 + 1) = 88 GiB.
        let day9 = try #require(run.row(day: 9, job: "cnpg/pg", target: "m", workload: "db"))
        #expect(day9.stored == 88 * Self.gib)
        let i = try #require(run.collector.layout.jobRows.firstIndex { $0.job == "cnpg/pg" })
        #expect(run.collector.days[9].jobs[run.collector.layout.jobRows[i].source].restorePoints == 8)
    }

    @Test("E48: Longhorn retention stops, then catches up on a versioned bucket")
    func e48() throws {
        let run = try Version2Run(FaultScenarios.e48)
        // Runs of days 2–4 keep every point: day 4, 5 points, 10 + 4 = 14 GiB. Day 5's run (at
        // until) keeps 2: 11 GiB; deleted 14 + 1 − 11 = 4 GiB, noncurrent for one day more.
        let i = try #require(run.collector.layout.jobRows.firstIndex { $0.job == "longhorn/lh" })
        let source = run.collector.layout.jobRows[i].source
        #expect(run.collector.days[4].jobs[source].restorePoints == 5)
        #expect(run.row(day: 4, job: "longhorn/lh", target: "m", workload: "vol")?.stored == 14 * Self.gib)
        let day5 = try #require(run.row(day: 5, job: "longhorn/lh", target: "m", workload: "vol"))
        #expect(run.collector.days[5].jobs[source].restorePoints == 2)
        #expect(day5.stored == 11 * Self.gib && day5.deleted == 4 * Self.gib && day5.noncurrent == 4 * Self.gib)
        #expect(run.row(day: 6, job: "longhorn/lh", target: "m", workload: "vol")?.noncurrent == Self.gib)
    }

    @Test("E50: Kopia maintenance stops and volume data is no longer reclaimed")
    func e50() throws {
        let run = try Version2Run(FaultScenarios.e50)
        // Run 0's pinned 1 GiB goes on day 2; from 4d every data deletion is postponed for
        // ever: day 9 holds runs 1–9, 10 + 8 = 18 GiB, with 1 restore point (run 9).
        #expect(run.row(day: 2, job: "velero/nightly", target: "m", workload: "vol")?.deleted == Self.gib)
        let day9 = try #require(run.row(day: 9, job: "velero/nightly", target: "m", workload: "vol"))
        #expect(day9.stored == 18 * Self.gib)
        let i = try #require(run.collector.layout.jobRows.firstIndex { $0.job == "velero/nightly" && $0.workload == "vol" })
        #expect(run.collector.days[9].jobs[run.collector.layout.jobRows[i].source].restorePoints == 1)
    }

    @Test("E46: a 6-hour archive outage fills a 10 GiB WAL volume")
    func e46() throws {
        let run = try Version2Run(FaultScenarios.e46)
        // 48 GiB/day = 2 GiB/h; the outage is [day 1 20:00, day 2 02:00).
        let days = run.collector.days
        // Day 1's end: 4 h held = 8 GiB, peak 1 + 8 = 9 GiB. Day 2: the base backup fails; the
        // peak at 02:00 is 12 GiB + 1 GiB, released that day.
        #expect(days[1].faults[0].walHeld == 8 * Self.gib && days[1].faults[0].pgWALPeak == 9 * Self.gib)
        #expect(days[2].faults[0].runsFailed == 1 && days[2].faults[0].walHeld == 0)
        #expect(days[2].faults[0].pgWALPeak == 13 * Self.gib)
        let full = try #require(kpi(run.result, .walVolumeFull, "db"))
        #expect(full.limit == 10 * Self.gib && full.worst == 13 * Self.gib && full.status == .fail)
        #expect(full.firstFailure == CivilDate(year: 2026, month: 1, day: 3))
        // (10 − 1) GiB / 2 GiB/h = 4.5 h = 16200 s ≥ 4 h.
        let tolerance = try #require(kpi(run.result, .walTolerance, "db"))
        #expect(tolerance.worst == 16_200 && tolerance.status == .pass)
        #expect(kpi(run.result, .rpo, "db")?.worst == 21_600)  // max(300, 6 h)
        // Day 1 uploads base 20 + WAL 40 GiB and stores 40 + 48 + 40; day 2 uploads 8 + 48 GiB
        // in 512 + 3072 PUTs.
        let i = try #require(run.collector.layout.jobRows.firstIndex { $0.job == "cnpg/pg" })
        let source = run.collector.layout.jobRows[i].source
        #expect(days[1].jobs[source].uploaded == 60 * Self.gib && days[1].jobs[source].stored == 128 * Self.gib)
        #expect(days[2].jobs[source].uploaded == 56 * Self.gib && days[2].jobs[source].putRequests == 3584)
        // RTO day 1: WAL up to 20:00, 204.8 + 40 GiB / 32 MiB/s; day 2: 204.8 + 96 GiB / 32 MiB/s.
        #expect(days[1].workloads[0].rto == 1484.8)
        #expect(days[2].workloads[0].rto == 3276.8)
    }

    @Test("E49: a MinIO maintenance window fails the runs, holds the WAL and fails the drill")
    func e49() throws {
        let run = try Version2Run(FaultScenarios.e49)
        // [day 1 00:30, 04:30): the 01:00 base and the 02:00 Velero run fail; WAL (1 GiB/h) is
        // held 4 h and archived at 04:30 the same day: peak pg_wal 1 + 4 = 5 GiB.
        let day1 = run.collector.days[1].faults
        let jobs = try #require(run.collector.layout.faultJobs).map(\.job)
        #expect(jobs == ["cnpg/pg", "velero/nightly"])
        #expect(day1.map(\.runsFailed) == [1, 1])
        #expect(day1[0].walHeld == 0 && day1[0].pgWALPeak == 5 * Self.gib)
        let i = try #require(run.collector.layout.jobRows.firstIndex { $0.job == "cnpg/pg" })
        #expect(run.collector.days[1].jobs[run.collector.layout.jobRows[i].source].putRequests == 1536)
        // The 03:00 drill of day 1 reads the down target: nothing read, restore infinite.
        let drill = try #require(run.result.drills.first { $0.date == CivilDate(year: 2026, month: 1, day: 2) })
        #expect(drill.bytesRead == 0 && drill.getRequests == 0 && drill.restoreSeconds == .infinity)
        let mttr = try #require(kpi(run.result, .mttr, "all"))
        #expect(mttr.worst == .infinity && mttr.firstFailure == CivilDate(year: 2026, month: 1, day: 2))
        #expect(kpi(run.result, .rpo, "db")?.worst == 14_400)  // max(300, 4 h)
        #expect(kpi(run.result, .rpo, "files")?.worst == 172_800)  // day 0 02:00 → day 2 02:00
        #expect(kpi(run.result, .successRate, "cnpg/pg")?.worst == 2.0 / 3)
        #expect(kpi(run.result, .successRate, "velero/nightly")?.worst == 2.0 / 3)
        // RTO db day 1: day 0's 01:00 base and 47 h of WAL: 102.4 + 47 GiB / 32 MiB/s = 1606.4.
        #expect(run.collector.days[1].workloads[0].rto == 1606.4)
    }
}
