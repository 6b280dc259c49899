import PlanCore

/// The charts of a report, built from the run's collected series and its summary.
extension HTMLReport {
    /// Months beyond which the cost chart shows one bar per year (its most expensive month).
    static let maximumMonthlyBars = 120

    /// Per target: used bytes stacked by job, against usable capacity and the alert level.
    public var targetCharts: [SVGChart] {
        data.targets.enumerated().map { index, t in
            let summary = result.targets.first { $0.name == t.target.name }
            let spans = t.samples.map(span)
            var rules: [SVGChart.Rule] = []
            if let usable = t.target.usable?.bytes {
                rules.append(SVGChart.Rule(value: usable, label: "usable " + Format.bytes(usable), style: .limit))
                let alert = usable * t.target.alert.fraction
                rules.append(
                    SVGChart.Rule(
                        value: alert, label: "alert " + percent(t.target.alert.fraction) + " " + Format.bytes(alert), style: .threshold))
            }
            var markers: [SVGChart.Marker] = faultMarkers()
            if let d = summary?.alertDate { markers.append(SVGChart.Marker(day: day(d), label: "alert on \(d)")) }
            if let d = summary?.fullDate { markers.append(SVGChart.Marker(day: day(d), label: "full on \(d)")) }
            let tooltips = t.samples.map { s in
                var lines = [sampleHeading(s.day, what: "the day of the most used bytes")]
                var used = "used " + exactBytes(s.used)
                if let usable = t.target.usable?.bytes, usable > 0 {
                    used += ", " + Format.fixed(s.used / usable * 100, 1) + "% of usable " + Format.bytes(usable)
                }
                lines.append(used)
                for (i, job) in t.jobs.enumerated() { lines.append(job + ": " + exactBytes(s.jobs[i])) }
                return lines.joined(separator: "\n")
            }
            return SVGChart(
                id: "target-\(index)-" + XMLText.identifier(t.target.name),
                title: "\(t.target.name) (\(t.target.kind.rawValue)): used bytes by job over time", valueLabel: "used bytes, stacked by job",
                kind: .stackedArea, start: result.start, days: result.horizonDays, unit: .bytes, spans: spans,
                series: t.jobs.enumerated().map { i, name in SVGChart.Series(name: name, values: t.samples.map { $0.jobs[i] }) },
                tooltips: tooltips, rules: rules, markers: markers,
                note: downsampleNote("the day of the most used bytes among them"))
        }
    }

