import Testing

@testable import PlanCore

/// The value syntax of scenario.md, every unit and form, with expected values worked out by
/// hand in the comments, and every error with its exact message and suggestion.
@Suite struct ValueSyntaxTests {
    // MARK: - size

    @Test(arguments: [
        // A bare number, or `B`, is bytes.
        ("4096", 4096.0),
        ("0", 0),
        ("-0", 0),  // minus zero is zero, not negative
        ("+5", 5),
        ("512B", 512),
        // SI and Kubernetes decimal units: powers of 1000.
        ("1k", 1_000),
        ("1kB", 1_000),
        ("1KB", 1_000),
        ("500M", 500_000_000),  // 500 × 1000^2
        ("500MB", 500_000_000),
        ("3G", 3_000_000_000),  // 3 × 1000^3
        ("3GB", 3_000_000_000),
        ("1T", 1_000_000_000_000),
        ("2TB", 2_000_000_000_000),  // E1: 2 × 1000^4
        ("2P", 2_000_000_000_000_000),  // 2 × 1000^5
        ("2PB", 2_000_000_000_000_000),
        // IEC units: powers of 1024.
        ("1Ki", 1_024),
        ("1KiB", 1_024),
        ("3Mi", 3_145_728),  // 3 × 1024^2 = 3 × 1048576
        ("3MiB", 3_145_728),
        ("20Gi", 21_474_836_480),  // 20 × 1024^3 = 20 × 1073741824
        ("20GiB", 21_474_836_480),
        ("1.5Ti", 1_649_267_441_664),  // E1: 1.5 × 1024^4 = 1.5 × 1099511627776
        ("1.5TiB", 1_649_267_441_664),
        ("2Pi", 2_251_799_813_685_248),  // 2 × 1024^5 = 2 × 1125899906842624
        ("1024PiB", 1_152_921_504_606_846_976),  // 2^10 × 2^50 = 2^60
        // Number forms: fraction, leading dot, exponent; spaces around and before the unit.
        (".5GiB", 536_870_912),  // 0.5 × 1073741824
        ("1.1GB", 1_100_000_000),  // read as 1.1e9, not 1.1 × 1e9 rounded twice
        ("1e3", 1_000),
        ("1e3MB", 1_000_000_000),  // 1000 × 10^6
        ("2.5E-1GB", 250_000_000),  // 0.25 × 10^9
        ("1.5e3KiB", 1_536_000),  // 1500 × 1024
        ("2 GiB", 2_147_483_648),  // 2 × 1073741824
        ("2   GiB", 2_147_483_648),
        (" 20Gi ", 21_474_836_480),
        // The model's limit, 2^70 bytes, is itself accepted.
        ("1048576PiB", 1_180_591_620_717_411_303_424),  // 2^20 × 2^50 = 2^70
        ("1180591620717411303424", 1_180_591_620_717_411_303_424),
    ])
    func size(text: String, bytes: Double) throws {
        #expect(try ValueSyntax.size(text).get() == ByteCount(bytes))
    }

    static let sizeUnits = "B, kB, KB, MB, GB, TB, PB, k, M, G, T, P, Ki, Mi, Gi, Ti, Pi, KiB, MiB, GiB, TiB, PiB"

    @Test(arguments: [
        ("lots", ValueError("expected a size such as '20Gi', '500MB' or '4096', found 'lots'")),
        ("", ValueError("expected a size such as '20Gi', '500MB' or '4096', found ''")),
        ("GiB", ValueError("expected a size such as '20Gi', '500MB' or '4096', found 'GiB'")),
        ("1,000", ValueError("expected a size such as '20Gi', '500MB' or '4096', found '1,000'")),
        ("1.2.3", ValueError("expected a size such as '20Gi', '500MB' or '4096', found '1.2.3'")),
        ("-5GiB", ValueError("size '-5GiB' is negative")),
        ("-1", ValueError("size '-1' is negative")),
        ("20XB", ValueError("size '20XB' has an unknown unit 'XB'; expected one of \(sizeUnits)")),
        ("5Ei", ValueError("size '5Ei' has an unknown unit 'Ei'; expected one of \(sizeUnits)")),
        ("20Gi/day", ValueError("size '20Gi/day' has an unknown unit 'Gi/day'; expected one of \(sizeUnits)")),
        // A unit in the wrong case: the suggestion fixes the case only.
        (
            "20gb",
            ValueError(
                "size '20gb' has an unknown unit 'gb'; expected one of \(sizeUnits)", suggestion: "did you mean '20GB'?"
            )
        ),
        (
            "20 gib",
            ValueError(
                "size '20 gib' has an unknown unit 'gib'; expected one of \(sizeUnits)",
                suggestion: "did you mean '20 GiB'?")
        ),
        (
            "1kb",
            ValueError(
                "size '1kb' has an unknown unit 'kb'; expected one of \(sizeUnits)", suggestion: "did you mean '1kB'?")
        ),
        ("nan", ValueError("size 'nan' is not a finite number")),
        (".inf", ValueError("size '.inf' is not a finite number")),
        ("-Infinity", ValueError("size '-Infinity' is not a finite number")),
        ("1e30PiB", ValueError("size '1e30PiB' is larger than the model's limit of 2^70 bytes (1 ZiB)")),
        // 2^70 + 2^50 bytes: just past the limit.
        ("1048577PiB", ValueError("size '1048577PiB' is larger than the model's limit of 2^70 bytes (1 ZiB)")),
        ("1e400", ValueError("size '1e400' is larger than the model's limit of 2^70 bytes (1 ZiB)")),
    ])
    func sizeError(text: String, error: ValueError) {
        #expect(ValueSyntax.size(text) == .failure(error))
    }

