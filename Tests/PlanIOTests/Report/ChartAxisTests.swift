import Testing

@testable import PlanCore
@testable import PlanIO

/// Axis ticks for every range the model reaches: bytes from 0 B to 1 ZiB (2^70), money,
/// RTOs from seconds to days, and horizons from 1 day to 100 years. Expected ticks are
/// worked out by hand: a step of 1, 2 or 5 × 10ⁿ in the unit of the largest value, about
/// five steps, the top the first multiple of the step at or above the largest value.
@Suite("Chart axes")
struct ChartAxisTests {
    static func labels(_ unit: ValueAxis.Unit, _ maximum: Double) -> [String] {
        ValueAxis(unit: unit, maximum: maximum).ticks.map(\.label)
    }

    @Test("bytes: binary units from B to ZiB")
    func bytes() {
        let KiB = 1024.0, GiB = 1_073_741_824.0, TiB = 1_099_511_627_776.0, PiB = TiB * 1024
        // Nothing stored: the smallest axis, one byte.
        #expect(Self.labels(.bytes, 0) == ["0 B", "1 B"])
        // 3 B: 3 / 5 = 0.6 → step 1 (no fractions of a byte).
        #expect(Self.labels(.bytes, 3) == ["0 B", "1 B", "2 B", "3 B"])
        // 700 B: 700 / 5 = 140 → step 200, top 800.
        #expect(Self.labels(.bytes, 700) == ["0 B", "200 B", "400 B", "600 B", "800 B"])
        // 1 KiB: 1 / 5 = 0.2 → step 0.2 KiB.
        #expect(Self.labels(.bytes, KiB) == ["0 KiB", "0.2 KiB", "0.4 KiB", "0.6 KiB", "0.8 KiB", "1.0 KiB"])
        // 1 TB = 931.3 GiB: 186 → step 200, top 1000 GiB.
        #expect(Self.labels(.bytes, 1e12) == ["0 GiB", "200 GiB", "400 GiB", "600 GiB", "800 GiB", "1000 GiB"])
        // 1023.5 GiB would need a top of 1200 GiB: it reads better as 0 … 1 TiB.
        #expect(Self.labels(.bytes, 1023.5 * GiB) == ["0 TiB", "0.2 TiB", "0.4 TiB", "0.6 TiB", "0.8 TiB", "1.0 TiB"])
        // The seed's MinIO peak, 31.9 TiB: 6.4 → step 10, top 40.
        #expect(Self.labels(.bytes, 31.9 * TiB) == ["0 TiB", "10 TiB", "20 TiB", "30 TiB", "40 TiB"])
        // 3.5 PiB: 0.7 → step 1, top 4.
        #expect(Self.labels(.bytes, 3.5 * PiB) == ["0 PiB", "1 PiB", "2 PiB", "3 PiB", "4 PiB"])
        // The model's limit, 2^70 B = 1 ZiB.
        #expect(Self.labels(.bytes, ByteCount.modelLimit.bytes).last == "1.0 ZiB")
        let axis = ValueAxis(unit: .bytes, maximum: 31.9 * TiB)
        #expect(axis.step == 10 * TiB)
        #expect(axis.top == 40 * TiB)
    }

    @Test("bytes: every range from 1 B to 1 ZiB gets 3 to 11 ticks that cover it")
    func bytesSweep() {
        var v = 1.0
        while v <= ByteCount.modelLimit.bytes {
            let axis = ValueAxis(unit: .bytes, maximum: v)
            #expect(axis.ticks.count >= 2 && axis.ticks.count <= 11, "\(v): \(axis.ticks.map(\.label))")
            #expect(axis.top >= v, "\(v): top \(axis.top)")
            #expect(axis.top <= max(v * 2.5, 5), "\(v): top \(axis.top) is too far above")
            #expect(Set(axis.ticks.map(\.label)).count == axis.ticks.count, "\(v): labels repeat")
            // One unit per axis.
            #expect(Set(axis.ticks.map { $0.label.split(separator: " ").last! }).count == 1, "\(v)")
            v *= 1.7
        }
    }

    @Test("money: the currency's symbol, cents when the step needs them, thousands separators")
    func money() {
        // The seed's budget, $100: 20 → step 20.
        #expect(Self.labels(.money(currency: "USD"), 100) == ["$0", "$20", "$40", "$60", "$80", "$100"])
        // 50 cents: 0.1 → step $0.10, written with both decimals.
        #expect(Self.labels(.money(currency: "USD"), 0.5) == ["$0", "$0.10", "$0.20", "$0.30", "$0.40", "$0.50"])
        // €75,000: 15,000 → step 20,000, top 80,000.
        #expect(Self.labels(.money(currency: "EUR"), 75_000) == ["€0", "€20,000", "€40,000", "€60,000", "€80,000"])
        // A currency without a common symbol keeps its code: 1234 / 5 = 246.8 → step 500.
        #expect(Self.labels(.money(currency: "CHF"), 1234) == ["CHF 0", "CHF 500", "CHF 1,000", "CHF 1,500"])
    }