    /// Monthly cost stacked by target, against the budget.
    public var costChart: SVGChart {
        let names = result.targets.map(\.name)
        // Months in order, with the days they cover.
        var months: [(label: String, from: Int, days: Int, rows: [String: MonthlyRow])] = []
        var offset = 0
        for row in result.monthly {
            if months.last?.label != row.month {
                if let last = months.last { offset = last.from + last.days }
                months.append((row.month, offset, 0, [:]))
            }
            months[months.count - 1].rows[row.target] = row
            if row.target == "total" { months[months.count - 1].days = row.days }
        }
        // A long horizon: one bar per year, its most expensive month.
        var bars: [(from: Int, to: Int, month: Int, year: String?)] = []
        let byYear = months.count > HTMLReport.maximumMonthlyBars
        if byYear {
            for (i, m) in months.enumerated() {
                let year = String(m.label.prefix(4))
                let total = m.rows["total"]?.totalCost.amount ?? 0
                if let last = bars.last, last.year == year {
                    bars[bars.count - 1].to = m.from + m.days
                    if total > (months[last.month].rows["total"]?.totalCost.amount ?? 0) { bars[bars.count - 1].month = i }
                } else {
                    bars.append((m.from, m.from + m.days, i, year))
                }
            }
        } else {
            bars = months.enumerated().map { i, m in (m.from, m.from + m.days, i, nil) }
        }
        let budgetRow = result.kpis.first { $0.kpi == .monthlyBudget }
        let currency = result.currency
        func money(_ x: Double) -> String { CSVRenderer.money(x) + " " + currency }
        let tooltips = bars.map { bar -> String in
            let m = months[bar.month]
            var lines = [bar.year.map { "\($0): its most expensive month, \(m.label)" } ?? m.label]
            let dim = CivilDate.daysIn(m.label)
            for name in names { lines.append(name + ": " + money(m.rows[name]?.totalCost.amount ?? 0)) }
            let total = m.rows["total"]?.totalCost.amount ?? 0
            lines.append("total: " + money(total))
            if m.days < dim && m.days > 0 {
                let scaled = total * Double(dim) / Double(m.days)
                lines.append("partial month, \(m.days) of \(dim) days: \(money(scaled)) for a whole month")
            }
            return lines.joined(separator: "\n")
        }
        var rules: [SVGChart.Rule] = []
        var markers: [SVGChart.Marker] = faultMarkers()
        if let budget = budgetRow?.limit {
            rules.append(SVGChart.Rule(value: budget, label: "budget " + ValueAxis.money(budget, decimals: 2, currency: currency), style: .threshold))
            if let d = budgetRow?.firstFailure { markers.append(SVGChart.Marker(day: day(d), label: "over budget from \(d)")) }
        }
        // A partial month is compared with the budget after scaling it to a whole month.
        let outlines = bars.map { bar -> Double? in
            let m = months[bar.month]
            let dim = CivilDate.daysIn(m.label)
            guard m.days > 0, m.days < dim else { return nil }
            return (m.rows["total"]?.totalCost.amount ?? 0) * Double(dim) / Double(m.days)
        }
        return SVGChart(
            id: "cost", title: "Monthly cost by target", valueLabel: "cost per month (\(currency)), stacked by target", kind: .stackedBars,
            start: result.start, days: result.horizonDays, unit: .money(currency: currency),
            spans: bars.map { SVGChart.Span(from: Double($0.from), to: Double($0.to)) },
            series: names.map { name in
                SVGChart.Series(name: name, values: bars.map { months[$0.month].rows[name]?.totalCost.amount ?? 0 })
            },
            tooltips: tooltips, rules: rules, markers: markers, outlines: outlines,
            outlineLabel: "partial month, scaled to a whole month",
            note: byYear
                ? "Each bar is a year's most expensive month (\(Format.grouped(String(months.count))) months in all)." : nil)
    }

    /// RTO per protected workload over time, against the RTO limit; `nil` when no job
    /// protects any workload.
    public var rtoChart: SVGChart? {
        let protected = data.workloads.filter(\.protected)
        guard let first = protected.first else { return nil }
        let tooltips = first.rto.indices.map { j -> String in
            var lines = [bucketHeading(first.rto[j].day)]
            for w in protected {
                let s = w.rto[j]
                var line = w.workload.name + ": "
                if s.value.isInfinite {
                    line += "inf (no restore possible yet)"
                } else {
                    line += Format.duration(s.value) + " (" + CSVRenderer.decimal6(s.value) + " s)"
                }
                if data.isDownsampled { line += " on \(date(s.day))" }
                lines.append(line)
            }
            return lines.joined(separator: "\n")
        }
        var rules: [SVGChart.Rule] = []
        if let limit = scenario.kpis.rto?.value {
            rules.append(SVGChart.Rule(value: limit, label: "RTO limit " + Format.duration(limit), style: .threshold))
        }
        return SVGChart(
            id: "rto", title: "Recovery time (RTO) per workload over time", valueLabel: "RTO", kind: .lines,
            start: result.start, days: result.horizonDays, unit: .seconds, spans: first.rto.map(span),
            series: protected.map { SVGChart.Series(name: $0.workload.name, values: $0.rto.map(\.value)) },
            tooltips: tooltips, rules: rules, note: downsampleNote("each workload's highest RTO among them"))
    }

