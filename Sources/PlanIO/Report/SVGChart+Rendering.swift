import PlanCore

/// Drawing an `SVGChart` as an inline SVG element (XML-compatible, no scripts).
///
/// Layout, top to bottom: the value label, the band for infinite values (lines only), the
/// plot, the time axis (labels and years), the legend, the note. Each series is a
/// `<g class="series">` with its name in `<title>`; the hover layer has one transparent
/// rectangle per span whose `<title>` holds the span's exact values.
extension SVGChart {
    /// The chart as one `<svg>` element.
    public func svg() -> String {
        let f = Frame(self)
        let legend = legendLayout(f)
        let noteLines = note.map { SVGChart.wrap($0, width: f.plotW) } ?? []
        let height = legend.bottom + 8 + Double(noteLines.count) * 16 + (noteLines.isEmpty ? 0 : 4)
        let n = Frame.n
        let esc = XMLText.escape

        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"\(esc(id))\" viewBox=\"0 0 \(n(size.width)) \(n(height))\""
        out += " width=\"\(n(size.width))\" height=\"\(n(height))\" role=\"img\" aria-labelledby=\"\(esc(id))-title\""
        out += " data-kind=\"\(kind.name)\">"
        out += "<title id=\"\(esc(id))-title\">\(esc(title))</title>"
        out += grid(f)
        switch kind {
        case .stackedArea: out += areas(f)
        case .stackedBars: out += bars(f)
        case .lines: out += lines(f)
        }
        out += rulesLayer(f) + markersLayer(f) + axes(f)
        out += "<g class=\"legend\">" + legend.svg + "</g>"
        for (i, line) in noteLines.enumerated() {
            out += "<text class=\"note\" x=\"\(n(f.left))\" y=\"\(n(legend.bottom + 14 + Double(i) * 16))\">\(esc(line))</text>"
        }
        out += hover(f)
        out += "</svg>"
        return out
    }

    /// The legend, laid out in rows that fit the width: its elements and its bottom edge.
    func legendLayout(_ f: Frame) -> (svg: String, bottom: Double) {
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
        let n = Frame.n
        let legendTop = f.bottom + 48
        var legend = ""
        var cx = f.left
        var row = 0
        for item in items {
            let w = 26 + SVGChart.textWidth(item.name) + 18
            if cx + w > size.width - SVGChart.rightMargin && cx > f.left {
                row += 1
                cx = f.left
            }
            let ly = legendTop + Double(row) * 20
            legend += "<g transform=\"translate(\(n(cx)),\(n(ly)))\">\(item.swatch)<text x=\"24\" y=\"0\">\(XMLText.escape(item.name))</text></g>"
            cx += w
        }
        return (legend, items.isEmpty ? f.bottom + 34 : legendTop + Double(row) * 20 + 8)
    }

    /// The grid lines of both axes, and the band for infinite values.
    func grid(_ f: Frame) -> String {
        let n = Frame.n
        var out = "<g class=\"grid\">"
        for t in f.axis.ticks {
            let ty = f.y(t.value)
            out += "<line x1=\"\(n(f.left))\" y1=\"\(n(ty))\" x2=\"\(n(f.left + f.plotW))\" y2=\"\(n(ty))\"/>"
        }
        for t in f.time.ticks {
            let tx = f.x(Double(t.day))
            out += "<line x1=\"\(n(tx))\" y1=\"\(n(f.top))\" x2=\"\(n(tx))\" y2=\"\(n(f.bottom))\"/>"
        }
        out += "</g>"
        if f.band > 0 {
            out += "<g class=\"infinite\"><rect x=\"\(n(f.left))\" y=\"\(n(f.plotTop))\" width=\"\(n(f.plotW))\" height=\"\(n(f.band))\"/>"
            out += "<text x=\"\(n(f.left + f.plotW / 2))\" y=\"\(n(f.plotTop + f.band / 2 + 4))\" text-anchor=\"middle\">"
            out += "infinite: no restore possible yet</text></g>"
        }
        return out
    }

