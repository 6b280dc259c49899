@testable import PlanCore

/// A second, deliberately naive implementation of model.md "Version 2: the object store as
/// billed", for differential testing against `BucketBook`: every daily row keeps an explicit
/// list of lots `(upload day, bytes)` and of noncurrent pieces `(upload day, deletion day,
/// bytes)`, each with the class it is in and the day it entered it, and every day walks them
/// in model.md's order. No prefix sums, no closed forms, nothing shared with the engine but
/// the model types: class minimums, billing formulas and price tiers are written out here.
///
/// It reads the engine's own per-row `stored`, `uploaded` and `objects` of each day (version
/// 1 rules), so only the version 2 layer is compared. Drills are not modelled (the random
/// scenarios have none).
enum NaiveBucket {
    static let gib = 1_073_741_824.0

    /// Bytes uploaded on one day, still current.
    struct Lot {
        let upload: Int
        var bytes: Double
        var storageClass: StorageClass
        /// The day the bytes entered `storageClass` (the upload day, or the day of a transition).
        var entered: Int
    }

    /// Bytes of the lot of day `upload` deleted on day `deletion`, kept as noncurrent versions.
    struct Piece {
        let upload: Int
        let deletion: Int
        var bytes: Double
        var storageClass: StorageClass
        var entered: Int
    }

    /// One row's figures at the end of a day.
    struct RowDay {
        var deleted = 0.0
        var current = 0.0
        var noncurrent = 0.0
        /// Current plus noncurrent bytes by class (unbilled).
        var byClass: [StorageClass: Double] = [:]
        /// The least removal day among the noncurrent pieces left (nil: none, or kept for ever).
        var earliestRemoval: Int?
        /// Noncurrent bytes kept past `e + N` by the object lock (`u + L > e + N`).
        var locked = 0.0
    }

    /// One target's figures of a day.
    struct TargetDay {
        var used = 0.0
        var noncurrent = 0.0
        var billed: [StorageClass: Double] = [:]
        var earlyDelete = 0.0
        var transition = 0.0
        var puts = 0.0
        var lists = 0.0
        var heads = 0.0
    }

    struct Day {
        /// Indexed as `RowLayout.jobRows`.
        var rows: [RowDay]
        var targets: [String: TargetDay]
    }

    /// One target's month (or the `total` row).
    struct Month {
        var month = ""
        var target = ""
        var days = 0
        var gbMonths = 0.0
        var noncurrentGBMonths = 0.0
        var puts = 0.0
        var lists = 0.0
        var heads = 0.0
        var fixed = 0.0
        var storage = 0.0
        var request = 0.0
        var earlyDelete = 0.0
        var transition = 0.0
        var total = 0.0
    }

    /// The minimum storage duration of a class, days (model.md "Minimum storage duration").
    static func minimumDays(_ c: StorageClass) -> Int {
        switch c {
        case .standard: return 0
        case .standardIA, .onezoneIA: return 30
        case .glacierIR, .glacierFlexible: return 90
        case .deepArchive: return 180
        }
    }

    /// The class of a lot `age` days after its upload day at the end of a day: the last
    /// lifecycle class with `after ≤ age`, else the upload class.
    static func storageClass(age: Int, _ b: BucketSettings) -> StorageClass {
        var c = b.storageClass
        for rule in b.lifecycle where rule.afterDays <= age { c = rule.storageClass }
        return c
    }

    /// Cumulative price tiers, the obvious way: GB by GB band.
    static func tiered(_ gbMonths: Double, _ tiers: [PriceTier]) -> Double {
        var cost = 0.0
        var floor = 0.0
        for tier in tiers {
            let ceiling = tier.upToGB ?? .infinity
            let inBand = max(0, min(gbMonths, ceiling) - floor)
            cost += inBand * tier.price.amount
            floor = ceiling
        }
        return cost
    }

    /// The early-deletion charge of `bytes` leaving class `c` on a day of a month of `dim`
    /// days after `h` days in it.
    static func earlyCharge(_ bytes: Double, _ c: StorageClass, h: Int, prices: S3Prices?, dim: Double) -> Double {
        let m = minimumDays(c)
        guard h < m, let price = prices?.classes[c]?.storageGBMonth.amount else { return 0 }
        return bytes / gib * price * Double(m - h) / dim
    }

