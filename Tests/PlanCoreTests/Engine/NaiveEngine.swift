import Foundation

@testable import PlanCore

/// A second, deliberately naive implementation of model.md for differential testing: every
/// day is recomputed from scratch, event by event from t = 0; churn and WAL are integrated
/// numerically (composite Simpson), not by closed forms; nothing is cached between days.
/// It is slow (quadratic in the horizon) and only meant for small scenarios with
/// non-negative growth (no kink where the size reaches 0).
///
/// Of the version 2 faults it knows those that touch the tiers' accounting, read straight
/// from `Scenario.faults`: `runs-fail`, `retention-stops` and `maintenance-stops` (not
/// `archive-down` or `target-down`).
enum NaiveEngine {
    struct Row: Equatable {
        var restorePoints = 0.0, stored = 0.0, raw = 0.0, uploaded = 0.0, objects = 0.0, puts = 0.0
    }

    struct Day {
        /// Keyed by `job|target|workload` (own target only; replicas are compared through targets).
        var rows: [String: Row] = [:]
        var targetUsed: [String: Double] = [:]
        /// `nil`: unprotected.
        var rto: [String: Double?] = [:]
        var size: [String: Double] = [:]
    }

    static let mib = 1_048_576.0

    // MARK: Workload, the direct way

    static func size(_ w: Workload, _ t: Double) -> Double {
        let days = t / 86_400
        switch w.growth {
        case .absolute(let g): return max(0, w.size.bytes + g * days)
        case .relative(let p, let period): return w.size.bytes * pow(1 + p, days / period)
        }
    }

    /// A rate's bytes per day at time t.
    static func rateAt(_ r: Rate, _ w: Workload, _ t: Double) -> Double {
        switch r {
        case .absolute(let c): return c
        case .relative(let f, let period): return f / period * size(w, t)
        }
    }

    static func walRateAt(_ w: Workload, _ t: Double) -> Double {
        if let wal = w.wal { return rateAt(wal, w, t) }
        let growth: Double
        switch w.growth {
        case .absolute(let g): growth = max(0, g)
        case .relative(let p, let period): growth = p / period * size(w, t)
        }
        return max(0, growth + rateAt(w.churn, w, t))
    }

    /// Composite Simpson of a per-day rate over [t1, t2) in seconds → bytes.
    static func integrate(_ t1: Double, _ t2: Double, _ f: (Double) -> Double) -> Double {
        if t2 <= t1 { return 0 }
        let n = max(16, Int(((t2 - t1) / 86_400 * 32).rounded(.up)) * 2)
        let h = (t2 - t1) / Double(n)
        var sum = f(t1) + f(t2)
        for i in 1..<n { sum += (i % 2 == 1 ? 4 : 2) * f(t1 + Double(i) * h) }
        return sum * h / 3 / 86_400
    }

    static func churn(_ w: Workload, _ t1: Double, _ t2: Double) -> Double {
        integrate(t1, t2) { rateAt(w.churn, w, $0) }
    }

    static func wal(_ w: Workload, _ t1: Double, _ t2: Double) -> Double {
        integrate(t1, t2) { walRateAt(w, $0) }
    }

    // MARK: Faults (model.md "Version 2: faults")

    /// The windows `[a, b)` of the faults of `kind` on `job` (`TIER/NAME`); `b` infinite for
    /// a fault without an end. Not merged: the helpers below treat the list as its union.
    static func windows(_ s: Scenario, _ kind: FaultKind, _ job: String) -> [(a: Double, b: Double)] {
        s.faults.filter { $0.kind == kind && $0.job == job }.map { ($0.from, $0.until ?? .infinity) }
    }

    /// Half-open: a time at `a` is inside, one at `b` is not.
    static func inside(_ t: Double, _ ws: [(a: Double, b: Double)]) -> Bool {
        ws.contains { $0.a <= t && t < $0.b }
    }

    /// A deletion time inside the windows moves to the end of the union's piece around it.
    static func postponed(_ t: Double, _ ws: [(a: Double, b: Double)]) -> Double {
        var t = t
        while let w = ws.first(where: { $0.a <= t && t < $0.b }) { t = w.b }
        return t
    }

    // MARK: The run

