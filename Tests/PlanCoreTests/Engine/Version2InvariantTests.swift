import Testing

@testable import PlanCore

/// Invariants of the version 2 accounting on every day of random version 2 scenarios (with
/// drills, so the monthly egress and retrieval parts are not all zero), checked on the
/// engine's output alone (STYLE.md "Tests"; model.md "Version 2: the object store as billed").
@Suite("Version 2 invariants on every day")
struct Version2InvariantTests {
    static func close(_ a: Double, _ b: Double, floor: Double) -> Bool {
        abs(a - b) <= 1e-9 * max(abs(a), abs(b)) + floor
    }

    /// `RandomScenario.makeVersion2` with a drill for some jobs, read from the job's own
    /// target or from a replica.
    static func scenario(seed: UInt64) -> Scenario {
        var s = RandomScenario.makeVersion2(seed: seed)
        var g = SplitMix(state: seed ^ 0x0D71_1100)
        guard case .success(let daily) = CronSchedule.parse("0 6 * * *", dialect: .standard),
            case .success(let weekly) = CronSchedule.parse("30 23 * * 0", dialect: .standard)
        else { return s }
        let replica = s.targets.first { $0.name == "r" }?.replicates ?? []
        var jobs: [(job: String, target: String, workloads: [String])] = []
        jobs += s.longhorn.filter { $0.task == .backup }.map { ("longhorn/\($0.name)", $0.target, $0.volumes) }
        jobs += s.velero.map { ("velero/\($0.name)", $0.target, $0.volumes) }
        jobs += s.cnpg.map { ("cnpg/\($0.name)", $0.target, [$0.workload]) }
        for (i, j) in jobs.enumerated() where !j.workloads.isEmpty && Bool.random(using: &g) {
            let target = replica.contains(j.job) && Bool.random(using: &g) ? "r" : j.target
            s.drills.append(
                Drill(name: "d\(i)", schedule: Bool.random(using: &g) ? daily : weekly, workload: j.workloads[0], job: j.job, target: target))
        }
        return s
    }

