import PlanCore

/// `report.html`: one self-contained page of a run (issue 5) — the verdict, capacity,
/// cost, RTO and volume charts, the KPI table, the warnings and the resolved settings.
///
/// XHTML-compatible markup (every element closed, text escaped, only XML's own entities)
/// with inline CSS and SVG: no scripts, no fonts or images from the network, readable with
/// JavaScript off, and a print stylesheet. The same inputs give the same bytes (no clock).
public struct HTMLReport: Sendable {
    public var scenario: Scenario
    public var result: SimulationResult
    public var data: ReportData
    /// Named in the footer, e.g. `plan 0.1.0`.
    public var generator: String

    public init(scenario: Scenario, result: SimulationResult, data: ReportData, generator: String) {
        self.scenario = scenario
        self.result = result
        self.data = data
        self.generator = generator
    }

    public func render() -> String {
        let name = XMLText.escape(result.scenarioName)
        var out = "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n"
        out += "<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        out += "<title>Capacity plan: \(name)</title>\n<style>\n" + HTMLReport.css + "</style>\n</head>\n<body>\n"
        out += headline()
        out += navigation()
        out += capacitySection()
        out += costSection()
        if result.version >= 2 {
            out += objectStoreSection()
            out += jobCostSection()
        }
        out += rtoSection()
        if result.version >= 2 { out += drillSection() }
        out += volumeSection()
        out += kpiSection()
        out += warningSection()
        out += settingsSection()
        out += "<footer><p>Made by \(XMLText.escape(generator)) from the resolved settings below"
        out += " (settings hash \(ScenarioSettings.hash(scenario))); the model is spec/model.md, version \(result.version).</p></footer>\n"
        out += "</body>\n</html>\n"
        return out
    }

    // MARK: Sections

    func headline() -> String {
        let end = result.start.adding(days: result.horizonDays - 1)
        var out = "<header>\n<h1>Capacity plan: \(XMLText.escape(result.scenarioName))</h1>\n"
        if let d = scenario.description { out += "<p class=\"description\">\(XMLText.escape(d))</p>\n" }
        out += "<p class=\"period\">\(result.start) … \(end): \(Format.grouped(String(result.horizonDays))) "
        out += "day\(result.horizonDays == 1 ? "" : "s"), costs in \(XMLText.escape(result.currency))</p>\n"
        let checks = result.kpiCheckCount
        let failing = result.failingKPIs
        if let first = failing.first {
            out += "<div class=\"verdict fail\">\n<p><strong>\(failing.count) of \(checks) KPI checks fail.</strong> "
            out += "The first: \(XMLText.escape(kpiName(first))) on \(first.firstFailure?.description ?? "?").</p>\n<ol>\n"
            for k in failing {
                out += "<li><span class=\"date\">\(k.firstFailure?.description ?? "")</span> \(XMLText.escape(kpiName(k))): "
                out += "\(XMLText.escape(kpiValue(k.worst, k.unit))) against a limit of \(XMLText.escape(kpiValue(k.limit, k.unit)))</li>\n"
            }
            out += "</ol>\n</div>\n"
        } else if checks > 0 {
            out += "<div class=\"verdict pass\"><p><strong>Every KPI passes</strong>: \(checks) of \(checks) checks "
            out += "over the whole horizon.</p></div>\n"
        } else {
            out += "<div class=\"verdict info\"><p>No KPI has a limit: nothing to pass or fail.</p></div>\n"
        }
        for notice in result.overflowNotices {
            out += "<div class=\"verdict fail\"><p><strong>Past capacity</strong>: \(XMLText.escape(notice)).</p></div>\n"
        }
        out += "<p class=\"figures\">Total cost over the horizon \(XMLText.escape(money(result.totalCost.amount))); "
        out += "most expensive month \(XMLText.escape(money(result.peakMonthlyCost.amount))).</p>\n</header>\n"
        return out
    }

