import Foundation
import PlanCore
import Testing

/// The patterns of `plan schema` agree with the parsers on scenario.md's examples and on the
/// near misses users write: what a parser takes, its pattern matches; what it refuses for its
/// form, the pattern refuses too.
@Suite("Value patterns agree with the parsers")
struct ValuePatternTests {
    static func matches(_ pattern: String, _ text: String) -> Bool {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return false }
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    static func check<T>(
        _ pattern: String, _ parse: (String) -> Result<T, ValueError>, accepted: [String], refused: [String],
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        for text in accepted {
            #expect((try? parse(text).get()) != nil, "the parser refuses '\(text)'", sourceLocation: sourceLocation)
            #expect(matches(pattern, text), "the pattern refuses '\(text)'", sourceLocation: sourceLocation)
        }
        for text in refused {
            #expect((try? parse(text).get()) == nil, "the parser takes '\(text)'", sourceLocation: sourceLocation)
            #expect(!matches(pattern, text), "the pattern takes '\(text)'", sourceLocation: sourceLocation)
        }
    }

    @Test func size() {
        Self.check(
            ValuePattern.size, ValueSyntax.size, accepted: ["20Gi", "1.5TiB", "500MB", "1TB", "4096", "2 GiB", "10k", "1e3", ".5Gi"],
            refused: ["20 gigs", "20gb", "1,000", "Gi", "1.2.3"])
    }

    @Test func rate() {
        Self.check(
            ValuePattern.rate, { ValueSyntax.rate($0, allowNegative: true) },
            accepted: ["2GiB/day", "100MiB/h", "14GB/week", "3%/month", "0.5%/day", "20%/year", "0", "-1GiB/month", "1 GiB / Day", "2GiB/d"],
            refused: ["50MiB daily", "2GiB", "3%", "2GiB/m", "5", "2GiB/fortnight"])
    }

    @Test func duration() {
        Self.check(
            ValuePattern.duration, ValueSyntax.duration,
            accepted: ["30d", "720h", "5min", "90s", "2w", "1y", "720h0m0s", "1h30m", "0", "1.5h"],
            refused: ["< 1h", "30 d", "30days", "1h30", "5", "-1h"])
    }

    @Test func percentMoneyRatio() {
        Self.check(ValuePattern.percent, ValueSyntax.percent, accepted: ["80%", "0.8", "99.9%", "0"], refused: ["eighty", "80 pct"])
        Self.check(ValuePattern.money, ValueSyntax.money, accepted: ["50", "50.00", "$50", "$0.05"], refused: ["100 USD", "$100/month", "€5"])
        Self.check(ValuePattern.ratio, ValueSyntax.ratio, accepted: ["0.35", "1", ".4"], refused: ["35%", "gzip"])
    }

    @Test func retentionAndDates() {
        Self.check(
            ValuePattern.retentionPolicy, ValueSyntax.retentionPolicy, accepted: ["30d", "4w", "3m"], refused: ["720h", "0d", "30D", " 30d", "1.5w"])
        Self.check(ValuePattern.date, ValueSyntax.date, accepted: ["2026-01-01"], refused: ["2026-1-5", "2026/01/05"])
        Self.check(
            ValuePattern.dateTime, ValueSyntax.dateTime, accepted: ["2026-03-01", "2026-03-01T06:00:00Z", "2026-03-01 06:00", "2026-03-01t06:00z"],
            refused: ["2026-03-01T06:00:00+02:00", "2026-03-01T6:00"])
    }
}
