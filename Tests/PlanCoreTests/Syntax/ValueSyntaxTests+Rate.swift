import Testing

@testable import PlanCore

extension ValueSyntaxTests {
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
}
