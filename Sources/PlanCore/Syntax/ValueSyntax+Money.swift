/// Money: `50`, `50.00`, `$50`, `$0.05` (scenario.md "Value syntax").

extension ValueSyntax {
    /// `50`, `50.00`, `$50`. Never negative.
    ///
    /// An amount in the scenario's `currency`, optionally after a `$`. Another currency sign
    /// (`€50`) is refused with the suggestion to write the bare number and set `currency`,
    /// since the tool converts nothing.
    public static func money(_ text: String) -> Result<Money, ValueError> {
        offeringFix(moneyUnfixed(text), text, fix: moneyFix) { (try? moneyUnfixed($0).get()) != nil }
    }

    static func moneyUnfixed(_ text: String) -> Result<Money, ValueError> {
        let value = trimmed(text)
        let expected = "expected an amount of money such as '50', '50.00' or '$50', found '\(text)'"
        // `$50`, `-$5` and `$-5` all read as a sign, an optional `$` and a number.
        var number = value
        var signText = ""
        if let c = number.first, c == "-" || c == "+" {
            signText = String(c)
            number = number.dropFirst()
        }
        if number.first == "$" { number = number.dropFirst() }
        if !signText.isEmpty, let c = number.first, c == "-" || c == "+" {
            return .failure(ValueError(expected))  // two signs: `-$-5`
        }
        switch scanNumber(number) {
        case .literal(let literal, let rest) where rest.isEmpty:
            var amount = literal.value()
            if signText == "-" { amount = -amount + 0 }
            if amount < 0 { return .failure(ValueError("amount '\(text)' is negative")) }
            if !amount.isFinite { return .failure(ValueError("amount '\(text)' is too large")) }
            if amount > Money.largestExact {
                return .failure(
                    ValueError(
                        "amount '\(text)' is more than 900,719,925,474: money is printed to 4 decimals, and a larger amount "
                            + "would show digits nobody wrote"))
            }
            return .success(Money(amount))
        case .nonFinite(let rest) where rest.isEmpty:
            return .failure(ValueError("amount '\(text)' is not a finite number"))
        default:
            if let sign = value.first, sign.isCurrencySymbol, sign != "$", wholeNumber(value.dropFirst()) != nil {
                return .failure(
                    ValueError(
                        expected,
                        suggestion: "write '\(value.dropFirst())' and set 'currency'; amounts are not converted"))
            }
            return .failure(ValueError(expected))
        }
    }
}