    func navigation() -> String {
        var links = [
            ("capacity", "Capacity"), ("cost", "Monthly cost"), ("recovery", "Recovery time"), ("volumes", "Workload sizes"),
            ("kpis", "KPIs"), ("warnings", "Warnings"), ("settings", "Settings"),
        ]
        if result.version >= 2 {
            links.insert(("object-store", "Object store"), at: 2)
            links.insert(("job-costs", "Cost per job"), at: 3)
            links.insert(("drills", "Drills"), at: 5)
        }
        return "<nav><ul>" + links.map { "<li><a href=\"#\($0.0)\">\($0.1)</a></li>" }.joined() + "</ul></nav>\n"
    }

    func capacitySection() -> String {
        var out = "<section id=\"capacity\">\n<h2>Capacity</h2>\n"
        out += "<table class=\"numbers\">\n<thead><tr><th>target</th><th>kind</th><th class=\"num\">peak used</th>"
        out += "<th class=\"num\">usable</th><th class=\"num\">peak share</th><th>alert on</th><th>full on</th>"
        out += "<th class=\"num\">needs (raw)</th></tr></thead>\n<tbody>\n"
        for t in result.targets {
            let share = t.usable.map { u in u.bytes > 0 ? Format.fixed(t.peakUsed.bytes / u.bytes * 100, 1) + "%" : "—" } ?? "—"
            out += "<tr><td>\(XMLText.escape(t.name))</td><td>\(t.kind.rawValue)</td>"
            out += "<td class=\"num\" title=\"\(CSVRenderer.integer(t.peakUsed.bytes)) B\">\(Format.bytes(t.peakUsed.bytes))</td>"
            out += "<td class=\"num\">\(t.usable.map { Format.bytes($0.bytes) } ?? "unlimited")</td><td class=\"num\">\(share)</td>"
            out += "<td>\(t.alertDate?.description ?? "—")</td><td>\(t.fullDate?.description ?? "—")</td>"
            out += "<td class=\"num\">\(t.neededCapacity.map { Format.bytes($0.bytes) } ?? "—")</td></tr>\n"
        }
        out += "</tbody>\n</table>\n"
        out += "<p class=\"hint\">Needs (raw): the raw capacity that would keep the target under its alert level for the whole horizon. "
        out += "Hover over a chart for the exact values of a day.</p>\n"
        for (chart, series) in zip(targetCharts, data.targets) {
            out += "<figure>\n<figcaption><h3>\(XMLText.escape(series.target.name)) "
            out += "<span class=\"kind\">\(series.target.kind.rawValue)</span></h3>"
            if series.jobs.isEmpty { out += "<p>No job writes to this target.</p>" }
            out += "</figcaption>\n" + chart.svg() + "\n</figure>\n"
        }
        return out + "</section>\n"
    }

    func costSection() -> String {
        var out = "<section id=\"cost\">\n<h2>Monthly cost</h2>\n"
        if let budget = result.kpis.first(where: { $0.kpi == .monthlyBudget })?.limit {
            out +=
                "<p>Budget \(XMLText.escape(money(budget))) a month. A partial first or last month is compared after scaling it to a whole month.</p>\n"
        }
        out += "<figure>\n" + costChart.svg() + "\n</figure>\n"
        return out + "</section>\n"
    }

    func rtoSection() -> String {
        var out = "<section id=\"recovery\">\n<h2>Recovery time</h2>\n"
        out += "<p>The RTO at each day's end: restoring the newest restore point at "
        out += "\(Format.bytes(scenario.restore.bandwidthBytesPerSecond))/s, and for CNPG replaying the WAL since its base backup at "
        out += "\(Format.bytes(scenario.restore.walReplayBytesPerSecond))/s."
        if rtoChart?.hasInfiniteValues == true {
            out += " Days before the first backup, when no restore is possible (an infinite RTO), are drawn in the grey band above the plot."
        }
        out += "</p>\n"
        if let chart = rtoChart {
            out += "<figure>\n" + chart.svg() + "\n</figure>\n"
        }
        let unprotected = data.workloads.filter { !$0.protected }.map { XMLText.escape($0.workload.name) }
        if !unprotected.isEmpty {
            out += "<p class=\"warning\">No backup job protects \(unprotected.joined(separator: ", ")): its RTO is infinite.</p>\n"
        }
        return out + "</section>\n"
    }

