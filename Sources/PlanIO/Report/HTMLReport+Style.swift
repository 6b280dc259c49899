/// The report's stylesheet: system fonts only, colours from the charts' palette, and a
/// print stylesheet (no navigation, no page break inside a chart or table row, colours kept).
extension HTMLReport {
    static let css = """
        :root { color-scheme: light; }
        body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
          color: #1a1a1a; background: #fff; margin: 0 auto; max-width: 1000px; padding: 20px 24px 40px; }
        h1 { font-size: 1.75em; margin: 0 0 0.2em; }
        h2 { font-size: 1.3em; margin: 1.8em 0 0.6em; padding-bottom: 0.2em; border-bottom: 1px solid #ccc; }
        h3 { font-size: 1.05em; margin: 0 0 0.2em; }
        figcaption p { margin: 0; color: #555; }
        .kind { font-weight: normal; color: #666; font-size: 0.9em; }
        .description, .period, .hint, footer { color: #444; }
        .period { margin-top: 0; }
        .hint { font-size: 0.9em; }
        .verdict { border-left: 6px solid #999; background: #f5f5f5; padding: 0.5em 1em; margin: 1em 0; }
        .verdict p { margin: 0.3em 0; }
        .verdict ol { margin: 0.3em 0 0.4em; padding-left: 1.4em; columns: 2 28em; column-gap: 2em; }
        .verdict.fail { border-left-color: #D55E00; }
        .verdict.pass { border-left-color: #009E73; }
        .date { font-variant-numeric: tabular-nums; color: #444; }
        nav ul { list-style: none; padding: 0; margin: 0.8em 0; display: flex; flex-wrap: wrap; gap: 0.3em 1.2em; }
        nav a { color: #0060a0; }
        table { border-collapse: collapse; font-variant-numeric: tabular-nums; font-size: 0.93em; }
        th, td { text-align: left; padding: 0.22em 0.7em 0.22em 0; border-bottom: 1px solid #e2e2e2; vertical-align: top; }
        th { border-bottom: 1.5px solid #888; font-weight: 600; }
        .num { text-align: right; }
        .status { font-weight: 600; }
        .status-fail { color: #B03A00; }
        .status-pass { color: #00704F; }
        .status-info { color: #666; font-weight: normal; }
        .settings code { font-size: 0.95em; }
        .settings td:first-child { white-space: nowrap; }
        .warnings li { margin: 0.25em 0; }
        .warning { color: #8a3300; }
        figure { margin: 1.4em 0; break-inside: avoid; }
        .small-multiples { display: grid; grid-template-columns: repeat(auto-fill, minmax(440px, 1fr)); gap: 0 28px; }
        .small-multiples figure { margin: 0.8em 0; }
        svg.chart { display: block; width: 100%; height: auto; font: 12px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
        svg.chart text { fill: #222; }
        svg.chart .grid line { stroke: #e6e6e6; stroke-width: 1; }
        svg.chart .axis line { stroke: #555; stroke-width: 1; }
        svg.chart .axis .year { fill: #666; }
        svg.chart .value-label { fill: #444; font-weight: 600; }
        svg.chart .series .area { fill-opacity: 0.85; }
        svg.chart .series .bar { fill-opacity: 0.9; }
        svg.chart .outline { fill: none; stroke: #333; stroke-width: 1.2; stroke-dasharray: 3 2; }
        svg.chart .series .line { fill: none; stroke-width: 2; stroke-linejoin: round; }
        svg.chart .rule { stroke: #111; stroke-width: 1.6; fill: none; }
        svg.chart .rule.threshold { stroke-dasharray: 7 4; }
        svg.chart .markers line { stroke: #111; stroke-width: 1.2; stroke-dasharray: 2 3; }
        svg.chart .label { paint-order: stroke; stroke: #fff; stroke-width: 3.5px; stroke-linejoin: round; font-size: 11.5px; }
        svg.chart .infinite rect { fill: #eee; }
        svg.chart .infinite text { fill: #555; font-style: italic; }
        svg.chart .infinity { font-size: 18px; }
        svg.chart .note { fill: #555; font-style: italic; }
        svg.chart .hover rect:hover { fill-opacity: 0.08; }
        footer { margin-top: 2.5em; font-size: 0.85em; border-top: 1px solid #ccc; }
        @media print {
          @page { margin: 14mm 12mm; }
          body { max-width: none; padding: 0; font-size: 10pt; }
          nav { display: none; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          h2, h3, figcaption, h2 + p { break-after: avoid; }
          figure, tr, .verdict { break-inside: avoid; }
          .hint { display: none; }
          .small-multiples { grid-template-columns: 1fr 1fr; }
          .small-multiples figure { margin: 0.4em 0; }
        }

        """
}