    /// Stacked areas: each series a closed path from its tops back along the stack below.
    func areas(_ f: Frame) -> String {
        let n = Frame.n
        var out = ""
        var base = [Double](repeating: 0, count: spans.count)
        for (i, s) in series.enumerated() {
            let tops = spans.indices.map { base[$0] + SVGChart.finite(s.values, $0) }
            var d = ""
            for (j, span) in spans.enumerated() {
                d += (j == 0 ? "M" : " L") + n(f.x(span.from)) + "," + n(f.y(tops[j]))
                d += " L" + n(f.x(span.to)) + "," + n(f.y(tops[j]))
            }
            for (j, span) in spans.enumerated().reversed() {
                d += " L" + n(f.x(span.to)) + "," + n(f.y(base[j]))
                d += " L" + n(f.x(span.from)) + "," + n(f.y(base[j]))
            }
            if !spans.isEmpty { d += " Z" }
            out += seriesGroup(s.name, index: i) + "<path class=\"area\" d=\"\(d)\" fill=\"\(SVGChart.colour(i))\"/></g>"
            base = tops
        }
        return out
    }

    /// Stacked bars, one per span, then the outlines above them (so a bar hides none).
    func bars(_ f: Frame) -> String {
        let n = Frame.n
        var out = ""
        var base = [Double](repeating: 0, count: spans.count)
        for (i, s) in series.enumerated() {
            out += seriesGroup(s.name, index: i)
            for (j, span) in spans.enumerated() {
                let v = SVGChart.finite(s.values, j)
                let x0 = f.x(span.from), x1 = f.x(span.to)
                let gap = x1 - x0 > 4 ? min(3, (x1 - x0) * 0.12) : 0
                let y0 = f.y(base[j] + v), y1 = f.y(base[j])
                out += "<rect class=\"bar\" x=\"\(n(x0 + gap))\" y=\"\(n(y0))\" width=\"\(n(max(0, x1 - x0 - 2 * gap)))\""
                out += " height=\"\(n(max(0, y1 - y0)))\" fill=\"\(SVGChart.colour(i))\"/>"
                base[j] += v
            }
            out += "</g>"
        }
        if outlines.contains(where: { $0 != nil }) {
            out += "<g class=\"outlines\">"
            for (j, span) in spans.enumerated() {
                guard j < outlines.count, let v = outlines[j], v.isFinite else { continue }
                let x0 = f.x(span.from), x1 = f.x(span.to)
                let gap = x1 - x0 > 4 ? min(3, (x1 - x0) * 0.12) : 0
                out += "<rect class=\"outline\" x=\"\(n(x0 + gap))\" y=\"\(n(f.y(v)))\" width=\"\(n(max(0, x1 - x0 - 2 * gap)))\""
                out += " height=\"\(n(max(0, f.bottom - f.y(v))))\"/>"
            }
            out += "</g>"
        }
        return out
    }

    /// Lines drawn as steps: each span's value held from its start to its end.
    func lines(_ f: Frame) -> String {
        let n = Frame.n
        var out = ""
        for (i, s) in series.enumerated() {
            var d = ""
            for (j, span) in spans.enumerated() {
                let v = j < s.values.count ? s.values[j] : 0
                d += (j == 0 ? "M" : " L") + n(f.x(span.from)) + "," + n(f.y(v))
                d += " L" + n(f.x(span.to)) + "," + n(f.y(v))
            }
            out += seriesGroup(s.name, index: i) + "<path class=\"line\" d=\"\(d)\" stroke=\"\(SVGChart.colour(i))\"/></g>"
        }
        return out
    }

