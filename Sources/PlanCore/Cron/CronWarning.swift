/// The model.md warning for a CNPG schedule written with 5 fields: CNPG reads them seconds
/// first, which is rarely what a minute-first line meant.
enum CronWarning {
    /// `'0 2 * * *' is read by CNPG seconds first: second 0 of minute 2 of every hour (24 base
    /// backups a day); for 02:00 every day write '0 0 2 * * *'`, or `nil` when the words are
    /// not a valid minute-first line (then seconds first was meant).
    static func cnpgFiveFields(words: [Substring], actual: CronFields) -> String? {
        guard words.count == 5, let meant = try? CronParser.standardFields(words) else { return nil }
        let line = words.joined(separator: " ")
        return "'\(line)' is read by CNPG seconds first: \(secondsFirst(actual, words)); "
            + "for \(minuteFirst(meant, words)) write '0 \(line)'"
    }

    /// What CNPG does with `second minute hour day-of-month month`.
    private static func secondsFirst(_ f: CronFields, _ w: [Substring]) -> String {
        let perDay = f.seconds.nonzeroBitCount * f.minutes.nonzeroBitCount * f.hours.nonzeroBitCount
        let everyDay = f.daysOfMonthUnrestricted && f.months == CronField.month.allBits
        var s: String
        if let sec = single(f.seconds), let min = single(f.minutes), let hour = single(f.hours) {
            s = pad(hour, 2) + ":" + pad(min, 2) + ":" + pad(sec, 2) + (everyDay ? " every day" : "")
        } else {
            s =
                phrase(f.seconds, w[0], "second", all: CronField.second.allBits) + " of "
                + phrase(f.minutes, w[1], "minute", all: CronField.minute.allBits) + " of "
                + phrase(f.hours, w[2], "hour", all: CronField.hour.allBits)
        }
        s += days(f, dayOfMonth: w[3], month: w[4], dayOfWeek: nil)
        let backups = perDay == 1 ? "1 base backup" : "\(perDay) base backups"
        return s + (everyDay ? " (\(backups) a day)" : " (\(backups) on each day it runs)")
    }

    /// What `minute hour day-of-month month day-of-week` would have meant.
    private static func minuteFirst(_ f: CronFields, _ w: [Substring]) -> String {
        var s: String
        if let min = single(f.minutes), let hour = single(f.hours) {
            s = pad(hour, 2) + ":" + pad(min, 2)
        } else {
            s =
                phrase(f.minutes, w[0], "minute", all: CronField.minute.allBits) + " of "
                + phrase(f.hours, w[1], "hour", all: CronField.hour.allBits)
        }
        if f.daysOfMonthUnrestricted && f.daysOfWeekUnrestricted && f.months == CronField.month.allBits {
            return s + " every day"
        }
        return s + days(f, dayOfMonth: w[2], month: w[3], dayOfWeek: w[4])
    }

    /// ` on day 1 of the month and on mondays in january`, empty when every day matches.
    private static func days(_ f: CronFields, dayOfMonth: Substring, month: Substring, dayOfWeek: Substring?) -> String {
        var parts: [String] = []
        if !f.daysOfMonthUnrestricted {
            parts.append(single(f.daysOfMonth).map { "day \($0) of the month" } ?? "days '\(dayOfMonth)' of the month")
        }
        if let dayOfWeek, !f.daysOfWeekUnrestricted {
            parts.append(single(f.daysOfWeek).map { weekdayNames[$0] + "s" } ?? "days-of-week '\(dayOfWeek)'")
        }
        var s = parts.isEmpty ? "" : " on " + parts.joined(separator: " and on ")
        if f.months != CronField.month.allBits {
            s += single(f.months).map { " in " + monthNames[$0 - 1] } ?? " in months '\(month)'"
        }
        return s
    }

    /// `second 0`, `every minute`, `hours '1-5'`.
    private static func phrase(_ bits: UInt64, _ word: Substring, _ unit: String, all: UInt64) -> String {
        if let v = single(bits) { return "\(unit) \(v)" }
        if bits == all { return "every \(unit)" }
        return "\(unit)s '\(word)'"
    }

    private static func single(_ bits: UInt64) -> Int? {
        bits.nonzeroBitCount == 1 ? bits.trailingZeroBitCount : nil
    }

    private static let weekdayNames = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]
    private static let monthNames = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
    ]
}