    /// Per workload: its size against its volume and the volume alert level.
    public var workloadCharts: [SVGChart] {
        data.workloads.enumerated().map { index, w in
            let summary = result.workloads.first { $0.name == w.workload.name }
            var rules: [SVGChart.Rule] = []
            var markers: [SVGChart.Marker] = faultMarkers()
            let volume = w.workload.volume?.bytes
            if let volume {
                let share = scenario.kpis.volumeAlert.fraction
                rules.append(SVGChart.Rule(value: volume, label: "volume " + Format.bytes(volume), style: .limit))
                rules.append(
                    SVGChart.Rule(value: volume * share, label: "alert " + percent(share) + " " + Format.bytes(volume * share), style: .threshold))
                if let d = summary?.alertDate { markers.append(SVGChart.Marker(day: day(d), label: "alert on \(d)")) }
                if let d = summary?.fullDate { markers.append(SVGChart.Marker(day: day(d), label: "full on \(d)")) }
            }
            let tooltips = w.size.map { s in
                var line = "size " + exactBytes(s.value)
                if let volume, volume > 0 {
                    line += ", " + Format.fixed(s.value / volume * 100, 1) + "% of the volume " + Format.bytes(volume)
                }
                return sampleHeading(s.day, what: "the day of the largest size") + "\n" + line
            }
            return SVGChart(
                id: "workload-\(index)-" + XMLText.identifier(w.workload.name),
                title: "\(w.workload.name) (\(w.workload.kind.rawValue)): size against its volume", valueLabel: "size at the day's end",
                kind: .stackedArea, start: result.start, days: result.horizonDays, unit: .bytes, spans: w.size.map(span),
                series: [SVGChart.Series(name: w.workload.name, values: w.size.map(\.value))], tooltips: tooltips, rules: rules,
                markers: markers, note: downsampleNote("the largest size among them"), size: .small)
        }
    }

    /// Every chart, in page order.
    public var charts: [SVGChart] { targetCharts + [costChart] + (rtoChart.map { [$0] } ?? []) + workloadCharts }

    // MARK: Helpers

    func span(_ sample: TargetSample) -> SVGChart.Span { span(sample.day) }
    func span(_ sample: DaySample) -> SVGChart.Span { span(sample.day) }
    func span(_ day: Int) -> SVGChart.Span {
        let b = data.bucket(of: day)
        return SVGChart.Span(from: Double(b.from), to: Double(b.to))
    }

    /// Days since the start date.
    func day(_ date: CivilDate) -> Int { date.daysSinceEpoch - result.start.daysSinceEpoch }
    func date(_ day: Int) -> CivilDate { result.start.adding(days: day) }

    /// The first tooltip line: the date, and for a down-sampled series which days it stands for.
    func sampleHeading(_ day: Int, what: String) -> String {
        guard data.isDownsampled else { return date(day).description }
        let b = data.bucket(of: day)
        return "\(date(day)): \(what) of \(date(b.from)) … \(date(b.to - 1))"
    }

    func bucketHeading(_ day: Int) -> String {
        guard data.isDownsampled else { return date(day).description }
        let b = data.bucket(of: day)
        return "\(date(b.from)) … \(date(b.to - 1))"
    }

    func downsampleNote(_ what: String) -> String? {
        guard data.isDownsampled else { return nil }
        let points = (data.horizonDays + data.bucketDays - 1) / data.bucketDays
        return "Down-sampled: each of the \(Format.grouped(String(points))) steps covers \(data.bucketDays) days and shows \(what)."
    }

    /// `745 GiB (800,000,000,000 B)`: readable, then exact as in the CSV files.
    func exactBytes(_ b: Double) -> String {
        Format.bytes(b) + " (" + Format.grouped(CSVRenderer.integer(b)) + " B)"
    }

    func percent(_ fraction: Double) -> String { ScenarioSettings.number(fraction * 100) + "%" }
}
