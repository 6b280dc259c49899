/// Percents (`80%`, `0.8`) and ratios (`0.35`), scenario.md "Value syntax".

extension ValueSyntax {
    /// `80%` or a bare fraction in [0, 1].
    ///
    /// `P%` is P/100 for P from 0 to 100 (a space before `%` is allowed); a bare number is
    /// the fraction itself and must be from 0 to 1. A bare number above 1 but at most 100 is
    /// most likely a percent without its sign: `'80' is not a share` with the suggestion
    /// `write '80%' or 0.8`.
    public static func percent(_ text: String) -> Result<Share, ValueError> {
        let value = trimmed(text)
        let expected = "expected a percent such as '80%' or a fraction from 0 to 1 such as 0.8, found '\(text)'"
        if value.last == "%" {
            switch scanNumber(trimmed(value.dropLast())) {
            case .literal(let literal, let rest) where rest.isEmpty:
                let fraction = literal.value(timesPowerOf10: -2)
                if fraction < 0 { return .failure(ValueError("percent '\(text)' is negative; expected 0% to 100%")) }
                if fraction > 1 { return .failure(ValueError("percent '\(text)' is above 100%")) }
                return .success(Share(fraction))
            case .nonFinite(let rest) where rest.isEmpty:
                return .failure(ValueError("percent '\(text)' is not a finite number"))
            default:
                return .failure(ValueError(expected))
            }
        }
        switch scanNumber(value) {
        case .literal(let literal, let rest) where rest.isEmpty:
            let fraction = literal.value()
            if fraction < 0 {
                return .failure(
                    ValueError(
                        "share '\(text)' is negative; expected a percent from 0% to 100% or a fraction from 0 to 1"))
            }
            if fraction > 1 {
                guard fraction <= 100 else {
                    return .failure(
                        ValueError(
                            "'\(text)' is not a share; expected a percent from 0% to 100% or a fraction from 0 to 1"))
                }
                let asFraction = plain(literal.value(timesPowerOf10: -2))
                return .failure(
                    ValueError("'\(text)' is not a share", suggestion: "write '\(value)%' or \(asFraction)"))
            }
            return .success(Share(fraction))
        case .nonFinite(let rest) where rest.isEmpty:
            return .failure(ValueError("share '\(text)' is not a finite number"))
        default:
            return .failure(ValueError(expected))
        }
    }

    /// A ratio in (0, 1]: stored bytes ÷ raw bytes, a bare number such as `0.35`.
    ///
    /// A percent (`35%`) is refused with `did you mean 0.35?`, as is a whole number from 2 to
    /// 100 (`35`), which is most likely a percent without its sign.
    public static func ratio(_ text: String) -> Result<Double, ValueError> {
        let value = trimmed(text)
        let expected = "expected a ratio above 0 and at most 1 such as 0.35, found '\(text)'"
        if value.last == "%" {
            let fix = wholeNumber(trimmed(value.dropLast())).map { $0.value(timesPowerOf10: -2) }
                .flatMap { $0 > 0 && $0 <= 1 ? "did you mean \(plain($0))?" : nil }
            return .failure(ValueError(expected, suggestion: fix))
        }
        switch scanNumber(value) {
        case .literal(let literal, let rest) where rest.isEmpty:
            let ratio = literal.value()
            if ratio <= 0 { return .failure(ValueError("ratio '\(text)' must be above 0")) }
            if ratio > 1 {
                let meantPercent = ratio <= 100 && ratio == ratio.rounded()
                return .failure(
                    ValueError(
                        "ratio '\(text)' is above 1",
                        suggestion: meantPercent ? "did you mean \(plain(literal.value(timesPowerOf10: -2)))?" : nil))
            }
            return .success(ratio)
        case .nonFinite(let rest) where rest.isEmpty:
            return .failure(ValueError("ratio '\(text)' is not a finite number"))
        default:
            return .failure(ValueError(expected))
        }
    }
}
