import PlanCore

/// One chart of the report as values: series over spans of days, reference lines, date
/// markers and a tooltip per span. `svg()` draws it (value in, string out).
///
/// Every series has one value per span. A span is `[from, to)` in days since the start:
/// one day, a bucket of days when a long horizon is down-sampled, or a month. Values are
/// drawn as steps, flat across their span, because the model's values are end-of-day (or
/// end-of-month) states, not points of a continuous curve.
public struct SVGChart: Sendable {
    public enum Kind: Sendable, Equatable {
        /// Series stacked on each other as filled areas (bytes by job).
        case stackedArea
        /// Series stacked as bars, one bar per span (cost by target).
        case stackedBars
        /// Each series a line of its own; an infinite value is drawn in a band above the plot.
        case lines
    }

    public struct Span: Sendable, Equatable {
        /// Days since the start date, `from < to`.
        public var from: Double
        public var to: Double
        public init(from: Double, to: Double) {
            self.from = from
            self.to = to
        }
    }

    public struct Series: Sendable, Equatable {
        public var name: String
        /// One value per span, in the axis's unit (bytes, money, seconds).
        public var values: [Double]
        public init(name: String, values: [Double]) {
            self.name = name
            self.values = values
        }
    }

    /// A horizontal reference line: a capacity, an alert level, a budget, a limit.
    public struct Rule: Sendable, Equatable {
        public enum Style: Sendable, Equatable {
            /// A hard limit (usable capacity, a volume's size): solid.
            case limit
            /// A warning level or a KPI limit: dashed.
            case threshold
        }
        public var value: Double
        public var label: String
        public var style: Style
        public init(value: Double, label: String, style: Style) {
            self.value = value
            self.label = label
            self.style = style
        }
    }

    /// A vertical line at the start of a day: when an alert level or a capacity is first passed.
    public struct Marker: Sendable, Equatable {
        public var day: Int
        public var label: String
        public init(day: Int, label: String) {
            self.day = day
            self.label = label
        }
    }

    /// Drawing sizes, in SVG user units (CSS pixels at scale 1).
    public struct Size: Sendable, Equatable {
        public var width: Double
        public var plotHeight: Double
        public static let wide = Size(width: 960, plotHeight: 260)
        public static let small = Size(width: 470, plotHeight: 170)
    }

    /// Unique within the page; used for element ids.
    public var id: String
    /// What the chart shows, one line (the SVG's accessible name).
    public var title: String
    /// What the values are, shown above the axis (`used`, `cost per month`).
    public var valueLabel: String
    public var kind: Kind
    /// The start date and the days `H` the time axis covers, `[0, H]`.
    public var start: CivilDate
    public var days: Int
    public var unit: ValueAxis.Unit
    public var spans: [Span]
    public var series: [Series]
    /// One per span: the exact values of that span, shown on hover.
    public var tooltips: [String]
    public var rules: [Rule]
    public var markers: [Marker]
    /// Bars only: per span, a dashed outline from 0 up to this value, or `nil` (a partial
    /// month's cost scaled to a whole month, which the budget is compared with).
    public var outlines: [Double?]
    /// What the outlines mean, for the legend.
    public var outlineLabel: String
    /// A line under the chart (how a long horizon was down-sampled).
    public var note: String?
    public var size: Size

    public init(
        id: String, title: String, valueLabel: String, kind: Kind, start: CivilDate, days: Int, unit: ValueAxis.Unit, spans: [Span],
        series: [Series], tooltips: [String], rules: [Rule] = [], markers: [Marker] = [], outlines: [Double?] = [],
        outlineLabel: String = "", note: String? = nil, size: Size = .wide
    ) {
        self.id = id
        self.title = title
        self.valueLabel = valueLabel
        self.kind = kind
        self.start = start
        self.days = days
        self.unit = unit
        self.spans = spans
        self.series = series
        self.tooltips = tooltips
        self.rules = rules
        self.markers = markers
        self.outlines = outlines
        self.outlineLabel = outlineLabel
        self.note = note
        self.size = size
    }

    /// The value axis: from 0 to the largest finite value drawn (stacked totals, lines,
    /// reference lines).
    public var valueAxis: ValueAxis {
        var largest = (rules.map(\.value) + outlines.compactMap { $0 }).filter(\.isFinite).max() ?? 0
        switch kind {
        case .stackedArea, .stackedBars:
            for i in spans.indices {
                let total = series.reduce(0.0) { $0 + (i < $1.values.count ? $1.values[i] : 0) }
                if total.isFinite { largest = max(largest, total) }
            }
        case .lines:
            for s in series { for v in s.values where v.isFinite { largest = max(largest, v) } }
        }
        return ValueAxis(unit: unit, maximum: largest, targetTicks: size.plotHeight < 200 ? 4 : 5)
    }

    /// The time axis: at most one tick per 62 units of plot width.
    public var timeAxis: TimeAxis {
        TimeAxis(start: start, days: days, maximumTicks: max(2, Int(plotWidth / 62)))
    }

    /// Margins around the plot, in SVG units.
    static let leftMargin = 76.0
    static let rightMargin = 14.0

    var plotWidth: Double { size.width - SVGChart.leftMargin - SVGChart.rightMargin }

    /// True when a line reaches infinity somewhere (an RTO before the first backup).
    public var hasInfiniteValues: Bool {
        kind == .lines && series.contains { $0.values.contains { $0.isInfinite } }
    }

    /// Okabe and Ito's palette for colour-blind readers, without black (kept for reference
    /// lines) and with yellow last (faint as a line on white).
    public static let palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442"]
}
