import PlanCore

/// Drawing an `SVGChart` as an inline SVG element (XML-compatible, no scripts).
///
/// Layout, top to bottom: the value label, the band for infinite values (lines only), the
/// plot, the time axis (labels and years), the legend, the note. Each series is a
/// `<g class="series">` with its name in `<title>`; the hover layer has one transparent
/// rectangle per span whose `<title>` holds the span's exact values.
extension SVGChart {
    public func svg() -> String {
        let axis = valueAxis
        let time = timeAxis
        let left = SVGChart.leftMargin
        let plotW = plotWidth
        let band = hasInfiniteValues ? 24.0 : 0
        let plotTop = 24.0  // top of the band, or of the plot without one
        let top = plotTop + band  // the value axis's top tick
        let plotH = size.plotHeight
        let bottom = top + plotH
        let days = Double(max(1, self.days))

        func x(_ d: Double) -> Double { left + d / days * plotW }
        func y(_ v: Double) -> Double {
            if v.isInfinite { return plotTop + band / 2 }
            let share = axis.top > 0 ? max(0, v) / axis.top : 0
            return bottom - share * plotH
        }
        func n(_ v: Double) -> String { Format.fixed(v, 1) }
        func esc(_ s: String) -> String { XMLText.escape(s) }

        // The legend, laid out in rows that fit the width.
        struct Item {
            var name: String
            var swatch: String
        }
        var items: [Item] = []
        for (i, s) in series.enumerated() {
            let colour = SVGChart.palette[i % SVGChart.palette.count]
            let swatch =
                kind == .lines
                ? "<line x1=\"0\" y1=\"-4\" x2=\"18\" y2=\"-4\" stroke=\"\(colour)\" stroke-width=\"2.5\"/>"
                : "<rect x=\"3\" y=\"-10\" width=\"12\" height=\"12\" fill=\"\(colour)\"/>"
            items.append(Item(name: s.name, swatch: swatch))
        }
        for r in rules {
            items.append(Item(name: r.label, swatch: "<line x1=\"0\" y1=\"-4\" x2=\"18\" y2=\"-4\" class=\"rule \(r.style.cssClass)\"/>"))
        }
        if outlines.contains(where: { $0 != nil }) {
            items.append(Item(name: outlineLabel, swatch: "<rect class=\"outline\" x=\"3\" y=\"-10\" width=\"12\" height=\"12\"/>"))
        }
        let legendTop = bottom + 48
        var legend = ""
        var cx = left
        var row = 0
        for item in items {
            let w = 26 + SVGChart.textWidth(item.name) + 18
            if cx + w > size.width - SVGChart.rightMargin && cx > left {
                row += 1
                cx = left
            }
            let ly = legendTop + Double(row) * 20
            legend += "<g transform=\"translate(\(n(cx)),\(n(ly)))\">\(item.swatch)<text x=\"24\" y=\"0\">\(esc(item.name))</text></g>"
            cx += w
        }
        let legendBottom = items.isEmpty ? bottom + 34 : legendTop + Double(row) * 20 + 8
        let noteLines = note.map { SVGChart.wrap($0, width: plotW) } ?? []
        let height = legendBottom + 8 + Double(noteLines.count) * 16 + (noteLines.isEmpty ? 0 : 4)

        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"\(esc(id))\" viewBox=\"0 0 \(n(size.width)) \(n(height))\""
        out += " width=\"\(n(size.width))\" height=\"\(n(height))\" role=\"img\" aria-labelledby=\"\(esc(id))-title\""
        out += " data-kind=\"\(kind.name)\">"
        out += "<title id=\"\(esc(id))-title\">\(esc(title))</title>"

        // Grid and value axis.
        out += "<g class=\"grid\">"
        for t in axis.ticks {
            let ty = y(t.value)
            out += "<line x1=\"\(n(left))\" y1=\"\(n(ty))\" x2=\"\(n(left + plotW))\" y2=\"\(n(ty))\"/>"
        }
        for t in time.ticks {
            let tx = x(Double(t.day))
            out += "<line x1=\"\(n(tx))\" y1=\"\(n(top))\" x2=\"\(n(tx))\" y2=\"\(n(bottom))\"/>"
        }
        out += "</g>"
        if band > 0 {
            out += "<g class=\"infinite\"><rect x=\"\(n(left))\" y=\"\(n(plotTop))\" width=\"\(n(plotW))\" height=\"\(n(band))\"/>"
            out += "<text x=\"\(n(left + plotW / 2))\" y=\"\(n(plotTop + band / 2 + 4))\" text-anchor=\"middle\">"
            out += "infinite: no restore possible yet</text></g>"
        }

        // Series.
        switch kind {
        case .stackedArea:
            var base = [Double](repeating: 0, count: spans.count)
            for (i, s) in series.enumerated() {
                let tops = spans.indices.map { base[$0] + SVGChart.finite(s.values, $0) }
                var d = ""
                for (j, span) in spans.enumerated() {
                    d += (j == 0 ? "M" : " L") + n(x(span.from)) + "," + n(y(tops[j]))
                    d += " L" + n(x(span.to)) + "," + n(y(tops[j]))
                }
                for (j, span) in spans.enumerated().reversed() {
                    d += " L" + n(x(span.to)) + "," + n(y(base[j]))
                    d += " L" + n(x(span.from)) + "," + n(y(base[j]))
                }
                if !spans.isEmpty { d += " Z" }
                out += seriesGroup(s.name, index: i) + "<path class=\"area\" d=\"\(d)\" fill=\"\(SVGChart.colour(i))\"/></g>"
                base = tops
            }
        case .stackedBars:
            var base = [Double](repeating: 0, count: spans.count)
            for (i, s) in series.enumerated() {
                out += seriesGroup(s.name, index: i)
                for (j, span) in spans.enumerated() {
                    let v = SVGChart.finite(s.values, j)
                    let x0 = x(span.from), x1 = x(span.to)
                    let gap = x1 - x0 > 4 ? min(3, (x1 - x0) * 0.12) : 0
                    let y0 = y(base[j] + v), y1 = y(base[j])
                    out += "<rect class=\"bar\" x=\"\(n(x0 + gap))\" y=\"\(n(y0))\" width=\"\(n(max(0, x1 - x0 - 2 * gap)))\""
                    out += " height=\"\(n(max(0, y1 - y0)))\" fill=\"\(SVGChart.colour(i))\"/>"
                    base[j] += v
                }
                out += "</g>"
            }
            // Outlines after the bars, so that a bar does not hide them.
            if outlines.contains(where: { $0 != nil }) {
                out += "<g class=\"outlines\">"
                for (j, span) in spans.enumerated() {
                    guard j < outlines.count, let v = outlines[j], v.isFinite else { continue }
                    let x0 = x(span.from), x1 = x(span.to)
                    let gap = x1 - x0 > 4 ? min(3, (x1 - x0) * 0.12) : 0
                    out += "<rect class=\"outline\" x=\"\(n(x0 + gap))\" y=\"\(n(y(v)))\" width=\"\(n(max(0, x1 - x0 - 2 * gap)))\""
                    out += " height=\"\(n(max(0, bottom - y(v))))\"/>"
                }
                out += "</g>"
            }
        case .lines:
            for (i, s) in series.enumerated() {
                var d = ""
                for (j, span) in spans.enumerated() {
                    let v = j < s.values.count ? s.values[j] : 0
                    d += (j == 0 ? "M" : " L") + n(x(span.from)) + "," + n(y(v))
                    d += " L" + n(x(span.to)) + "," + n(y(v))
                }
                out += seriesGroup(s.name, index: i) + "<path class=\"line\" d=\"\(d)\" stroke=\"\(SVGChart.colour(i))\"/></g>"
            }
        }

        // Reference lines, labelled above their right end; from the lowest up, a label that
        // would overlap the one below it moves up.
        out += "<g class=\"rules\">"
        var lastLabelY = Double.infinity
        for r in rules.sorted(by: { $0.value < $1.value }) {
            let ry = y(r.value)
            out += "<line class=\"rule \(r.style.cssClass)\" x1=\"\(n(left))\" y1=\"\(n(ry))\" x2=\"\(n(left + plotW))\" y2=\"\(n(ry))\">"
            out += "<title>\(esc(r.label))</title></line>"
            let labelY = min(ry - 4, lastLabelY - 13)
            out += "<text class=\"label\" x=\"\(n(left + plotW - 4))\" y=\"\(n(labelY))\" text-anchor=\"end\">\(esc(r.label))</text>"
            lastLabelY = labelY
        }
        out += "</g>"

        // Date markers.
        out += "<g class=\"markers\">"
        for (i, m) in markers.enumerated() {
            let mx = x(Double(m.day))
            out += "<line x1=\"\(n(mx))\" y1=\"\(n(plotTop))\" x2=\"\(n(mx))\" y2=\"\(n(bottom))\"><title>\(esc(m.label))</title></line>"
            let nearRight = mx > left + plotW * 0.7
            let ty = top + 14 + Double(i) * 14
            out += "<text class=\"label\" x=\"\(n(nearRight ? mx - 4 : mx + 4))\" y=\"\(n(ty))\" text-anchor=\"\(nearRight ? "end" : "start")\">"
            out += "\(esc(m.label))</text>"
        }
        out += "</g>"

        // Axes.
        out += "<g class=\"axis\">"
        out += "<text class=\"value-label\" x=\"\(n(left))\" y=\"14\">\(esc(valueLabel))</text>"
        for t in axis.ticks {
            out += "<text x=\"\(n(left - 6))\" y=\"\(n(y(t.value) + 4))\" text-anchor=\"end\">\(esc(t.label))</text>"
        }
        if band > 0 {
            out += "<text class=\"infinity\" x=\"\(n(left - 6))\" y=\"\(n(plotTop + band / 2 + 6))\" text-anchor=\"end\">∞</text>"
        }
        out += "<line x1=\"\(n(left))\" y1=\"\(n(bottom))\" x2=\"\(n(left + plotW))\" y2=\"\(n(bottom))\"/>"
        for t in time.ticks {
            let tx = x(Double(t.day))
            let anchor = tx > left + plotW - 24 ? "end" : tx < left + 12 ? "start" : "middle"
            out += "<line x1=\"\(n(tx))\" y1=\"\(n(bottom))\" x2=\"\(n(tx))\" y2=\"\(n(bottom + 5))\"/>"
            out += "<text x=\"\(n(tx))\" y=\"\(n(bottom + 18))\" text-anchor=\"\(anchor)\">\(esc(t.label))</text>"
            if let year = t.year {
                out += "<text class=\"year\" x=\"\(n(tx))\" y=\"\(n(bottom + 33))\" text-anchor=\"\(anchor)\">\(year)</text>"
            }
        }
        out += "</g>"

        out += "<g class=\"legend\">" + legend + "</g>"
        for (i, line) in noteLines.enumerated() {
            out += "<text class=\"note\" x=\"\(n(left))\" y=\"\(n(legendBottom + 14 + Double(i) * 16))\">\(esc(line))</text>"
        }

        // Hover targets last, above everything: one per span, with its exact values.
        out += "<g class=\"hover\">"
        for (j, span) in spans.enumerated() {
            let x0 = x(span.from), x1 = x(span.to)
            out += "<rect x=\"\(n(x0))\" y=\"\(n(plotTop))\" width=\"\(n(max(0.5, x1 - x0)))\" height=\"\(n(bottom - plotTop))\""
            out += " fill=\"#000\" fill-opacity=\"0\">"
            out += "<title>\(esc(j < tooltips.count ? tooltips[j] : ""))</title></rect>"
        }
        out += "</g>"
        out += "</svg>"
        return out
    }

