/// Rates: `2GiB/day`, `100MiB/h`, `14GB/week`, `3%/month`, `0.5%/day`, `0`
/// (scenario.md "Value syntax", model.md "Time" and "Workloads").

extension ValueSyntax {
    /// `2GiB/day`, `100MiB/h`, `3%/month`, `0` (negative allowed only where `allowNegative`).
    ///
    /// - `SIZE/PERIOD` is an absolute rate, returned as `.absolute(bytesPerDay:)`:
    ///   `14GB/week` = 14·10^9 / 7 = 2·10^9 bytes a day. `SIZE` is read as by `size(_:)`
    ///   (a space before its unit is allowed), but may carry a `-` sign.
    /// - `P%/PERIOD` is a relative rate, returned as `.relative(fraction: P/100,
    ///   periodDays:)`: `3%/month` is 0.03 per 30.4375 days.
    /// - `0` alone is the zero rate; any other number needs a unit.
    ///
    /// Periods are `s`, `min`, `h`, `day`, `week`, `month` (365.25/12 days) and `year`
    /// (365.25 days), model.md "Time". Any case and spaces around `/` are accepted, and so
    /// are forgiving aliases: `sec`/`second(s)`, `minute(s)`/`mins`, `hr`/`hour(s)`,
    /// `d`/`days`, `w`/`wk`/`weeks`, `mo`/`months`, `y`/`yr`/`years`. A lone `m` is refused
    /// (minute or month?) with a suggestion to write `min` or `month`.
    ///
    /// Negative rates are accepted only when `allowNegative` (growth may shrink); a relative
    /// rate of −100% per period or less is always an error (model.md "Workloads"). The
    /// amount per period is at most 2^70 bytes, the model's limit for any size.
    public static func rate(_ text: String, allowNegative: Bool) -> Result<Rate, ValueError> {
        offeringFix(rateUnfixed(text, allowNegative: allowNegative), text, fix: rateFix) {
            (try? rateUnfixed($0, allowNegative: allowNegative).get()) != nil
        }
    }

    static func rateUnfixed(_ text: String, allowNegative: Bool) -> Result<Rate, ValueError> {
        let value = trimmed(text)
        let expected = "expected a rate such as '2GiB/day', '100MiB/h' or '3%/month', found '\(text)'"
        let parts = value.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            guard parts.count == 1 else { return .failure(ValueError(expected)) }
            if let literal = wholeNumber(value) {
                if literal.value() == 0 { return .success(.zero) }
                return .failure(ValueError("a rate needs a unit, such as '2GiB/day' or '3%/month'; found '\(text)'"))
            }
            // An amount without a period: `2GiB`, `3%`.
            let isAmount =
                value.last == "%"
                ? wholeNumber(trimmed(value.dropLast())) != nil
                : (try? sizeAmount(value).get()) != nil
            guard isAmount else { return .failure(ValueError(expected)) }
            return .failure(
                ValueError(
                    "rate '\(text)' has no period; expected an amount per period, such as '2GiB/day' or '3%/month'",
                    suggestion: "did you mean '\(value)/day'?"))
        }
        let amount = trimmed(parts[0])
        let periodText = trimmed(parts[1])

        // The amount: a percent (relative) or a size (absolute), possibly signed.
        let number: Double
        let relative = amount.last == "%"
        if relative {
            switch scanNumber(trimmed(amount.dropLast())) {
            case .literal(let literal, let rest) where rest.isEmpty:
                number = literal.value(timesPowerOf10: -2)
                if !number.isFinite { return .failure(ValueError("rate '\(text)' is too large")) }
            case .nonFinite(let rest) where rest.isEmpty:
                return .failure(ValueError("rate '\(text)' is not a finite number"))
            default:
                return .failure(ValueError(expected))
            }
        } else {
            switch sizeAmount(amount) {
            case .success(let bytes): number = bytes
            case .failure(.notANumber): return .failure(ValueError(expected))
            case .failure(.nonFinite): return .failure(ValueError("rate '\(text)' is not a finite number"))
            case .failure(.unknownUnit(let unit, let fixed)):
                return .failure(
                    ValueError(
                        "rate '\(text)' has an unknown size unit '\(unit)'; expected one of \(SizeUnit.list)",
                        suggestion: fixed.map { "did you mean '\($0)/\(periodText)'?" }))
            }
            if abs(number) > ByteCount.modelLimit.bytes {
                return .failure(ValueError("rate '\(text)' is larger than \(SizeUnit.limitPhrase) per period"))
            }
        }

        guard let period = RatePeriod(periodText) else {
            let isM = periodText.lowercased() == "m"
            return .failure(
                ValueError(
                    "rate '\(text)' has an unknown period '\(periodText)'; expected one of \(RatePeriod.list)",
                    suggestion: isM ? "write '\(amount)/min' for minutes or '\(amount)/month' for months" : nil))
        }
        if number < 0 && !allowNegative {
            return .failure(ValueError("rate '\(text)' is negative"))
        }
        if relative {
            if number <= -1 {
                return .failure(
                    ValueError(
                        "rate '\(text)' shrinks by 100% or more per period; a relative rate must be above -100%"))
            }
            return .success(.relative(fraction: number, periodDays: period.days))
        }
        return .success(.absolute(bytesPerDay: period.perDay(number)))
    }
}

/// The periods of a rate, model.md "Time": a month is 365.25/12 days, a year 365.25 days.
enum RatePeriod: CaseIterable {
    case second, minute, hour, day, week, month, year

    /// `s, min, h, day, week, month, year` for "expected one of".
    static let list = allCases.map(\.symbol).joined(separator: ", ")

    /// The spelling scenario.md documents.
    var symbol: String {
        switch self {
        case .second: return "s"
        case .minute: return "min"
        case .hour: return "h"
        case .day: return "day"
        case .week: return "week"
        case .month: return "month"
        case .year: return "year"
        }
    }

    /// Forgiving spellings also accepted (any case). Not `m`: minute or month?
    var aliases: [String] {
        switch self {
        case .second: return ["sec", "secs", "second", "seconds"]
        case .minute: return ["mins", "minute", "minutes"]
        case .hour: return ["hr", "hrs", "hour", "hours"]
        case .day: return ["d", "days"]
        case .week: return ["w", "wk", "wks", "weeks"]
        case .month: return ["mo", "months"]
        case .year: return ["y", "yr", "yrs", "years"]
        }
    }

    init?(_ text: Substring) {
        let lower = text.lowercased()
        guard let period = RatePeriod.allCases.first(where: { $0.symbol == lower || $0.aliases.contains(lower) })
        else { return nil }
        self = period
    }

    /// The period's length in days.
    var days: Double {
        switch self {
        case .second: return 1.0 / 86_400
        case .minute: return 1.0 / 1_440
        case .hour: return 1.0 / 24
        case .day: return 1
        case .week: return 7
        case .month: return 365.25 / 12  // 30.4375, exact in binary
        case .year: return 365.25
        }
    }

    /// An amount per period as an amount per day, multiplying by whole counts where the
    /// period is shorter than a day so that `100MiB/h` is exactly 2400 MiB a day.
    func perDay(_ amount: Double) -> Double {
        switch self {
        case .second: return amount * 86_400
        case .minute: return amount * 1_440
        case .hour: return amount * 24
        case .day, .week, .month, .year: return amount / days
        }
    }
}
