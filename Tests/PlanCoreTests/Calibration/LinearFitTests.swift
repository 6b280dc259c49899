import Testing

@testable import PlanCore

/// The fit of `deriv` and `predict_linear`, on series small enough to do by hand.
@Suite struct LinearFitTests {
    /// 2025-07-01T00:00:00Z in milliseconds: x must count from the first sample, not from 1970.
    static let t0: Int64 = 1_751_328_000_000

    static func samples(_ values: [Double], every seconds: Int64 = 1) -> [MetricSample] {
        values.enumerated().map { MetricSample(milliseconds: t0 + Int64($0.offset) * seconds * 1_000, value: $0.element) }
    }

    /// x = 0, 1, 2, 3 s; y = 1, 3, 2, 5. n = 4, Σx = 6, Σy = 11, Σxy = 0+3+4+15 = 22,
    /// Σx² = 0+1+4+9 = 14. cov = 22 − 6·11/4 = 5.5, var = 14 − 36/4 = 5, slope = 5.5/5 = 1.1,
    /// intercept = 11/4 − 1.1·6/4 = 2.75 − 1.65 = 1.1. Fitted 1.1, 2.2, 3.3, 4.4; residuals
    /// −0.1, 0.8, −1.3, 0.6: SSres = 0.01+0.64+1.69+0.36 = 2.7. Mean 2.75: SStot =
    /// 3.0625+0.0625+0.5625+5.0625 = 8.75. R² = 1 − 2.7/8.75 = 0.6914285714…;
    /// spread = √(2.7/4) = √0.675 = 0.8215838362…; at x = 10 s: 1.1 + 11 = 12.1.
    @Test func fourPointsByHand() throws {
        let fit = try #require(LinearFit.fit(Self.samples([1, 3, 2, 5])))
        #expect(Swift.abs(fit.slope - 1.1) < 1e-12)
        #expect(Swift.abs(fit.intercept - 1.1) < 1e-12)
        #expect(Swift.abs(fit.rSquared - 0.691_428_571_428_571) < 1e-12)
        #expect(Swift.abs(fit.spread - 0.821_583_836_257_749) < 1e-12)
        #expect(fit.count == 4)
        #expect(fit.origin == Self.t0)
        #expect(fit.last == Self.t0 + 3_000)
        #expect(Swift.abs(fit.value(atMilliseconds: Self.t0 + 10_000) - 12.1) < 1e-12)
    }

    /// Samples a day apart: the slope is per second. y = 100, 200, 300 → 100/86,400 per s.
    @Test func slopeIsPerSecond() throws {
        let fit = try #require(LinearFit.fit(Self.samples([100, 200, 300], every: 86_400)))
        #expect(Swift.abs(fit.slope * 86_400 - 100) < 1e-9)
        #expect(fit.rSquared == 1)
        #expect(fit.spread < 1e-9)
    }

    /// A constant series has slope 0 and its value as intercept, as Prometheus returns it
    /// without dividing by a zero covariance; it fits exactly (R² 1, spread 0).
    @Test func constantSeries() throws {
        let fit = try #require(LinearFit.fit(Self.samples([5, 5, 5])))
        #expect(fit.slope == 0)
        #expect(fit.intercept == 5)
        #expect(fit.rSquared == 1)
        #expect(fit.spread == 0)
    }

    /// Fewer than 2 samples, or all at one time, give no line.
    @Test func tooFewSamples() {
        #expect(LinearFit.fit([]) == nil)
        #expect(LinearFit.fit(Self.samples([7])) == nil)
        let sameTime = [MetricSample(milliseconds: 0, value: 1), MetricSample(milliseconds: 0, value: 2)]
        #expect(LinearFit.fit(sameTime) == nil)
    }

    /// 1e16 + 1 + 1: a plain sum loses both ones (1e16 + 1 rounds back to 1e16); the
    /// compensation keeps them: 1e16 + 2, which a double holds exactly.
    @Test func kahanKeepsTheLowBits() {
        var k = KahanSum()
        var naive = 0.0
        for x in [1e16, 1, 1] {
            k.add(x)
            naive += x
        }
        #expect(naive == 1e16)
        #expect(k.value == 1e16 + 2)
    }

    /// Neumaier's case: 1 + 1e100 + 1 − 1e100. Kahan's original loses the ones when the
    /// next term is larger than the sum; swapping the roles keeps them: 2 (a plain sum: 0).
    @Test func neumaierSwapsWhenTheTermIsLarger() {
        var k = KahanSum()
        for x in [1, 1e100, 1, -1e100] { k.add(x) }
        #expect(k.value == 2)
    }
}

/// Counters and sums built from several series.
@Suite struct CounterSeriesTests {
    static func s(_ pairs: [(Int64, Double)]) -> [MetricSample] { pairs.map { MetricSample(milliseconds: $0.0, value: $0.1) } }

    /// 10, 20, 5, 15: one drop (20 → 5) means the counter restarted; later values are raised
    /// by 20: 10, 20, 25, 35. Its slope at x = 0…3 s: Σy = 90, Σxy = 0+20+50+105 = 175,
    /// cov = 175 − 6·90/4 = 40, var = 5: 8 per second.
    @Test func aDropIsAReset() throws {
        let corrected = CounterSeries.resetCorrected(Self.s([(0, 10), (1_000, 20), (2_000, 5), (3_000, 15)]))
        #expect(corrected.resets == 1)
        #expect(corrected.samples.map(\.value) == [10, 20, 25, 35])
        let fit = try #require(LinearFit.fit(corrected.samples))
        #expect(Swift.abs(fit.slope - 8) < 1e-12)
    }

    /// A new `stats_reset` label is a new series: pieces join in time order, the later one
    /// only after the earlier one's last sample (lookback repeats at 3,000 are dropped).
    @Test func piecesJoinWithoutOverlap() {
        let old = Self.s([(0, 100), (1_000, 200), (3_000, 200)])
        let new = Self.s([(2_000, 0), (3_000, 5), (4_000, 10)])
        #expect(CounterSeries.concatenated([new, old]).map(\.milliseconds) == [0, 1_000, 3_000, 4_000])
    }

    /// a = 1, 2, 3 at t = 0, 1, 2; b = 10 at 0 and 30 at 2, nothing at 1 (a missed scrape
    /// inside its span): t = 1 is left out, not summed as 2. Sums: 11 at 0, 33 at 2. c starts
    /// at t = 1 (a database created in the range): absent before, so it adds nothing at 0.
    @Test func sumsSkipGapsButNotBeginnings() {
        let a = Self.s([(0, 1), (1, 2), (2, 3)])
        let b = Self.s([(0, 10), (2, 30)])
        #expect(CounterSeries.summed([a, b]) == Self.s([(0, 11), (2, 33)]))
        let c = Self.s([(1, 100), (2, 100)])
        #expect(CounterSeries.summed([a, c]) == Self.s([(0, 1), (1, 102), (2, 103)]))
    }
}