    private func seriesGroup(_ name: String, index: Int) -> String {
        "<g class=\"series\" data-series=\"\(XMLText.escape(name))\"><title>\(XMLText.escape(name))</title>"
    }

    static func colour(_ i: Int) -> String { palette[i % palette.count] }

    /// The value at `i`, 0 when missing or not finite.
    static func finite(_ values: [Double], _ i: Int) -> Double {
        i < values.count && values[i].isFinite ? max(0, values[i]) : 0
    }

    /// An estimate of a label's width at the chart's 12-unit font.
    static func textWidth(_ s: String) -> Double { Double(s.count) * 6.6 }

    /// `text` cut at spaces into lines of at most `width` units (estimated).
    static func wrap(_ text: String, width: Double) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            let candidate = line.isEmpty ? String(word) : line + " " + word
            if !line.isEmpty && textWidth(candidate) > width {
                lines.append(line)
                line = String(word)
            } else {
                line = candidate
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}

extension SVGChart.Kind {
    var name: String {
        switch self {
        case .stackedArea: return "stacked-area"
        case .stackedBars: return "stacked-bars"
        case .lines: return "lines"
        }
    }
}

extension SVGChart.Rule.Style {
    var cssClass: String {
        switch self {
        case .limit: return "limit"
        case .threshold: return "threshold"
        }
    }
}
