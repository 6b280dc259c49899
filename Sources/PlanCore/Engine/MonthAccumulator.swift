/// Sums of the current calendar month per target (model.md "Cost, per calendar month";
/// version 2: "Monthly cost (version 2)").
struct MonthAccumulator {
    let targets: [Target]
    /// Version 2 sums are kept (and the row's `billing` given) only for version 2.
    let billing: Bool
    /// The month being summed, and its first simulated day (days since start).
    var year = 0, month = 0, firstDay = 0
    /// Days of the month summed so far.
    var days = 0
    /// Per target: Σ used over the month's days, GiB (`used / 2^30`) × days.
    var gbDays: [Double]
    /// Per target: PUT requests of the month.
    var puts: [Double]
    /// Version 2, per target: billed GiB-days by class (`StorageClass.rank`), noncurrent
    /// GiB-days, charges (currency units) and poll requests.
    var billedGBDays: [[Double]]
    var noncurrentGBDays: [Double]
    var earlyDelete: [Double]
    var transition: [Double]
    var lists: [Double]
    var heads: [Double]
    /// Version 2, per target: the drills' GETs, bytes out and costs (currency units).
    var drillGets: [Double]
    var egressBytes: [Double]
    var egressCost: [Double]
    var retrievalCost: [Double]
    var getCost: [Double]
    /// Version 2, per daily row (`RowLayout.jobRows`, in file order): its key, the index of
    /// its target in `targets` (nil: unknown), and its share of the month's sums: GiB-days
    /// of its current plus noncurrent bytes, and PUT requests (README "Cost per job").
    let rowKeys: [JobRowKey]
    let rowTarget: [Int?]
    var rowGBDays: [Double]
    var rowPuts: [Double]

    init(targets: [Target], version: Int = 1, rows: [JobRowKey] = []) {
        self.targets = targets
        billing = version >= 2
        let n = targets.count
        rowKeys = billing ? rows : []
        rowTarget = rowKeys.map { k in targets.firstIndex { $0.name == k.target } }
        rowGBDays = Array(repeating: 0, count: rowKeys.count)
        rowPuts = Array(repeating: 0, count: rowKeys.count)
        gbDays = Array(repeating: 0, count: n)
        puts = Array(repeating: 0, count: n)
        let k = billing ? n : 0
        billedGBDays = Array(repeating: Array(repeating: 0, count: StorageClass.allCases.count), count: k)
        noncurrentGBDays = Array(repeating: 0, count: k)
        earlyDelete = Array(repeating: 0, count: k)
        transition = Array(repeating: 0, count: k)
        lists = Array(repeating: 0, count: k)
        heads = Array(repeating: 0, count: k)
        drillGets = Array(repeating: 0, count: k)
        egressBytes = Array(repeating: 0, count: k)
        egressCost = Array(repeating: 0, count: k)
        retrievalCost = Array(repeating: 0, count: k)
        getCost = Array(repeating: 0, count: k)
    }

    /// Adds a drill's reads on target `t` (see `CostTracker.addDrill`).
    mutating func addDrill(target t: Int, gets: Double, egressBytes e: Double, egressCost ec: Double, retrievalCost r: Double, getCost g: Double) {
        drillGets[t] += gets
        egressBytes[t] += e
        egressCost[t] += ec
        retrievalCost[t] += r
        getCost[t] += g
    }

    /// Starts the month of `date`, first simulated on day `day`.
    mutating func begin(date: CivilDate, day: Int) {
        year = date.year
        month = date.month
        firstDay = day
    }

    /// Adds target `t`'s day: `used` bytes at its end and `p` PUT requests.
    mutating func add(target t: Int, used: Double, puts p: Double) {
        gbDays[t] += used / 1_073_741_824
        puts[t] += p
    }

