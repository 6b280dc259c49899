import Testing

@testable import PlanCore

// Calendar facts used by the worked values below (all UTC):
// - 2026-01-01 is a Thursday. January 2026: Sat 3, Sun 4, Mon 5, 12, 19, 26.
// - Day indices from 2026-01-01: Feb 1 = 31 (a Sunday: 31 = 4·7 + 3, Thu + 3), Mar 1 = 59,
//   Apr 1 = 90, May 1 = 120, Jun 1 = 151, Jul 1 = 181, Aug 1 = 212, Sep 1 = 243,
//   Oct 1 = 273, Nov 1 = 304, Dec 1 = 334, 2027-01-01 = 365 (a Friday), 2028-01-01 = 730,
//   2028-02-29 = 730 + 31 + 28 = 789, 2029-01-01 = 730 + 366 = 1096.
private let second: Int64 = 1
private let minute: Int64 = 60
private let hour: Int64 = 3_600
private let day: Int64 = 86_400

private let jan1 = CivilDate(year: 2026, month: 1, day: 1)

/// One expression and its first fire times, worked out by hand.
struct FireCase: Sendable, CustomTestStringConvertible {
    var text: String
    var dialect: CronDialect = .standard
    var start = CivilDate(year: 2026, month: 1, day: 1)
    var first: [Int64]
    var testDescription: String { "'\(text)' \(dialect) from \(start)" }
}

private func schedule(_ text: String, _ dialect: CronDialect = .standard) throws -> CronSchedule {
    try CronSchedule.parse(text, dialect: dialect).get()
}

private func parseError(_ text: String, _ dialect: CronDialect = .standard) -> CronError? {
    if case .failure(let e) = CronSchedule.parse(text, dialect: dialect) { return e }
    return nil
}