    func volumeSection() -> String {
        var out = "<section id=\"volumes\">\n<h2>Workload sizes</h2>\n<div class=\"small-multiples\">\n"
        for (chart, w) in zip(workloadCharts, data.workloads) {
            out += "<figure>\n<figcaption><h3>\(XMLText.escape(w.workload.name)) <span class=\"kind\">\(w.workload.kind.rawValue)</span></h3>"
            if w.workload.volume == nil { out += "<p>No volume given.</p>" }
            out += "</figcaption>\n" + chart.svg() + "\n</figure>\n"
        }
        return out + "</div>\n</section>\n"
    }

    func kpiSection() -> String {
        var out = "<section id=\"kpis\">\n<h2>KPIs</h2>\n<table class=\"numbers kpis\">\n"
        out += "<thead><tr><th>kpi</th><th>subject</th><th class=\"num\">limit</th><th class=\"num\">worst</th>"
        out += "<th>status</th><th>first failure</th></tr></thead>\n<tbody>\n"
        for k in result.kpis {
            func cell(_ v: Double?) -> String {
                let exact = v.map { CSVRenderer.kpiValue($0, unit: k.unit) + " " + HTMLReport.unitName(k.unit, currency: result.currency) } ?? ""
                return "<td class=\"num\" title=\"\(XMLText.escape(exact))\">\(XMLText.escape(kpiValue(v, k.unit)))</td>"
            }
            out += "<tr class=\"\(k.status.rawValue)\"><td>\(k.kpi.rawValue)</td><td>\(XMLText.escape(k.subject))</td>"
            out += cell(k.limit) + cell(k.worst)
            let status = k.status == .fail ? "FAIL" : k.status.rawValue
            out += "<td class=\"status status-\(k.status.rawValue)\">\(status)</td><td>\(k.firstFailure?.description ?? "")</td></tr>\n"
        }
        out += "</tbody>\n</table>\n"
        out += "<p class=\"hint\">Hover over a limit or a value for the exact figure of kpis.csv.</p>\n"
        return out + "</section>\n"
    }

    func warningSection() -> String {
        var out = "<section id=\"warnings\">\n<h2>Warnings</h2>\n"
        if result.warnings.isEmpty {
            out += "<p>None.</p>\n"
        } else {
            out += "<ul class=\"warnings\">\n"
            for w in result.warnings { out += "<li>\(XMLText.escape(w))</li>\n" }
            out += "</ul>\n"
        }
        return out + "</section>\n"
    }

    func settingsSection() -> String {
        var out = "<section id=\"settings\">\n<h2>Resolved settings</h2>\n"
        out += "<p>Every value the run used, defaults filled in, in scenario syntax.</p>\n"
        out += "<table class=\"settings\">\n<thead><tr><th>path</th><th>value</th></tr></thead>\n<tbody>\n"
        for (path, value) in ScenarioSettings.flatten(scenario) {
            out += "<tr><td><code>\(XMLText.escape(path))</code></td><td><code>\(XMLText.escape(value))</code></td></tr>\n"
        }
        out += "</tbody>\n</table>\n</section>\n"
        return out
    }

    // MARK: Helpers

    func kpiName(_ k: KPIRow) -> String { k.kpi.rawValue + " " + k.subject }

    /// A KPI figure as the summary table writes it, money with its currency symbol.
    func kpiValue(_ x: Double?, _ unit: KPIUnit) -> String {
        if unit == .money, let x, x.isFinite { return money(x) }
        return TableRenderer.kpiValue(x, unit)
    }

    func money(_ x: Double) -> String { ValueAxis.money(x, decimals: 2, currency: result.currency) }

    /// The unit after an exact KPI figure: `s`, `B`, `USD`, or nothing for a share.
    static func unitName(_ unit: KPIUnit, currency: String) -> String {
        switch unit {
        case .money: return currency
        case .seconds: return "s"
        case .share: return "(share)"
        case .bytes: return "B"
        }
    }
}
