/// The version 2 accounting of every daily row on its target (model.md "Version 2: the
/// object store as billed"): deleted and noncurrent bytes per row, what each target holds
/// (current plus noncurrent), and per target the day's billed bytes by class,
/// early-deletion and transition charges and the Longhorn poll's requests.
struct BucketBook {
    /// One daily row: its target, the value row it reads, and its index in `daily.csv`.
    struct Entry {
        let target: Int
        let source: Int
        let layoutRow: Int
    }

    /// Per target, what does not change from day to day.
    struct TargetPlan {
        let kind: TargetKind
        let bucket: BucketSettings
        let segments: ClassSegments
        let prices: S3Prices?
        /// nil: no Longhorn backup job writes to the target, or `poll_interval: 0`.
        let poll: PollPlan?
    }

    let entries: [Entry]
    let targets: [TargetPlan]
    var ledgers: [RowLedger]

    /// Per layout row, the day's `deleted_bytes` and `noncurrent_bytes`.
    var rowDeleted: [Double]
    var rowNoncurrent: [Double]
    /// Per layout row, its current plus noncurrent bytes at the day's end (its part of its
    /// target's `held`, for the split of the target's cost between its rows).
    var rowHeld: [Double]
    /// Per target, the day's current-plus-noncurrent bytes (version 2 `used`) and its
    /// noncurrent part.
    var held: [Double]
    var noncurrent: [Double]
    /// Per target, the day's billed bytes by class (`StorageClass.rank`), with the archive
    /// overheads, for the storage cost.
    var billed: [[Double]]
    /// Per target, the day's charges, currency units.
    var earlyDelete: [Double]
    var transition: [Double]
    /// Per target, the day's poll requests.
    var lists: [Double]
    var heads: [Double]

    init(entries: [Entry], targets: [TargetPlan], rows: Int, horizonDays: Int) {
        self.entries = entries
        self.targets = targets
        ledgers = entries.map { e in
            // Only a versioned bucket with an expiry removes deletions later, by their day.
            let b = targets[e.target].bucket
            return RowLedger(horizonDays: horizonDays, tracksDeletions: b.versioning && b.noncurrentExpiryDays != nil)
        }
        rowDeleted = Array(repeating: 0, count: rows)
        rowNoncurrent = Array(repeating: 0, count: rows)
        rowHeld = Array(repeating: 0, count: rows)
        let n = targets.count
        held = Array(repeating: 0, count: n)
        noncurrent = Array(repeating: 0, count: n)
        billed = Array(repeating: Array(repeating: 0, count: StorageClass.allCases.count), count: n)
        earlyDelete = Array(repeating: 0, count: n)
        transition = Array(repeating: 0, count: n)
        lists = Array(repeating: 0, count: n)
        heads = Array(repeating: 0, count: n)
    }

    /// Day `d`'s accounting of every row, in model.md's order: the upload becomes a lot, the
    /// deleted bytes leave FIFO, due noncurrent bytes are removed, lifecycle transitions
    /// happen, then each row is sampled.
    /// - Parameter daysInMonth: the length of day `d`'s calendar month (for the charges).
    ///
    /// - Complexity: O(rows × classes + deletions × log H), no allocation.
    mutating func endDay(_ d: Int, jobs: [JobDayValues], daysInMonth: Double) {
        for t in targets.indices {
            held[t] = 0
            noncurrent[t] = 0
            for c in billed[t].indices { billed[t][c] = 0 }
            earlyDelete[t] = 0
            transition[t] = 0
            if let poll = targets[t].poll {
                let r = poll.requests(from: Double(d) * 86_400, to: Double(d + 1) * 86_400)
                lists[t] = r.lists
                heads[t] = r.heads
            }
        }
        for k in entries.indices {
            let e = entries[k]
            let v = jobs[e.source]
            let deleted = ledgers[k].record(day: d, stored: v.stored, uploaded: v.uploaded)
            rowDeleted[e.layoutRow] = deleted.bytes
            let plan = targets[e.target]
            guard plan.kind != .cluster else {
                // A cluster target's rows: bytes on the cluster's disks, never versioned.
                held[e.target] += v.stored
                rowHeld[e.layoutRow] = v.stored
                rowNoncurrent[e.layoutRow] = 0
                continue
            }
            let b = plan.bucket
            let gone = ledgers[k].remove(day: d, versioning: b.versioning, expiryDays: b.noncurrentExpiryDays, lockDays: b.objectLockDays)
            let density = v.stored > 0 ? v.objects / v.stored : 0
            earlyDelete[e.target] += leaving(ledgers[k], from: gone.from, to: gone.to, day: d, plan: plan, daysInMonth: daysInMonth)
            transitions(k, day: d, density: density, plan: plan, daysInMonth: daysInMonth)
            sample(k, day: d, density: density, plan: plan)
            rowNoncurrent[e.layoutRow] = ledgers[k].noncurrent
            rowHeld[e.layoutRow] = ledgers[k].held
            held[e.target] += ledgers[k].held
            noncurrent[e.target] += ledgers[k].noncurrent
        }
    }