@Suite struct CronTests {
    static let cases: [FireCase] = [
        // E3, the OR rule: dom 1 and dow 1 (Monday) both restricted → Jan 1 (day 0) and the
        // Mondays Jan 5, 12, 19, 26 (days 4, 11, 18, 25), then Feb 1 (day 31, by dom) and
        // Monday Feb 2 (day 32), each at 03:00.
        FireCase(
            text: "0 3 1 * 1",
            first: [0, 4, 11, 18, 25, 31, 32].map { $0 * day + 3 * hour }),
        // `*/2` makes day-of-month restricted: odd days of the month (days 0, 2, 4, …) OR
        // Mondays; Mon Jan 12 is even, day 11, so it appears between days 10 and 12.
        FireCase(text: "0 0 */2 * 1", first: [0, 2, 4, 6, 8, 10, 11, 12, 14].map { $0 * day }),
        // dom `*` is unrestricted → both must match → only Mondays: days 4, 11, 18, 25, Feb 2 = 32.
        FireCase(text: "0 0 * * 1", first: [4, 11, 18, 25, 32].map { $0 * day }),
        // `*/1` keeps Go's star bit: still only Mondays.
        FireCase(text: "0 0 */1 * 1", first: [4, 11, 18].map { $0 * day }),
        // `1-31` covers every day but is restricted, so OR with Mondays: every day.
        FireCase(text: "0 0 1-31 * 1", first: [0, 1, 2, 3].map { $0 * day }),
        // `?` is `*`; MON in capitals: Mondays, days 4 and 11.
        FireCase(text: "0 0 ? * MON", first: [4, 11].map { $0 * day }),
        // Steps: minutes 0, 15, 30, 45, then 01:00.
        FireCase(text: "*/15 * * * *", first: [0, 15 * minute, 30 * minute, 45 * minute, hour]),
        // `10-50/20`: minutes 10, 30, 50 of each hour → 600, 1800, 3000, then 01:10 = 4200.
        FireCase(text: "10-50/20 * * * *", first: [600, 1_800, 3_000, 4_200]),
        // `5/20` means `5-59/20`: minutes 5, 25, 45 → 300, 1500, 2700, then 01:05 = 3900.
        FireCase(text: "5/20 * * * *", first: [300, 1_500, 2_700, 3_900]),
        // Every 6 hours: 00, 06, 12, 18, then the next midnight.
        FireCase(text: "0 */6 * * *", first: [0, 6 * hour, 12 * hour, 18 * hour, day]),
        // `9-17/4`: hours 9, 13, 17, then 09:00 of day 1.
        FireCase(text: "0 9-17/4 * * *", first: [9 * hour, 13 * hour, 17 * hour, day + 9 * hour]),
        // A list of minutes: :00 and :30 of every hour.
        FireCase(text: "0,30 * * * *", first: [0, 30 * minute, hour, hour + 30 * minute]),
        // A list of days: Jan 1 (0), Jan 15 (14), Feb 1 (31), Feb 15 (45), Mar 1 (59).
        FireCase(text: "0 0 1,15 * *", first: [0, 14, 31, 45, 59].map { $0 * day }),
        // Weekdays 08:30: Thu 1 (0), Fri 2 (1), Mon 5 (4), Tue 6 (5), Wed 7 (6), Thu 8 (7).
        FireCase(text: "30 8 * * 1-5", first: [0, 1, 4, 5, 6, 7].map { $0 * day + 8 * hour + 30 * minute }),
        // The same with names, in mixed case.
        FireCase(text: "30 8 * * mon-FRI", first: [0, 1, 4, 5, 6, 7].map { $0 * day + 8 * hour + 30 * minute }),
        // A month name: Jan 1 of 2026, 2027 (365), 2028 (730), 2029 (1096; 2028 is leap).
        FireCase(text: "0 0 1 JAN *", first: [0, 365, 730, 1_096].map { $0 * day }),
        // Weekend noons: Sat Jan 3 (2), Sun Jan 4 (3), Sat 10 (9), Sun 11 (10).
        FireCase(text: "0 12 * * SUN,sat", first: [2, 3, 9, 10].map { $0 * day + 12 * hour }),
        // A range of month names: Feb 1 (31), Mar 1 (59), 2027-02-01 (365 + 31 = 396),
        // 2027-03-01 (365 + 59 = 424).
        FireCase(text: "0 0 1 feb-mar *", first: [31, 59, 396, 424].map { $0 * day }),
        // Fridays 22:00: Jan 2 (1), 9 (8), 16 (15).
        FireCase(text: "0 22 * * 5", first: [1, 8, 15].map { $0 * day + 22 * hour }),
        // The last minute of the year: 2026-12-31 is day 364, 2027-12-31 is 365 + 364 = 729.
        FireCase(text: "59 23 31 12 *", first: [364, 729].map { $0 * day + 23 * hour + 59 * minute }),
        // The 31st only in 31-day months: Jan 31 (30), Mar 31 (89), May 31 (150), Jul 31 (211),
        // Aug 31 (242), Oct 31 (303), Dec 31 (364).
        FireCase(text: "0 0 31 * *", first: [30, 89, 150, 211, 242, 303, 364].map { $0 * day }),
        // Leap day: 2028-02-29 is day 789; the next, 2032-02-29, is 4 × 365 + 1 = 1461 days later.
        FireCase(text: "0 0 29 2 *", first: [789, 789 + 1_461].map { $0 * day }),
        // Feb 30 never exists, but dow is restricted too, so Mondays of February match:
        // Feb 2, 9, 16, 23 (32, 39, 46, 53); 2027-02-01 (396) is Fri Jan 1 + 31 days = a Monday.
        FireCase(text: "0 0 30 2 1", first: [32, 39, 46, 53, 396].map { $0 * day }),
        // Descriptors.
        // @every 6h: 0, 6h, 12h, 18h, 24h (E5).
        FireCase(text: "@every 6h", first: [0, 21_600, 43_200, 64_800, 86_400]),
        // @every 90m = 5400 s.
        FireCase(text: "@every 90m", first: [0, 5_400, 10_800, 16_200]),
        // Go-style concatenation and a fraction: both 5400 s.
        FireCase(text: "@every 1h30m", first: [0, 5_400, 10_800]),
        FireCase(text: "@every 1.5h", first: [0, 5_400, 10_800]),
        // 2 weeks = 14 days.
        FireCase(text: "@every 2w", first: [0, 14 * day, 28 * day]),
        // @weekly = Sunday 00:00: Jan 4 (3), 11 (10), 18 (17) (E5).
        FireCase(text: "@weekly", first: [3, 10, 17].map { $0 * day }),
        // @monthly: the 1st: Jan (0), Feb (31), Mar (59), Apr (90).
        FireCase(text: "@monthly", first: [0, 31, 59, 90].map { $0 * day }),
        // @yearly from 2026-06-15: Jul 1 is day 16 (15 days left in June), + Jul…Dec
        // (31+31+30+31+30+31 = 184) → 2027-01-01 = 200; 2028-01-01 = 565; 2029-01-01 = 565 + 366 = 931.
        FireCase(text: "@yearly", start: CivilDate(year: 2026, month: 6, day: 15), first: [200, 565, 931].map { $0 * day }),
        FireCase(text: "@annually", start: CivilDate(year: 2026, month: 6, day: 15), first: [200, 565].map { $0 * day }),
        // From Dec 31, the next Jan 1 is one day later.
        FireCase(text: "@yearly", start: CivilDate(year: 2026, month: 12, day: 31), first: [day]),
        FireCase(text: "@daily", first: [0, day, 2 * day]),
        FireCase(text: "@midnight", first: [0, day, 2 * day]),
        FireCase(text: "@hourly", first: [0, hour, 2 * hour]),
        // A UTC time-zone prefix changes nothing.
        FireCase(text: "CRON_TZ=UTC 0 2 * * *", first: [2 * hour, day + 2 * hour]),
        // CNPG, seconds first. E4 weekly: second 15, minute 30, hour 2, Sunday → Jan 4 (day 3)
        // at 02:30:15 = 259200 + 7200 + 1800 + 15 = 268215, then a week later.
        FireCase(
            text: "15 30 2 * * 0", dialect: .cnpg,
            first: [3 * day + 2 * hour + 30 * minute + 15, 10 * day + 2 * hour + 30 * minute + 15]),
        // E4 hourly: 5 fields read seconds first → second 0 of minute 2 of every hour.
        FireCase(text: "0 2 * * *", dialect: .cnpg, first: [120, 3_720, 7_320]),
        // The 6-field form of 02:00 every day.
        FireCase(text: "0 0 2 * * *", dialect: .cnpg, first: [2 * hour, day + 2 * hour]),
        FireCase(text: "*/20 * * * * *", dialect: .cnpg, first: [0, 20, 40, 60]),
        FireCase(text: "* * * * * *", dialect: .cnpg, first: [0, 1, 2, 3]),
        // 5 fields `30 15 10 1 *`: 10:15:30 on the 1st of each month: day 0, then Feb 1 (31).
        FireCase(
            text: "30 15 10 1 *", dialect: .cnpg,
            first: [10 * hour + 15 * minute + 30, 31 * day + 10 * hour + 15 * minute + 30]),
        FireCase(text: "0 0 0 ? * ?", dialect: .cnpg, first: [0, day, 2 * day]),
        // Weekday noons: Thu 1 (0), Fri 2 (1), Mon 5 (4).
        FireCase(text: "0 0 12 * * mon-fri", dialect: .cnpg, first: [0, 1, 4].map { $0 * day + 12 * hour }),
        FireCase(text: "@weekly", dialect: .cnpg, first: [3 * day]),
        FireCase(text: "@every 90s", dialect: .cnpg, first: [0, 90, 180]),
        // Other starts. From Thu 2026-01-15 with the E3 line: Mon Jan 19 (4), Mon Jan 26 (11),
        // Feb 1 by dom (Jan 15 + 17), Mon Feb 2 (18).
        FireCase(
            text: "0 3 1 * 1", start: CivilDate(year: 2026, month: 1, day: 15),
            first: [4, 11, 17, 18].map { $0 * day + 3 * hour }),
        // Start on a Sunday: 2026-02-01 fires at t = 0.
        FireCase(text: "0 0 * * 0", start: CivilDate(year: 2026, month: 2, day: 1), first: [0, 7 * day]),
        // Start on a leap day: it fires at t = 0, then 1461 days later.
        FireCase(text: "0 0 29 2 *", start: CivilDate(year: 2028, month: 2, day: 29), first: [0, 1_461 * day]),
    ]