    /// Adds target `t`'s days of this month, `used[i]` bytes at the end of the i-th and
    /// `p[i]` PUT requests: the same sums as one `add(target:used:puts:)` a day, in order.
    @inline(__always)
    mutating func add(target t: Int, used: UnsafeBufferPointer<Double>, puts p: UnsafeBufferPointer<Double>) {
        var gb = gbDays[t]
        var requests = puts[t]
        for i in used.indices {
            gb += used[i] / 1_073_741_824
            requests += p[i]
        }
        gbDays[t] = gb
        puts[t] = requests
    }

    /// Adds the version 2 day of every daily row: `held[i]` the current plus noncurrent bytes
    /// of layout row `i` at the day's end, its PUTs read from `jobs` (the row's values).
    ///
    /// - Complexity: O(rows), no allocation.
    mutating func addRows(held: [Double], jobs: [JobDayValues]) {
        for i in rowKeys.indices {
            rowGBDays[i] += held[i] / 1_073_741_824
            rowPuts[i] += jobs[rowKeys[i].source].putRequests
        }
    }

    /// Adds target `t`'s version 2 day (see `CostTracker.addBilling`).
    mutating func addBilling(
        target t: Int, billed: [Double], noncurrent: Double, earlyDelete e: Double, transition x: Double, lists l: Double, heads h: Double
    ) {
        for c in billed.indices { billedGBDays[t][c] += billed[c] / 1_073_741_824 }
        noncurrentGBDays[t] += noncurrent / 1_073_741_824
        earlyDelete[t] += e
        transition[t] += x
        lists[t] += l
        heads[t] += h
    }

    /// Closes the month: one row per target, then the `total` row, into `rows`; its first
    /// day into `firstDays` and its total scaled to the whole month into `scaled`.
    ///
    /// - Complexity: O(targets + price tiers), once a month.
    mutating func flush(
        into rows: inout [MonthlyRow], jobRows: inout [JobCostRow], firstDay firstDays: inout [Int], scaled: inout [Double]
    ) {
        guard days > 0 else { return }
        let dim = Double(CivilDate.daysIn(year: year, month: month))
        let label = CivilDate(year: year, month: month, day: 1).monthString
        let first = rows.count
        var total = MonthlyRow(
            month: label, target: "total", days: days, fixedCost: .zero, storageCost: .zero, requestCost: .zero,
            totalCost: .zero, gbMonths: 0, putRequests: 0, billing: billing ? MonthlyBilling() : nil)
        // By index: a `Target` is large, and each was copied out of the list every month.
        for i in targets.indices {
            let row = billing ? billedRow(i, label: label, dim: dim) : plainRow(i, label: label, dim: dim)
            rows.append(row)
            total.fixedCost = total.fixedCost + row.fixedCost
            total.storageCost = total.storageCost + row.storageCost
            total.requestCost = total.requestCost + row.requestCost
            total.totalCost = total.totalCost + row.totalCost
            total.gbMonths += row.gbMonths
            total.putRequests += row.putRequests
            if let b = row.billing, let sum = total.billing { total.billing = sum + b }
        }
        rows.append(total)
        if !rowKeys.isEmpty { jobRows += splitRows(label: label, dim: dim, targetRows: rows[first..<(first + targets.count)]) }
        firstDays.append(firstDay)
        scaled.append(total.totalCost.amount * dim / Double(days))
        reset()
    }

    /// A version 1 row: storage of `used` by the tiers, PUTs at the PUT price.
    func plainRow(_ i: Int, label: String, dim: Double) -> MonthlyRow {
        let gbMonths = gbDays[i] / dim
        let fixed = targets[i].monthlyCost.amount * Double(days) / dim
        var storage = 0.0, request = 0.0
        if targets[i].kind == .s3, let prices = targets[i].prices {
            storage = Pricing.storageCost(gbMonths: gbMonths, tiers: prices.storageTiers)
            request = puts[i] * prices.putPer1000.amount / 1000
        }
        return MonthlyRow(
            month: label, target: targets[i].name, days: days, fixedCost: Money(fixed), storageCost: Money(storage),
            requestCost: Money(request), totalCost: Money(fixed + storage + request), gbMonths: gbMonths, putRequests: puts[i])
    }