    @Test("durations: seconds, minutes, hours or days by the largest value")
    func seconds() {
        // 45 s: 9 → step 10 s.
        #expect(Self.labels(.seconds, 45) == ["0 s", "10 s", "20 s", "30 s", "40 s", "50 s"])
        // An RTO limit of 1 h = 60 min: 12 → step 20 min.
        #expect(Self.labels(.seconds, 3_600) == ["0 min", "20 min", "40 min", "60 min"])
        // The seed's gitea-db RTO, 1 h 56 min = 116 min: 23.2 → step 50 min.
        #expect(Self.labels(.seconds, 6_960) == ["0 min", "50 min", "100 min", "150 min"])
        // 10 h: 2 → step 2 h.
        #expect(Self.labels(.seconds, 36_000) == ["0 h", "2 h", "4 h", "6 h", "8 h", "10 h"])
        // 8.1 days (a 100-year RTO): 1.62 → step 2 d.
        #expect(Self.labels(.seconds, 700_000) == ["0 d", "2 d", "4 d", "6 d", "8 d", "10 d"])
    }

    static let start = CivilDate(year: 2026, month: 1, day: 1)  // a Thursday

    @Test("time: 1 day, a week, two weeks, a month")
    func shortHorizons() {
        let one = TimeAxis(start: Self.start, days: 1)
        #expect(one.step == .days(1))
        #expect(one.ticks.map(\.day) == [0, 1])
        #expect(one.ticks.map(\.label) == ["Jan 1", "Jan 2"])
        #expect(one.ticks.map(\.year) == ["2026", nil])
        // A week: 8 daily ticks, the start and end of every day.
        #expect(TimeAxis(start: Self.start, days: 7).ticks.map(\.day) == Array(0...7))
        // Two weeks: 15 daily ticks are too many (14 at most): every second day.
        let two = TimeAxis(start: Self.start, days: 14)
        #expect(two.step == .days(2))
        #expect(two.ticks.map(\.day) == [0, 2, 4, 6, 8, 10, 12, 14])
        // A month: 31 and 16 ticks are too many: Mondays, Jan 5 (day 4), 12, 19, 26.
        let month = TimeAxis(start: Self.start, days: 30)
        #expect(month.step == .weeks(1))
        #expect(month.ticks.map(\.day) == [4, 11, 18, 25])
        #expect(month.ticks.map(\.label) == ["Jan 5", "Jan 12", "Jan 19", "Jan 26"])
        // 90 days from Sunday 2026-03-15: the Mondays from Mar 16 (day 1), 13 of them.
        let quarter = TimeAxis(start: CivilDate(year: 2026, month: 3, day: 15), days: 90)
        #expect(quarter.step == .weeks(1))
        #expect(quarter.ticks.count == 13)
        #expect(quarter.ticks.first?.day == 1)
        #expect(quarter.ticks.first?.label == "Mar 16")
    }

    @Test("time: a year, two years, ten years, a hundred years")
    func longHorizons() {
        // 365 days of 2026: the first of every month and 2027-01-01, 13 ticks.
        let year = TimeAxis(start: Self.start, days: 365)
        #expect(year.step == .months(1))
        #expect(year.ticks.map(\.day) == [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365])
        #expect(year.ticks.map(\.label).prefix(3) == ["Jan", "Feb", "Mar"])
        #expect(year.ticks.compactMap(\.year) == ["2026", "2027"])
        // 730 days: 25 monthly ticks are too many; quarters: Jan Apr Jul Oct twice, Jan 2028.
        let twoYears = TimeAxis(start: Self.start, days: 730)
        #expect(twoYears.step == .months(3))
        #expect(twoYears.ticks.count == 9)
        // 3650 days (to 2035-12-29): January 1 of 2026 … 2035.
        let decade = TimeAxis(start: Self.start, days: 3_650)
        #expect(decade.step == .years(1))
        #expect(decade.ticks.map(\.label) == (2026...2035).map(String.init))
        // 36,500 days (to 2125-12-07): every tenth year; 2030-01-01 is 4 × 365 + 1 (2028) days in.
        let century = TimeAxis(start: Self.start, days: 36_500)
        #expect(century.step == .years(10))
        #expect(century.ticks.map(\.label) == stride(from: 2030, through: 2120, by: 10).map(String.init))
        #expect(century.ticks.first?.day == 1_461)
        #expect(century.ticks.allSatisfy { $0.year == nil })
    }

    @Test(
        "time: every horizon from 1 day to 100 years gets 2 to 14 ticks in order", arguments: [Self.start, CivilDate(year: 2027, month: 7, day: 19)])
    func timeSweep(start: CivilDate) {
        var horizons = Array(1...60) + [90, 120, 180, 200, 365, 366, 400, 500, 730, 1_000, 1_500, 2_000, 3_650]
        horizons += [5_000, 7_300, 10_000, 18_250, 25_000, 36_500]
        for h in horizons {
            let axis = TimeAxis(start: start, days: h)
            let days = axis.ticks.map(\.day)
            #expect(days.count >= 2 && days.count <= 14, "\(h) days: \(axis.step), \(days.count) ticks")
            #expect(days == days.sorted() && Set(days).count == days.count, "\(h) days")
            #expect(days.allSatisfy { $0 >= 0 && $0 <= h }, "\(h) days")
        }
    }

    @Test("an axis for the largest money amounts stays finite")
    func hugeAxis() {
        // 1.7e308 rounded up to a nice step would be 2e308: infinite. The axis caps at 1e300.
        let axis = ValueAxis(unit: .money(currency: "USD"), maximum: 1.7e308)
        #expect(axis.top.isFinite && axis.step.isFinite && !axis.ticks.isEmpty)
    }
}