    // MARK: - rate

    @Test(arguments: [
        // `0` alone, in any spelling of zero, is the zero rate.
        ("0", Rate.zero),
        ("0.0", .zero),
        ("-0", .zero),
        ("0GiB/day", .absolute(bytesPerDay: 0)),
        // Absolute rates in bytes per day.
        ("2GiB/day", .absolute(bytesPerDay: 2_147_483_648)),  // 2 × 1024^3
        ("4096/day", .absolute(bytesPerDay: 4_096)),  // a bare amount is bytes
        ("14GB/week", .absolute(bytesPerDay: 2_000_000_000)),  // E2: 14e9 / 7
        ("100MiB/h", .absolute(bytesPerDay: 2_516_582_400)),  // 100 × 1048576 × 24 = 2400 MiB
        ("1GiB/min", .absolute(bytesPerDay: 1_546_188_226_560)),  // 1073741824 × 1440
        ("1MiB/s", .absolute(bytesPerDay: 90_596_966_400)),  // 1048576 × 86400
        ("100MiB/s", .absolute(bytesPerDay: 9_059_696_640_000)),  // 104857600 × 86400
        ("487GB/month", .absolute(bytesPerDay: 16_000_000_000)),  // 487e9 / (365.25/12 = 487/16)
        ("1461GB/year", .absolute(bytesPerDay: 4_000_000_000)),  // 1461e9 / (365.25 = 1461/4)
        // Spaces and forgiving period spellings.
        ("2 GiB/day", .absolute(bytesPerDay: 2_147_483_648)),
        ("2GiB / day", .absolute(bytesPerDay: 2_147_483_648)),
        ("2GiB/Day", .absolute(bytesPerDay: 2_147_483_648)),
        ("2GiB/d", .absolute(bytesPerDay: 2_147_483_648)),
        ("2GiB/days", .absolute(bytesPerDay: 2_147_483_648)),
        ("14GB/w", .absolute(bytesPerDay: 2_000_000_000)),
        ("14GB/weeks", .absolute(bytesPerDay: 2_000_000_000)),
        ("100MiB/hour", .absolute(bytesPerDay: 2_516_582_400)),
        ("100MiB/hr", .absolute(bytesPerDay: 2_516_582_400)),
        ("1GiB/minute", .absolute(bytesPerDay: 1_546_188_226_560)),
        ("1MiB/sec", .absolute(bytesPerDay: 90_596_966_400)),
        ("487GB/mo", .absolute(bytesPerDay: 16_000_000_000)),
        ("487GB/months", .absolute(bytesPerDay: 16_000_000_000)),
        ("1461GB/y", .absolute(bytesPerDay: 4_000_000_000)),
        ("1461GB/yr", .absolute(bytesPerDay: 4_000_000_000)),
        // Relative rates: P/100 per period of days.
        ("3%/month", .relative(fraction: 0.03, periodDays: 30.4375)),  // 365.25 / 12
        ("10%/month", .relative(fraction: 0.1, periodDays: 30.4375)),  // E7
        ("0.5%/day", .relative(fraction: 0.005, periodDays: 1)),
        ("20%/year", .relative(fraction: 0.2, periodDays: 365.25)),
        ("1%/week", .relative(fraction: 0.01, periodDays: 7)),
        ("2%/h", .relative(fraction: 0.02, periodDays: 1.0 / 24)),
        ("1%/min", .relative(fraction: 0.01, periodDays: 1.0 / 1440)),
        ("1%/s", .relative(fraction: 0.01, periodDays: 1.0 / 86400)),
        ("3 %/month", .relative(fraction: 0.03, periodDays: 30.4375)),
        ("4.35%/day", .relative(fraction: 0.0435, periodDays: 1)),  // 4.35e-2, not 4.35 / 100
        ("0%/month", .relative(fraction: 0, periodDays: 30.4375)),
    ])
    func rate(text: String, rate: Rate) throws {
        #expect(try ValueSyntax.rate(text, allowNegative: false).get() == rate)
        #expect(try ValueSyntax.rate(text, allowNegative: true).get() == rate)
    }

