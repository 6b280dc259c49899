/// The split of one target's month between its daily rows (README "Cost per job").
extension CostSplit {
    /// Fills the costs of `rows`, the rows of `target`'s month in file order (their
    /// `gbMonths` and `putRequests` already set), from the target's monthly row:
    ///
    /// - `fixed_cost`, `storage_cost`, and the version 2 `egress_cost`, `retrieval_cost`,
    ///   `early_delete_cost` and `transition_cost`: by the rows' shares of the GB-months;
    /// - `request_cost`: by the shares of the PUT requests (by GB-months in a month with no
    ///   PUT at all, when polls alone cost something);
    /// - `total_cost`: by each row's unrounded sum of the above, so that it too adds up.
    ///
    /// Each column is split on its own (`split`), as monthly.csv rounds each column on its
    /// own: within a row, `total_cost` may differ from the sum of the other printed columns by
    /// a few units of the last decimal, exactly as on the target's monthly row.
    ///
    /// - Complexity: O(n log n) for n rows.
    public static func attribute(_ target: MonthlyRow, to rows: inout [JobCostRow]) {
        guard !rows.isEmpty else { return }
        let gb = rows.map(\.gbMonths)
        let puts = rows.map(\.putRequests)
        let byPuts = puts.reduce(0, +) > 0 ? puts : gb
        let b = target.billing ?? MonthlyBilling()
        let columns: [(amount: Double, weights: [Double], set: (inout JobCostRow, Money) -> Void)] = [
            (target.fixedCost.amount, gb, { $0.fixedCost = $1 }),
            (target.storageCost.amount, gb, { $0.storageCost = $1 }),
            (target.requestCost.amount, byPuts, { $0.requestCost = $1 }),
            (b.egressCost.amount, gb, { $0.egressCost = $1 }),
            (b.retrievalCost.amount, gb, { $0.retrievalCost = $1 }),
            (b.earlyDeleteCost.amount, gb, { $0.earlyDeleteCost = $1 }),
            (b.transitionCost.amount, gb, { $0.transitionCost = $1 }),
        ]
        var exactTotals = [Double](repeating: 0, count: rows.count)
        for column in columns {
            let exact = shares(column.amount, weights: column.weights)
            for i in rows.indices { exactTotals[i] += exact[i] }
            for (i, part) in split(column.amount, weights: column.weights).enumerated() { column.set(&rows[i], part) }
        }
        for (i, part) in split(target.totalCost.amount, weights: exactTotals).enumerated() { rows[i].totalCost = part }
    }

    /// `amount` × each weight's share, unrounded (equal shares when the weights are all 0).
    static func shares(_ amount: Double, weights: [Double]) -> [Double] {
        let sum = weights.reduce(0) { $0 + (($1.isFinite && $1 > 0) ? $1 : 0) }
        guard sum > 0, sum.isFinite else { return weights.map { _ in amount / Double(weights.count) } }
        return weights.map { ($0.isFinite && $0 > 0) ? amount * $0 / sum : 0 }
    }
}
