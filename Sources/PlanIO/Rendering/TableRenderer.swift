import PlanCore

/// The summary `plan simulate` prints (cli.md "The table summary"): targets against their
/// capacity, monthly cost against the budget, every KPI, and the warnings.
public struct TableRenderer {
    public var color: Bool
    public init(color: Bool) { self.color = color }

    private func paint(_ s: String, _ code: String) -> String { ANSIStyle(enabled: color).paint(s, code) }
    private func bold(_ s: String) -> String { ANSIStyle(enabled: color).bold(s) }
    private func status(_ s: KPIStatus) -> String {
        switch s {
        case .pass: return paint("pass", "32")
        case .fail: return paint("FAIL", "31;1")
        case .info: return paint("info", "2")
        }
    }

    /// Lays out rows in columns; `right` marks right-aligned columns. Colour codes do not count toward widths.
    public static func columns(_ rows: [[String]], right: Set<Int>, indent: String = "  ") -> String {
        func width(_ s: String) -> Int {
            var n = 0
            var inEscape = false
            for u in s.unicodeScalars {
                if u == "\u{1B}" { inEscape = true; continue }
                if inEscape { if u == "m" { inEscape = false }; continue }
                n += 1
            }
            return n
        }
        var widths: [Int] = []
        for r in rows {
            for (i, c) in r.enumerated() {
                if i >= widths.count { widths.append(0) }
                widths[i] = max(widths[i], width(c))
            }
        }
        var out = ""
        for r in rows {
            var line = indent
            for (i, c) in r.enumerated() {
                let gap = String(repeating: " ", count: widths[i] - width(c))
                line += right.contains(i) ? gap + c : c + (i == r.count - 1 ? "" : gap)
                if i < r.count - 1 { line += "  " }
            }
            while line.hasSuffix(" ") { line.removeLast() }
            out += line + "\n"
        }
        return out
    }

    /// A money amount with 2 decimals.
    public static func money(_ x: Double) -> String { Format.fixed(x, 2) }

    /// A KPI value in words people read.
    public static func kpiValue(_ x: Double?, _ unit: KPIUnit) -> String {
        guard let x else { return "—" }
        if x.isInfinite { return "inf" }
        switch unit {
        case .money: return money(x)
        case .seconds: return Format.duration(x)
        case .share: return Format.fixed(x * 100, 1) + "%"
        case .bytes: return Format.bytes(x)
        }
    }

    public func render(_ r: SimulationResult, files: [String] = []) -> String {
        var out = ""
        let end = r.start.adding(days: r.horizonDays - 1)
        out +=
            bold("plan simulate: \(r.scenarioName)")
            + "  \(r.start) … \(end) (\(r.horizonDays) day\(r.horizonDays == 1 ? "" : "s"), \(Diagnostic.visible(r.currency)))\n\n"
        out += targetSection(r) + jobSection(r) + monthlySection(r)
        if r.version >= 2 {
            out += objectStore(r, bold: bold)
            out += drills(r, bold: bold)
        }
        if r.hasFaults { out += faults(r, bold: bold) }
        out += kpiSection(r)
        // Warnings.
        if !r.warnings.isEmpty {
            out += "\n" + bold("Warnings") + "\n"
            for w in r.warnings { out += "  " + paint("warning:", "33") + " " + w + "\n" }
        }
        if !files.isEmpty {
            out += "\nWrote " + files.joined(separator: ", ") + "\n"
        }
        return out
    }

    /// The Targets table: peak use, capacity, alert and full dates, the capacity needed.
    func targetSection(_ r: SimulationResult) -> String {
        var out = ""
        // Targets.
        out += bold("Targets") + "\n"
        var rows = [["target", "kind", "peak used", "usable", "peak share", "alert on", "full on", "needs (raw)"]]
        for t in r.targets {
            let share = t.usable.map { u in u.bytes > 0 ? Format.fixed(t.peakUsed.bytes / u.bytes * 100, 1) + "%" : "—" } ?? "—"
            rows.append([
                t.name, t.kind.rawValue, Format.bytes(t.peakUsed.bytes), t.usable.map { Format.bytes($0.bytes) } ?? "unlimited",
                share, t.alertDate.map { paint($0.description, "33") } ?? "—",
                t.fullDate.map { paint($0.description, "31") } ?? "—", t.neededCapacity.map { Format.bytes($0.bytes) } ?? "—",
            ])
        }
        out += TableRenderer.columns(rows, right: [2, 3, 4, 7]) + "\n"
        return out
    }

