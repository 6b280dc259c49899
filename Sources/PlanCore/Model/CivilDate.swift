/// A proleptic Gregorian calendar date (UTC), the simulation's day 0 and row dates.
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01 (Howard Hinnant's `civil_from_days`).
    public init(daysSinceEpoch z0: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    /// The date `n` days later.
    public func adding(days n: Int) -> CivilDate { CivilDate(daysSinceEpoch: daysSinceEpoch + n) }

    /// The next day: `adding(days: 1)` without the two conversions (the day loop's date).
    public var nextDay: CivilDate {
        if day < Self.daysIn(year: year, month: month) { return CivilDate(year: year, month: month, day: day + 1) }
        return nextMonthStart
    }

    /// The 1st of the next month.
    public var nextMonthStart: CivilDate {
        month == 12 ? CivilDate(year: year + 1, month: 1, day: 1) : CivilDate(year: year, month: month + 1, day: 1)
    }

    /// 0 = Sunday … 6 = Saturday.
    public var weekday: Int {
        let d = daysSinceEpoch
        return ((d % 7) + 7 + 4) % 7  // 1970-01-01 was a Thursday (4)
    }

    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    public static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public var daysInMonth: Int { CivilDate.daysIn(year: year, month: month) }

    public static func < (a: CivilDate, b: CivilDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// `YYYY-MM-DD`. Years 0 to 9999 are written as ten bytes, without the `String`s of
    /// `pad` (every day file writes each day's date); others are padded.
    public var description: String {
        guard (1...31).contains(day), let month = monthString(bytes: 10) else {
            return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
        }
        return month
    }

    /// `YYYY-MM`. Years 0 to 9999 are written as seven bytes, without the `String`s of
    /// `pad` (every month of every variant of a sweep is labelled); others are padded.
    public var monthString: String { monthString(bytes: 7) ?? pad(year, 4) + "-" + pad(month, 2) }

    /// `YYYY-MM` (7 bytes) or `YYYY-MM-DD` (10) written byte by byte; nil for a year past
    /// 0…9999 or a month past 1…12, which `pad` writes.
    private func monthString(bytes count: Int) -> String? {
        guard (0...9999).contains(year), (1...12).contains(month) else { return nil }
        let y = UInt8(truncatingIfNeeded: year / 100), c = UInt8(truncatingIfNeeded: year % 100)
        let m = UInt8(truncatingIfNeeded: month), d = UInt8(truncatingIfNeeded: day)
        return String(unsafeUninitializedCapacity: count) { b in
            b[0] = 48 + y / 10
            b[1] = 48 + y % 10
            b[2] = 48 + c / 10
            b[3] = 48 + c % 10
            b[4] = 45  // "-"
            b[5] = 48 + m / 10
            b[6] = 48 + m % 10
            if count == 10 {
                b[7] = 45
                b[8] = 48 + d / 10
                b[9] = 48 + d % 10
            }
            return count
        }
    }
}

@inline(__always) func pad(_ v: Int, _ width: Int) -> String {
    let s = String(v)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}