    /// Runs the accounting over the engine's recorded days.
    static func run(_ s: Scenario, layout: RowLayout, days recorded: [DayRows]) -> (days: [Day], months: [Month]) {
        let targets = Dictionary(uniqueKeysWithValues: s.targets.map { ($0.name, $0) })
        var lots = Array(repeating: [Lot](), count: layout.jobRows.count)
        var pieces = Array(repeating: [Piece](), count: layout.jobRows.count)
        var previous = Array(repeating: 0.0, count: layout.jobRows.count)
        let polls = pollRequests(s)
        var out: [Day] = []
        for rows in recorded {
            let d = rows.day
            let dim = Double(CivilDate.daysIn(year: rows.date.year, month: rows.date.month))
            var day = Day(rows: Array(repeating: RowDay(), count: layout.jobRows.count), targets: [:])
            for t in s.targets {
                let poll = polls[t.name]?[d] ?? (lists: 0, heads: 0)
                day.targets[t.name] = TargetDay(lists: poll.lists, heads: poll.heads)
            }
            for (k, key) in layout.jobRows.enumerated() {
                guard let target = targets[key.target] else { continue }
                let b = target.bucket
                let cluster = target.kind == .cluster
                let versioned = b.versioning && !cluster
                let v = rows.jobs[key.source]
                let density = v.objects > 0 && v.stored > 0 ? v.objects / v.stored : 0
                var row = RowDay()
                var charge = 0.0
                var transitionCost = 0.0
                // (1) The day's upload becomes a lot, in the upload class.
                if v.uploaded > 0 {
                    lots[k].append(Lot(upload: d, bytes: v.uploaded, storageClass: cluster ? .standard : b.storageClass, entered: d))
                }
                // (2) deleted(d) = max(0, stored(d−1) + uploaded(d) − stored(d)), oldest lots first.
                row.deleted = max(0, previous[k] + v.uploaded - v.stored)
                previous[k] = v.stored
                var left = row.deleted
                while left > 0, !lots[k].isEmpty {
                    let take = min(left, lots[k][0].bytes)
                    let lot = lots[k][0]
                    if versioned {
                        pieces[k].append(Piece(upload: lot.upload, deletion: d, bytes: take, storageClass: lot.storageClass, entered: lot.entered))
                    } else {
                        // Gone at once: an early deletion if it left its class too soon.
                        charge += earlyCharge(take, lot.storageClass, h: d - lot.entered, prices: target.prices, dim: dim)
                    }
                    if take >= lot.bytes { lots[k].removeFirst() } else { lots[k][0].bytes -= take }
                    left -= take
                }
                // (3) Noncurrent pieces due today: r = max(e + N, u + L); never without N.
                if versioned, let n = b.noncurrentExpiryDays {
                    let lock = b.objectLockDays ?? 0
                    var kept: [Piece] = []
                    for p in pieces[k] {
                        if max(p.deletion + n, p.upload + lock) <= d {
                            charge += earlyCharge(p.bytes, p.storageClass, h: d - p.entered, prices: target.prices, dim: dim)
                        } else {
                            kept.append(p)
                        }
                    }
                    pieces[k] = kept
                }
                // (5) Lifecycle transitions by age, current and noncurrent bytes alike.
                func move(_ bytes: Double, from c: StorageClass, entered: Int, upload: Int) -> StorageClass? {
                    let to = storageClass(age: d - upload, b)
                    guard !cluster, to != c else { return nil }
                    if let price = target.prices?.classes[to]?.transitionPer1000.amount { transitionCost += density * bytes * price / 1000 }
                    charge += earlyCharge(bytes, c, h: d - entered, prices: target.prices, dim: dim)
                    return to
                }
                for i in lots[k].indices {
                    let l = lots[k][i]
                    if let to = move(l.bytes, from: l.storageClass, entered: l.entered, upload: l.upload) {
                        lots[k][i].storageClass = to
                        lots[k][i].entered = d
                    }
                }
                for i in pieces[k].indices {
                    let p = pieces[k][i]
                    if let to = move(p.bytes, from: p.storageClass, entered: p.entered, upload: p.upload) {
                        pieces[k][i].storageClass = to
                        pieces[k][i].entered = d
                    }
                }
                // (6) The sample.
                for l in lots[k] {
                    row.current += l.bytes
                    row.byClass[l.storageClass, default: 0] += l.bytes
                }
                for p in pieces[k] {
                    row.noncurrent += p.bytes
                    row.byClass[p.storageClass, default: 0] += p.bytes
                    if let n = b.noncurrentExpiryDays {
                        let r = max(p.deletion + n, p.upload + (b.objectLockDays ?? 0))
                        row.earliestRemoval = min(row.earliestRemoval ?? r, r)
                        if d >= p.deletion + n { row.locked += p.bytes }
                    }
                }
                var t = day.targets[key.target] ?? TargetDay()
                t.puts += v.putRequests
                if cluster {
                    // A cluster's disks: its rows' bytes as they are (a Longhorn snapshot row and a
                    // snapshot-target row grow without uploads), never versioned nor billed by class.
                    row.current = v.stored
                    t.used += v.stored
                } else {
                    t.used += row.current + row.noncurrent
                    t.noncurrent += row.noncurrent
                    for (c, bytes) in row.byClass {
                        switch c {
                        case .standard:
                            t.billed[.standard, default: 0] += bytes
                        case .standardIA, .onezoneIA, .glacierIR:
                            t.billed[c, default: 0] += bytes * max(1, density * 128 * 1024)
                        case .glacierFlexible, .deepArchive:
                            t.billed[c, default: 0] += bytes + density * bytes * 32 * 1024
                            t.billed[.standard, default: 0] += density * bytes * 8 * 1024
                        }
                    }
                    t.earlyDelete += charge
                    t.transition += transitionCost
                }
                day.targets[key.target] = t
                day.rows[k] = row
            }
            out.append(day)
        }
        return (out, months(s, days: out, recorded: recorded))
    }

