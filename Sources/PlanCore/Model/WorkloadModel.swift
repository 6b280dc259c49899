import Foundation  // math functions only (log, exp, expm1); no I/O

/// The closed forms of model.md "Workloads" for one workload: size over time and the
/// integrals of churn and WAL over an interval.
///
/// Times are seconds since 00:00 UTC of `start`; sizes are bytes. Everything is computed
/// in floating point and never rounded.
public struct WorkloadModel: Sendable {
    /// Size on day 0, bytes.
    public let initial: Double
    /// Absolute growth in bytes per day (0 when growth is relative).
    let linearPerDay: Double
    /// Natural log of the daily growth factor `q = (1+p)^(1/P)` (0 when growth is absolute).
    let logQ: Double
    let isRelativeGrowth: Bool
    /// The WAL (or churn) rate as `a + b × size(t)` bytes per day, clamped at 0.
    let churnA: Double, churnB: Double
    let walA: Double, walB: Double

    public init(_ w: Workload) {
        initial = w.size.bytes
        switch w.growth {
        case .absolute(let g):
            linearPerDay = g
            logQ = 0
            isRelativeGrowth = false
        case .relative(let p, let period):
            linearPerDay = 0
            logQ = (1 + p).logarithm / period
            isRelativeGrowth = true
        }
        (churnA, churnB) = WorkloadModel.affine(w.churn)
        if let wal = w.wal {
            (walA, walB) = WorkloadModel.affine(wal)
        } else {
            // model.md: WAL = growth + churn as rates at the current size; a negative
            // absolute growth contributes 0, a relative one (p/P) × size(t).
            var (a, b) = WorkloadModel.affine(w.churn)
            switch w.growth {
            case .absolute(let g): a += Swift.max(0, g)
            case .relative(let p, let period): b += p / period
            }
            (walA, walB) = (a, b)
        }
    }

    /// A rate as `a + b × size` bytes per day.
    static func affine(_ r: Rate) -> (Double, Double) {
        switch r {
        case .absolute(let c): return (c, 0)
        case .relative(let f, let period): return (0, f / period)
        }
    }

    /// `size(t)` in bytes, `t` in seconds.
    public func size(at t: Double) -> Double {
        sizeAtDay(t / 86_400)
    }

    func sizeAtDay(_ u: Double) -> Double {
        if isRelativeGrowth { return initial * (logQ * u).exponential }
        return Swift.max(0, initial + linearPerDay * u)
    }

    /// `∫ size(u) du` over `[u1, u2]` in days: byte-days.
    func sizeIntegral(_ u1: Double, _ u2: Double) -> Double {
        if u2 <= u1 { return 0 }
        if isRelativeGrowth {
            if logQ == 0 { return initial * (u2 - u1) }
            // S0 (q^u2 − q^u1) / ln q, written to keep precision for small ln q.
            return initial * (logQ * u1).exponential * (logQ * (u2 - u1)).expMinusOne / logQ
        }
        let g = linearPerDay
        var hi = u2
        if g < 0 {
            // The size reaches 0 at u0 = −S0/g and stays there.
            let u0 = -initial / g
            if u1 >= u0 { return 0 }
            hi = Swift.min(u2, u0)
        }
        let s1 = initial + g * u1, s2 = initial + g * hi
        return (s1 + s2) / 2 * (hi - u1)
    }

    /// The day (fractional) at which `size` equals `s`, for a monotone size; `nil` if never.
    func dayWhereSize(is s: Double) -> Double? {
        if isRelativeGrowth {
            if logQ == 0 || initial <= 0 || s <= 0 { return nil }
            return (s / initial).logarithm / logQ
        }
        if linearPerDay == 0 { return nil }
        return (s - initial) / linearPerDay
    }

    /// `∫ max(0, a + b × size(u)) du` over `[t1, t2)`, bytes.
    func integrate(a: Double, b: Double, _ t1: Double, _ t2: Double) -> Double {
        let u1 = t1 / 86_400, u2 = t2 / 86_400
        if u2 <= u1 { return 0 }
        if b == 0 { return Swift.max(0, a) * (u2 - u1) }
        if a == 0 {
            // size ≥ 0, so the sign is that of b.
            return b > 0 ? b * sizeIntegral(u1, u2) : 0
        }
        // a + b·size(u) is monotone in u (size is monotone): at most one sign change, where
        // size(u*) = −a/b.
        let r1 = a + b * sizeAtDay(u1), r2 = a + b * sizeAtDay(u2)
        if r1 >= 0 && r2 >= 0 { return a * (u2 - u1) + b * sizeIntegral(u1, u2) }
        if r1 <= 0 && r2 <= 0 { return 0 }
        guard let uStar = dayWhereSize(is: -a / b) else { return 0 }
        let cross = Swift.min(Swift.max(uStar, u1), u2)
        if r1 > 0 { return a * (cross - u1) + b * sizeIntegral(u1, cross) }
        return a * (u2 - cross) + b * sizeIntegral(cross, u2)
    }

    /// Churn `C(t1, t2)`: bytes rewritten in place over `[t1, t2)`.
    public func churn(_ t1: Double, _ t2: Double) -> Double {
        integrate(a: churnA, b: churnB, t1, t2)
    }

    /// WAL bytes generated over `[t1, t2)` (postgres workloads).
    public func wal(_ t1: Double, _ t2: Double) -> Double {
        integrate(a: walA, b: walB, t1, t2)
    }
}

extension Double {
    var logarithm: Double { Foundation.log(self) }
    var exponential: Double { Foundation.exp(self) }
    var expMinusOne: Double { Foundation.expm1(self) }
}
