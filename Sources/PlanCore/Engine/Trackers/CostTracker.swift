/// The monthly cost rows and the `monthly_budget` KPI (model.md "Cost, per calendar month").
struct CostTracker {
    /// The sums of the month being simulated.
    var month: MonthAccumulator
    /// The closed months' rows: one per target, then `total`, month by month.
    var rows: [MonthlyRow] = []
    /// Per closed month: its first simulated day, days since start.
    var firstDay: [Int] = []
    /// Per closed month: its total cost scaled to the whole month (a partial first or last
    /// month counts as if every day cost the same), currency units.
    var scaled: [Double] = []
    /// Version 2: the closed months' `jobs.csv` rows, month by month; empty for version 1.
    var jobRows: [JobCostRow] = []

    init(targets: [Target], version: Int, rows: [JobRowKey] = []) {
        month = MonthAccumulator(targets: targets, version: version, rows: rows)
    }

    /// Starts day `d` (calendar `date`): closes the previous month on the 1st.
    ///
    /// - Complexity: O(targets) on the 1st of a month, O(1) on other days.
    @inline(__always)
    mutating func beginDay(_ d: Int, date: CivilDate) {
        if d > 0 && date.day == 1 { month.flush(into: &rows, jobRows: &jobRows, firstDay: &firstDay, scaled: &scaled) }
        if month.days == 0 { month.begin(date: date, day: d) }
    }

    /// Adds target `t`'s day: `used` bytes at the day's end and `puts` PUT requests.
    @inline(__always)
    mutating func add(target t: Int, used: Double, puts: Double) { month.add(target: t, used: used, puts: puts) }

    /// Adds the version 2 day of every daily row (see `MonthAccumulator.addRows`).
    @inline(__always)
    mutating func addRows(held: [Double], jobs: [JobDayValues]) { month.addRows(held: held, jobs: jobs) }

    /// Adds target `t`'s version 2 day: its billed bytes by class, noncurrent bytes, the
    /// day's early-deletion and transition charges (currency units) and poll requests.
    @inline(__always)
    mutating func addBilling(
        target t: Int, billed: [Double], noncurrent: Double, earlyDelete: Double, transition: Double, lists: Double, heads: Double
    ) {
        month.addBilling(
            target: t, billed: billed, noncurrent: noncurrent, earlyDelete: earlyDelete, transition: transition, lists: lists, heads: heads)
    }

    /// Adds a drill's reads on target `t`: its GETs, the bytes leaving the store and their
    /// costs (currency units).
    @inline(__always)
    mutating func addDrill(target t: Int, gets: Double, egressBytes: Double, egressCost: Double, retrievalCost: Double, getCost: Double) {
        month.addDrill(target: t, gets: gets, egressBytes: egressBytes, egressCost: egressCost, retrievalCost: retrievalCost, getCost: getCost)
    }

    /// Adds target `t`'s days of the month begun (`beginDay`), from its first simulated day
    /// on: `used[i]` bytes and `puts[i]` PUT requests on the i-th (see `MonthAccumulator.add`).
    mutating func add(target t: Int, used: UnsafeBufferPointer<Double>, puts: UnsafeBufferPointer<Double>) {
        month.add(target: t, used: used, puts: puts)
    }

    /// Ends the day's accounting.
    @inline(__always)
    mutating func endDay() { month.days += 1 }

    /// Ends the accounting of `n` days added with `add(target:used:puts:)`.
    mutating func endDays(_ n: Int) { month.days += n }

    /// Closes the last month.
    mutating func finish() { month.flush(into: &rows, jobRows: &jobRows, firstDay: &firstDay, scaled: &scaled) }

    /// The `monthly_budget` row: the worst scaled month against `limit` (currency units;
    /// nil: `info`), failing from the first day of the first month over it.
    func budgetRow(limit: Double?, start: CivilDate) -> KPIRow {
        var row = KPIRow(
            kpi: .monthlyBudget, subject: "total", limit: limit, worst: scaled.max() ?? 0, unit: .money, status: .info, firstFailure: nil)
        if let limit {
            let failing = scaled.firstIndex { $0 > limit }
            row.status = failing == nil ? .pass : .fail
            row.firstFailure = failing.map { start.adding(days: firstDay[$0]) }
        }
        return row
    }
}