    /// The newest `bytes` of entry `k`'s current lots by class (`StorageClass.rank`), each
    /// lot in the class it had at the end of day `d − 1` (a lot of day `d`: the upload
    /// class), as a drill reads them (model.md "Drills"); `endOfDay`: in the class it has at
    /// the end of day `d`, as the daily RTO reads them.
    ///
    /// - Complexity: O(classes × log H).
    func classBytes(entry k: Int, newest bytes: Double, day d: Int, endOfDay: Bool = false) -> [Double] {
        var out = Array(repeating: 0.0, count: StorageClass.allCases.count)
        let ledger = ledgers[k]
        let plan = targets[entries[k].target]
        let to = ledger.removed + ledger.held
        // A drill reads the point as it was at its instant: bytes the day deleted later still
        // count (model.md leaves this open; the restore happened before the deletion).
        let from = max(endOfDay ? ledger.deleted : ledger.deletedAtDayStart, to - bytes)
        guard to > from else { return out }
        for i in plan.segments.steps.indices {
            var (first, last) = plan.segments.days(step: i, at: endOfDay ? d : d - 1)
            if i == 0 { last = d }
            out[plan.segments.steps[i].storageClass.rank] += ledger.bytesAndDays(from: from, to: to, days: first, last).bytes
        }
        return out
    }

    /// The retrieval delay of the newest `bytes` of entry `k`'s current lots: the largest of
    /// the classes they are in (as `classBytes`), seconds. Allocates nothing: the daily RTO
    /// asks it every day.
    func delay(entry k: Int, newest bytes: Double, day d: Int, endOfDay: Bool) -> Double {
        let ledger = ledgers[k]
        let plan = targets[entries[k].target]
        let to = ledger.removed + ledger.held
        let from = max(ledger.deleted, to - bytes)
        guard to > from else { return 0 }
        var delay = 0.0
        for i in plan.segments.steps.indices {
            let c = plan.segments.steps[i].storageClass
            guard c.retrievalDelay.value > delay else { continue }
            var (first, last) = plan.segments.days(step: i, at: endOfDay ? d : d - 1)
            if i == 0 { last = d }
            if ledger.bytesAndDays(from: from, to: to, days: first, last).bytes > 0 { delay = c.retrievalDelay.value }
        }
        return delay
    }

    /// The early-deletion charge of the bytes `[from, to)` leaving the store at the end of
    /// day `d`, each in the class it had at the end of day `d − 1` (a lot of day `d`: the
    /// upload class), `h = d − entry` days after it entered: `bytes / 2^30 × price × (M − h)
    /// / days in month` where `h < M`.
    func leaving(_ ledger: RowLedger, from: Double, to: Double, day d: Int, plan: TargetPlan, daysInMonth: Double) -> Double {
        guard to > from else { return 0 }
        var charge = 0.0
        for i in plan.segments.steps.indices {
            let (c, age) = plan.segments.steps[i]
            let m = c.minimumDays
            guard m > 0, let price = plan.prices?.classes[c]?.storageGBMonth.amount else { continue }
            var (first, last) = plan.segments.days(step: i, at: d - 1)
            if i == 0 { last = d }  // today's lot is in the upload class
            // Only bytes with h = d − u − age < M are charged: u > d − age − M.
            first = max(first, d - age - m + 1)
            guard first <= last else { continue }
            let (bytes, byteDays) = ledger.bytesAndDays(from: from, to: to, days: first, last)
            guard bytes > 0 else { continue }
            let shortDays = Double(m - d + age) * bytes + byteDays  // Σ bytes × (M − h)
            charge += shortDays / 1_073_741_824 * price / daysInMonth
        }
        return charge
    }

    /// The lots of day `d − Aᵢ` move into class `Cᵢ` at the end of day `d`: `ρ × bytes`
    /// transition requests at `Cᵢ`'s price, and the early-deletion charge of the class they
    /// leave when they spent fewer than its minimum days there.
    mutating func transitions(_ k: Int, day d: Int, density: Double, plan: TargetPlan, daysInMonth: Double) {
        let steps = plan.segments.steps
        guard steps.count > 1 else { return }
        let ledger = ledgers[k]
        let t = entries[k].target
        for i in 1..<steps.count {
            let u = d - steps[i].age
            guard u >= 0 else { continue }
            let (lo, hi) = ledger.positions(days: u, u)
            let bytes = max(0, hi - max(lo, ledger.removed))
            guard bytes > 0 else { continue }
            if let price = plan.prices?.classes[steps[i].storageClass]?.transitionPer1000.amount {
                transition[t] += density * bytes * price / 1000
            }
            let left = steps[i - 1].storageClass
            let h = steps[i].age - steps[i - 1].age
            if h < left.minimumDays, let price = plan.prices?.classes[left]?.storageGBMonth.amount {
                earlyDelete[t] += bytes * Double(left.minimumDays - h) / 1_073_741_824 * price / daysInMonth
            }
        }
    }

    /// The row's bytes by class at the end of day `d`, billed: the 128 KiB minimum through
    /// the row's average object size in IA, One Zone-IA and Glacier IR; 32 KiB per object in
    /// the archive classes plus 8 KiB per object in Standard.
    mutating func sample(_ k: Int, day d: Int, density: Double, plan: TargetPlan) {
        let ledger = ledgers[k]
        let t = entries[k].target
        let current = (from: ledger.deleted, to: ledger.removed + ledger.held)
        for i in plan.segments.steps.indices {
            let (lo, hi) = plan.segments.days(step: i, at: d)
            let (a, b) = ledger.positions(days: lo, hi)
            guard b > a else { continue }
            let bytes = max(0, min(b, current.to) - max(a, ledger.removed))
            guard bytes > 0 else { continue }
            let c = plan.segments.steps[i].storageClass
            switch c {
            case .standard:
                billed[t][c.rank] += bytes
            case .standardIA, .onezoneIA, .glacierIR:
                billed[t][c.rank] += bytes * max(1, density * 131_072)
            case .glacierFlexible, .deepArchive:
                billed[t][c.rank] += bytes + density * bytes * 32_768
                billed[t][StorageClass.standard.rank] += density * bytes * 8_192
            }
        }
    }
}
