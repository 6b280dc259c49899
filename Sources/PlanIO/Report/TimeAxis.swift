import PlanCore

/// A chart's horizontal axis: the simulated days `[0, H]` from the start date, with ticks
/// at calendar boundaries people read — days, Mondays, first days of months or of years —
/// choosing the finest step that gives at most `maximumTicks` ticks.
///
/// A tick at day `d` marks 00:00 of that date, the start of day `d`; a day's end-of-day
/// value is drawn across `[d, d + 1]`.
public struct TimeAxis: Sendable, Equatable {
    /// The spacing of the ticks.
    public enum Step: Sendable, Equatable {
        case days(Int)
        /// Every `n`-th Monday.
        case weeks(Int)
        /// First days of months whose number − 1 is a multiple of `n` (3: Jan, Apr, Jul, Oct).
        case months(Int)
        /// January 1 of years that are a multiple of `n`.
        case years(Int)
    }

    public struct Tick: Sendable, Equatable {
        /// Days since the start date.
        public var day: Int
        /// `Mar 5`, `Mar`, `2031`.
        public var label: String
        /// The year under a day or month label: on the first tick and where the year changes.
        public var year: String?
    }

    public var start: CivilDate
    public var days: Int
    public var step: Step
    public var ticks: [Tick]

    static let candidates: [Step] =
        [.days(1), .days(2), .weeks(1), .weeks(2), .months(1), .months(3), .months(6)]
        + [1, 2, 5, 10, 20, 25, 50, 100, 200, 500].map { .years($0) }

    public init(start: CivilDate, days: Int, maximumTicks: Int = 14) {
        self.start = start
        self.days = max(1, days)
        var chosen = TimeAxis.candidates[TimeAxis.candidates.count - 1]
        var ticks: [Int] = []
        for step in TimeAxis.candidates {
            let t = TimeAxis.tickDays(step, start: start, days: self.days)
            if t.count <= maximumTicks {
                chosen = step
                ticks = t
                break
            }
        }
        step = chosen
        var lastYear: Int? = nil
        self.ticks = ticks.map { d in
            let date = start.adding(days: d)
            let label: String
            switch chosen {
            case .days, .weeks: label = TimeAxis.monthNames[date.month - 1] + " " + String(date.day)
            case .months: label = TimeAxis.monthNames[date.month - 1]
            case .years: label = String(date.year)
            }
            var year: String? = nil
            if case .years = chosen {
            } else if date.year != lastYear {
                year = String(date.year)
            }
            lastYear = date.year
            return Tick(day: d, label: label, year: year)
        }
    }

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The days in `[0, days]` that `step` marks.
    static func tickDays(_ step: Step, start: CivilDate, days: Int) -> [Int] {
        let first = start.daysSinceEpoch
        switch step {
        case .days(let n):
            return Array(stride(from: 0, through: days, by: n))
        case .weeks(let n):
            // The first Monday on or after the start (weekday 1).
            let offset = (1 - start.weekday + 7) % 7
            return Array(stride(from: offset, through: days, by: 7 * n))
        case .months(let n):
            var out: [Int] = []
            var y = start.year
            var m = start.month
            if start.day != 1 { (y, m) = m == 12 ? (y + 1, 1) : (y, m + 1) }
            while true {
                let d = CivilDate(year: y, month: m, day: 1).daysSinceEpoch - first
                if d > days { break }
                if (m - 1) % n == 0 { out.append(d) }
                (y, m) = m == 12 ? (y + 1, 1) : (y, m + 1)
            }
            return out
        case .years(let n):
            var out: [Int] = []
            var y = start.month == 1 && start.day == 1 ? start.year : start.year + 1
            y = (y + n - 1) / n * n
            while true {
                let d = CivilDate(year: y, month: 1, day: 1).daysSinceEpoch - first
                if d > days { break }
                out.append(d)
                y += n
            }
            return out
        }
    }
}
