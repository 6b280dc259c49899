/// CNPG retention policies: `30d`, `4w`, `3m` (scenario.md "Value syntax").

extension ValueSyntax {
    /// CNPG `retentionPolicy`: `30d`, `4w`, `3m` → days (`m` = 31 days).
    ///
    /// Exactly CNPG's pattern `^[1-9][0-9]*[dwm]$`, with nothing trimmed: `d` is 1 day, `w`
    /// 7 days and `m` 31 days, as Barman counts a month. Anything else is an error whose
    /// suggestion is the nearest valid form:
    /// - the same value tidied (case, spaces, leading zeros, long unit names): `30 D` → `30d`,
    ///   `030d` → `30d`, `4weeks` → `4w`;
    /// - a bare number as days: `30` → `30d`;
    /// - a fraction of `d`/`w`/`m` as days, rounded to the nearest whole day (halves up):
    ///   `1.5w` → `11d`;
    /// - another duration (`720h`, `1y`, `720h0m0s`) as whole days: `720h` → `30d`,
    ///   `1y` → `365d`; a part day rounds to the nearest day, and at least `1d`.
    /// Zero and negative values are errors without a suggestion.
    public static func retentionPolicy(_ text: String) -> Result<Int, ValueError> {
        let expected =
            "expected a retention policy such as '30d', '4w' or '3m' (a whole number of at least 1 and d, w or m), found '\(text)'"
        if text.count > 1, let unit = text.last, let daysPerUnit = RetentionUnit.days(of: unit),
            text.first != "0", text.dropLast().allSatisfy(\.isASCIIDigit)
        {
            guard let count = Int(text.dropLast()) else {
                return .failure(ValueError("retention policy '\(text)' is too long"))
            }
            let (days, overflow) = count.multipliedReportingOverflow(by: daysPerUnit)
            if overflow { return .failure(ValueError("retention policy '\(text)' is too long")) }
            return .success(days)
        }
        switch nearestRetention(Substring(withoutWhitespace(text))) {
        case .valid(let fix): return .failure(ValueError(expected, suggestion: "did you mean '\(fix)'?"))
        case .zero:
            return .failure(
                ValueError(
                    "retention policy '\(text)' is zero; expected a whole number of at least 1 and d, w or m, such as '30d'"
                ))
        case .negative:
            return .failure(
                ValueError(
                    "retention policy '\(text)' is negative; expected a whole number of at least 1 and d, w or m, such as '30d'"
                ))
        case .none: return .failure(ValueError(expected))
        }
    }

    /// The outcome of looking for the valid retention policy a user meant.
    enum RetentionGuess {
        case valid(String)
        case zero
        case negative
        case none
    }

    /// The retention policy nearest to `text` (whitespace already removed).
    static func nearestRetention(_ text: Substring) -> RetentionGuess {
        // A number and a retention unit, in any case or spelled out: `30D`, `030d`, `1.5w`;
        // a bare number is taken as days.
        if case .literal(let literal, let rest) = scanNumber(text),
            let unit = rest.isEmpty ? "d" : RetentionUnit.canonical(rest)
        {
            let count = literal.value()
            if count < 0 { return .negative }
            if count == 0 { return .zero }
            if count == count.rounded(), count < 1e15 { return .valid("\(Int(count))\(unit)") }
            return wholeDays(count * Double(RetentionUnit.days(of: unit) ?? 1))
        }
        // Any other duration: `720h`, `1y`, `720h0m0s`, `2H`.
        switch durationSeconds(Substring(text.lowercased())) {
        case .success(let seconds): return seconds == 0 ? .zero : wholeDays(seconds / 86_400)
        case .failure(.negative): return .negative
        default: return .none
        }
    }

    /// `Nd` for `days` rounded to the nearest whole day (halves up), at least 1.
    private static func wholeDays(_ days: Double) -> RetentionGuess {
        guard days.isFinite, days < 1e15 else { return .none }
        return .valid("\(max(1, Int(days.rounded())))d")
    }
}

/// The units of a CNPG retention policy and their length in days (Barman: a month is 31).
enum RetentionUnit {
    static func days(of unit: Character) -> Int? {
        switch unit {
        case "d": return 1
        case "w": return 7
        case "m": return 31
        default: return nil
        }
    }

    /// The unit meant by `text` in any case or spelled out (`D`, `days`, `weeks`, `months`).
    static func canonical(_ text: Substring) -> Character? {
        switch text.lowercased() {
        case "d", "day", "days": return "d"
        case "w", "wk", "wks", "week", "weeks": return "w"
        case "m", "mo", "mon", "month", "months": return "m"
        default: return nil
        }
    }
}
