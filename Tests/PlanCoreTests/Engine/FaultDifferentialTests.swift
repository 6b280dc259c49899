import Testing

@testable import PlanCore

/// The fast engine against `NaiveEngine` on random scenarios with the faults that touch the
/// tiers' accounting (model.md "Version 2: faults"): `runs-fail`, `retention-stops` and
/// `maintenance-stops`. `archive-down` and `target-down` are left out: the naive engine does
/// not model them.
@Suite("Faults: the fast engine agrees with the naive one")
struct FaultDifferentialTests {
    static let kinds: [FaultKind] = [.runsFail, .retentionStops, .maintenanceStops]

    /// A random version 1 scenario made version 2, with no poll (its per-row tier values do
    /// not depend on it) and one to three faults of `kinds` on random jobs: windows from and
    /// to random seconds or exact midnights, some for ever, some overlapping or adjacent to
    /// another window of the same kind on the same job.
    static func scenario(seed: UInt64) -> Scenario {
        var s = RandomScenario.make(seed: seed)
        s.version = 2
        s.hasFaultKeys = true
        for i in s.targets.indices { s.targets[i].bucket.pollInterval = Seconds(0) }
        var g = SplitMix(state: seed ^ 0xFA17_D1FF_0000_0010)
        let jobs = RandomScenario.jobs(s).map(\.job)
        guard !jobs.isEmpty else { return s }
        let velero = jobs.filter { $0.hasPrefix("velero/") }
        var faults: [Fault] = []
        for i in 0..<Int.random(in: 1...3, using: &g) {
            if let last = faults.last, let until = last.until, Int.random(in: 0..<3, using: &g) == 0 {
                // Overlapping (from the middle) or exactly adjacent (from its end).
                let from = Bool.random(using: &g) ? until : last.from + ((until - last.from) / 2).rounded(.down)
                let length =
                    Bool.random(using: &g)
                    ? Double(Int.random(in: 1...3, using: &g)) * 86_400 : Double(Int.random(in: 1...(2 * 86_400), using: &g))
                faults.append(Fault(name: "f\(i)", kind: last.kind, job: last.job, from: from, until: from + length))
                continue
            }
            var kind = kinds[Int.random(in: 0..<kinds.count, using: &g)]
            if kind == .maintenanceStops && velero.isEmpty { kind = .retentionStops }
            let candidates = kind == .maintenanceStops ? velero : jobs
            let job = candidates[Int.random(in: 0..<candidates.count, using: &g)]
            let forEver = kind != .runsFail
            let window: (from: Double, until: Double?)
            if Int.random(in: 0..<4, using: &g) == 0 {
                // Midnight to midnight.
                let a = Int.random(in: 0..<s.horizonDays, using: &g)
                window = (Double(a) * 86_400, Double(a + Int.random(in: 1...4, using: &g)) * 86_400)
            } else {
                window = RandomScenario.window(days: s.horizonDays, forEver: forEver, using: &g)
            }
            faults.append(Fault(name: "f\(i)", kind: kind, job: job, from: window.from, until: window.until))
        }
        s.faults = faults
        return s
    }

    static func seed(_ i: Int) -> UInt64 { UInt64(i) &* 4409 &+ 53 }

    @Test("random scenarios with faults", arguments: 0..<300)
    func agrees(index: Int) throws {
        // Seeds 1084667 (index 246) and 1291890 (index 293) found that the fast engine lost the
        // CNPG interval checks before a retention-stops window; fixed in CNPGSim.intervalCheck.
        try Self.compare(seed: Self.seed(index))
    }

    static func compare(seed: UInt64) throws {
        let s = Self.scenario(seed: seed)
        var sink = RecordingSink()
        _ = try Engine.simulate(s, into: &sink).get()
        let naive = NaiveEngine.run(s)
        try #require(sink.days.count == naive.count, "seed \(seed): days")
        for (d, fast) in sink.days.enumerated() {
            let slow = naive[d]
            for key in sink.layout.jobRows where !key.isReplica {
                let id = "\(key.job)|\(key.target)|\(key.workload)"
                let a = fast.jobs[key.source]
                let b = try #require(slow.rows[id], "seed \(seed): no naive row \(id)")
                let pairs: [(String, Double, Double)] = [
                    ("restore_points", a.restorePoints, b.restorePoints), ("stored", a.stored, b.stored), ("raw", a.raw, b.raw),
                    ("uploaded", a.uploaded, b.uploaded), ("objects", a.objects, b.objects), ("puts", a.putRequests, b.puts),
                ]
                for (name, x, y) in pairs {
                    #expect(DifferentialTests.close(x, y), "seed \(seed) day \(d) \(id) \(name): fast \(x) naive \(y)")
                }
            }
        }
    }

    /// A differential test only tests the rules its scenarios reach: on the first 60 seeds
    /// each fault kind must change the naive engine's rows in several scenarios.
    @Test("the random faults change the rows")
    func coverage() {
        var reached: [FaultKind: Int] = [:]
        for index in 0..<60 {
            let s = Self.scenario(seed: Self.seed(index))
            let with = NaiveEngine.run(s)
            for kind in Self.kinds where s.faults.contains(where: { $0.kind == kind }) {
                var t = s
                t.faults.removeAll { $0.kind == kind }
                let without = NaiveEngine.run(t)
                if zip(with, without).contains(where: { $0.rows != $1.rows }) { reached[kind, default: 0] += 1 }
            }
        }
        for kind in Self.kinds {
            #expect((reached[kind] ?? 0) >= 3, "\(kind.rawValue) changes the rows in \(reached[kind] ?? 0) of 60 scenarios")
        }
    }
}