    /// The Jobs table: peak stored, mean upload a day, restore points at the end; version 2
    /// adds each job's cost over the horizon (the sum of its jobs.csv rows).
    func jobSection(_ r: SimulationResult) -> String {
        var out = ""
        // Jobs.
        if !r.jobs.isEmpty {
            out += bold("Jobs") + "\n"
            // Version 2 (with jobs.csv): each job's share of the bills over the horizon, on
            // every target that holds its objects (its own and the replicas).
            let costs = r.version >= 2 && !r.jobCosts.isEmpty
            var perJob: [String: Double] = [:]
            if costs { for c in r.jobCosts { perJob[c.job, default: 0] += c.totalCost.amount } }
            var rows = [["job", "target", "peak stored", "uploaded/day", "restore points at end"] + (costs ? ["cost"] : [])]
            for j in r.jobs {
                rows.append(
                    [
                        j.job, j.target, Format.bytes(j.peakStored.bytes), Format.bytes(j.meanDailyUpload.bytes),
                        String(j.finalRestorePoints),
                    ] + (costs ? [TableRenderer.money(perJob[j.job] ?? 0)] : []))
            }
            out += TableRenderer.columns(rows, right: costs ? [2, 3, 4, 5] : [2, 3, 4]) + "\n"
        }
        return out
    }

    /// The Monthly cost table, with the budget flags.
    func monthlySection(_ r: SimulationResult) -> String {
        var out = ""
        // Monthly cost.
        let budget = r.kpis.first { $0.kpi == .monthlyBudget }?.limit
        out += bold("Monthly cost") + (budget.map { " (budget \(TableRenderer.money($0)) \(Diagnostic.visible(r.currency)))" } ?? "") + "\n"
        let names = r.targets.map(\.name)
        var rows = [["month"] + names + ["total", ""]]
        var byMonth: [String: [String: MonthlyRow]] = [:]
        var order: [String] = []
        for m in r.monthly {
            if byMonth[m.month] == nil { order.append(m.month) }
            byMonth[m.month, default: [:]][m.target] = m
        }
        for month in order {
            let cells = byMonth[month] ?? [:]
            let total = cells["total"]
            var line = [month + ((total?.days ?? 0) < CivilDate.daysIn(month) ? "*" : "")]
            line += names.map { TableRenderer.money(cells[$0]?.totalCost.amount ?? 0) }
            line.append(TableRenderer.money(total?.totalCost.amount ?? 0))
            var flag = ""
            if let budget, let t = total {
                let dim = CivilDate.daysIn(month)
                let scaled = t.totalCost.amount * Double(dim) / Double(t.days)
                // A partial month is compared with the budget as a whole month (model.md).
                let whole = t.days < dim ? "\(TableRenderer.money(scaled)) as a whole month" : ""
                if scaled > budget {
                    flag = paint("over budget" + (whole.isEmpty ? "" : ": " + whole), "31")
                } else {
                    flag = whole
                }
            }
            line.append(flag)
            rows.append(line)
        }
        out += TableRenderer.columns(rows, right: Set(1...(names.count + 1)))
        out += "  total over the horizon \(TableRenderer.money(r.totalCost.amount)), peak month \(TableRenderer.money(r.peakMonthlyCost.amount))"
        if order.contains(where: { (byMonth[$0]?["total"]?.days ?? 0) < CivilDate.daysIn($0) }) {
            out += "  (* partial month, compared with the budget as a whole month)"
        }
        out += "\n\n"
        return out
    }

    /// The KPI table and the verdict line.
    func kpiSection(_ r: SimulationResult) -> String {
        var out = ""
        // KPIs.
        out += bold("KPIs") + "\n"
        var rows = [["kpi", "subject", "limit", "worst", "status", "first failure"]]
        for k in r.kpis {
            rows.append([
                k.kpi.rawValue, k.subject, TableRenderer.kpiValue(k.limit, k.unit), TableRenderer.kpiValue(k.worst, k.unit),
                status(k.status), k.firstFailure?.description ?? "",
            ])
        }
        out += TableRenderer.columns(rows, right: [2, 3])
        let failing = r.failingKPIs
        if let first = failing.first {
            out += "  " + paint("\(failing.count) of \(r.kpiCheckCount) KPI checks fail", "31")
            out += "; first: \(first.kpi.rawValue) \(first.subject) on \(first.firstFailure?.description ?? "?")\n"
        } else if r.kpis.contains(where: { $0.status == .pass }) {
            out += "  " + paint("every KPI with a limit passes", "32") + "\n"
        }
        return out
    }
}

extension CivilDate {
    /// Days in the month of a `YYYY-MM` label.
    static func daysIn(_ label: String) -> Int {
        let parts = label.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 2 else { return 30 }
        return daysIn(year: parts[0], month: parts[1])
    }
}