    @Test("used = current + noncurrent, classes hold every byte, removal days, cost columns sum", arguments: 0..<100)
    func invariants(seed: Int) throws {
        let s = Self.scenario(seed: UInt64(seed) &* 48_271 &+ 11)
        var sink = RecordingSink()
        let result = try Engine.simulate(s, into: &sink).get()
        let layout = sink.layout
        let classes = ClassBytes.perRow(s, layout: layout, days: sink.days)
        var failures: [String] = []
        func expect(_ ok: Bool, _ what: @autoclosure () -> String) { if !ok { failures.append("seed \(seed) \(what())") } }
        let targets = Dictionary(uniqueKeysWithValues: s.targets.map { ($0.name, $0) })
        var monthUsed: [String: Double] = [:]
        var monthNoncurrent: [String: Double] = [:]
        for (d, rows) in sink.days.enumerated() {
            var used = Array(repeating: 0.0, count: layout.targets.count)
            var noncurrent = Array(repeating: 0.0, count: layout.targets.count)
            for (k, key) in layout.jobRows.enumerated() {
                let id = "day \(d) \(key.job)|\(key.target)|\(key.workload)"
                let target = try #require(targets[key.target])
                let t = try #require(layout.targets.firstIndex { $0.name == key.target })
                let v = rows.jobs[key.source]
                let (deleted, kept) = (rows.deleted[k], rows.noncurrent[k])
                expect(deleted >= 0 && kept >= 0 && deleted.isFinite && kept.isFinite, "\(id): deleted \(deleted) noncurrent \(kept)")
                used[t] += v.stored + kept
                noncurrent[t] += kept
                // Noncurrent bytes only on a versioned object store.
                if !target.bucket.versioning || target.kind == .cluster { expect(kept == 0, "\(id): noncurrent \(kept) on an unversioned target") }
                // Every byte the row holds is in exactly one class.
                if let byClass = classes[d][k] {
                    let sum = byClass.reduce(0, +)
                    expect(Self.close(sum, v.stored + kept, floor: 1e-3), "\(id): bytes by class \(sum) ≠ stored + noncurrent \(v.stored + kept)")
                }
                // No noncurrent byte past its removal day max(e + N, u + L): what is left on day d
                // was deleted after d − N or uploaded after d − L; without N nothing is removed.
                let history = sink.days[0...d]
                let deletedSoFar = history.reduce(0.0) { $0 + $1.deleted[k] }
                if target.bucket.versioning, target.kind != .cluster {
                    if let n = target.bucket.noncurrentExpiryDays {
                        let l = target.bucket.objectLockDays ?? 0
                        let recentDeletes = history.filter { $0.day > d - n }.reduce(0.0) { $0 + $1.deleted[k] }
                        let lockedUploads = history.filter { $0.day > d - l }.reduce(0.0) { $0 + $1.jobs[key.source].uploaded }
                        expect(
                            kept <= (recentDeletes + lockedUploads) * (1 + 1e-9) + 1e-3,
                            "\(id): noncurrent \(kept) > deleted since day \(d - n + 1) \(recentDeletes) + uploaded since day \(d - l + 1) \(lockedUploads)"
                        )
                    } else {
                        expect(Self.close(kept, deletedSoFar, floor: 1e-3), "\(id): noncurrent \(kept) ≠ all deleted \(deletedSoFar) (no expiry)")
                    }
                }
                expect(kept <= deletedSoFar * (1 + 1e-9) + 1e-3, "\(id): noncurrent \(kept) > all deleted \(deletedSoFar)")
            }
            for (t, target) in layout.targets.enumerated() {
                let id = "day \(d) target \(target.name)"
                expect(Self.close(rows.targetUsed[t], used[t], floor: 1e-3), "\(id): used \(rows.targetUsed[t]) ≠ Σ current + noncurrent \(used[t])")
                expect(
                    Self.close(rows.targetNoncurrent[t], noncurrent[t], floor: 1e-3),
                    "\(id): noncurrent \(rows.targetNoncurrent[t]) ≠ Σ rows \(noncurrent[t])")
                monthUsed["\(rows.date.monthString)|\(target.name)", default: 0] += rows.targetUsed[t] / 1_073_741_824
                monthNoncurrent["\(rows.date.monthString)|\(target.name)", default: 0] += rows.targetNoncurrent[t] / 1_073_741_824
            }
        }
        for m in result.monthly {
            let id = "month \(m.month) \(m.target)"
            let b = try #require(m.billing, "seed \(seed) \(id): no billing")
            let parts =
                m.fixedCost.amount + m.storageCost.amount + m.requestCost.amount + b.egressCost.amount + b.retrievalCost.amount
                + b.earlyDeleteCost.amount + b.transitionCost.amount
            expect(Self.close(m.totalCost.amount, parts, floor: 1e-12), "\(id): total_cost \(m.totalCost.amount) ≠ Σ parts \(parts)")
            guard m.target != "total" else { continue }
            let dim = Double(CivilDate.daysIn(year: Int(m.month.prefix(4)) ?? 0, month: Int(m.month.suffix(2)) ?? 0))
            let gb = (monthUsed["\(m.month)|\(m.target)"] ?? -1) / dim
            let ncGB = (monthNoncurrent["\(m.month)|\(m.target)"] ?? -1) / dim
            expect(Self.close(m.gbMonths, gb, floor: 1e-12), "\(id): gb_months \(m.gbMonths) ≠ Σ used \(gb)")
            expect(Self.close(b.noncurrentGBMonths, ncGB, floor: 1e-12), "\(id): noncurrent_gb_months \(b.noncurrentGBMonths) ≠ Σ \(ncGB)")
            if targets[m.target]?.kind != .s3 {
                expect(m.storageCost.amount == 0 && m.requestCost.amount == 0 && b.egressCost.amount == 0, "\(id): costs on a free store")
            }
        }
        // The total row sums its targets' rows, column by column.
        for total in result.monthly where total.target == "total" {
            let rows = result.monthly.filter { $0.month == total.month && $0.target != "total" }
            let sum = try #require(total.billing)
            let columns: [(String, Double, (MonthlyRow) -> Double)] = [
                ("fixed_cost", total.fixedCost.amount, { $0.fixedCost.amount }),
                ("storage_cost", total.storageCost.amount, { $0.storageCost.amount }),
                ("request_cost", total.requestCost.amount, { $0.requestCost.amount }),
                ("total_cost", total.totalCost.amount, { $0.totalCost.amount }), ("gb_months", total.gbMonths, { $0.gbMonths }),
                ("put_requests", total.putRequests, { $0.putRequests }),
                ("get_requests", sum.getRequests, { $0.billing?.getRequests ?? .nan }),
                ("list_requests", sum.listRequests, { $0.billing?.listRequests ?? .nan }),
                ("egress_bytes", sum.egressBytes, { $0.billing?.egressBytes ?? .nan }),
                ("egress_cost", sum.egressCost.amount, { $0.billing?.egressCost.amount ?? .nan }),
                ("retrieval_cost", sum.retrievalCost.amount, { $0.billing?.retrievalCost.amount ?? .nan }),
                ("early_delete_cost", sum.earlyDeleteCost.amount, { $0.billing?.earlyDeleteCost.amount ?? .nan }),
                ("transition_cost", sum.transitionCost.amount, { $0.billing?.transitionCost.amount ?? .nan }),
                ("noncurrent_gb_months", sum.noncurrentGBMonths, { $0.billing?.noncurrentGBMonths ?? .nan }),
            ]
            for (name, value, part) in columns {
                let parts = rows.reduce(0.0) { $0 + part($1) }
                expect(Self.close(value, parts, floor: 1e-12), "month \(total.month) total \(name): \(value) ≠ Σ targets \(parts)")
            }
        }
        #expect(failures.isEmpty, "\(failures.count) violations, the first:\n\(failures.prefix(12).joined(separator: "\n"))")
    }
}