    @Test(arguments: cases)
    func firstFireTimes(_ c: FireCase) throws {
        let s = try schedule(c.text, c.dialect)
        let times = s.fireTimes(start: c.start, horizonSeconds: 10 * 366 * day, limit: c.first.count - 1)
        #expect(times == c.first)
    }

    /// The field-wise search agrees with a scan of every minute (every second for CNPG)
    /// that tests each time against the fields directly.
    @Test(arguments: cases)
    func agreesWithScan(_ c: FireCase) throws {
        let s = try schedule(c.text, c.dialect)
        guard case .fields(let f) = s.rule else { return }
        let (horizon, step) = c.dialect == .cnpg ? (3 * day, second) : (62 * day, minute)
        var expected: [Int64] = []
        var t: Int64 = 0
        while t < horizon {
            let date = c.start.adding(days: Int(t / day))
            let tod = Int(t % day)
            if naiveMatch(f, date: date, hour: tod / 3_600, minute: tod / 60 % 60, second: tod % 60) {
                expected.append(t)
            }
            t += step
        }
        #expect(s.fireTimes(start: c.start, horizonSeconds: horizon, limit: 1_000_000) == expected)
    }

    /// Random day rules over four years from random starts: the month/day bit masks agree
    /// with testing each day on its own.
    @Test func randomDayRulesAgreeWithDayByDay() {
        var rng = SplitMix64(seed: 2026)
        for _ in 0..<300 {
            let f = CronFields(
                seconds: 1, minutes: 1, hours: 1,
                daysOfMonth: rng.next() & 0xFFFF_FFFE | (1 << (1 + rng.next() % 31)),
                months: rng.next() & 0x1FFE | (1 << (1 + rng.next() % 12)),
                daysOfWeek: rng.next() & 0x7F | (1 << (rng.next() % 7)),
                daysOfMonthUnrestricted: rng.next() % 2 == 0, daysOfWeekUnrestricted: rng.next() % 2 == 0)
            let start = CivilDate(year: 2024 + Int(rng.next() % 80), month: 1 + Int(rng.next() % 12), day: 1 + Int(rng.next() % 28))
            let days = 4 * 366
            let expected = (0..<days).filter { naiveMatch(f, date: start.adding(days: $0), hour: 0, minute: 0, second: 0) }
                .map { Int64($0) * day }
            let found = CronSearch.fireTimes(of: f, start: start, horizonSeconds: Int64(days) * day, cap: Int.max)
            #expect(found == expected, "\(f) from \(start)")
        }
    }