    /// The Longhorn poll per object-store target and day, poll by poll: at `0, P, 2P, …`
    /// below the horizon, `1 + 3V` LISTs and `V` HEADs, `V` the distinct volumes of the
    /// Longhorn `backup` jobs writing to the target whose first run is at or before the poll.
    static func pollRequests(_ s: Scenario) -> [String: [(lists: Double, heads: Double)]] {
        let horizon = Double(s.horizonDays) * 86_400
        var out: [String: [(lists: Double, heads: Double)]] = [:]
        for t in s.targets where t.kind != .cluster && t.bucket.pollInterval.value > 0 {
            let jobs = s.longhorn.filter { $0.task == .backup && $0.target == t.name }
            guard !jobs.isEmpty else { continue }
            var firstRun: [String: Double] = [:]
            for j in jobs {
                let fires = j.schedule.fireTimes(start: s.start, horizonSeconds: Int64(s.horizonDays) * 86_400, limit: 1 << 20)
                guard let first = fires.first.map(Double.init) else { continue }
                for w in j.volumes { firstRun[w] = min(firstRun[w] ?? .infinity, first) }
            }
            var perDay = Array(repeating: (lists: 0.0, heads: 0.0), count: s.horizonDays)
            var k = 0.0
            while k * t.bucket.pollInterval.value < horizon {
                let at = k * t.bucket.pollInterval.value
                let volumes = Double(firstRun.values.filter { $0 <= at }.count)
                let d = Int(at / 86_400)
                perDay[d].lists += 1 + 3 * volumes
                perDay[d].heads += volumes
                k += 1
            }
            out[t.name] = perDay
        }
        return out
    }

    /// The months: per target and calendar month the sums of its days, priced (model.md
    /// "Monthly cost (version 2)"), then the `total` row.
    static func months(_ s: Scenario, days: [Day], recorded: [DayRows]) -> [Month] {
        var out: [Month] = []
        var first = 0
        while first < days.count {
            let date = recorded[first].date
            var last = first
            while last + 1 < days.count, recorded[last + 1].date.month == date.month { last += 1 }
            let dim = Double(CivilDate.daysIn(year: date.year, month: date.month))
            var total = Month(month: date.monthString, target: "total", days: last - first + 1)
            for t in s.targets {
                var m = Month(month: date.monthString, target: t.name, days: last - first + 1)
                var billed: [StorageClass: Double] = [:]
                for d in first...last {
                    let td = days[d].targets[t.name] ?? TargetDay()
                    m.gbMonths += td.used / gib / dim
                    m.noncurrentGBMonths += td.noncurrent / gib / dim
                    m.puts += td.puts
                    m.lists += td.lists
                    m.heads += td.heads
                    m.earlyDelete += td.earlyDelete
                    m.transition += td.transition
                    for (c, bytes) in td.billed { billed[c, default: 0] += bytes / gib / dim }
                }
                m.fixed = t.monthlyCost.amount * Double(m.days) / dim
                if t.kind == .s3, let prices = t.prices {
                    for (c, gbMonths) in billed {
                        m.storage +=
                            c == .standard ? tiered(gbMonths, prices.storageTiers) : gbMonths * (prices.classes[c]?.storageGBMonth.amount ?? 0)
                    }
                    let put = t.bucket.storageClass == .standard ? prices.putPer1000 : prices.classes[t.bucket.storageClass]?.putPer1000 ?? .zero
                    m.request = (m.puts * put.amount + m.lists * prices.putPer1000.amount + m.heads * prices.getPer1000.amount) / 1000
                } else {
                    m.earlyDelete = 0
                    m.transition = 0
                }
                m.total = m.fixed + m.storage + m.request + m.earlyDelete + m.transition
                out.append(m)
                total.gbMonths += m.gbMonths
                total.noncurrentGBMonths += m.noncurrentGBMonths
                total.puts += m.puts
                total.lists += m.lists
                total.heads += m.heads
                total.fixed += m.fixed
                total.storage += m.storage
                total.request += m.request
                total.earlyDelete += m.earlyDelete
                total.transition += m.transition
                total.total += m.total
            }
            out.append(total)
            first = last + 1
        }
        return out
    }
}