    /// A version 2 row: Standard's billed GB-months by the tiers and every other class at
    /// its price; PUTs at the upload class's PUT price, poll LISTs at Standard's PUT price
    /// and HEADs at its GET price; the charges. MinIO and cluster targets: counts only.
    func billedRow(_ i: Int, label: String, dim: Double) -> MonthlyRow {
        let t = targets[i]
        let gbMonths = gbDays[i] / dim
        let fixed = t.monthlyCost.amount * Double(days) / dim
        var b = MonthlyBilling()
        b.listRequests = lists[i]
        b.getRequests = heads[i] + drillGets[i]
        b.egressBytes = egressBytes[i]
        b.noncurrentGBMonths = noncurrentGBDays[i] / dim
        var storage = 0.0, request = 0.0
        if t.kind == .s3, let prices = t.prices {
            for c in StorageClass.allCases {
                let billed = billedGBDays[i][c.rank] / dim
                guard billed > 0 else { continue }
                if c == .standard {
                    storage += Pricing.storageCost(gbMonths: billed, tiers: prices.storageTiers)
                } else {
                    storage += billed * (prices.classes[c]?.storageGBMonth.amount ?? 0)
                }
            }
            let upload = t.bucket.storageClass
            let put = upload == .standard ? prices.putPer1000 : prices.classes[upload]?.putPer1000 ?? prices.putPer1000
            request = (puts[i] * put.amount + lists[i] * prices.putPer1000.amount + heads[i] * prices.getPer1000.amount) / 1000 + getCost[i]
            b.earlyDeleteCost = Money(earlyDelete[i])
            b.egressCost = Money(egressCost[i])
            b.retrievalCost = Money(retrievalCost[i])
            b.transitionCost = Money(transition[i])
        }
        let extra = b.egressCost.amount + b.retrievalCost.amount + b.earlyDeleteCost.amount + b.transitionCost.amount
        return MonthlyRow(
            month: label, target: t.name, days: days, fixedCost: Money(fixed), storageCost: Money(storage),
            requestCost: Money(request), totalCost: Money(fixed + storage + request + extra), gbMonths: gbMonths,
            putRequests: puts[i], billing: b)
    }

    /// The month's `jobs.csv` rows, in file order: each target's monthly row split between
    /// its daily rows (`CostSplit.attribute`). A target that no row is on keeps its cost.
    ///
    /// - Complexity: O(rows log rows), once a month.
    func splitRows(label: String, dim: Double, targetRows: ArraySlice<MonthlyRow>) -> [JobCostRow] {
        var out: [JobCostRow] = []
        var byTarget = Array(repeating: [Int](), count: targets.count)
        for (i, k) in rowKeys.enumerated() {
            guard let t = rowTarget[i] else { continue }
            byTarget[t].append(out.count)
            out.append(
                JobCostRow(
                    month: label, job: k.job, tier: k.tier, target: k.target, workload: k.workload, gbMonths: rowGBDays[i] / dim,
                    putRequests: rowPuts[i]))
        }
        for (t, row) in zip(byTarget.indices, targetRows) where !byTarget[t].isEmpty {
            var part = byTarget[t].map { out[$0] }
            CostSplit.attribute(row, to: &part)
            for (j, r) in zip(byTarget[t], part) { out[j] = r }
        }
        return out
    }

    /// Zeroes the sums for the next month (no allocation).
    mutating func reset() {
        days = 0
        for i in rowGBDays.indices {
            rowGBDays[i] = 0
            rowPuts[i] = 0
        }
        for i in gbDays.indices {
            gbDays[i] = 0
            puts[i] = 0
        }
        for i in billedGBDays.indices {
            for c in billedGBDays[i].indices { billedGBDays[i][c] = 0 }
            noncurrentGBDays[i] = 0
            earlyDelete[i] = 0
            transition[i] = 0
            lists[i] = 0
            heads[i] = 0
            drillGets[i] = 0
            egressBytes[i] = 0
            egressCost[i] = 0
            retrievalCost[i] = 0
            getCost[i] = 0
        }
    }
}
