import Testing

@testable import PlanCore

/// Invariants of model.md "Version 2: faults" on random version 2 scenarios with random
/// faults (`RandomScenario.makeFaults`), each checked against the engine's own run of the
/// same scenario with other faults or none. Every expectation names its seed, day and field.
@Suite("Fault invariants on random scenarios")
struct FaultInvariantTests {
    static let seeds = 0..<120

    static func close(_ a: Double, _ b: Double, floor: Double = 1e-3) -> Bool {
        a == b || abs(a - b) <= 1e-9 * max(abs(a), abs(b)) + floor
    }

    static func run(_ s: Scenario) throws -> (result: SimulationResult, sink: RecordingSink) {
        var sink = RecordingSink()
        let result = try Engine.simulate(s, into: &sink).get()
        return (result, sink)
    }

    static func scenarioSeed(_ seed: Int) -> UInt64 { UInt64(seed) &* 69_069 &+ 5 }

    /// The windows `[a, b)` of the raw faults that act as `kinds` on `job` (own target
    /// `target`), `target-down` included, unmerged (`until` nil: for ever).
    static func spans(_ s: Scenario, job: String, target: String, _ kinds: Set<FaultKind>) -> [(a: Double, b: Double)] {
        s.faults.compactMap { f in
            let applies = f.kind == .targetDown ? f.target == target : kinds.contains(f.kind) && f.job == job
            return applies ? (f.from, f.until ?? .infinity) : nil
        }
    }

