import Testing

@testable import PlanCore

/// Invariants that hold on every simulated day of every scenario (STYLE.md "Tests"),
/// checked on the random scenarios of the differential test and on longer horizons.
@Suite("Invariants on every day")
struct InvariantTests {
    @Test("nothing negative, stored ≤ raw, retention bounds, months sum their days", arguments: 0..<150)
    func invariants(seed: Int) throws {
        var s = RandomScenario.make(seed: UInt64(seed) &* 104_729 &+ 3)
        s.horizonDays = 20 + seed % 50
        var sink = RecordingSink()
        let result = try Engine.simulate(s, into: &sink).get()
        let horizon = Int64(s.horizonDays) * 86_400
        let fires: [String: [Double]] = Dictionary(
            uniqueKeysWithValues:
                s.longhorn.map {
                    ("longhorn/\($0.name)", $0.schedule.fireTimes(start: s.start, horizonSeconds: horizon, limit: 1 << 20).map(Double.init))
                }
                + s.velero.map {
                    ("velero/\($0.name)", $0.schedule.fireTimes(start: s.start, horizonSeconds: horizon, limit: 1 << 20).map(Double.init))
                }
                + s.cnpg.map { j in
                    var f = j.schedule.fireTimes(start: s.start, horizonSeconds: horizon, limit: 1 << 20).map(Double.init)
                    if j.immediate && f.first != 0 { f.insert(0, at: 0) }
                    return ("cnpg/\(j.name)", f)
                })

        var monthGB: [String: Double] = [:]
        var monthPuts: [String: Double] = [:]
        for rows in sink.days {
            let now = Double(rows.day + 1) * 86_400
            for key in sink.layout.jobRows {
                let v = rows.jobs[key.source]
                let cells = [v.restorePoints, v.stored, v.raw, v.uploaded, v.objects, v.putRequests]
                #expect(cells.allSatisfy { $0 >= 0 && $0.isFinite }, "seed \(seed) day \(rows.day) \(key.job): \(cells)")
                #expect(v.stored <= v.raw * (1 + 1e-12), "seed \(seed) day \(rows.day) \(key.job): stored \(v.stored) > raw \(v.raw)")
                let runs = (fires[key.job] ?? []).filter { $0 < now }
                switch key.tier {
                case .longhorn:
                    let job = try #require(s.longhorn.first { "longhorn/\($0.name)" == key.job })
                    #expect(v.restorePoints <= Double(job.retain))
                    #expect(v.restorePoints == Double(min(job.retain, runs.count)))
                case .velero:
                    let job = try #require(s.velero.first { "velero/\($0.name)" == key.job })
                    // No data after t + ttl + reclaim_delay; restore points are runs with t + ttl > now.
                    let keep = job.ttl.value + job.reclaimDelay.value
                    #expect(v.restorePoints == Double(runs.filter { $0 + job.ttl.value > now }.count))
                    if !runs.contains(where: { $0 + keep > now }) && !key.workload.isEmpty { #expect(v.stored == 0) }
                case .cnpg:
                    // No base older than the newest one before (last check − retention): the kept
                    // bases are at most the runs since that one.
                    let job = try #require(s.cnpg.first { "cnpg/\($0.name)" == key.job })
                    let lastCheck: Double?
                    switch job.retentionCheck {
                    case .afterBackup: lastCheck = runs.last
                    case .every(let d):
                        let k = (now / d.value).rounded(.up) - 1
                        lastCheck = k >= 1 ? k * d.value : nil
                    }
                    if let c = lastCheck {
                        let before = runs.filter { $0 <= c }
                        let windowStart = c - Double(job.retentionDays) * 86_400
                        let anchor = before.lastIndex { $0 < windowStart } ?? 0
                        #expect(v.restorePoints <= Double(runs.count - anchor), "seed \(seed) day \(rows.day) \(key.job)")
                    }
                }
            }
            let month = rows.date.monthString
            for (i, t) in sink.layout.targets.enumerated() {
                #expect(rows.targetUsed[i] >= 0)
                monthGB["\(month)|\(t.name)", default: 0] += rows.targetUsed[i] / 1_073_741_824
                let puts = sink.layout.jobRows.filter { $0.target == t.name }.reduce(0.0) { $0 + rows.jobs[$1.source].putRequests }
                monthPuts["\(month)|\(t.name)", default: 0] += puts
            }
        }
        // Monthly gb_months and put_requests are the sums of their days.
        for m in result.monthly where m.target != "total" {
            let dim = Double(CivilDate.daysIn(year: Int(m.month.prefix(4))!, month: Int(m.month.suffix(2))!))
            let gb = (monthGB["\(m.month)|\(m.target)"] ?? -1) / dim
            #expect(abs(m.gbMonths - gb) <= 1e-9 * max(1, gb), "\(m.month) \(m.target)")
            let puts = monthPuts["\(m.month)|\(m.target)"] ?? -1
            #expect(abs(m.putRequests - puts) <= 1e-9 * max(1, puts), "\(m.month) \(m.target)")
        }
        // The total row sums the targets' rows.
        for total in result.monthly where total.target == "total" {
            let parts = result.monthly.filter { $0.month == total.month && $0.target != "total" }
            #expect(abs(total.totalCost.amount - parts.reduce(0) { $0 + $1.totalCost.amount }) < 1e-9)
        }
    }
}
