import Testing

@testable import PlanCore
@testable import PlanIO

/// What a sweep's variants share besides job traces: the workloads' volume fill (kept with
/// the workload days for one `volume_alert` share) and each schedule's longest gap (kept
/// with its fire times in the `ScheduleCache`). Each figure is worked out by hand.
@Suite("Values a sweep's variants share")
struct TraceSharedValuesTests {
    static func load(_ yaml: String) throws -> Scenario {
        let options = LoadOptions(file: "t.yaml", defaultName: "t", today: CivilDate(year: 2026, month: 1, day: 1))
        return try ScenarioLoader.load(text: yaml, options: options).get()
    }

    static func kpi(_ r: SimulationResult, _ kind: KPIKind, _ subject: String) throws -> KPIRow {
        try #require(r.kpis.first { $0.kpi == kind && $0.subject == subject })
    }

    /// db: 10 GiB growing 1 GiB a day in a 20 GiB volume. At the end of day d (days since
    /// 2026-01-01) it holds 10 + (d + 1) GiB.
    static func volumes(alert: String) -> String {
        """
        name: v
        start: 2026-01-01
        horizon: 20d
        workloads:
          db: {kind: postgres, size: 10GiB, growth: 1GiB/day, volume: 20GiB}
        backups:
          cnpg:
            db-backup: {workload: db, schedule: "0 0 2 * * *", retention: 7d, target: s}
        targets:
          s: {kind: s3}
        kpis:
          volume_alert: \(alert)
        """
    }

    @Test("a run with another volume_alert share than the cached days' records its own fill")
    func volumeAlertShare() throws {
        let cache = TraceCache()
        let at80 = try Self.load(Self.volumes(alert: "80%"))
        let at50 = try Self.load(Self.volumes(alert: "50%"))
        // 80 %: over 16 GiB once 10 + (d + 1) > 16, d = 6 → 2026-01-07. 50 %: over 10 GiB
        // on day 0 (11 GiB) → 2026-01-01. Full: over 20 GiB from d = 10 → 2026-01-11.
        // Peak: day 19, 10 + 20 = 30 GiB = 32212254720 B.
        let runs = [
            (at80, CivilDate(year: 2026, month: 1, day: 7)), (at50, CivilDate(year: 2026, month: 1, day: 1)),
            (at80, CivilDate(year: 2026, month: 1, day: 7)),
        ]
        for (i, (s, alertDay)) in runs.enumerated() {
            let r = try Engine.simulate(s, traces: cache).get()
            let alert = try Self.kpi(r, .volumeAlert, "db")
            #expect(alert.firstFailure == alertDay, "run \(i + 1)")
            #expect(alert.worst == 32_212_254_720, "run \(i + 1)")
            #expect(try Self.kpi(r, .volumeFull, "db").firstFailure == CivilDate(year: 2026, month: 1, day: 11), "run \(i + 1)")
        }
        // One table of workload days for the three runs: the second and third used it.
        #expect(cache.workloadDaysCount == 1)
    }

    @Test("a CNPG job of an unknown workload (an unvalidated scenario) does not shift the other jobs' trace keys")
    func unknownWorkload() throws {
        var s = try Self.load(Self.volumes(alert: "80%"))
        // The engine simulates no job of an unknown workload; the real job is the second
        // in `s.cnpg` but the first simulated.
        var ghost = s.cnpg[0]
        ghost.name = "ghost"
        ghost.workload = "nope"
        s.cnpg.insert(ghost, at: 0)
        let cache = TraceCache()
        _ = try Engine.simulate(s, traces: cache).get()
        // The real job changes (7 → 30 days); the ghost does not. Its trace must not be
        // found under the ghost's settings.
        s.cnpg[1].retentionDays = 30
        let plain = try Engine.simulate(s).get()
        let cached = try Engine.simulate(s, traces: cache).get()
        #expect(cached.kpis == plain.kpis)
        #expect(cached.monthly == plain.monthly)
        #expect(cached.targets == plain.targets)
        #expect(cached.jobs == plain.jobs)
        // 30 days of daily base backups of a growing database store more than 7 days did.
        let seven = try Engine.simulate(try Self.load(Self.volumes(alert: "80%"))).get()
        #expect(plain.targets[0].peakUsed > seven.targets[0].peakUsed)
    }

    @Test("the longest gap kept with a schedule's fire times gives the RPO a plain run gives")
    func cachedGap() throws {
        // Mondays and Wednesdays at 02:00 from Thursday 2026-01-01: runs on the 5th, 7th,
        // 12th, 14th, …; the longest gap is Wednesday to Monday, 5 days = 432000 s.
        let s = try Self.load(
            """
            name: g
            start: 2026-01-01
            horizon: 28d
            workloads:
              data: {kind: volume, size: 1GiB}
            backups:
              velero:
                twice-weekly: {schedule: "0 2 * * 1,3", ttl: 720h, volumes: [data], target: s}
            targets:
              s: {kind: s3}
            """)
        var schedules = ScheduleCache(start: s.start, horizonDays: s.horizonDays)
        schedules.add(jobsOf: s)
        let fires = try JobSchedules.make(s, cache: schedules).get()
        #expect(fires.gaps?.velero == [432_000])
        let cached = try Engine.simulate(s, schedules: schedules, traces: TraceCache()).get()
        let plain = try Engine.simulate(s).get()
        #expect(try Self.kpi(cached, .rpo, "data").worst == 432_000)
        #expect(try Self.kpi(plain, .rpo, "data").worst == 432_000)
        // Without a cache the gap is not kept, and is computed from the times.
        #expect(try JobSchedules.make(s, cache: nil).get().gaps == nil)
    }
}
