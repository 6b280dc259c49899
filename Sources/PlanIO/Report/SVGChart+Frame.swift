import PlanCore

extension SVGChart {
    /// The geometry of one chart, in SVG user units: the plot's edges, the band for
    /// infinite values, and the maps from days and values to coordinates.
    struct Frame {
        let axis: ValueAxis
        let time: TimeAxis
        /// The plot's left edge.
        let left: Double
        /// The plot's width.
        let plotW: Double
        /// The band for infinite values above the plot (lines only), 0 without one.
        let band: Double
        /// The top of the band, or of the plot without one.
        let plotTop: Double
        /// The value axis's top tick.
        let top: Double
        let plotH: Double
        /// The plot's bottom edge (value 0).
        let bottom: Double
        /// The horizon, at least 1 day.
        let days: Double

        init(_ chart: SVGChart) {
            axis = chart.valueAxis
            time = chart.timeAxis
            left = SVGChart.leftMargin
            plotW = chart.plotWidth
            band = chart.hasInfiniteValues ? 24.0 : 0
            plotTop = 24.0
            top = plotTop + band
            plotH = chart.size.plotHeight
            bottom = top + plotH
            days = Double(max(1, chart.days))
        }

        /// The x of a day offset from the start (fractional days allowed).
        func x(_ d: Double) -> Double { left + d / days * plotW }

        /// The y of a value; an infinite value sits in the middle of the band.
        func y(_ v: Double) -> Double {
            if v.isInfinite { return plotTop + band / 2 }
            let share = axis.top > 0 ? max(0, v) / axis.top : 0
            return bottom - share * plotH
        }

        /// A coordinate as the SVG text writes it: one decimal.
        static func n(_ v: Double) -> String { Format.fixed(v, 1) }
    }
}
