/// An ordinary least-squares line through samples, computed exactly as Prometheus' `deriv`
/// and `predict_linear` compute theirs (`promql/functions.go`, `linearRegression`), so that
/// a figure `plan calibrate` measures agrees with what the same range gives in PromQL.
///
/// With x the seconds from the first sample and n samples:
///
///     slope     = (Σxy − Σx·Σy/n) / (Σx² − (Σx)²/n)
///     intercept = Σy/n − slope·Σx/n                  (the value at the first sample)
///
/// every sum taken with Kahan–Neumaier compensation. A constant series has slope 0 and its
/// value as intercept (as Prometheus does, without dividing by zero). R² is
/// 1 − SSres/SStot (1 for a constant series, which the line fits exactly), and the spread
/// is the residuals' standard deviation √(SSres/n), in the series' own unit.
public struct LinearFit: Sendable, Hashable {
    /// Units of the value per second.
    public var slope: Double
    /// The fitted value at `origin`.
    public var intercept: Double
    /// The first sample's time: where x is 0.
    public var origin: MetricSample.Time
    /// The last sample's time.
    public var last: MetricSample.Time
    /// Samples fitted.
    public var count: Int
    /// Coefficient of determination, in [0, 1] (may be slightly below 0 by rounding).
    public var rSquared: Double
    /// Standard deviation of the residuals, √(SSres/n), in the value's unit.
    public var spread: Double

    /// The line's value at `time` (milliseconds since 1970), as `predict_linear` gives it.
    public func value(atMilliseconds time: Int64) -> Double {
        intercept + slope * Double(time - origin) / 1_000
    }

    /// Fits `samples` (in time order; non-finite values must already be left out).
    /// Nil for fewer than 2 samples, or when every sample has the same time.
    /// - Complexity: O(n), two passes.
    public static func fit(_ samples: [MetricSample]) -> LinearFit? {
        guard samples.count >= 2, let first = samples.first, let lastSample = samples.last else { return nil }
        let origin = first.milliseconds
        var sumX = KahanSum(), sumY = KahanSum(), sumXY = KahanSum(), sumX2 = KahanSum()
        var constant = true
        for s in samples {
            if s.value != first.value { constant = false }
            let x = Double(s.milliseconds - origin) / 1_000
            sumX.add(x)
            sumY.add(s.value)
            sumXY.add(x * s.value)
            sumX2.add(x * x)
        }
        let n = Double(samples.count)
        let slope: Double
        let intercept: Double
        if constant {
            slope = 0
            intercept = first.value
        } else {
            let covXY = sumXY.value - sumX.value * sumY.value / n
            let varX = sumX2.value - sumX.value * sumX.value / n
            guard varX > 0 else { return nil }
            slope = covXY / varX
            intercept = sumY.value / n - slope * sumX.value / n
        }
        // Residuals in a second pass: the mean and the squared deviations, compensated too.
        let mean = sumY.value / n
        var ssRes = KahanSum(), ssTot = KahanSum()
        for s in samples {
            let x = Double(s.milliseconds - origin) / 1_000
            let r = s.value - (intercept + slope * x)
            ssRes.add(r * r)
            ssTot.add((s.value - mean) * (s.value - mean))
        }
        let rSquared = ssTot.value > 0 ? 1 - ssRes.value / ssTot.value : 1
        return LinearFit(
            slope: slope, intercept: intercept, origin: origin, last: lastSample.milliseconds, count: samples.count,
            rSquared: rSquared, spread: (ssRes.value / n).squareRoot())
    }
}

extension MetricSample {
    /// Milliseconds since 1970-01-01 UTC.
    public typealias Time = Int64
}

/// A sum with Kahan–Neumaier compensation, as Prometheus' `kahanSumInc`: the lost low-order
/// bits of each addition are kept in `compensation` and added back at the end.
public struct KahanSum: Sendable, Hashable {
    public private(set) var sum = 0.0
    public private(set) var compensation = 0.0

    public init() {}

    /// Adds `x`; an infinite running sum drops the compensation, as Prometheus does.
    public mutating func add(_ x: Double) {
        let t = sum + x
        if t.isInfinite {
            compensation = 0
        } else if Swift.abs(sum) >= Swift.abs(x) {
            compensation += (sum - t) + x
        } else {
            compensation += (x - t) + sum
        }
        sum = t
    }

    /// The compensated sum.
    public var value: Double { sum + compensation }
}
