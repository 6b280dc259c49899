/// Sums of the current calendar month per target (model.md "Cost, per calendar month").
struct MonthAccumulator {
    let targets: [Target]
    /// The month being summed, and its first simulated day (days since start).
    var year = 0, month = 0, firstDay = 0
    /// Days of the month summed so far.
    var days = 0
    /// Per target: Σ used over the month's days, GiB (`used / 2^30`) × days.
    var gbDays: [Double]
    /// Per target: PUT requests of the month.
    var puts: [Double]

    init(targets: [Target]) {
        self.targets = targets
        gbDays = Array(repeating: 0, count: targets.count)
        puts = Array(repeating: 0, count: targets.count)
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

    /// Closes the month: one row per target, then the `total` row, into `rows`; its first
    /// day into `firstDays` and its total scaled to the whole month into `scaled`.
    ///
    /// - Complexity: O(targets + price tiers), once a month.
    mutating func flush(into rows: inout [MonthlyRow], firstDay firstDays: inout [Int], scaled: inout [Double]) {
        guard days > 0 else { return }
        let dim = Double(CivilDate.daysIn(year: year, month: month))
        let label = CivilDate(year: year, month: month, day: 1).monthString
        var total = MonthlyRow(
            month: label, target: "total", days: days, fixedCost: .zero, storageCost: .zero, requestCost: .zero,
            totalCost: .zero, gbMonths: 0, putRequests: 0)
        for (i, t) in targets.enumerated() {
            let gbMonths = gbDays[i] / dim
            let fixed = t.monthlyCost.amount * Double(days) / dim
            var storage = 0.0, request = 0.0
            if t.kind == .s3, let prices = t.prices {
                storage = Pricing.storageCost(gbMonths: gbMonths, tiers: prices.storageTiers)
                request = puts[i] * prices.putPer1000.amount / 1000
            }
            let row = MonthlyRow(
                month: label, target: t.name, days: days, fixedCost: Money(fixed), storageCost: Money(storage),
                requestCost: Money(request), totalCost: Money(fixed + storage + request), gbMonths: gbMonths,
                putRequests: puts[i])
            rows.append(row)
            total.fixedCost = total.fixedCost + row.fixedCost
            total.storageCost = total.storageCost + row.storageCost
            total.requestCost = total.requestCost + row.requestCost
            total.totalCost = total.totalCost + row.totalCost
            total.gbMonths += gbMonths
            total.putRequests += puts[i]
        }
        rows.append(total)
        firstDays.append(firstDay)
        scaled.append(total.totalCost.amount * dim / Double(days))
        days = 0
        for i in gbDays.indices {
            gbDays[i] = 0
            puts[i] = 0
        }
    }
}
