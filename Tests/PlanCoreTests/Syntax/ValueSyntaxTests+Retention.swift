import Testing

@testable import PlanCore

extension ValueSyntaxTests {
    // MARK: - retention policy

    @Test(arguments: [
        ("30d", 30),
        ("1d", 1),
        ("10d", 10),
        ("4w", 28),  // 4 × 7
        ("52w", 364),
        ("1m", 31),  // Barman's month is 31 days
        ("3m", 93),  // 3 × 31
    ])
    func retentionPolicy(text: String, days: Int) throws {
        #expect(try ValueSyntax.retentionPolicy(text).get() == days)
    }

    @Test(arguments: [
        // Tidied: case, spaces, leading zeros, long names, a bare number as days.
        ("30 d", "30d"),
        ("30D", "30d"),
        ("2W", "2w"),
        (" 30d", "30d"),
        ("030d", "30d"),
        ("30days", "30d"),
        ("4weeks", "4w"),
        ("3months", "3m"),
        ("30", "30d"),
        // Fractions of a unit: whole days, to the nearest (halves up).
        ("1.5w", "11d"),  // 10.5 days
        ("1.5m", "47d"),  // 46.5 days
        // Other durations: whole days.
        ("720h", "30d"),  // 720 / 24
        ("720h0m0s", "30d"),
        ("1y", "365d"),
        ("36h", "2d"),  // 1.5 days
        ("1h", "1d"),  // 1/24 day rounds to 0, and a policy is at least 1 day
    ])
    func retentionPolicySuggestion(text: String, fix: String) {
        #expect(
            ValueSyntax.retentionPolicy(text)
                == .failure(
                    ValueError(
                        "expected a retention policy such as '30d', '4w' or '3m' (a whole number of at least 1 and d, w or m), found '\(text)'",
                        suggestion: "did you mean '\(fix)'?")))
    }

    @Test(arguments: [
        (
            "forever",
            ValueError(
                "expected a retention policy such as '30d', '4w' or '3m' (a whole number of at least 1 and d, w or m), found 'forever'"
            )
        ),
        (
            "d",
            ValueError(
                "expected a retention policy such as '30d', '4w' or '3m' (a whole number of at least 1 and d, w or m), found 'd'"
            )
        ),
        (
            "",
            ValueError(
                "expected a retention policy such as '30d', '4w' or '3m' (a whole number of at least 1 and d, w or m), found ''"
            )
        ),
        (
            "0d",
            ValueError(
                "retention policy '0d' is zero; expected a whole number of at least 1 and d, w or m, such as '30d'")
        ),
        (
            "0w",
            ValueError(
                "retention policy '0w' is zero; expected a whole number of at least 1 and d, w or m, such as '30d'")
        ),
        (
            "0h",
            ValueError(
                "retention policy '0h' is zero; expected a whole number of at least 1 and d, w or m, such as '30d'")
        ),
        (
            "-30d",
            ValueError(
                "retention policy '-30d' is negative; expected a whole number of at least 1 and d, w or m, such as '30d'"
            )
        ),
        // Above Int.max; then 10^18 months of 31 days, whose days overflow Int.
        ("99999999999999999999d", ValueError("retention policy '99999999999999999999d' is too long")),
        ("1000000000000000000m", ValueError("retention policy '1000000000000000000m' is too long")),
    ])
    func retentionPolicyError(text: String, error: ValueError) {
        #expect(ValueSyntax.retentionPolicy(text) == .failure(error))
    }

    // MARK: - date

    @Test(arguments: [
        ("2026-01-01", CivilDate(year: 2026, month: 1, day: 1)),
        ("2026-12-31", CivilDate(year: 2026, month: 12, day: 31)),
        ("2024-02-29", CivilDate(year: 2024, month: 2, day: 29)),  // 2024 is divisible by 4
        ("2000-02-29", CivilDate(year: 2000, month: 2, day: 29)),  // 2000 is divisible by 400
        (" 2026-01-01 ", CivilDate(year: 2026, month: 1, day: 1)),
    ])
    func date(text: String, date: CivilDate) throws {
        #expect(try ValueSyntax.date(text).get() == date)
    }

    @Test(arguments: [
        ("2026-02-30", ValueError("'2026-02-30' is not a calendar date; February 2026 has 28 days")),
        ("2026-02-29", ValueError("'2026-02-29' is not a calendar date; February 2026 has 28 days")),
        // 1900 is divisible by 100 but not by 400: not a leap year.
        ("1900-02-29", ValueError("'1900-02-29' is not a calendar date; February 1900 has 28 days")),
        ("2026-04-31", ValueError("'2026-04-31' is not a calendar date; April 2026 has 30 days")),
        ("2026-01-00", ValueError("'2026-01-00' is not a calendar date; January 2026 has 31 days")),
        ("2026-13-01", ValueError("'2026-13-01' is not a calendar date; a month is 01 to 12")),
        ("2026-00-10", ValueError("'2026-00-10' is not a calendar date; a month is 01 to 12")),
        ("tomorrow", ValueError("expected a date such as '2026-01-01', found 'tomorrow'")),
        ("20260105", ValueError("expected a date such as '2026-01-01', found '20260105'")),
        ("01-05-2026", ValueError("expected a date such as '2026-01-01', found '01-05-2026'")),
        ("2026-02-30T00:00:00Z", ValueError("expected a date such as '2026-01-01', found '2026-02-30T00:00:00Z'")),
        // Near misses: the ISO form as the suggestion.
        (
            "2026-1-5",
            ValueError(
                "expected a date such as '2026-01-01', found '2026-1-5'", suggestion: "did you mean '2026-01-05'?")
        ),
        (
            "2026/01/05",
            ValueError(
                "expected a date such as '2026-01-01', found '2026/01/05'", suggestion: "did you mean '2026-01-05'?")
        ),
        (
            "2026-01-05T00:00:00Z",
            ValueError(
                "expected a date such as '2026-01-01', found '2026-01-05T00:00:00Z'",
                suggestion: "did you mean '2026-01-05'?")
        ),
        (
            "2026-01-05 10:00",
            ValueError(
                "expected a date such as '2026-01-01', found '2026-01-05 10:00'",
                suggestion: "did you mean '2026-01-05'?")
        ),
    ])
    func dateError(text: String, error: ValueError) {
        #expect(ValueSyntax.date(text) == .failure(error))
    }

    // MARK: - any text

    /// Every parser answers any text with a value or an error, and never traps: 5000 texts
    /// built from the pieces values are made of, by a fixed pseudo-random sequence.
    @Test func arbitraryTextNeverTraps() {
        let pieces = [
            "0", "1", "9", "30", "1.5", ".", "e", "E", "-", "+", "%", "$", "/", " ", "d", "D", "w", "m", "M",
            "h", "min", "s", "y", "B", "GiB", "kB", "Ki", "day", "month", "inf", ".nan", "1e400", "€", "µ", "T",
            "Z", ":", "2026-", "02-", "30", "99999999999999999999",
        ]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407  // Knuth's LCG
            return Int((state >> 33) % UInt64(n))
        }
        for _ in 0..<5_000 {
            let text = (0..<next(7)).map { _ in pieces[next(pieces.count)] }.joined()
            _ = ValueSyntax.size(text)
            _ = ValueSyntax.rate(text, allowNegative: next(2) == 0)
            _ = ValueSyntax.duration(text)
            _ = ValueSyntax.percent(text)
            _ = ValueSyntax.ratio(text)
            _ = ValueSyntax.money(text)
            _ = ValueSyntax.retentionPolicy(text)
            _ = ValueSyntax.date(text)
            if case .success(let bytes) = ValueSyntax.size(text) {
                #expect(bytes >= .zero && bytes <= ByteCount.modelLimit, "\(text)")
            }
            if case .success(let seconds) = ValueSyntax.duration(text) {
                #expect(seconds.value >= 0 && seconds.value.isFinite, "\(text)")
            }
            if case .success(let days) = ValueSyntax.retentionPolicy(text) { #expect(days >= 1, "\(text)") }
        }
    }
}
