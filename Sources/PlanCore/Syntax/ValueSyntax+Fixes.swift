import Foundation

/// The fix offered for a value written as people say it rather than as the scenario takes it
/// (issue 14): `20 gigs` → `20G`, `100 USD` and `$100/month` → `100`, `< 1h` → `1h`,
/// `50MiB daily` → `50MiB/day`. Each candidate is offered only when it parses.
extension ValueSyntax {
    /// Adds `write 'FIX'` to a failure that offers no fix yet, when `fix(text)` parses.
    static func offeringFix<T>(
        _ result: Result<T, ValueError>, _ text: String, fix: (String) -> String?, parses: (String) -> Bool
    ) -> Result<T, ValueError> {
        guard case .failure(var error) = result, error.suggestion == nil, let candidate = fix(text), candidate != text, parses(candidate)
        else { return result }
        error.suggestion = "write '\(candidate)'"
        return .failure(error)
    }

    /// Spoken size units (`gigs`, `megabytes`, `bytes`) as the units the scenario takes.
    static let spokenSizeUnits: [(words: [String], unit: String)] = [
        (["gig", "gigs", "gigabyte", "gigabytes"], "G"), (["meg", "megs", "megabyte", "megabytes"], "M"),
        (["tera", "terabyte", "terabytes"], "T"), (["kilobyte", "kilobytes", "kilo", "kilos"], "k"),
        (["petabyte", "petabytes"], "P"), (["gibibyte", "gibibytes"], "Gi"), (["mebibyte", "mebibytes"], "Mi"),
        (["tebibyte", "tebibytes"], "Ti"), (["byte", "bytes"], ""),
    ]

    /// `20 gigs` → `20G`.
    static func sizeFix(_ text: String) -> String? {
        let parts = text.split(whereSeparator: \.isWhitespace)
        let (number, word): (Substring, Substring)
        if parts.count == 2 {
            (number, word) = (parts[0], parts[1])
        } else if parts.count == 1, let i = parts[0].firstIndex(where: \.isLetter) {
            (number, word) = (parts[0][..<i], parts[0][i...])
        } else {
            return nil
        }
        guard !number.isEmpty, number.allSatisfy({ $0.isNumber || $0 == "." }) else { return nil }
        let lower = word.lowercased()
        guard let unit = spokenSizeUnits.first(where: { $0.words.contains(lower) })?.unit else { return nil }
        return String(number) + unit
    }

    /// `100 USD`, `$100/month`, `USD 100`, `100$` → `100`: the one number in the text.
    static func moneyFix(_ text: String) -> String? {
        // A sign is a negative amount, refused for what it is: no fix.
        guard !text.contains("-") else { return nil }
        var numbers: [String] = []
        var current = ""
        for c in text {
            if c.isNumber || (c == "." && !current.isEmpty) {
                current.append(c)
            } else if !current.isEmpty {
                numbers.append(current)
                current = ""
            }
        }
        if !current.isEmpty { numbers.append(current) }
        guard numbers.count == 1 else { return nil }
        // What is left must be a currency (a sign or a three-letter code) or a month: not a
        // percent or another unit, which the number alone would misread.
        var rest = text.replacingOccurrences(of: numbers[0], with: "").lowercased().filter { !$0.isWhitespace }
        for word in ["/month", "permonth", "amonth", "monthly", "/mo"] { rest = rest.replacingOccurrences(of: word, with: "") }
        rest = rest.filter { !"$€£¥".contains($0) }
        guard rest.isEmpty || (rest.count == 3 && rest.allSatisfy(\.isLetter)) else { return nil }
        return numbers[0].hasSuffix(".") ? String(numbers[0].dropLast()) : numbers[0]
    }

    /// `< 1h`, `<= 30min`, `~5min` → the duration without the comparison (a KPI's limit is
    /// already a bound).
    static func durationFix(_ text: String) -> String? {
        let stripped = text.drop { "<>≤≥~=".contains($0) || $0.isWhitespace }
        return stripped.count < text.count ? String(stripped).filter { !$0.isWhitespace } : nil
    }

    /// Spoken periods (`daily`, `per day`, `a week`) as the periods a rate takes.
    static let spokenPeriods: [(words: [String], period: String)] = [
        (["daily", "per day", "a day", "each day", "every day", "/d"], "/day"), (["hourly", "per hour", "an hour", "a hour"], "/h"),
        (["weekly", "per week", "a week"], "/week"), (["monthly", "per month", "a month"], "/month"),
        (["yearly", "annually", "per year", "a year"], "/year"), (["per second", "a second"], "/s"),
    ]

    /// `50MiB daily`, `50MiB per day` → `50MiB/day`.
    static func rateFix(_ text: String) -> String? {
        let lower = text.lowercased()
        for (words, period) in spokenPeriods {
            for word in words where lower.hasSuffix(word) {
                let amount = text.dropLast(word.count).filter { !$0.isWhitespace }
                guard !amount.isEmpty else { continue }
                return amount + period
            }
        }
        return nil
    }
}
