import Testing

@testable import PlanCore

extension ValueSyntaxTests {
    // MARK: - duration

    @Test(arguments: [
        ("0", 0.0),
        ("0.0", 0),
        ("0s", 0),
        ("90s", 90),
        ("5m", 300),  // 5 × 60
        ("5min", 300),
        ("720h", 2_592_000),  // 720 × 3600 = 30 days
        ("30d", 2_592_000),  // 30 × 86400
        ("2w", 1_209_600),  // 2 × 7 × 86400
        ("1y", 31_536_000),  // 365 × 86400 (a duration's year is 365 days, model.md "Time")
        ("168h", 604_800),  // Velero ttl of a week
        // Go-style concatenations, as `time.Duration.String()` writes them.
        ("720h0m0s", 2_592_000),
        ("1h30m", 5_400),  // 3600 + 1800
        ("1h30m15s", 5_415),
        ("1d12h", 129_600),  // 86400 + 43200
        ("1h1min", 3_660),
        ("30m1h", 5_400),  // any order
        // Fractions, exponents and signs.
        ("1.5h", 5_400),
        ("0.5d", 43_200),
        (".5m", 30),
        ("1e3s", 1_000),
        ("+1h", 3_600),
        ("-0s", 0),
        (" 30d ", 2_592_000),
    ])
    func duration(text: String, seconds: Double) throws {
        #expect(try ValueSyntax.duration(text).get() == Seconds(seconds))
    }

    static let durationUnits = "s, m, min, h, d, w, y"

    @Test(arguments: [
        ("soon", ValueError("expected a duration such as '30d', '720h' or '5min', found 'soon'")),
        ("", ValueError("expected a duration such as '30d', '720h' or '5min', found ''")),
        ("h", ValueError("expected a duration such as '30d', '720h' or '5min', found 'h'")),
        ("1h-30m", ValueError("expected a duration such as '30d', '720h' or '5min', found '1h-30m'")),
        ("inf", ValueError("expected a duration such as '30d', '720h' or '5min', found 'inf'")),
        ("30", ValueError("a duration needs a unit, such as '30d', '720h' or '5min'; found '30'")),
        ("-1h", ValueError("duration '-1h' is negative")),
        ("-1h30m", ValueError("duration '-1h30m' is negative")),
        ("1e305y", ValueError("duration '1e305y' is too long")),
        ("1h30", ValueError("duration '1h30' has a number without a unit ('30'); expected one of \(durationUnits)")),
        ("3mo", ValueError("duration '3mo' has an unknown unit 'mo'; expected one of \(durationUnits)")),
        ("1M", ValueError("duration '1M' has an unknown unit 'M'; expected one of \(durationUnits)")),
        ("100ms", ValueError("duration '100ms' has an unknown unit 'ms'; expected one of \(durationUnits)")),
        // Long or capitalised unit names: the suggestion is the short form.
        (
            "30days",
            ValueError(
                "duration '30days' has an unknown unit 'days'; expected one of \(durationUnits)",
                suggestion: "did you mean '30d'?")
        ),
        (
            "30D",
            ValueError(
                "duration '30D' has an unknown unit 'D'; expected one of \(durationUnits)",
                suggestion: "did you mean '30d'?")
        ),
        (
            "1hour30minutes",
            ValueError(
                "duration '1hour30minutes' has an unknown unit 'hour'; expected one of \(durationUnits)",
                suggestion: "did you mean '1h30min'?")
        ),
        // Spaces inside: refused as Go refuses them, with the value written together.
        (
            "30 d",
            ValueError(
                "expected a duration such as '30d', '720h' or '5min', found '30 d'", suggestion: "did you mean '30d'?")
        ),
        (
            "1h 30m",
            ValueError(
                "expected a duration such as '30d', '720h' or '5min', found '1h 30m'",
                suggestion: "did you mean '1h30m'?")
        ),
        (
            "30 days",
            ValueError(
                "expected a duration such as '30d', '720h' or '5min', found '30 days'",
                suggestion: "did you mean '30d'?")
        ),
        ("some time", ValueError("expected a duration such as '30d', '720h' or '5min', found 'some time'")),
    ])
    func durationError(text: String, error: ValueError) {
        #expect(ValueSyntax.duration(text) == .failure(error))
    }
}

extension ValueSyntaxTests {
    /// 10,000 years of 365 days are 10,000 × 365 × 86,400 = 315,360,000,000 s: `10000y` is
    /// the longest duration, `10001y` and `3650001d` (one day more) are past it; a text that is
    /// not a duration is not "longer" than anything.
    @Test(arguments: [
        ("10000y", false), ("3650000d", false), ("10001y", true), ("3650001d", true), ("100000y", true),
        (" 100000y ", true), ("100000 y", false), ("ten years", false), ("-5y", false),
    ])
    func exceedsLongestDuration(text: String, exceeds: Bool) {
        #expect(ValueSyntax.exceedsLongestDuration(text) == exceeds)
    }
}
