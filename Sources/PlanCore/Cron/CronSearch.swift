/// Finding fire times (model.md "Time"): field by field, month, then day, then the matching
/// hours, minutes and seconds of a matching day.
enum CronSearch {
    /// `@every D`: `0, D, 2D, …` below `horizonSeconds`, at most `cap` of them.
    static func every(interval: Int64, horizonSeconds: Int64, cap: Int) -> [Int64] {
        let count = Swift.min(Int64(cap), (horizonSeconds - 1) / interval + 1)
        return [Int64](unsafeUninitializedCapacity: Int(count)) { buffer, written in
            guard let out = buffer.baseAddress else { return }
            var i: Int64 = 0
            while i < count {
                out[Int(i)] = i &* interval
                i &+= 1
            }
            written = Int(count)
        }
    }

    /// Every second in `[0, horizonSeconds)` that `fields` match, `t = 0` being 00:00 UTC of
    /// `start`, at most `cap` of them.
    ///
    /// First the matching days: months outside the month set are skipped whole, and in the
    /// others the matching days come from one bit mask (day-of-month bits combined with the
    /// weekday bits laid over the month). Then each matching day contributes its start plus
    /// the day's fire offsets (the sums of the set hours, minutes and seconds, ascending).
    /// The result is written into one allocation of the exact upper size.
    ///
    /// - Complexity: O(months from `start` to the last day searched + times returned).
    static func fireTimes(of fields: CronFields, start: CivilDate, horizonSeconds: Int64, cap: Int) -> [Int64] {
        guard canEverFire(fields), cap > 0 else { return [] }
        let offsets = dayOffsets(fields)
        let perDay = offsets.count
        guard perDay > 0 else { return [] }
        // Enough days for `cap` times (no `cap + perDay`: `cap` may be `Int.max`).
        let dayCount = (cap - 1) / perDay + 1
        let days = matchingDays(fields, start: start, lastDay: (horizonSeconds - 1) / 86_400, count: dayCount)
        let (product, overflow) = days.count.multipliedReportingOverflow(by: perDay)
        let upper = overflow ? cap : Swift.min(cap, product)
        return [Int64](unsafeUninitializedCapacity: upper) { buffer, written in
            guard let out = buffer.baseAddress else { return }
            offsets.withUnsafeBufferPointer { offsetBuffer in
                guard let offset = offsetBuffer.baseAddress else { return }
                var n = 0
                var i = 0
                search: while i < days.count {
                    let base = days[i] &* 86_400
                    var k = 0
                    while k < perDay {
                        let t = base &+ offset[k]
                        if t >= horizonSeconds || n == upper { break search }
                        out[n] = t
                        n &+= 1
                        k &+= 1
                    }
                    i &+= 1
                }
                written = n
            }
        }
    }

    /// The seconds after midnight at which a matching day fires, ascending.
    static func dayOffsets(_ fields: CronFields) -> [Int64] {
        var offsets: [Int64] = []
        offsets.reserveCapacity(
            fields.hours.nonzeroBitCount * fields.minutes.nonzeroBitCount * fields.seconds.nonzeroBitCount)
        for h in setBits(fields.hours) {
            for m in setBits(fields.minutes) {
                for s in setBits(fields.seconds) {
                    offsets.append(Int64(h * 3_600 + m * 60 + s))
                }
            }
        }
        return offsets
    }

    /// The first `count` matching days (indices from `start`, 0 = `start`) up to `lastDay`.
    static func matchingDays(_ fields: CronFields, start: CivilDate, lastDay: Int64, count: Int) -> [Int64] {
        var days: [Int64] = []
        var year = start.year
        var month = start.month
        // Day index of the 1st of the current month, and that day's weekday.
        var firstOfMonth = Int64(1 - start.day)
        var weekdayOfFirst = ((start.weekday - (start.day - 1)) % 7 + 7) % 7
        var skipBefore = start.day  // days of the first month before `start` are not searched
        while firstOfMonth <= lastDay {
            let length = CivilDate.daysIn(year: year, month: month)
            if fields.months & (1 << UInt64(month)) != 0 {
                var mask = dayMask(fields, length: length, weekdayOfFirst: weekdayOfFirst)
                mask &= ~((UInt64(1) << UInt64(skipBefore)) - 1)
                while mask != 0 {
                    let dayIndex = firstOfMonth + Int64(mask.trailingZeroBitCount) - 1
                    if dayIndex > lastDay || days.count >= count { return days }
                    days.append(dayIndex)
                    mask &= mask - 1
                }
            }
            skipBefore = 1
            firstOfMonth += Int64(length)
            weekdayOfFirst = (weekdayOfFirst + length) % 7
            month += 1
            if month > 12 {
                month = 1
                year += 1
            }
        }
        return days
    }

    /// Bits `1…length` for the days of a month that `fields` match: with both day fields
    /// restricted, either may match; otherwise both must (robfig/cron `dayMatches`).
    static func dayMask(_ fields: CronFields, length: Int, weekdayOfFirst w: Int) -> UInt64 {
        // Bit j of `week`: the day j days after the 1st has a weekday in the set.
        let pattern = fields.daysOfWeek & 0x7F
        let week = ((pattern >> UInt64(w)) | (pattern << UInt64(7 - w))) & 0x7F
        let weekdays = (week | week << 7 | week << 14 | week << 21 | week << 28) << 1
        let inMonth = ((UInt64(1) << UInt64(length + 1)) - 1) & ~1
        let days =
            fields.daysOfMonthUnrestricted || fields.daysOfWeekUnrestricted
            ? fields.daysOfMonth & weekdays : fields.daysOfMonth | weekdays
        return days & inMonth
    }

    /// Whether any day of any year matches (`0 0 30 2 *`, February 30, never does). Only a
    /// restricted day-of-month with an unrestricted day-of-week can miss every month.
    static func canEverFire(_ fields: CronFields) -> Bool {
        guard fields.months != 0, fields.daysOfWeek != 0 else { return false }
        if !fields.daysOfMonthUnrestricted && fields.daysOfWeekUnrestricted {
            let longest = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
            return (1...12).contains { m in
                fields.months & (1 << UInt64(m)) != 0
                    && fields.daysOfMonth & ((UInt64(1) << UInt64(longest[m] + 1)) - 1) != 0
            }
        }
        return true
    }

    /// The positions of the set bits, ascending.
    static func setBits(_ bits: UInt64) -> [Int] {
        var b = bits
        var out: [Int] = []
        while b != 0 {
            out.append(b.trailingZeroBitCount)
            b &= b - 1
        }
        return out
    }
}