    @Test(arguments: [
        ("-1GiB/day", Rate.absolute(bytesPerDay: -1_073_741_824)),
        ("-14GB/week", .absolute(bytesPerDay: -2_000_000_000)),
        ("-5%/month", .relative(fraction: -0.05, periodDays: 30.4375)),
        ("-99.9%/year", .relative(fraction: -0.999, periodDays: 365.25)),  // just above −100%
    ])
    func negativeRate(text: String, rate: Rate) throws {
        #expect(try ValueSyntax.rate(text, allowNegative: true).get() == rate)
        #expect(ValueSyntax.rate(text, allowNegative: false) == .failure(ValueError("rate '\(text)' is negative")))
    }

    static let ratePeriods = "s, min, h, day, week, month, year"

    @Test(arguments: [
        ("fast", ValueError("expected a rate such as '2GiB/day', '100MiB/h' or '3%/month', found 'fast'")),
        ("", ValueError("expected a rate such as '2GiB/day', '100MiB/h' or '3%/month', found ''")),
        ("lots/day", ValueError("expected a rate such as '2GiB/day', '100MiB/h' or '3%/month', found 'lots/day'")),
        ("/day", ValueError("expected a rate such as '2GiB/day', '100MiB/h' or '3%/month', found '/day'")),
        ("%/day", ValueError("expected a rate such as '2GiB/day', '100MiB/h' or '3%/month', found '%/day'")),
        ("1GiB/2/day", ValueError("expected a rate such as '2GiB/day', '100MiB/h' or '3%/month', found '1GiB/2/day'")),
        ("5", ValueError("a rate needs a unit, such as '2GiB/day' or '3%/month'; found '5'")),
        ("-2.5", ValueError("a rate needs a unit, such as '2GiB/day' or '3%/month'; found '-2.5'")),
        (
            "2GiB",
            ValueError(
                "rate '2GiB' has no period; expected an amount per period, such as '2GiB/day' or '3%/month'",
                suggestion: "did you mean '2GiB/day'?")
        ),
        (
            "3%",
            ValueError(
                "rate '3%' has no period; expected an amount per period, such as '2GiB/day' or '3%/month'",
                suggestion: "did you mean '3%/day'?")
        ),
        (
            "2GiB/fortnight",
            ValueError("rate '2GiB/fortnight' has an unknown period 'fortnight'; expected one of \(ratePeriods)")
        ),
        ("2GiB/", ValueError("rate '2GiB/' has an unknown period ''; expected one of \(ratePeriods)")),
        (
            "2GiB/m",
            ValueError(
                "rate '2GiB/m' has an unknown period 'm'; expected one of \(ratePeriods)",
                suggestion: "write '2GiB/min' for minutes or '2GiB/month' for months")
        ),
        ("2XB/day", ValueError("rate '2XB/day' has an unknown size unit 'XB'; expected one of \(sizeUnits)")),
        (
            "2gib/day",
            ValueError(
                "rate '2gib/day' has an unknown size unit 'gib'; expected one of \(sizeUnits)",
                suggestion: "did you mean '2GiB/day'?")
        ),
        ("nan%/day", ValueError("rate 'nan%/day' is not a finite number")),
        ("inf/day", ValueError("rate 'inf/day' is not a finite number")),
        ("1e400%/day", ValueError("rate '1e400%/day' is too large")),
        (
            "1e30PiB/day",
            ValueError("rate '1e30PiB/day' is larger than the model's limit of 2^70 bytes (1 ZiB) per period")
        ),
    ])
    func rateError(text: String, error: ValueError) {
        #expect(ValueSyntax.rate(text, allowNegative: true) == .failure(error))
    }