    @Test("runs: failed ≤ scheduled, success_rate = successes ÷ scheduled, pg_wal peak ≥ max_wal_size, held WAL only while down", arguments: seeds)
    func runsAndWAL(seed: Int) throws {
        let s = RandomScenario.makeFaults(seed: Self.scenarioSeed(seed))
        let (result, sink) = try Self.run(s)
        let faultJobs = try #require(sink.layout.faultJobs, "seed \(seed): no faults.csv rows")
        let own = Dictionary(uniqueKeysWithValues: RandomScenario.jobs(s).map { ($0.job, $0.target) })
        var failures: [String] = []
        func expect(_ ok: Bool, _ what: @autoclosure () -> String) { if !ok { failures.append("seed \(seed) \(what())") } }
        for (i, fj) in faultJobs.enumerated() {
            let target = own[fj.job] ?? ""
            let down = Self.spans(s, job: fj.job, target: target, [.archiveDown])
            var scheduled = 0.0, failed = 0.0
            for (d, rows) in sink.days.enumerated() {
                let v = rows.faults[i]
                let id = "day \(d) \(fj.job)"
                expect(v.runsFailed >= 0 && v.runsFailed <= v.runsScheduled, "\(id) runs_failed \(v.runsFailed) runs_scheduled \(v.runsScheduled)")
                scheduled += v.runsScheduled
                failed += v.runsFailed
                guard fj.job.hasPrefix("cnpg/") else {
                    expect(v.walHeld == nil && v.pgWALPeak == nil, "\(id) wal_held \(String(describing: v.walHeld)) on a non-CNPG job")
                    continue
                }
                let w = try #require(s.workloads.first { $0.name == fj.workload })
                let peak = try #require(v.pgWALPeak, "seed \(seed) \(id): no pg_wal_peak_bytes")
                expect(peak >= w.maxWALSize.bytes, "\(id) pg_wal_peak_bytes \(peak) < max_wal_size \(w.maxWALSize.bytes)")
                let held = try #require(v.walHeld, "seed \(seed) \(id): no wal_held_bytes")
                expect(held >= 0, "\(id) wal_held_bytes \(held) < 0")
                // Down at the end of day d: a < now ≤ b (model.md "Down at the end of a day").
                let now = Double(d + 1) * 86_400
                if !down.contains(where: { $0.a < now && now <= $0.b }) {
                    expect(held == 0, "\(id) wal_held_bytes \(held) with archiving up at the day's end")
                }
                expect(peak >= w.maxWALSize.bytes + held - 1e-3, "\(id) pg_wal_peak_bytes \(peak) < max_wal_size + wal_held_bytes \(held)")
            }
            expect(failed <= scheduled, "\(fj.job) Σ runs_failed \(failed) > Σ runs_scheduled \(scheduled)")
            let row = result.kpis.first { $0.kpi == .successRate && $0.subject == fj.job }
            expect(row != nil, "\(fj.job): no success_rate row")
            if let row {
                if scheduled == 0 {
                    expect(row.worst == nil && row.status == .info, "\(fj.job) success_rate worst \(String(describing: row.worst)) with no run")
                } else {
                    let rate = (scheduled - failed) / scheduled
                    expect(
                        row.worst.map { Self.close($0, rate, floor: 1e-12) } ?? false,
                        "\(fj.job) success_rate worst \(String(describing: row.worst)) ≠ successes ÷ scheduled \(rate)")
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.count) violations, the first:\n\(failures.prefix(12).joined(separator: "\n"))")
    }

    @Test("runs-fail and archive-down never add restore points", arguments: seeds)
    func noPointsAdded(seed: Int) throws {
        let s = RandomScenario.makeFaults(seed: Self.scenarioSeed(seed), kinds: [.runsFail, .archiveDown])
        let with = try Self.run(s).sink
        let without = try Self.run(RandomScenario.withoutFaults(s)).sink
        // A failed CNPG base backup skips the `after-backup` check that would follow it
        // (model.md "Failed runs"), so such a job may keep an old base backup longer: only
        // interval checks are held to the rule.
        let afterBackup = Set(s.cnpg.filter { $0.retentionCheck == .afterBackup }.map { "cnpg/\($0.name)" })
        var failures: [String] = []
        for (d, rows) in with.days.enumerated() {
            for key in with.layout.jobRows where !afterBackup.contains(key.job) {
                let a = rows.jobs[key.source].restorePoints, b = without.days[d].jobs[key.source].restorePoints
                if a > b {
                    failures.append("seed \(seed) day \(d) \(key.job)|\(key.target)|\(key.workload) restore_points \(a) > \(b) without faults")
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.count) violations, the first:\n\(failures.prefix(12).joined(separator: "\n"))")
    }

    /// Held WAL is archived once, at the window's end: against the same scenario with each
    /// `archive-down` window replaced by a `runs-fail` one (the same base backups fail, the
    /// WAL is archived as it comes), Σ uploaded bytes are equal when every window ends in the
    /// horizon, and short by exactly the held part (the missing stored bytes of the last day)
    /// when one does not.
    @Test("held WAL is released exactly once", arguments: seeds)
    func heldWALReleasedOnce(seed: Int) throws {
        var s = RandomScenario.makeFaults(seed: Self.scenarioSeed(seed) ^ 0x3A1, kinds: [.archiveDown])
        s.faults = s.faults.filter { $0.until != nil }
        guard !s.faults.isEmpty else { return }
        var baseline = s
        baseline.faults = s.faults.map { f in
            var g = f
            g.kind = .runsFail
            return g
        }
        let with = try Self.run(s).sink
        let without = try Self.run(baseline).sink
        let horizon = Double(s.horizonDays) * 86_400
        let last = with.days.count - 1
        var failures: [String] = []
        for key in with.layout.jobRows where key.tier == .cnpg && !key.isReplica {
            let windows = FaultWindows.Windows(s.faults.filter { $0.job == key.job }.map { (from: $0.from, until: $0.until ?? .infinity) })
            guard !windows.isEmpty else { continue }
            let unreleased = windows.spans.contains { $0.from < horizon && $0.until >= horizon }
            let up = with.days.reduce(0.0) { $0 + $1.jobs[key.source].uploaded }
            let upBase = without.days.reduce(0.0) { $0 + $1.jobs[key.source].uploaded }
            let missing = without.days[last].jobs[key.source].stored - with.days[last].jobs[key.source].stored
            let id = "seed \(seed) \(key.job)|\(key.workload) windows \(windows.spans) horizon \(horizon)"
            if unreleased {
                if !Self.close(upBase - up, missing) {
                    failures.append("\(id): Σ uploaded short by \(upBase - up), held (stored missing on day \(last)) \(missing)")
                }
                if missing < -1e-3 { failures.append("\(id): day \(last) stored \(missing) more than without the outage") }
            } else {
                if !Self.close(up, upBase) { failures.append("\(id): Σ uploaded \(up) ≠ \(upBase) with runs-fail instead") }
                if !Self.close(missing, 0) { failures.append("\(id): day \(last) stored differs by \(missing) after every release") }
            }
        }
        #expect(failures.isEmpty, "\(failures.count) violations, the first:\n\(failures.prefix(12).joined(separator: "\n"))")
    }

    @Test("faults wholly outside the horizon change nothing", arguments: seeds)
    func outsideHorizon(seed: Int) throws {
        var s = RandomScenario.makeFaults(seed: Self.scenarioSeed(seed) ^ 0x0075)
        let horizon = Double(s.horizonDays) * 86_400
        // Move each window wholly before the start or strictly after the horizon's end. Not
        // at exactly 86400·H: a Velero deletion at `e = now` of the last day is that day's
        // ("gone when e ≤ now"), and a `retention-stops` window from `now` postpones it
        // (model.md "Retention that stops"), so such a window is not without effect.
        s.faults = s.faults.enumerated().map { i, f in
            var g = f
            let length = (f.until ?? (f.from + 86_400)) - f.from
            if i % 2 == 0 {
                g.from = horizon + Double(i + 1) * 3600
                g.until = f.until.map { _ in g.from + length }
            } else {
                let until = -Double(i) * 60
                (g.from, g.until) = (until - length, until)
            }
            return g
        }
        let (withResult, with) = try Self.run(s)
        let (withoutResult, without) = try Self.run(RandomScenario.withoutFaults(s))
        var failures: [String] = []
        func expect(_ ok: Bool, _ what: @autoclosure () -> String) { if !ok { failures.append("seed \(seed) \(what())") } }
        expect(with.days.count == without.days.count, "days \(with.days.count) ≠ \(without.days.count)")
        for (d, (a, b)) in zip(with.days, without.days).enumerated() {
            for key in with.layout.jobRows where a.jobs[key.source] != b.jobs[key.source] {
                expect(false, "day \(d) \(key.job)|\(key.target)|\(key.workload): \(a.jobs[key.source]) ≠ \(b.jobs[key.source])")
            }
            expect(a.workloads == b.workloads, "day \(d) workloads: \(a.workloads) ≠ \(b.workloads)")
            expect(a.targetUsed == b.targetUsed, "day \(d) target used: \(a.targetUsed) ≠ \(b.targetUsed)")
            expect(a.deleted == b.deleted && a.noncurrent == b.noncurrent, "day \(d) deleted/noncurrent differ")
            expect(a.faults == b.faults, "day \(d) faults: \(a.faults) ≠ \(b.faults)")
        }
        expect(withResult.monthly == withoutResult.monthly, "monthly rows differ")
        let faultKPIs: Set<KPIKind> = [.successRate, .walVolumeFull, .walTolerance]
        let ka = withResult.kpis.filter { !faultKPIs.contains($0.kpi) }, kb = withoutResult.kpis.filter { !faultKPIs.contains($0.kpi) }
        expect(ka.count == kb.count, "KPI rows \(ka.count) ≠ \(kb.count)")
        for (x, y) in zip(ka, kb) where x != y { expect(false, "KPI \(x.kpi.rawValue) \(x.subject): \(x) ≠ \(y)") }
        expect(withResult.drills == withoutResult.drills, "drill rows differ")
        #expect(failures.isEmpty, "\(failures.count) violations, the first:\n\(failures.prefix(12).joined(separator: "\n"))")
    }
}