    /// Reference lines, labelled above their right end; from the lowest up, a label that
    /// would overlap the one below it moves up.
    func rulesLayer(_ f: Frame) -> String {
        let n = Frame.n
        let esc = XMLText.escape
        var out = "<g class=\"rules\">"
        var lastLabelY = Double.infinity
        for r in rules.sorted(by: { $0.value < $1.value }) {
            let ry = f.y(r.value)
            out += "<line class=\"rule \(r.style.cssClass)\" x1=\"\(n(f.left))\" y1=\"\(n(ry))\" x2=\"\(n(f.left + f.plotW))\" y2=\"\(n(ry))\">"
            out += "<title>\(esc(r.label))</title></line>"
            let labelY = min(ry - 4, lastLabelY - 13)
            out += "<text class=\"label\" x=\"\(n(f.left + f.plotW - 4))\" y=\"\(n(labelY))\" text-anchor=\"end\">\(esc(r.label))</text>"
            lastLabelY = labelY
        }
        return out + "</g>"
    }

    /// Date markers: a vertical line each, labelled on the side with room.
    func markersLayer(_ f: Frame) -> String {
        let n = Frame.n
        let esc = XMLText.escape
        var out = "<g class=\"markers\">"
        for (i, m) in markers.enumerated() {
            let mx = f.x(Double(m.day))
            out += "<line x1=\"\(n(mx))\" y1=\"\(n(f.plotTop))\" x2=\"\(n(mx))\" y2=\"\(n(f.bottom))\"><title>\(esc(m.label))</title></line>"
            let nearRight = mx > f.left + f.plotW * 0.7
            let ty = f.top + 14 + Double(i) * 14
            out += "<text class=\"label\" x=\"\(n(nearRight ? mx - 4 : mx + 4))\" y=\"\(n(ty))\" text-anchor=\"\(nearRight ? "end" : "start")\">"
            out += "\(esc(m.label))</text>"
        }
        return out + "</g>"
    }

    /// The value axis (its label, ticks and ∞), the time axis (ticks, labels and years).
    func axes(_ f: Frame) -> String {
        let n = Frame.n
        let esc = XMLText.escape
        var out = "<g class=\"axis\">"
        out += "<text class=\"value-label\" x=\"\(n(f.left))\" y=\"14\">\(esc(valueLabel))</text>"
        for t in f.axis.ticks {
            out += "<text x=\"\(n(f.left - 6))\" y=\"\(n(f.y(t.value) + 4))\" text-anchor=\"end\">\(esc(t.label))</text>"
        }
        if f.band > 0 {
            out += "<text class=\"infinity\" x=\"\(n(f.left - 6))\" y=\"\(n(f.plotTop + f.band / 2 + 6))\" text-anchor=\"end\">∞</text>"
        }
        out += "<line x1=\"\(n(f.left))\" y1=\"\(n(f.bottom))\" x2=\"\(n(f.left + f.plotW))\" y2=\"\(n(f.bottom))\"/>"
        for t in f.time.ticks {
            let tx = f.x(Double(t.day))
            let anchor = tx > f.left + f.plotW - 24 ? "end" : tx < f.left + 12 ? "start" : "middle"
            out += "<line x1=\"\(n(tx))\" y1=\"\(n(f.bottom))\" x2=\"\(n(tx))\" y2=\"\(n(f.bottom + 5))\"/>"
            out += "<text x=\"\(n(tx))\" y=\"\(n(f.bottom + 18))\" text-anchor=\"\(anchor)\">\(esc(t.label))</text>"
            if let year = t.year {
                out += "<text class=\"year\" x=\"\(n(tx))\" y=\"\(n(f.bottom + 33))\" text-anchor=\"\(anchor)\">\(year)</text>"
            }
        }
        return out + "</g>"
    }

    /// Hover targets last, above everything: one per span, with its exact values.
    func hover(_ f: Frame) -> String {
        let n = Frame.n
        var out = "<g class=\"hover\">"
        for (j, span) in spans.enumerated() {
            let x0 = f.x(span.from), x1 = f.x(span.to)
            out += "<rect x=\"\(n(x0))\" y=\"\(n(f.plotTop))\" width=\"\(n(max(0.5, x1 - x0)))\" height=\"\(n(f.bottom - f.plotTop))\""
            out += " fill=\"#000\" fill-opacity=\"0\">"
            out += "<title>\(XMLText.escape(j < tooltips.count ? tooltips[j] : ""))</title></rect>"
        }
        return out + "</g>"
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
