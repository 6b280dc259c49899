import PlanCore

/// The report's version 2 sections: the object stores as billed, and the drills.
extension HTMLReport {
    /// Per target over the horizon: costs by kind and the requests beyond PUTs.
    func objectStoreSection() -> String {
        var out = "<section id=\"object-store\">\n<h2>Object store, as billed</h2>\n<table class=\"numbers\">\n"
        let heads = ["storage", "requests", "egress", "retrieval", "early delete", "transition", "GETs", "LISTs", "noncurrent GB-months"]
        out += "<thead><tr><th>target</th>" + heads.map { "<th class=\"num\">\($0)</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for name in result.targets.map(\.name) + ["total"] {
            let months = result.monthly.filter { $0.target == name }
            let billing = months.compactMap(\.billing)
            func sum(_ f: (MonthlyBilling) -> Double) -> Double { billing.reduce(0) { $0 + f($1) } }
            let cells = [
                money(months.reduce(0) { $0 + $1.storageCost.amount }), money(months.reduce(0) { $0 + $1.requestCost.amount }),
                money(sum { $0.egressCost.amount }), money(sum { $0.retrievalCost.amount }), money(sum { $0.earlyDeleteCost.amount }),
                money(sum { $0.transitionCost.amount }), Format.grouped(Int(sum(\.getRequests))), Format.grouped(Int(sum(\.listRequests))),
                Format.fixed(sum(\.noncurrentGBMonths), 2),
            ]
            out += "<tr><td>\(XMLText.escape(name))</td>" + cells.map { "<td class=\"num\">\(XMLText.escape($0))</td>" }.joined() + "</tr>\n"
        }
        out += "</tbody>\n</table>\n"
        out +=
            "<p class=\"hint\">Noncurrent versions, early deletion and transitions as model.md \"Version 2\" bills them; monthly.csv has each month.</p>\n"
        return out + "</section>\n"
    }

    /// Cost per job (issue 14): `jobs.csv` summed over the horizon, one row per job, target
    /// and workload in the file's order, then a total row; the totals of a target's rows are
    /// its bill (each month's split adds up to the month's cost to the cent).
    func jobCostSection() -> String {
        var out = "<section id=\"job-costs\">\n<h2>Cost per job</h2>\n"
        guard !result.jobCosts.isEmpty else { return out + "<p>No job writes to a target.</p>\n</section>\n" }
        struct Key: Hashable {
            var job: String
            var target: String
            var workload: String
        }
        var order: [Key] = []
        var sums: [Key: [Double]] = [:]
        for row in result.jobCosts {
            let key = Key(job: row.job, target: row.target, workload: row.workload)
            let other = row.egressCost.amount + row.retrievalCost.amount + row.earlyDeleteCost.amount + row.transitionCost.amount
            let cells = [row.gbMonths, row.fixedCost.amount, row.storageCost.amount, row.requestCost.amount, other, row.totalCost.amount]
            if let old = sums[key] {
                sums[key] = zip(old, cells).map { $0 + $1 }
            } else {
                order.append(key)
                sums[key] = cells
            }
        }
        out += "<table class=\"numbers\">\n<thead><tr><th>job</th><th>target</th><th>workload</th>"
        out +=
            ["GB-months", "fixed", "storage", "requests", "other", "total"]
            .map { "<th class=\"num\">\($0)</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        func row(_ names: [String], _ cells: [Double]) -> String {
            let figures = [Format.grouped(Format.fixed(cells[0], 2))] + cells.dropFirst().map { money($0) }
            return names.map { "<td>\(XMLText.escape($0))</td>" }.joined()
                + figures.map { "<td class=\"num\">\(XMLText.escape($0))</td>" }.joined()
        }
        var total = [Double](repeating: 0, count: 6)
        for key in order {
            let cells = sums[key] ?? []
            total = zip(total, cells).map { $0 + $1 }
            out += "<tr>" + row([key.job, key.target, key.workload], cells) + "</tr>\n"
        }
        out += "</tbody>\n<tfoot><tr>" + row(["total", "", ""], total) + "</tr></tfoot>\n</table>\n"
        out += "<p class=\"hint\">Each month of a target split between the jobs that write to it: storage and the fixed cost "
        out += "by their GB-months, requests by their PUTs; other is egress, retrieval, early delete and "
        out += "transition, by GB-months; jobs.csv has each month.</p>\n"
        return out + "</section>\n"
    }

    /// Every drill firing: what it read, what it cost and how long the restore took.
    func drillSection() -> String {
        var out = "<section id=\"drills\">\n<h2>Drills</h2>\n"
        guard !result.drills.isEmpty else { return out + "<p>None.</p>\n</section>\n" }
        out += "<table class=\"numbers\">\n<thead><tr><th>date</th><th>drill</th><th>job</th><th>target</th>"
        out += "<th class=\"num\">bytes read</th><th class=\"num\">egress</th><th class=\"num\">retrieval</th>"
        out += "<th class=\"num\">restore time</th></tr></thead>\n<tbody>\n"
        for d in result.drills {
            let cells = [
                Format.bytes(d.bytesRead), money(d.egressCost.amount), money(d.retrievalCost.amount), Format.duration(d.restoreSeconds),
            ]
            out += "<tr><td>\(d.date)</td><td>\(XMLText.escape(d.drill))</td><td>\(XMLText.escape(d.job))</td>"
            out += "<td>\(XMLText.escape(d.target))</td>" + cells.map { "<td class=\"num\">\(XMLText.escape($0))</td>" }.joined() + "</tr>\n"
        }
        return out + "</tbody>\n</table>\n</section>\n"
    }

    /// A marker on every time axis where a fault's window starts (and ends, when it ends in
    /// the horizon), so a chart shows what the outage did.
    func faultMarkers() -> [SVGChart.Marker] {
        let horizon = Double(result.horizonDays) * 86_400
        var out: [SVGChart.Marker] = []
        for f in scenario.faults where f.from < horizon && (f.until ?? .infinity) > 0 {
            let first = Int(max(0, f.from) / 86_400)
            out.append(SVGChart.Marker(day: first, label: "\(f.name) (\(f.kind.rawValue)) from \(result.start.adding(days: first))"))
            if let until = f.until, until < horizon {
                let last = Int(until / 86_400)
                out.append(SVGChart.Marker(day: last, label: "\(f.name) until \(result.start.adding(days: last))"))
            }
        }
        return out
    }
}
