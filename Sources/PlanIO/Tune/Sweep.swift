import PlanCore

/// The cartesian product of the `--vary` values: variant `n` (from 1) in the order listed,
/// the last `--vary` changing fastest.
public struct Sweep: Sendable {
    public let specs: [VarySpec]
    public let count: Int

    /// Fails when the product passes `maximum`.
    public static func make(_ specs: [VarySpec], maximum: Int) -> Result<Sweep, Diagnostic> {
        var count = 1
        for spec in specs {
            let (product, overflow) = count.multipliedReportingOverflow(by: spec.values.count)
            count = overflow ? Int.max : product
        }
        guard count <= maximum else {
            return .failure(
                Diagnostic(
                    at: .none, path: "",
                    "the sweep has \(count == Int.max ? "more than \(Format.grouped(Int.max))" : Format.grouped(count)) variants (\(specs.map { String($0.values.count) }.joined(separator: " × "))), more than --max-variants \(Format.grouped(maximum))",
                    suggestion: "use fewer values, or raise --max-variants"))
        }
        return .success(Sweep(specs: specs, count: count))
    }

    /// The value index of each spec for variant `n` (1-based).
    public func indices(ofVariant n: Int) -> [Int] {
        var rest = n - 1
        var out = Array(repeating: 0, count: specs.count)
        for i in specs.indices.reversed() {
            let k = specs[i].values.count
            out[i] = rest % k
            rest /= k
        }
        return out
    }

    /// The variants of shard `k` of `n`: a contiguous, deterministic slice (1-based, closed).
    public func shard(_ k: Int, of n: Int) -> ClosedRange<Int>? {
        // ⌊count × k / n⌋ in full width: a huge K/N must not overflow.
        func part(_ k: Int) -> Int { n.dividingFullWidth(count.multipliedFullWidth(by: k)).quotient }
        guard n > 0, k >= 0, k < n else { return nil }
        let lo = part(k) + 1, hi = part(k + 1)
        return lo <= hi ? lo...hi : nil
    }
}
