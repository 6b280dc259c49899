/// Durations: `30d`, `720h`, `5min`, `90s`, `2w`, `1y`, `720h0m0s`, `1h30m`, `0`
/// (scenario.md "Value syntax", model.md "Time").

extension ValueSyntax {
    /// The longest duration accepted: 10,000 years of 365 days (a horizon is at most 100
    /// years; a ttl or an RPO longer than this is a typo).
    public static let maximumDurationSeconds = 10_000 * 365 * 86_400.0

    /// `30d`, `720h`, `5min`, `90s`, `2w`, `1y`, `720h0m0s`, `1h30m`, `0`. Never negative.
    ///
    /// One or more `NUMBER UNIT` pieces written together, Go style, so that Velero and CNPG
    /// values paste as they are; the pieces add up, in any order. Units are `s`, `m`/`min`,
    /// `h`, `d`, `w` and `y` (365 days, model.md "Time"), lowercase; numbers may have a
    /// fraction (`1.5h`). `0` alone is the zero duration; any other number needs a unit.
    /// No spaces inside (Go's `time.ParseDuration` refuses them too): `30 d` is refused with
    /// `did you mean '30d'?`, and a long unit name (`30days`) with its short form.
    public static func duration(_ text: String) -> Result<Seconds, ValueError> {
        offeringFix(durationUnfixed(text), text, fix: durationFix) { (try? durationUnfixed($0).get()) != nil }
    }

    /// Whether `text` is a well-formed duration longer than `maximumDurationSeconds`, which
    /// `duration` refuses: a key with a lower limit of its own (the horizon's 100 years)
    /// names that limit instead.
    public static func exceedsLongestDuration(_ text: String) -> Bool {
        if case .success(let seconds) = durationSeconds(trimmed(text)) { return seconds > maximumDurationSeconds }
        return false
    }

    static func durationUnfixed(_ text: String) -> Result<Seconds, ValueError> {
        let value = trimmed(text)
        let expected = "expected a duration such as '30d', '720h' or '5min', found '\(text)'"
        if value.contains(where: \.isWhitespace) {
            let joined = withoutWhitespace(value)
            let fix: String?
            switch durationSeconds(Substring(joined)) {
            case .success: fix = joined
            case .failure(.unknownUnit(_, let fixed)): fix = fixed  // `30 days` → `30d`
            case .failure: fix = nil
            }
            return .failure(ValueError(expected, suggestion: fix.map { "did you mean '\($0)'?" }))
        }
        switch durationSeconds(value) {
        case .success(let seconds) where seconds > maximumDurationSeconds:
            return .failure(ValueError("duration '\(text)' is longer than 10,000 years, more than any plan needs"))
        case .success(let seconds): return .success(Seconds(seconds))
        case .failure(.notADuration): return .failure(ValueError(expected))
        case .failure(.needsUnit):
            return .failure(ValueError("a duration needs a unit, such as '30d', '720h' or '5min'; found '\(text)'"))
        case .failure(.missingUnit(let number)):
            return .failure(
                ValueError(
                    "duration '\(text)' has a number without a unit ('\(number)'); expected one of \(DurationUnit.list)"
                ))
        case .failure(.unknownUnit(let unit, let fixed)):
            return .failure(
                ValueError(
                    "duration '\(text)' has an unknown unit '\(unit)'; expected one of \(DurationUnit.list)",
                    suggestion: fixed.map { "did you mean '\($0)'?" }))
        case .failure(.negative): return .failure(ValueError("duration '\(text)' is negative"))
        case .failure(.tooLong): return .failure(ValueError("duration '\(text)' is too long"))
        }
    }

    /// Why a duration could not be read.
    enum DurationProblem: Error {
        case notADuration
        /// A bare number other than 0.
        case needsUnit
        /// A piece with no unit after a piece with one: `1h30`.
        case missingUnit(Substring)
        /// The first unknown unit, and the whole text with every long unit name replaced by
        /// its short form when that makes it valid (`30days` → `30d`).
        case unknownUnit(Substring, fixed: String?)
        case negative
        case tooLong
    }

    /// Seconds in `text` (trimmed, without inner spaces). A leading sign is read, as Go
    /// does, only to refuse a negative duration by name.
    static func durationSeconds(_ text: Substring) -> Result<Double, DurationProblem> {
        var rest = text
        var negative = false
        if let c = rest.first, c == "+" || c == "-" {
            negative = c == "-"
            rest = rest.dropFirst()
        }
        if rest.isEmpty { return .failure(.notADuration) }
        if let literal = wholeNumber(rest), !literal.negative {
            return literal.value() == 0 ? .success(0) : .failure(.needsUnit)
        }
        var total = 0.0
        var unknown: Substring?
        var fixable = true  // every unknown unit has a short form
        var fixed = String(text[..<rest.startIndex])
        while !rest.isEmpty {
            // Each piece is unsigned: a sign belongs only at the very start.
            guard rest.first != "+", rest.first != "-",
                case .literal(let literal, let afterNumber) = scanNumber(rest)
            else { return .failure(.notADuration) }
            let unit = afterNumber.prefix(while: \.isLetter)
            if unit.isEmpty {
                if afterNumber.isEmpty { return .failure(.missingUnit(rest)) }
                return .failure(.notADuration)
            }
            fixed += text[rest.startIndex..<afterNumber.startIndex]
            if let seconds = DurationUnit.seconds(of: unit) {
                total += literal.value() * seconds
                fixed += unit
            } else {
                if unknown == nil { unknown = unit }
                if let short = DurationUnit.shortForm(of: unit) { fixed += short } else { fixable = false }
            }
            rest = afterNumber.dropFirst(unit.count)
        }
        if let unknown {
            // `fixed` has only known units here, so this looks one level deep at most.
            let valid = fixable && (try? durationSeconds(Substring(fixed)).get()) != nil
            return .failure(.unknownUnit(unknown, fixed: valid ? fixed : nil))
        }
        if negative && total > 0 { return .failure(.negative) }
        if !total.isFinite { return .failure(.tooLong) }
        return .success(total + 0)  // `+ 0` turns −0 into 0
    }
}

/// The units of a duration and their length in seconds; `y` is 365 days (model.md "Time").
enum DurationUnit {
    static let all: [(symbol: String, seconds: Double)] = [
        ("s", 1), ("m", 60), ("min", 60), ("h", 3_600), ("d", 86_400), ("w", 604_800), ("y", 31_536_000),
    ]

    /// `s, m, min, h, d, w, y` for "expected one of".
    static let list = all.map(\.symbol).joined(separator: ", ")

    static func seconds(of unit: Substring) -> Double? {
        all.first { $0.symbol == unit }?.seconds
    }

    /// The unit meant by a long or differently cased name (`days` → `d`, `Hours` → `h`),
    /// for suggestions only.
    static func shortForm(of unit: Substring) -> String? {
        switch unit.lowercased() {
        case "sec", "secs", "second", "seconds": return "s"
        case "mins", "minute", "minutes": return "min"
        case "hr", "hrs", "hour", "hours": return "h"
        case "day", "days": return "d"
        case "wk", "wks", "week", "weeks": return "w"
        case "yr", "yrs", "year", "years": return "y"
        case let lower where seconds(of: Substring(lower)) != nil && lower != "m": return lower
        default: return nil
        }
    }
}
