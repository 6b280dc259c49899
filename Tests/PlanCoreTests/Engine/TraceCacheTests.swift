import Testing

@testable import PlanCore

/// Reusing a job's days across simulations must change nothing: every row of every day and
/// every summary figure equals a simulation without the cache.
@Suite("Trace cache")
struct TraceCacheTests {
    static func rows(_ s: Scenario, traces: TraceCache?) throws -> ([DayRows], SimulationResult) {
        var sink = RecordingSink()
        let r = try Engine.simulate(s, into: &sink, traces: traces).get()
        return (sink.days, r)
    }

    static func same(_ a: ([DayRows], SimulationResult), _ b: ([DayRows], SimulationResult)) -> Bool {
        guard a.0.count == b.0.count else { return false }
        for (x, y) in zip(a.0, b.0) where x.jobs != y.jobs || x.workloads != y.workloads || x.targetUsed != y.targetUsed { return false }
        return a.1.kpis == b.1.kpis && a.1.monthly == b.1.monthly && a.1.targets == b.1.targets && a.1.jobs == b.1.jobs
    }

    @Test("recorded, then copied: identical to no cache", arguments: 0..<120)
    func identical(seed: Int) throws {
        let s = RandomScenario.make(seed: UInt64(seed) &* 31 &+ 5)
        let plain = try Self.rows(s, traces: nil)
        let cache = TraceCache()
        let first = try Self.rows(s, traces: cache)  // records every job
        #expect(cache.count == s.cnpg.count + s.velero.count + s.longhorn.count)
        #expect(cache.workloadDaysCount == (cache.count > 0 ? 1 : 0), "one table of workload days, shared by every job")
        let second = try Self.rows(s, traces: cache)  // copies every job
        #expect(Self.same(plain, first), "seed \(seed): recording changed the result")
        #expect(Self.same(plain, second), "seed \(seed): copying changed the result")
    }

    /// A run that copies every job into no sink (a sweep's variant) sums the traces where
    /// they lie (`Prepared.summaryDays`) rather than copying each day's rows: its summary must
    /// be the plain run's, figure for figure.
    @Test("copied into no sink: the summary of a plain run", arguments: 0..<120)
    func summaryOnly(seed: Int) throws {
        let s = seed % 3 == 2 ? RandomScenario.makeVersion2(seed: UInt64(seed) &* 13 &+ 3) : RandomScenario.make(seed: UInt64(seed) &* 31 &+ 5)
        try Self.expectSummaryOnly(s, seed: seed)
    }

    /// `summaryOnly` with every limit the summary judges crossed on some seeds (RTO,
    /// efficiency, a target's alert and capacity) and a leap-year February at the start.
    @Test("copied into no sink, with limits crossed and a leap day: the summary of a plain run", arguments: 0..<120)
    func summaryOnlyLimits(seed: Int) throws {
        try Self.expectSummaryOnly(Self.limited(seed: seed), seed: seed)
    }

    /// A random version 1 scenario starting in February 2028, with an RTO and an efficiency
    /// limit and 20–80 GB of capacity on every target but S3.
    static func limited(seed: Int) -> Scenario {
        var s = RandomScenario.make(seed: UInt64(seed) &* 29 &+ 11)
        s.start = CivilDate(year: 2028, month: 2, day: 20 + seed % 10)
        s.kpis.rto = Seconds(Double(60 + 120 * (seed % 5)))
        s.kpis.efficiency = Share(0.3 + 0.1 * Double(seed % 6))
        for t in s.targets.indices where s.targets[t].kind != .s3 { s.targets[t].capacity = ByteCount(Double(1 + seed % 4) * 2e10) }
        return s
    }

    @Test("the scenarios of summaryOnlyLimits fail each of those limits in some run")
    func limitsCrossed() throws {
        var failed: [KPIKind: Int] = [:]
        for seed in 0..<120 {
            for row in try Engine.simulate(Self.limited(seed: seed)).get().kpis where row.firstFailure != nil { failed[row.kpi, default: 0] += 1 }
        }
        for kpi in [KPIKind.rto, .efficiency, .capacityAlert, .capacityFull] { #expect(failed[kpi, default: 0] > 0, "no run failed \(kpi)") }
    }

    /// Simulates `s` plainly, then twice with a trace cache into no sink (the second copies
    /// every job), and expects the copy's summary to be the plain run's; a version 1
    /// scenario with jobs must have taken `summaryDays`. Returns the copy's result.
    @discardableResult
    static func expectSummaryOnly(_ s: Scenario, seed: Int) throws -> SimulationResult {
        let plain = try Engine.simulate(s).get()
        let session = TraceSession(TraceCache())
        _ = try Engine.simulate(s, session: session).get()  // records every job
        let copied = try Engine.simulate(s, session: session).get()  // copies every job
        let jobs = s.cnpg.count + s.velero.count + s.longhorn.count
        #expect(session.summaryRuns == (s.version == 1 && jobs > 0 ? 1 : 0), "seed \(seed): the runs that read the traces in place")
        #expect(copied.kpis == plain.kpis, "seed \(seed)")
        #expect(copied.monthly == plain.monthly, "seed \(seed)")
        #expect(copied.targets == plain.targets, "seed \(seed)")
        #expect(copied.jobs == plain.jobs, "seed \(seed)")
        #expect(copied.workloads == plain.workloads, "seed \(seed)")
        #expect(copied.totalCost == plain.totalCost && copied.peakMonthlyCost == plain.peakMonthlyCost, "seed \(seed)")
        #expect(copied.jobCosts == plain.jobCosts, "seed \(seed)")
        return copied
    }

    @Test("a variant that changes one job reuses the others and matches a plain run", arguments: 0..<120)
    func variant(seed: Int) throws {
        var s = RandomScenario.make(seed: UInt64(seed) &* 17 &+ 9)
        let cache = TraceCache()
        _ = try Self.rows(s, traces: cache)
        // Change one thing of one job, or of one workload (then every job reading it changes).
        switch seed % 4 {
        case 0 where !s.cnpg.isEmpty: s.cnpg[0].retentionDays += 1
        case 1 where !s.velero.isEmpty: s.velero[0].ttl = Seconds(s.velero[0].ttl.value + 86_400)
        case 2 where !s.longhorn.isEmpty: s.longhorn[0].retain += 1
        default: s.workloads[0].churn = .absolute(bytesPerDay: 3e9)
        }
        let plain = try Self.rows(s, traces: nil)
        let reused = try Self.rows(s, traces: cache)
        #expect(Self.same(plain, reused), "seed \(seed)")
        // A changed workload needs its own table of sizes and WAL; a changed job does not.
        let changedWorkload =
            !(seed % 4 == 0 && !s.cnpg.isEmpty) && !(seed % 4 == 1 && !s.velero.isEmpty)
            && !(seed % 4 == 2 && !s.longhorn.isEmpty)
        if cache.count > 0 { #expect(cache.workloadDaysCount == (changedWorkload ? 2 : 1), "seed \(seed)") }
    }

    @Test("nothing is kept past the budget")
    func budget() throws {
        let s = RandomScenario.make(seed: 42)
        let cache = TraceCache(budget: 0)
        let plain = try Self.rows(s, traces: nil)
        #expect(Self.same(plain, try Self.rows(s, traces: cache)))
        #expect(cache.count == 0)
        #expect(cache.workloadDaysCount == 0)
    }
}