    // MARK: Horizon and limit

    @Test func fireExactlyAtHorizonIsExcluded() throws {
        let daily = try schedule("0 0 * * *")
        // [0, 3 days): midnights of days 0, 1, 2; day 3's midnight is at the horizon.
        #expect(daily.fireTimes(start: jan1, horizonSeconds: 3 * day, limit: 100) == [0, day, 2 * day])
        #expect(daily.fireTimes(start: jan1, horizonSeconds: 3 * day + 1, limit: 100) == [0, day, 2 * day, 3 * day])
        let six = try schedule("@every 6h")
        #expect(six.fireTimes(start: jan1, horizonSeconds: day, limit: 100) == [0, 6 * hour, 12 * hour, 18 * hour])
        #expect(daily.fireTimes(start: jan1, horizonSeconds: 0, limit: 100) == [])
        #expect(six.fireTimes(start: jan1, horizonSeconds: 1, limit: 100) == [0])
    }

    @Test func examplesE3E4E5Counts() throws {
        // E3: 31 days from 2026-01-01 → 5 runs.
        #expect(try schedule("0 3 1 * 1").fireTimes(start: jan1, horizonSeconds: 31 * day, limit: 1_000).count == 5)
        // E4: 24 hourly CNPG base backups on day 0; the weekly one only on day 3 of 5.
        #expect(try schedule("0 2 * * *", .cnpg).fireTimes(start: jan1, horizonSeconds: day, limit: 1_000).count == 24)
        #expect(
            try schedule("15 30 2 * * 0", .cnpg).fireTimes(start: jan1, horizonSeconds: 5 * day, limit: 1_000)
                == [268_215])
        // E5: 4 days of @every 6h → 16 runs; @weekly → day 3 only.
        #expect(try schedule("@every 6h").fireTimes(start: jan1, horizonSeconds: 4 * day, limit: 1_000).count == 16)
        #expect(try schedule("@weekly").fireTimes(start: jan1, horizonSeconds: 4 * day, limit: 1_000) == [3 * day])
    }

    @Test func stopsAfterLimitPlusOne() throws {
        let everyMinute = try schedule("* * * * *")
        #expect(everyMinute.fireTimes(start: jan1, horizonSeconds: day, limit: 5) == [0, 60, 120, 180, 240, 300])
        #expect(everyMinute.fireTimes(start: jan1, horizonSeconds: day, limit: 0) == [0])
        #expect(try schedule("@every 1s").fireTimes(start: jan1, horizonSeconds: day, limit: 3) == [0, 1, 2, 3])
        // limit −1 asks for nothing; Int.max for everything (4 midnights in 4 days).
        #expect(everyMinute.fireTimes(start: jan1, horizonSeconds: day, limit: -1) == [])
        #expect(try schedule("@daily").fireTimes(start: jan1, horizonSeconds: 4 * day, limit: .max) == [0, day, 2 * day, 3 * day])
        #expect(try schedule("@every 1d").fireTimes(start: jan1, horizonSeconds: 4 * day, limit: .max) == [0, day, 2 * day, 3 * day])
        // Every second for 100 years is 3.2e9 times; the search stops at limit + 1.
        let everySecond = try schedule("* * * * * *", .cnpg)
        let times = everySecond.fireTimes(start: jan1, horizonSeconds: 36_525 * day, limit: 1_000_000)
        #expect(times.count == 1_000_001)
        #expect(times.last == 1_000_000)
    }

    @Test func hourlyForAHundredYears() throws {
        // 36525 days × 24 hours = 876600 runs, the last at the final hour.
        let times = try schedule("0 * * * *").fireTimes(start: jan1, horizonSeconds: 36_525 * day, limit: 10_000_000)
        #expect(times.count == 876_600)
        #expect(times.last == 36_525 * day - hour)
    }

    @Test(arguments: ["0 0 30 2 *", "0 0 31 4,6,9,11 *", "0 0 30,31 2 *"])
    func impossibleDatesNeverFire(_ text: String) throws {
        #expect(try schedule(text).fireTimes(start: jan1, horizonSeconds: 36_525 * day, limit: 1_000) == [])
    }

    @Test func impossibleCNPGDateNeverFires() throws {
        #expect(try schedule("0 0 0 30 2", .cnpg).fireTimes(start: jan1, horizonSeconds: 36_525 * day, limit: 1_000) == [])
    }

    // MARK: Errors

    @Test func errorMessages() {
        #expect(
            parseError("0 2 * *")
                == CronError("expected 5 fields (minute hour day-of-month month day-of-week), found 4"))
        #expect(
            parseError("0 0 2 * * *")
                == CronError(
                    "expected 5 fields (minute hour day-of-month month day-of-week), found 6: Velero and Longhorn have no seconds field",
                    suggestion: "drop the seconds: write '0 2 * * *'"))
        #expect(
            parseError("0 0 * * 7")
                == CronError("day-of-week: '7' is out of range 0-6 (0 = sunday)", suggestion: "write '0' or 'sun' for sunday"))
        #expect(parseError("60 * * * *") == CronError("minute: '60' is out of range 0-59"))
        #expect(parseError("0 24 * * *") == CronError("hour: '24' is out of range 0-23"))
        #expect(parseError("0 0 0 * *") == CronError("day-of-month: '0' is out of range 1-31"))
        #expect(parseError("0 0 * 13 *") == CronError("month: '13' is out of range 1-12"))
        #expect(parseError("*/0 * * * *") == CronError("minute: step 0 in '*/0' must be at least 1"))
        // Go's cron reads a step with strconv.Atoi: past 2^63 − 1 it is an error, not a step.
        #expect(
            parseError("*/99999999999999999999 * * * *")
                == CronError("minute: step '99999999999999999999' in '*/99999999999999999999' is too large"))
        #expect(parseError("0 0 5-1 * *") == CronError("day-of-month: range '5-1' starts after it ends", suggestion: "write '1-5'"))
        #expect(
            parseError("0 0 * * mnd")
                == CronError("day-of-week: unknown name 'mnd'; expected sun, mon, tue, wed, thu, fri, sat or 0-6"))
        #expect(
            parseError("0 0 * * monday")
                == CronError(
                    "day-of-week: unknown name 'monday'; expected sun, mon, tue, wed, thu, fri, sat or 0-6",
                    suggestion: "write 'mon'"))
        #expect(parseError("0 0 1 jna *")?.message.hasPrefix("month: unknown name 'jna'; expected jan, feb") == true)
        #expect(parseError("x * * * *") == CronError("minute: 'x' is not a number"))
        #expect(parseError("0 0 jan * *") == CronError("day-of-month: 'jan' is not a number"))
        #expect(
            parseError("")
                == CronError(
                    "empty cron expression; expected 5 fields (minute hour day-of-month month day-of-week) or a descriptor such as '@daily'"
                ))
        #expect(
            parseError("0 0 2 * *  * *", .cnpg)
                == CronError(
                    "expected 6 fields (second minute hour day-of-month month day-of-week) or 5 (without day-of-week), found 7"))
        #expect(
            parseError("0 2 * * 0", .cnpg)
                == CronError(
                    "month: '0' is out of range 1-12",
                    suggestion:
                        "CNPG reads 5 fields seconds first (second minute hour day-of-month month); for minute hour day-of-month month day-of-week write '0 0 2 * * 0'"
                ))
        #expect(parseError("@every 0s") == CronError("@every: the interval must be at least 1s, found '0s'"))
        #expect(parseError("@every 6") == CronError("@every: '6' needs a unit", suggestion: "write for example '@every 6s' or '@every 6m'"))
        #expect(parseError("@every 500ms") == CronError("@every: unknown unit 'ms' in '500ms'; expected s, m, min, h, d, w or y"))
        #expect(parseError("@every 1.5s") == CronError("@every: '1.5s' is not a whole number of seconds"))
        #expect(
            parseError("@Daily")
                == CronError("unknown descriptor '@Daily'", suggestion: "the Go cron library reads descriptors in lowercase: write '@daily'"))
        #expect(
            parseError("@dayly")
                == CronError(
                    "unknown descriptor '@dayly'; expected @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly or @every DURATION"
                ))
        #expect(
            parseError("CRON_TZ=Europe/Berlin 0 2 * * *")?.message
                == "time zone 'Europe/Berlin' in 'CRON_TZ=Europe/Berlin' is not supported: the simulation runs in UTC")
    }

    @Test(arguments: [
        ("", CronDialect.standard), ("   ", .standard), ("0 2 * *", .standard), ("0 0 2 * * *", .standard),
        ("0 0 * * 7", .standard), ("0 0 * * 0-7", .standard), ("60 * * * *", .standard), ("*/0 * * * *", .standard),
        ("0 0 5-1 * *", .standard), ("0 0 * * fry", .standard), ("0 0 1 foo *", .standard), ("1,,2 * * * *", .standard),
        ("1-2-3 * * * *", .standard), ("1/2/3 * * * *", .standard), ("*-5 * * * *", .standard), ("-5 * * * *", .standard),
        ("5- * * * *", .standard), ("5/ * * * *", .standard), ("/5 * * * *", .standard), ("*/x * * * *", .standard),
        ("99999999999999999999 * * * *", .standard), ("0 0 * * * * *", .standard), ("@every", .standard),
        ("@every -1h", .standard), ("@every 1h 30m", .standard), ("@every h", .standard), ("@daily 2", .standard),
        ("@reboot", .standard), ("0 2 * *", .cnpg), ("60 0 2 * * *", .cnpg), ("0 0 2 * * 7", .cnpg),
        ("0 0 2 * * * 2026", .cnpg), ("", .cnpg),
    ])
    func rejected(_ text: String, _ dialect: CronDialect) {
        #expect(parseError(text, dialect) != nil)
    }

    // MARK: The CNPG 5-field warning

    @Test func cnpgFiveFieldWarning() throws {
        #expect(
            try schedule("0 2 * * *", .cnpg).cnpgFiveFieldWarning
                == "'0 2 * * *' is read by CNPG seconds first: second 0 of minute 2 of every hour (24 base backups a day); for 02:00 every day write '0 0 2 * * *'"
        )
        #expect(
            try schedule("30 15 10 1 *", .cnpg).cnpgFiveFieldWarning
                == "'30 15 10 1 *' is read by CNPG seconds first: 10:15:30 on day 1 of the month (1 base backup on each day it runs); for 15:30 on day 10 of the month in january write '0 30 15 10 1 *'"
        )
        #expect(
            try schedule("0 2 * * 1", .cnpg).cnpgFiveFieldWarning
                == "'0 2 * * 1' is read by CNPG seconds first: second 0 of minute 2 of every hour in january (24 base backups on each day it runs); for 02:00 on mondays write '0 0 2 * * 1'"
        )
        // Hour 30 is no valid minute-first reading, so seconds first was meant: no warning.
        #expect(try schedule("0 30 2 * *", .cnpg).cnpgFiveFieldWarning == nil)
        #expect(try schedule("0 0 2 * * *", .cnpg).cnpgFiveFieldWarning == nil)
        #expect(try schedule("@daily", .cnpg).cnpgFiveFieldWarning == nil)
        #expect(try schedule("0 2 * * *").cnpgFiveFieldWarning == nil)
    }

    @Test func keepsTextAndDialect() throws {
        let s = try schedule("0 0 2 * * 0", .cnpg)
        #expect(s.text == "0 0 2 * * 0")
        #expect(s.dialect == .cnpg)
        #expect(s == (try schedule("0 0 2 * * 0", .cnpg)))
        #expect(s != (try schedule("@weekly", .cnpg)))
    }
}

/// The day and time rules of model.md "Time", tested directly on one moment.
private func naiveMatch(_ f: CronFields, date: CivilDate, hour: Int, minute: Int, second: Int) -> Bool {
    func has(_ bits: UInt64, _ v: Int) -> Bool { bits & (1 << UInt64(v)) != 0 }
    let domMatch = has(f.daysOfMonth, date.day)
    let dowMatch = has(f.daysOfWeek, date.weekday)
    let dayMatch =
        f.daysOfMonthUnrestricted || f.daysOfWeekUnrestricted ? domMatch && dowMatch : domMatch || dowMatch
    return dayMatch && has(f.months, date.month) && has(f.hours, hour) && has(f.minutes, minute)
        && has(f.seconds, second)
}

/// A small deterministic generator for the random tests.
private struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E9B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
