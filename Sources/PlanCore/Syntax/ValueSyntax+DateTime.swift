/// Date-times in UTC: a fault's `from` and `until` (scenario.md `faults.NAME`).

extension ValueSyntax {
    /// `2026-03-01` (its 00:00 UTC), `2026-03-01T06:00:00Z`, `2026-03-01 06:00`.
    ///
    /// A date as `date(_:)` reads it, optionally followed by `T`, `t` or one space and a time
    /// `HH:MM` or `HH:MM:SS` (00:00:00 … 23:59:59), then optionally `Z` or `z`. Every time is
    /// UTC: a zone offset (`+02:00`, `-0500`, even `+00:00`) is refused, with the same instant
    /// written in UTC as the suggestion. Returns the day and the second of that day.
    public static func dateTime(_ text: String) -> Result<(date: CivilDate, second: Int), ValueError> {
        let value = Array(trimmed(text))
        let expected = "expected a date or a UTC date-time such as '2026-03-01' or '2026-03-01T06:00:00Z', found '\(text)'"
        guard value.count >= 10, case .success(let date) = ValueSyntax.date(String(value[0..<10])) else {
            if case .failure(let failure) = ValueSyntax.date(String(value.prefix(10))), value.count == 10 {
                return .failure(failure)
            }
            return .failure(ValueError(expected))
        }
        if value.count == 10 { return .success((date, 0)) }
        guard ["T", "t", " "].contains(value[10]) else { return .failure(ValueError(expected)) }
        var rest = Array(value[11...])
        // The zone: `Z`, nothing, or an offset (refused).
        var offsetSeconds: Int?
        if let last = rest.last, last == "Z" || last == "z" {
            rest.removeLast()
        } else if let sign = rest.lastIndex(where: { $0 == "+" || $0 == "-" }) {
            guard let offset = offset(Array(rest[sign...])) else { return .failure(ValueError(expected)) }
            offsetSeconds = offset
            rest = Array(rest[..<sign])
        }
        guard let second = timeOfDay(rest) else { return .failure(ValueError(expected)) }
        if let offsetSeconds {
            let inUTC = Format.dateTime(start: date, seconds: Double(second - offsetSeconds))
            return .failure(ValueError("'\(text)' has a zone offset; times are UTC", suggestion: "write '\(inUTC)'"))
        }
        return .success((date, second))
    }

    /// `HH:MM` or `HH:MM:SS` as seconds of the day.
    private static func timeOfDay(_ t: [Character]) -> Int? {
        guard t.count == 5 || t.count == 8, t[2] == ":", t.count == 5 || t[5] == ":" else { return nil }
        let fields = stride(from: 0, to: t.count, by: 3).map { String(t[$0..<$0 + 2]) }
        guard fields.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
        let numbers = fields.compactMap { Int($0) }
        guard numbers.count == fields.count, numbers[0] < 24, numbers[1] < 60, numbers.count < 3 || numbers[2] < 60 else {
            return nil
        }
        return numbers[0] * 3_600 + numbers[1] * 60 + (numbers.count == 3 ? numbers[2] : 0)
    }

    /// `+HH`, `+HHMM` or `+HH:MM` (or `-`) as seconds east of UTC.
    private static func offset(_ o: [Character]) -> Int? {
        let digits = o.dropFirst().filter { $0 != ":" }
        guard [2, 4].contains(digits.count), digits.allSatisfy(\.isASCIIDigit), let n = Int(String(digits)) else { return nil }
        let seconds = digits.count == 2 ? n * 3_600 : (n / 100) * 3_600 + (n % 100) * 60
        return o[0] == "-" ? -seconds : seconds
    }
}
