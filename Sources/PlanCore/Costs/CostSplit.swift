/// Splits an amount of money between shares so that the parts, printed as the CSV prints
/// money, add up exactly to the whole as printed (README "Cost per job").
///
/// The rule is the largest-remainder (Hamilton) method on the smallest printed unit, a
/// ten-thousandth of the currency (cli.md: money with 4 decimals):
///
/// 1. the whole is rounded once, half away from zero, to `N` units (what monthly.csv prints);
/// 2. each part `i` of weight `w_i` gets its quota `q_i = N × w_i / Σw` and first
///    `⌊q_i⌋` units;
/// 3. the `N − Σ⌊q_i⌋` units left over go one each to the parts with the largest
///    fractional remainders `q_i − ⌊q_i⌋`, ties to the earlier part (the row order of the
///    file, so the result never depends on anything but the inputs).
///
/// Every part is then within one unit of its exact share, and the parts sum to `N`.
/// Weights that are all zero (or not finite) count as equal weights.
public enum CostSplit {
    /// Decimals of a money cell (cli.md), and the units per currency unit.
    public static let decimals = 4
    public static let unitsPerCurrency = 10_000.0

    /// `amount` in printed units, rounded half away from zero as `Format.fixed` rounds.
    public static func units(_ amount: Double) -> Double {
        let u = (Swift.abs(amount) * unitsPerCurrency).rounded(.toNearestOrAwayFromZero)
        return amount < 0 ? -u : u
    }

    /// `amount` split by `weights`: one amount per weight, each a whole number of units,
    /// summing to `units(amount)` exactly. Empty weights: empty.
    ///
    /// - Complexity: O(n log n) for n weights.
    public static func split(_ amount: Double, weights: [Double]) -> [Money] {
        splitUnits(units(amount), weights: weights).map { Money($0 / unitsPerCurrency) }
    }

    /// `total` whole units (a finite whole number) split by `weights` as the type describes.
    public static func splitUnits(_ total: Double, weights: [Double]) -> [Double] {
        let n = weights.count
        guard n > 0 else { return [] }
        guard total.isFinite, total != 0 else { return Array(repeating: total.isFinite ? 0 : total, count: n) }
        let sign = total < 0 ? -1.0 : 1.0
        let whole = Swift.abs(total)
        let sum = weights.reduce(0) { $0 + (($1.isFinite && $1 > 0) ? $1 : 0) }
        let w = sum > 0 && sum.isFinite ? weights.map { ($0.isFinite && $0 > 0) ? $0 : 0 } : Array(repeating: 1.0, count: n)
        let wsum = sum > 0 && sum.isFinite ? sum : Double(n)
        var parts = [Double](repeating: 0, count: n)
        var remainders = [Double](repeating: 0, count: n)
        var given = 0.0
        for i in 0..<n {
            let quota = whole * w[i] / wsum
            parts[i] = quota.rounded(.down)
            remainders[i] = quota - parts[i]
            given += parts[i]
        }
        // Floating point can leave the floors a unit off either way; `left` is exact.
        var left = whole - given
        let order = (0..<n).sorted { remainders[$0] != remainders[$1] ? remainders[$0] > remainders[$1] : $0 < $1 }
        var k = 0
        while left > 0 {
            parts[order[k % n]] += 1
            left -= 1
            k += 1
        }
        k = n - 1
        while left < 0 {
            let i = order[(k % n + n) % n]
            if parts[i] > 0 {
                parts[i] -= 1
                left += 1
            }
            k -= 1
        }
        return parts.map { $0 * sign }
    }
}