    /// model.md "Workloads": a relative rate of −100% per period or less is always an error
    /// (the size would reach zero or below in one period); where negative rates are not
    /// allowed at all, the sign is what is reported.
    @Test(arguments: ["-100%/month", "-150%/day", "-100.0%/year"])
    func relativeRateAtOrBelowMinus100(text: String) {
        #expect(
            ValueSyntax.rate(text, allowNegative: true)
                == .failure(
                    ValueError("rate '\(text)' shrinks by 100% or more per period; a relative rate must be above -100%")
                ))
        #expect(ValueSyntax.rate(text, allowNegative: false) == .failure(ValueError("rate '\(text)' is negative")))
    }

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

    // MARK: - percent

    @Test(arguments: [
        ("80%", 0.8),
        ("0%", 0),
        ("100%", 1),
        ("12.5%", 0.125),
        ("0.5%", 0.005),
        ("80 %", 0.8),
        ("0.8", 0.8),  // a bare number is the fraction itself
        ("0", 0),
        ("1", 1),
        (".25", 0.25),
        ("8e-1", 0.8),
    ])
    func percent(text: String, fraction: Double) throws {
        #expect(try ValueSyntax.percent(text).get() == Share(fraction))
    }

    static let shareRange = "expected a percent from 0% to 100% or a fraction from 0 to 1"

    @Test(arguments: [
        ("most", ValueError("expected a percent such as '80%' or a fraction from 0 to 1 such as 0.8, found 'most'")),
        ("80%%", ValueError("expected a percent such as '80%' or a fraction from 0 to 1 such as 0.8, found '80%%'")),
        ("%", ValueError("expected a percent such as '80%' or a fraction from 0 to 1 such as 0.8, found '%'")),
        ("150%", ValueError("percent '150%' is above 100%")),
        ("-5%", ValueError("percent '-5%' is negative; expected 0% to 100%")),
        ("nan%", ValueError("percent 'nan%' is not a finite number")),
        // A bare number above 1 but at most 100 is a percent without its sign.
        ("80", ValueError("'80' is not a share", suggestion: "write '80%' or 0.8")),
        ("1.5", ValueError("'1.5' is not a share", suggestion: "write '1.5%' or 0.015")),
        ("100", ValueError("'100' is not a share", suggestion: "write '100%' or 1")),
        ("150", ValueError("'150' is not a share; \(shareRange)")),
        ("-0.5", ValueError("share '-0.5' is negative; \(shareRange)")),
        ("nan", ValueError("share 'nan' is not a finite number")),
    ])
    func percentError(text: String, error: ValueError) {
        #expect(ValueSyntax.percent(text) == .failure(error))
    }

    // MARK: - ratio

    @Test(arguments: [("0.35", 0.35), ("1", 1), ("0.001", 0.001), ("1e-3", 0.001), (" 0.25 ", 0.25)])
    func ratio(text: String, value: Double) throws {
        #expect(try ValueSyntax.ratio(text).get() == value)
    }

    @Test(arguments: [
        ("lz4", ValueError("expected a ratio above 0 and at most 1 such as 0.35, found 'lz4'")),
        (
            "35%",
            ValueError(
                "expected a ratio above 0 and at most 1 such as 0.35, found '35%'", suggestion: "did you mean 0.35?")
        ),
        ("0%", ValueError("expected a ratio above 0 and at most 1 such as 0.35, found '0%'")),
        ("0", ValueError("ratio '0' must be above 0")),
        ("-0.3", ValueError("ratio '-0.3' must be above 0")),
        ("1.5", ValueError("ratio '1.5' is above 1")),
        ("35", ValueError("ratio '35' is above 1", suggestion: "did you mean 0.35?")),
        ("inf", ValueError("ratio 'inf' is not a finite number")),
    ])
    func ratioError(text: String, error: ValueError) {
        #expect(ValueSyntax.ratio(text) == .failure(error))
    }

    // MARK: - money

    @Test(arguments: [
        ("50", 50.0),
        ("50.00", 50),
        ("$50", 50),
        ("$0.05", 0.05),
        ("0", 0),
        ("-0", 0),
        (" $12.5 ", 12.5),
        ("1e3", 1_000),
    ])
    func money(text: String, amount: Double) throws {
        #expect(try ValueSyntax.money(text).get() == Money(amount))
    }

    @Test(arguments: [
        ("cheap", ValueError("expected an amount of money such as '50', '50.00' or '$50', found 'cheap'")),
        ("$", ValueError("expected an amount of money such as '50', '50.00' or '$50', found '$'")),
        ("50$", ValueError("expected an amount of money such as '50', '50.00' or '$50', found '50$'")),
        ("1,000", ValueError("expected an amount of money such as '50', '50.00' or '$50', found '1,000'")),
        ("-$-5", ValueError("expected an amount of money such as '50', '50.00' or '$50', found '-$-5'")),
        (
            "€50",
            ValueError(
                "expected an amount of money such as '50', '50.00' or '$50', found '€50'",
                suggestion: "write '50' and set 'currency'; amounts are not converted")
        ),
        ("-5", ValueError("amount '-5' is negative")),
        ("-$5", ValueError("amount '-$5' is negative")),
        ("$-5", ValueError("amount '$-5' is negative")),
        ("inf", ValueError("amount 'inf' is not a finite number")),
        ("1e400", ValueError("amount '1e400' is too large")),
    ])
    func moneyError(text: String, error: ValueError) {
        #expect(ValueSyntax.money(text) == .failure(error))
    }

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