    static func run(_ s: Scenario) -> [Day] {
        let horizon = Int64(s.horizonDays) * 86_400
        let workloads = Dictionary(uniqueKeysWithValues: s.workloads.map { ($0.name, $0) })
        let targets = Dictionary(uniqueKeysWithValues: s.targets.map { ($0.name, $0) })
        let bw = s.restore.bandwidthBytesPerSecond
        var days: [Day] = []
        for d in 0..<s.horizonDays {
            let dayStart = Double(d) * 86_400
            let now = dayStart + 86_400
            var day = Day()
            var jobStored: [String: Double] = [:]
            var protected: Set<String> = []
            var rto: [String: Double] = [:]
            func offer(_ w: String, _ value: Double) { rto[w] = min(rto[w] ?? .infinity, value) }

            for j in s.longhorn {
                let fires = j.schedule.fireTimes(start: s.start, horizonSeconds: horizon, limit: 1_000_000).map(Double.init)
                let failing = windows(s, .runsFail, "longhorn/\(j.name)"), stops = windows(s, .retentionStops, "longhorn/\(j.name)")
                // Failed runs do not exist for the tier: `runs` are the successful ones.
                let runs = fires.filter { $0 < now && !inside($0, failing) }
                // The oldest kept point: a run outside `retention-stops` keeps the newest `retain`,
                // one inside keeps every older point.
                var lo = 0
                for k in runs.indices where k > 0 && !inside(runs[k], stops) { lo = max(lo, k - j.retain + 1) }
                let ratio = j.task == .snapshot ? 1 : j.compression.dataRatio
                var total = 0.0
                for name in j.volumes {
                    guard let w = workloads[name] else { continue }
                    if j.task == .backup { protected.insert(name) }
                    var row = Row()
                    func pinned(_ k: Int) -> Double { min(j.blockAmplification * churn(w, runs[k], runs[k + 1]), size(w, runs[k])) }
                    for k in runs.indices where runs[k] >= dayStart {
                        let up = k == 0 ? size(w, runs[0]) : max(0, size(w, runs[k]) - size(w, runs[k - 1])) + pinned(k - 1)
                        if j.task == .backup {
                            row.uploaded += up * ratio
                            row.puts += (up / (2 * mib)).rounded(.up)
                        }
                    }
                    if let newest = runs.last {
                        let kept = Array(lo..<runs.count)
                        let pinnedSum = kept.dropLast().reduce(0.0) { $0 + pinned($1) }
                        row.restorePoints = Double(kept.count)
                        if j.task == .snapshot {
                            let r = Double(targets[j.target]?.replicas ?? 1)
                            row.stored = pinnedSum * r
                            row.raw = pinnedSum * r
                        } else {
                            let raw = size(w, newest) + pinnedSum
                            row.raw = raw
                            row.stored = raw * ratio
                            row.objects = (raw / (2 * mib)).rounded(.up)
                            offer(name, size(w, newest) / bw)
                        }
                    }
                    day.rows["longhorn/\(j.name)|\(j.target)|\(name)"] = row
                    total += row.stored
                }
                jobStored["longhorn/\(j.name)"] = total
            }

            for j in s.velero {
                let fires = j.schedule.fireTimes(start: s.start, horizonSeconds: horizon, limit: 1_000_000).map(Double.init)
                let id = "velero/\(j.name)"
                let failing = windows(s, .runsFail, id), stops = windows(s, .retentionStops, id)
                let maintenance = windows(s, .maintenanceStops, id)
                let runs = fires.filter { $0 < now && !inside($0, failing) }
                // Points expire at t_k + ttl; the resources go then or at the end of a
                // `retention-stops` window; the volume data `reclaim_delay` later, or at the end
                // of a `maintenance-stops` window.
                let resourcesGone = runs.map { postponed($0 + j.ttl.value, stops) }
                let dataGone = resourcesGone.map { postponed($0 + j.reclaimDelay.value, maintenance) }
                var res = Row()
                let today = runs.filter { $0 >= dayStart }.count
                let alive = runs.filter { $0 + j.ttl.value > now }.count
                let resourcesKept = resourcesGone.filter { $0 > now }.count
                res.restorePoints = Double(alive)
                res.stored = Double(resourcesKept) * j.resources.bytes
                res.raw = res.stored
                res.uploaded = Double(today) * j.resources.bytes
                res.puts = Double(today) * 10
                res.objects = Double(resourcesKept) * 10
                day.rows["velero/\(j.name)|\(j.target)|"] = res
                var total = res.stored
                for name in j.volumes {
                    guard let w = workloads[name] else { continue }
                    protected.insert(name)
                    var row = Row()
                    func pinned(_ k: Int) -> Double { min(j.blockAmplification * churn(w, runs[k], runs[k + 1]), size(w, runs[k])) }
                    for k in runs.indices where runs[k] >= dayStart {
                        let up: Double
                        if j.mode == .full {
                            up = size(w, runs[k])
                        } else {
                            let earlierStored = (0..<k).contains { dataGone[$0] > runs[k] }
                            up = earlierStored ? max(0, size(w, runs[k]) - size(w, runs[k - 1])) + pinned(k - 1) : size(w, runs[k])
                        }
                        row.uploaded += up * j.compressionRatio
                        row.puts += (up * j.compressionRatio / (20 * mib)).rounded(.up) + 2
                    }
                    let stored = runs.indices.filter { dataGone[$0] > now }
                    if let newest = stored.last {
                        let raw: Double
                        if j.mode == .full {
                            raw = stored.reduce(0.0) { $0 + size(w, runs[$1]) }
                        } else {
                            raw = size(w, runs[newest]) + stored.dropLast().reduce(0.0) { $0 + pinned($1) }
                        }
                        row.raw = raw
                        row.stored = raw * j.compressionRatio
                        row.objects = (row.stored / (20 * mib)).rounded(.up) + 2 * Double(stored.count)
                        if runs[newest] + j.ttl.value > now { offer(name, size(w, runs[newest]) / bw) }
                    }
                    row.restorePoints = Double(runs.filter { $0 + j.ttl.value > now }.count)
                    day.rows["velero/\(j.name)|\(j.target)|\(name)"] = row
                    total += row.stored
                }
                jobStored["velero/\(j.name)"] = total
            }

            for j in s.cnpg {
                guard let w = workloads[j.workload] else { continue }
                protected.insert(w.name)
                var fires = j.schedule.fireTimes(start: s.start, horizonSeconds: horizon, limit: 1_000_000).map(Double.init)
                if j.immediate && fires.first != 0 { fires.insert(0, at: 0) }
                let failing = windows(s, .runsFail, "cnpg/\(j.name)"), stops = windows(s, .retentionStops, "cnpg/\(j.name)")
                // A failed base backup does not exist (nor its after-backup check); checks inside
                // `retention-stops` are skipped.
                fires.removeAll { inside($0, failing) }
                let ratio = j.compression.dataRatio
                let walRatio = j.walCompression.walRatio
                let pad = walRatio == 1 ? 1 : 0.01
                let retention = Double(j.retentionDays) * 86_400
                // Events up to now, from t = 0: (time, order, kind, value).
                // Order at equal times: day-end WAL group, interval check, run, after-run check.
                var events: [(Double, Int, Double)] = []
                for i in 0...d { events.append((Double(i + 1) * 86_400, 0, Double(i))) }
                if case .every(let interval) = j.retentionCheck {
                    var k = 1.0
                    while k * interval.value < now {
                        if !inside(k * interval.value, stops) { events.append((k * interval.value, 1, 0)) }
                        k += 1
                    }
                }
                for t in fires where t < now { events.append((t, 2, 0)) }
                events.sort { ($0.0, $0.1) < ($1.0, $1.1) }
                var bases: [(t: Double, raw: Double)] = []
                var groups: [(end: Double, raw: Double, stored: Double, n: Double)] = []
                var uploaded = 0.0, puts = 0.0
                func check(_ c: Double) {
                    let older = bases.filter { $0.t < c - retention }
                    guard older.count > 1 else { return }
                    bases.removeFirst(older.count - 1)
                    let oldest = bases[0].t
                    groups.removeAll { $0.end <= oldest }
                }
                for (t, kind, value) in events {
                    switch kind {
                    case 0:
                        let i = value
                        let start = i * 86_400
                        let wBytes = wal(w, start, start + 86_400)
                        let n = max(wBytes / (16 * mib), j.archiveTimeout.value > 0 ? 86_400 / j.archiveTimeout.value : 0)
                        let raw = n * 16 * mib
                        let stored = wBytes * walRatio + (raw - wBytes) * pad
                        groups.append((start + 86_400, raw, stored, n))
                        if Int(i) == d {
                            uploaded += stored
                            puts += n
                        }
                    case 1:
                        check(t)
                    default:
                        let raw = size(w, t)
                        bases.append((t, raw))
                        if t >= dayStart {
                            uploaded += raw * ratio
                            puts += (raw * ratio / 21_474_836).rounded(.up) + 3
                        }
                        if case .afterBackup = j.retentionCheck, !inside(t, stops) { check(t) }
                    }
                }
                var row = Row()
                row.restorePoints = Double(bases.count)
                row.stored = bases.reduce(0.0) { $0 + $1.raw * ratio } + groups.reduce(0.0) { $0 + $1.stored }
                row.raw = bases.reduce(0.0) { $0 + $1.raw } + groups.reduce(0.0) { $0 + $1.raw }
                row.objects =
                    bases.reduce(0.0) { $0 + ($1.raw * ratio / (100 * 1_073_741_824)).rounded(.up) + 1 }
                    + groups.reduce(0.0) { $0 + $1.n }
                row.uploaded = uploaded
                row.puts = puts
                if let b = bases.last {
                    offer(w.name, b.raw / bw + wal(w, b.t, now) / s.restore.walReplayBytesPerSecond)
                }
                day.rows["cnpg/\(j.name)|\(j.target)|\(w.name)"] = row
                jobStored["cnpg/\(j.name)"] = row.stored
            }

            for t in s.targets {
                var used = 0.0
                for j in s.longhorn where j.target == t.name { used += jobStored["longhorn/\(j.name)"] ?? 0 }
                for j in s.velero where j.target == t.name { used += jobStored["velero/\(j.name)"] ?? 0 }
                for j in s.cnpg where j.target == t.name { used += jobStored["cnpg/\(j.name)"] ?? 0 }
                for r in t.replicates { used += jobStored[r] ?? 0 }
                day.targetUsed[t.name] = used
            }
            for w in s.workloads {
                day.size[w.name] = size(w, now)
                day.rto[w.name] = protected.contains(w.name) ? (rto[w.name] ?? .infinity) : nil
            }
            days.append(day)
        }
        return days
    }
}
