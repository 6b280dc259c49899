import Testing

@testable import PlanCore

/// The largest-remainder split of README "Cost per job", on numbers worked by hand. A unit
/// is a ten-thousandth of the currency (cli.md: money with 4 decimals).
@Suite("cost split: largest remainder on the printed unit")
struct CostSplitTests {
    func units(_ parts: [Money]) -> [Double] { parts.map { CostSplit.units($0.amount) } }

    @Test("10.00 by 1:2 is 3.3333 and 6.6667: the leftover unit goes to the larger remainder")
    func thirds() {
        // N = 100,000 units. Quotas 100,000 × 1/3 = 33,333.33 and × 2/3 = 66,666.67.
        // Floors 33,333 + 66,666 = 99,999: one unit left, to the remainder .67 (the second).
        #expect(units(CostSplit.split(10, weights: [1, 2])) == [33_333, 66_667])
    }

    @Test("ties go to the earlier row: 1.0000 in three equal parts, and 2 units in three")
    func ties() {
        // N = 10,000. Quotas 3,333.33 each; floors 3 × 3,333 = 9,999, one unit left; the
        // remainders tie (.33 each), so the earliest row gets it.
        #expect(units(CostSplit.split(1, weights: [5, 5, 5])) == [3_334, 3_333, 3_333])
        // N = 2 units over three equal rows: floors 0, 0, 0; two left, to rows 1 and 2.
        #expect(units(CostSplit.split(0.0002, weights: [1, 1, 1])) == [1, 1, 0])
    }

    @Test("the whole is rounded once, half away from zero, as monthly.csv prints it")
    func roundsTheWhole() {
        // 0.12345 → 1,234.5 units → 1,235 (half away from zero), split 1:1:2:
        // quotas 308.75, 308.75, 617.5 → floors 308 + 308 + 617 = 1,233; two units left,
        // to the remainders .75, .75 (rows 1 and 2) before .5.
        #expect(units(CostSplit.split(0.12345, weights: [1, 1, 2])) == [309, 309, 617])
    }

    @Test("weights that are all zero count as equal; a zero weight gets nothing otherwise")
    func zeroWeights() {
        // N = 30,000 over [0, 0]: equal, 15,000 each.
        #expect(units(CostSplit.split(3, weights: [0, 0])) == [15_000, 15_000])
        // N = 30,000 over [0, 1]: everything to the second row.
        #expect(units(CostSplit.split(3, weights: [0, 1])) == [0, 30_000])
        #expect(CostSplit.split(3, weights: []).isEmpty)
    }

    @Test("a target's month split column by column, each adding up to the target's cell")
    func target() {
        // A target month: fixed 10.0000, storage 0.0690 (3 GB-months × 0.023), request
        // 0.0001 (20 PUTs × 0.005 / 1000), total 10.0691. Rows: a with 1 GB-month and 10
        // PUTs, b with 2 GB-months and 10 PUTs.
        let month = MonthlyRow(
            month: "2026-01", target: "s3", days: 31, fixedCost: Money(10), storageCost: Money(0.069), requestCost: Money(0.0001),
            totalCost: Money(10.0691), gbMonths: 3, putRequests: 20, billing: MonthlyBilling())
        var rows = [
            JobCostRow(month: "2026-01", job: "velero/a", tier: .velero, target: "s3", workload: "", gbMonths: 1, putRequests: 10),
            JobCostRow(month: "2026-01", job: "velero/b", tier: .velero, target: "s3", workload: "", gbMonths: 2, putRequests: 10),
        ]
        CostSplit.attribute(month, to: &rows)
        // fixed: 100,000 by 1:2 → 33,333.33 / 66,666.67 → 33,333 / 66,667 (as `thirds`).
        #expect(rows.map { CostSplit.units($0.fixedCost.amount) } == [33_333, 66_667])
        // storage: 690 by 1:2 → 230 / 460 exactly.
        #expect(rows.map { CostSplit.units($0.storageCost.amount) } == [230, 460])
        // request: 1 unit by PUTs 10:10 → 0.5 / 0.5 → floors 0 / 0, the tie to the first row.
        #expect(rows.map { CostSplit.units($0.requestCost.amount) } == [1, 0])
        // total: 100,691 by the unrounded sums a = 3.333333 + 0.023 + 0.00005 = 3.356383,
        // b = 6.666667 + 0.046 + 0.00005 = 6.712717 → quotas 33,563.83 / 67,127.17 → floors
        // 33,563 / 67,127 (100,690), the unit left to a (.83): 3.3564 and 6.7127, and each is
        // its row's printed parts (3.3333 + 0.0230 + 0.0001; 6.6667 + 0.0460 + 0).
        #expect(rows.map { CostSplit.units($0.totalCost.amount) } == [33_564, 67_127])
    }
}
