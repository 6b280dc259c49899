import Testing

@testable import PlanCore

/// The engine's version 2 accounting (`BucketBook`, `RowLedger`, `MonthAccumulator`) against
/// `NaiveBucket` on random version 2 scenarios, both reading the engine's own per-row
/// `stored`, `uploaded` and `objects` of each day.
@Suite("Version 2: the fast bucket accounting agrees with the naive one")
struct Version2DifferentialTests {
    /// Within 1e-6 relative, or `floor` absolute (bytes: 1; GB-months, money: 1e-9).
    static func close(_ a: Double, _ b: Double, floor: Double) -> Bool {
        abs(a - b) <= 1e-6 * max(abs(a), abs(b)) + floor
    }

    @Test("random version 2 scenarios", arguments: 0..<160)
    func agrees(seed: Int) throws {
        let s = RandomScenario.makeVersion2(seed: UInt64(seed) &* 6151 &+ 29)
        var sink = RecordingSink()
        let result = try Engine.simulate(s, into: &sink).get()
        let naive = NaiveBucket.run(s, layout: sink.layout, days: sink.days)
        let classes = ClassBytes.perRow(s, layout: sink.layout, days: sink.days)
        var failures: [String] = []
        func check(_ what: @autoclosure () -> String, _ fast: Double, _ slow: Double, floor: Double = 1) {
            if !Self.close(fast, slow, floor: floor) { failures.append("seed \(seed) \(what()): fast \(fast) naive \(slow)") }
        }
        try #require(sink.days.count == naive.days.count)
        for (d, fast) in sink.days.enumerated() {
            let slow = naive.days[d]
            for (k, key) in sink.layout.jobRows.enumerated() {
                let id = "day \(d) \(key.job)|\(key.target)|\(key.workload)"
                check("\(id) deleted", fast.deleted[k], slow.rows[k].deleted)
                check("\(id) noncurrent", fast.noncurrent[k], slow.rows[k].noncurrent)
                if let byClass = classes[d][k] {
                    for c in StorageClass.allCases {
                        check("\(id) \(c.rawValue) bytes", byClass[c.rank], slow.rows[k].byClass[c] ?? 0)
                    }
                }
            }
            for (i, t) in sink.layout.targets.enumerated() {
                let y = slow.targets[t.name] ?? NaiveBucket.TargetDay()
                check("day \(d) target \(t.name) used", fast.targetUsed[i], y.used)
                check("day \(d) target \(t.name) noncurrent", fast.targetNoncurrent[i], y.noncurrent)
            }
        }
        try #require(result.monthly.count == naive.months.count, "seed \(seed): months")
        for (m, n) in zip(result.monthly, naive.months) {
            let id = "month \(m.month) \(m.target)"
            try #require(m.month == n.month && m.target == n.target, "seed \(seed) \(id): naive \(n.month) \(n.target)")
            let b = try #require(m.billing, "seed \(seed) \(id): no billing")
            check("\(id) gb_months", m.gbMonths, n.gbMonths, floor: 1e-9)
            check("\(id) noncurrent_gb_months", b.noncurrentGBMonths, n.noncurrentGBMonths, floor: 1e-9)
            check("\(id) put_requests", m.putRequests, n.puts, floor: 1e-6)
            check("\(id) list_requests", b.listRequests, n.lists, floor: 1e-6)
            check("\(id) get_requests", b.getRequests, n.heads, floor: 1e-6)
            check("\(id) fixed_cost", m.fixedCost.amount, n.fixed, floor: 1e-9)
            check("\(id) storage_cost", m.storageCost.amount, n.storage, floor: 1e-9)
            check("\(id) request_cost", m.requestCost.amount, n.request, floor: 1e-9)
            check("\(id) early_delete_cost", b.earlyDeleteCost.amount, n.earlyDelete, floor: 1e-9)
            check("\(id) transition_cost", b.transitionCost.amount, n.transition, floor: 1e-9)
            check("\(id) total_cost", m.totalCost.amount, n.total, floor: 1e-9)
            check("\(id) egress_bytes (no drills)", b.egressBytes, 0, floor: 0)
        }
        #expect(failures.isEmpty, "\(failures.count) mismatches, the first:\n\(failures.prefix(12).joined(separator: "\n"))")
    }
}

extension Version2DifferentialTests {
    /// A differential test only tests the rules its scenarios reach: on the first 60 seeds the
    /// naive accounting must see every version 2 rule at work in some scenario.
    @Test("the random scenarios reach every version 2 rule")
    func coverage() throws {
        var reached: [String: Int] = [:]
        for seed in 0..<60 {
            let s = RandomScenario.makeVersion2(seed: UInt64(seed) &* 6151 &+ 29)
            var sink = RecordingSink()
            _ = try Engine.simulate(s, into: &sink).get()
            let naive = NaiveBucket.run(s, layout: sink.layout, days: sink.days)
            var seen: Set<String> = []
            for (d, day) in naive.days.enumerated() {
                for (k, row) in day.rows.enumerated() {
                    let key = sink.layout.jobRows[k]
                    if row.noncurrent > 0 { seen.insert("noncurrent") }
                    if row.locked > 0 { seen.insert("object lock keeps past the expiry") }
                    if row.deleted > 0 && key.target == "c" { seen.insert("cluster row deletes") }
                    if key.isReplica && row.noncurrent > 0 { seen.insert("noncurrent on a replica") }
                    if let r = row.earliestRemoval { #expect(r > d, "seed \(seed) day \(d) row \(k): a noncurrent piece past its removal day \(r)") }
                    if d > 0, row.noncurrent < naive.days[d - 1].rows[k].noncurrent { seen.insert("noncurrent removed") }
                }
                for t in day.targets.values {
                    if t.earlyDelete > 0 { seen.insert("early deletion") }
                    if t.transition > 0 { seen.insert("transition requests") }
                    if t.lists > 0 { seen.insert("poll") }
                    for (c, bytes) in t.billed where bytes > 0 && c != .standard { seen.insert("billed \(c.rawValue)") }
                }
            }
            for name in seen { reached[name, default: 0] += 1 }
        }
        let rules = [
            "noncurrent", "object lock keeps past the expiry", "cluster row deletes", "noncurrent on a replica", "noncurrent removed",
            "early deletion", "transition requests", "poll",
        ]
        for rule in rules + StorageClass.allCases.dropFirst().map({ "billed \($0.rawValue)" }) {
            #expect((reached[rule] ?? 0) >= 2, "rule '\(rule)' reached in \(reached[rule] ?? 0) of 60 scenarios")
        }
    }
}
