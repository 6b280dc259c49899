/// Dates: `2026-01-01` (scenario.md "Value syntax").

extension ValueSyntax {
    /// `2026-01-01`.
    ///
    /// ISO 8601 `YYYY-MM-DD` with exactly 4, 2 and 2 digits, naming a real day of the
    /// proleptic Gregorian calendar (`2026-02-30` is refused). Near misses are refused with
    /// the ISO form as the suggestion: `2026-1-5` and `2026/01/05` → `2026-01-05`, and a
    /// YAML timestamp `2026-01-05T00:00:00Z` → `2026-01-05`.
    public static func date(_ text: String) -> Result<CivilDate, ValueError> {
        let value = Array(trimmed(text))
        let expected = "expected a date such as '2026-01-01', found '\(text)'"
        let digitPositions = [0, 1, 2, 3, 5, 6, 8, 9]
        guard value.count == 10, value[4] == "-", value[7] == "-",
            digitPositions.allSatisfy({ value[$0].isASCIIDigit }),
            let year = Int(String(value[0..<4])), let month = Int(String(value[5..<7])),
            let day = Int(String(value[8..<10]))
        else {
            return .failure(ValueError(expected, suggestion: nearestDate(value).map { "did you mean '\($0)'?" }))
        }
        guard (1...12).contains(month) else {
            return .failure(ValueError("'\(text)' is not a calendar date; a month is 01 to 12"))
        }
        let length = CivilDate.daysIn(year: year, month: month)
        guard (1...length).contains(day) else {
            return .failure(
                ValueError(
                    "'\(text)' is not a calendar date; \(monthNames[month - 1]) \(pad(year, 4)) has \(length) days"))
        }
        return .success(CivilDate(year: year, month: month, day: day))
    }

    private static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    /// The valid ISO date meant by a near miss, or nil.
    private static func nearestDate(_ value: [Character]) -> String? {
        // A timestamp: a valid date, then `T` or a space and a time.
        if value.count > 10, ["T", "t", " "].contains(value[10]),
            case .success(let date) = date(String(value[0..<10]))
        {
            return date.description
        }
        // Other separators or missing zeros: `2026/1/5`, `2026.01.05`.
        let parts = value.split { $0 == "-" || $0 == "/" || $0 == "." }
        guard parts.count == 3, parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
            parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
            let year = Int(String(parts[0])), let month = Int(String(parts[1])), let day = Int(String(parts[2])),
            (1...12).contains(month), (1...CivilDate.daysIn(year: year, month: month)).contains(day)
        else { return nil }
        return CivilDate(year: year, month: month, day: day).description
    }
}
