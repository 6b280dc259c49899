import Testing

@testable import PlanCore

extension ValueSyntaxTests {
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
        // The sign after the number: the fix of issue 14.
        ("50$", ValueError("expected an amount of money such as '50', '50.00' or '$50', found '50$'", suggestion: "write '50'")),
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
        // 2^53 / 10^4 = 900,719,925,474.0992: the first amount past it is refused.
        (
            "900719925474.1",
            ValueError(
                "amount '900719925474.1' is more than 900,719,925,474: money is printed to 4 decimals, and a larger amount would show digits nobody wrote"
            )
        ),
        (
            "12345678901234567890123",
            ValueError(
                "amount '12345678901234567890123' is more than 900,719,925,474: money is printed to 4 decimals, and a larger amount would show digits nobody wrote"
            )
        ),
    ])
    func moneyError(text: String, error: ValueError) {
        #expect(ValueSyntax.money(text) == .failure(error))
    }
}

extension ValueSyntaxTests {
    @Test("the largest amount a scenario may write, 2^53 / 10^4, is kept to the fourth decimal")
    func largestMoney() throws {
        // 900,719,925,474 is below 900,719,925,474.0992 and prints back as written.
        let money = try ValueSyntax.money("900719925474").get()
        #expect(Format.fixed(money.amount, 4) == "900719925474.0000")
    }
}
