import Testing

@testable import PlanCore

/// The day loop steps its date with `nextDay`; it must be `adding(days: 1)`.
@Suite("Civil dates")
struct CivilDateTests {
    @Test(
        "the next day across a month, a year, and February in leap and common years",
        arguments: [
            ((2026, 1, 31), (2026, 2, 1)), ((2026, 12, 31), (2027, 1, 1)), ((2024, 2, 28), (2024, 2, 29)), ((2024, 2, 29), (2024, 3, 1)),
            ((2026, 2, 28), (2026, 3, 1)), ((2100, 2, 28), (2100, 3, 1)), ((2000, 2, 28), (2000, 2, 29)), ((2026, 4, 30), (2026, 5, 1)),
            ((2026, 6, 14), (2026, 6, 15)),
        ])
    func next(from: (Int, Int, Int), to: (Int, Int, Int)) {
        let d = CivilDate(year: from.0, month: from.1, day: from.2)
        #expect(d.nextDay == CivilDate(year: to.0, month: to.1, day: to.2))
    }

    @Test("every day of 1900 to 2500 steps as adding one day does")
    func everyDay() {
        var d = CivilDate(year: 1900, month: 1, day: 1)
        let end = CivilDate(year: 2500, month: 1, day: 1)
        var steps = 0
        while d < end {
            let next = d.nextDay
            if next != d.adding(days: 1) {
                Issue.record("after \(d): \(next), not \(d.adding(days: 1))")
                return
            }
            d = next
            steps += 1
        }
        // 600 years of 365 days, plus the leap days: 1900–2499 has (2496 − 1900) / 4 + 1 = 150
        // years divisible by 4, less the centuries not divisible by 400 (1900, 2100, 2200,
        // 2300; 2000 and 2400 are leap years): 146.
        #expect(steps == 600 * 365 + 146)
    }

    @Test(
        "month labels: years zero-padded to four digits, and years past 9999 written whole",
        arguments: [
            ((2026, 12), "2026-12"), ((2027, 1), "2027-01"), ((0, 1), "0000-01"), ((7, 9), "0007-09"), ((999, 10), "0999-10"),
            ((9999, 12), "9999-12"), ((10_000, 1), "10000-01"),
        ] as [((Int, Int), String)])
    func monthLabel(_ ym: (Int, Int), _ label: String) {
        #expect(CivilDate(year: ym.0, month: ym.1, day: 1).monthString == label)
    }

    @Test(
        "dates: years zero-padded to four digits, months and days to two, years past 9999 written whole",
        arguments: [
            ((2026, 12, 7), "2026-12-07"), ((2027, 1, 31), "2027-01-31"), ((0, 1, 1), "0000-01-01"), ((7, 9, 10), "0007-09-10"),
            ((999, 10, 29), "0999-10-29"), ((9999, 12, 31), "9999-12-31"), ((10_000, 1, 1), "10000-01-01"),
        ] as [((Int, Int, Int), String)])
    func dateText(_ ymd: (Int, Int, Int), _ text: String) {
        #expect(CivilDate(year: ymd.0, month: ymd.1, day: ymd.2).description == text)
    }
}
