import PlanCore

/// `plan compare`: two runs side by side with absolute (`Δ`) and relative (`Δ%`) deltas,
/// as a table, one JSON document or one CSV table (value in, string out).
public struct ComparisonRenderer {
    public var color: Bool
    public init(color: Bool) { self.color = color }

    private func paint(_ s: String, _ code: String) -> String { ANSIStyle(enabled: color).paint(s, code) }
    private func bold(_ s: String) -> String { ANSIStyle(enabled: color).bold(s) }

    // MARK: Table

    /// The side-by-side view; `title` heads it (`plan tune` uses its own).
    public func table(_ c: RunComparison, title: String = "plan compare") -> String {
        var out = bold(title) + "\n"
        out += TableRenderer.columns([["A", c.a.label], ["B", c.b.label]], right: [])
        out += "\n"

        out += bold("Settings that differ") + "\n"
        if c.settings.isEmpty {
            out += "  none: both sides resolve to the same settings\n"
        } else {
            var rows = [["setting", "A", "B"]]
            for s in c.settings { rows.append([s.path, s.a ?? "—", s.b ?? "—"]) }
            out += TableRenderer.columns(rows, right: [])
        }
        out += "\n"

        out += bold("Targets") + "\n"
        var rows = [["target", "", "A", "B", "Δ", "Δ%"]]
        for t in c.targets {
            rows.append([
                t.target, "peak used", bytes(t.peakUsed.a), bytes(t.peakUsed.b), signedBytes(t.peakUsed.delta),
                percent(t.peakUsed.relative),
            ])
            rows.append(["", "alert on", date(t.alert.a), date(t.alert.b), days(t.alert.days), ""])
            rows.append(["", "full on", date(t.full.a), date(t.full.b), days(t.full.days), ""])
        }
        out += TableRenderer.columns(rows, right: [2, 3, 4, 5]) + "\n"

        let currency = c.a.result.currency == c.b.result.currency ? c.a.result.currency : "\(c.a.result.currency)/\(c.b.result.currency)"
        out += bold("Monthly cost") + " (\(currency))\n"
        rows = [["month", "target", "A", "B", "Δ", "Δ%"]]
        // Months where no target's cost moved (to the cent) are folded into one line.
        let movedMonths = Set(c.monthly.filter { ($0.cost.delta.map { abs($0) >= 0.005 } ?? true) }.compactMap(\.month))
        let unchanged = Set(c.monthly.compactMap(\.month)).subtracting(movedMonths)
        for m in c.monthly.filter({ m in m.month.map { !unchanged.contains($0) } ?? true }) + c.horizon {
            let line = [
                (m.month ?? "horizon") + (m.partial ? "*" : ""), m.target, money(m.cost.a), money(m.cost.b),
                signedMoney(m.cost.delta), percent(m.cost.relative),
            ]
            rows.append(m.target == "total" ? line.map(bold) : line)
        }
        out += TableRenderer.columns(rows, right: [2, 3, 4, 5])
        if !unchanged.isEmpty {
            out +=
                "  \(unchanged.count) month\(unchanged.count == 1 ? "" : "s") with no change to the cent not shown (--format csv lists every month)\n"
        }
        if c.monthly.contains(where: \.partial) { out += "  * a month simulated in part, on one side or both\n" }
        out += "\n"

        out += bold("KPIs") + "\n"
        rows = [["kpi", "subject", "A worst", "B worst", "Δ", "Δ%", "A", "B", "status"]]
        for k in c.kpis {
            var change = ""
            if k.statusChanged, let a = k.statusA, let b = k.statusB {
                change = paint("\(word(a)) → \(word(b))", b == .fail ? "31;1" : a == .fail ? "32;1" : "33")
            }
            rows.append([
                k.kpi.rawValue, k.subject, kpi(k.worst.a, k.unit), kpi(k.worst.b, k.unit), signedKPI(k.worst.delta, k.unit),
                percent(k.worst.relative), k.statusA.map(word) ?? "—", k.statusB.map(word) ?? "—", change,
            ])
        }
        out += TableRenderer.columns(rows, right: [2, 3, 4, 5])
        let changed = c.kpis.filter(\.statusChanged)
        if changed.isEmpty {
            out += "  no KPI changes status\n"
        } else {
            let worse = changed.filter { $0.statusB == .fail }.count
            let better = changed.filter { $0.statusA == .fail }.count
            var parts: [String] = []
            if worse > 0 { parts.append(paint("\(worse) fail\(worse == 1 ? "s" : "") in B only", "31")) }
            if better > 0 { parts.append(paint("\(better) pass\(better == 1 ? "es" : "") in B only", "32")) }
            let other = changed.count - worse - better
            if other > 0 { parts.append("\(other) other") }
            out += "  \(changed.count) KPI\(changed.count == 1 ? "" : "s") change status: " + parts.joined(separator: ", ") + "\n"
        }
        return out
    }

    private func word(_ s: KPIStatus) -> String { ComparisonCells.word(s) }
    private func bytes(_ x: Double?) -> String { ComparisonCells.bytes(x) }
    private func signedBytes(_ x: Double?) -> String { ComparisonCells.signedBytes(x) }
    private func date(_ d: CivilDate?) -> String { ComparisonCells.date(d) }
    private func days(_ n: Int?) -> String { ComparisonCells.days(n) }
    private func money(_ x: Double?) -> String { ComparisonCells.money(x) }
    private func signedMoney(_ x: Double?) -> String { ComparisonCells.signedMoney(x) }
    private func percent(_ x: Double?) -> String { ComparisonCells.percent(x) }
    private func kpi(_ x: Double?, _ unit: KPIUnit) -> String { ComparisonCells.kpi(x, unit) }
    private func signedKPI(_ x: Double?, _ unit: KPIUnit) -> String { ComparisonCells.signedKPI(x, unit) }

    // MARK: JSON

    /// One document: the two sides, then one array per section, then the `headline`
    /// (`ComparisonHeadline`: the verdict, `total_cost` and `peak_month_cost` as changes,
    /// `full_dates` per target with a capacity, `failing_kpis` per side, `kpi_changes`;
    /// added after the sections, so that no earlier line moves). Numbers as the CSV cells
    /// round them (money 4 decimals, bytes integers, shares and seconds 6 decimals, a
    /// relative delta as a share with 6 decimals), `"inf"` for infinity, `null` where a
    /// value does not apply.
    public static func json(_ c: RunComparison) -> String {
        typealias J = JSONRenderer
        func side(_ s: ComparisonSide) -> String {
            J.object([
                ("label", J.string(s.label)), ("run", s.runID.map { String($0) } ?? "null"),
                ("scenario", J.string(s.result.scenarioName)), ("path", s.scenarioPath.map(J.string) ?? "null"),
                ("overrides", "[" + s.overrides.map(J.string).joined(separator: ", ") + "]"),
                ("hash", J.string(s.contentHash)), ("currency", J.string(s.result.currency)),
                ("start", J.string(s.result.start.description)), ("horizon", String(s.result.horizonDays)),
            ])
        }
        func change(_ n: NumberChange, _ cell: (Double) -> String) -> String {
            J.object([
                ("a", n.a.map { J.number(cell($0)) } ?? "null"), ("b", n.b.map { J.number(cell($0)) } ?? "null"),
                ("delta", n.delta.map { J.number(cell($0)) } ?? "null"),
                ("relative", n.relative.map { J.number(CSVRenderer.decimal6($0)) } ?? "null"),
            ])
        }
        func dates(_ d: DateChange) -> String {
            J.object([
                ("a", d.a.map { J.string($0.description) } ?? "null"), ("b", d.b.map { J.string($0.description) } ?? "null"),
                ("delta_days", d.days.map { String($0) } ?? "null"),
            ])
        }
        func cost(_ m: RunComparison.CostChange) -> String {
            let n = m.cost
            var pairs: [(String, String)] = []
            if let month = m.month { pairs += [("month", J.string(month)), ("partial", m.partial ? "true" : "false")] }
            pairs += [
                ("target", J.string(m.target)), ("a", n.a.map { J.number(CSVRenderer.money($0)) } ?? "null"),
                ("b", n.b.map { J.number(CSVRenderer.money($0)) } ?? "null"),
                ("delta", n.delta.map { J.number(CSVRenderer.money($0)) } ?? "null"),
                ("relative", n.relative.map { J.number(CSVRenderer.decimal6($0)) } ?? "null"),
            ]
            return J.object(pairs)
        }
        var out = "{\n"
        out += "  \"a\": \(side(c.a)),\n"
        out += "  \"b\": \(side(c.b)),\n"
        out +=
            "  \"settings\": "
            + J.array(
                c.settings.map { s in
                    J.object([("path", J.string(s.path)), ("a", s.a.map(J.string) ?? "null"), ("b", s.b.map(J.string) ?? "null")])
                }) + ",\n"
        out +=
            "  \"targets\": "
            + J.array(
                c.targets.map { t in
                    J.object([
                        ("target", J.string(t.target)), ("peak_used_bytes", change(t.peakUsed, CSVRenderer.integer)),
                        ("alert_date", dates(t.alert)), ("full_date", dates(t.full)),
                    ])
                }) + ",\n"
        out += "  \"monthly\": " + J.array(c.monthly.map(cost)) + ",\n"
        out += "  \"horizon\": " + J.array(c.horizon.map(cost)) + ",\n"
        out +=
            "  \"kpis\": "
            + J.array(
                c.kpis.map { k in
                    let cell = { (x: Double) in CSVRenderer.kpiValue(x, unit: k.unit) }
                    return J.object([
                        ("kpi", J.string(k.kpi.rawValue)), ("subject", J.string(k.subject)), ("unit", J.string(k.unit.rawValue)),
                        ("limit", change(k.limit, cell)), ("worst", change(k.worst, cell)),
                        ("status_a", k.statusA.map { J.string($0.rawValue) } ?? "null"),
                        ("status_b", k.statusB.map { J.string($0.rawValue) } ?? "null"),
                        ("status_changed", k.statusChanged ? "true" : "false"),
                    ])
                }) + ",\n"
        out += "  \"headline\": " + headlineJSON(c.headline) + "\n"
        out += "}\n"
        return out
    }

    private static func headlineJSON(_ h: ComparisonHeadline) -> String {
        typealias J = JSONRenderer
        func money(_ n: NumberChange, _ extra: [(String, String)] = []) -> String {
            J.object(
                [
                    ("a", n.a.map { J.number(CSVRenderer.money($0)) } ?? "null"),
                    ("b", n.b.map { J.number(CSVRenderer.money($0)) } ?? "null"),
                    ("delta", n.delta.map { J.number(CSVRenderer.money($0)) } ?? "null"),
                    ("relative", n.relative.map { J.number(CSVRenderer.decimal6($0)) } ?? "null"),
                ] + extra)
        }
        let full = h.full.map { t in
            J.object([
                ("target", J.string(t.target)), ("a", t.full.a.map { J.string($0.description) } ?? "null"),
                ("b", t.full.b.map { J.string($0.description) } ?? "null"),
                ("delta_days", t.full.days.map { String($0) } ?? "null"), ("shifted", t.shifted ? "true" : "false"),
            ])
        }
        let kpis = h.kpiChanges.map { k in
            J.object([
                ("kpi", J.string(k.kpi.rawValue)), ("subject", J.string(k.subject)),
                ("status_a", k.statusA.map { J.string($0.rawValue) } ?? "null"),
                ("status_b", k.statusB.map { J.string($0.rawValue) } ?? "null"),
            ])
        }
        let month = { (m: String?) in m.map(J.string) ?? "null" }
        var out = "{\n"
        out += "    \"verdict\": \(J.string(verdict(h))),\n"
        out += "    \"currency\": \(J.string(h.currency)),\n"
        out += "    \"total_cost\": \(money(h.total)),\n"
        out += "    \"peak_month_cost\": \(money(h.peakMonth, [("month_a", month(h.peakMonthA)), ("month_b", month(h.peakMonthB))])),\n"
        out += "    \"failing_kpis\": \(J.object([("a", String(h.failingA)), ("b", String(h.failingB))])),\n"
        out += "    \"full_dates\": " + nested(full) + ",\n"
        out += "    \"kpi_changes\": " + nested(kpis) + "\n"
        return out + "  }"
    }

    /// An array inside the `headline` object, one element a line, indented one level more
    /// than `JSONRenderer.array`.
    private static func nested(_ objects: [String]) -> String {
        objects.isEmpty ? "[]" : "[\n      " + objects.joined(separator: ",\n      ") + "\n    ]"
    }

    // MARK: CSV

    public static let csvHeader = "section,subject,item,unit,a,b,delta,relative\n"

    /// One table for a spreadsheet, cells as in the CSV files of cli.md:
    /// `setting` rows (item `value`), `target` rows (`peak_used` in bytes, `alert_date` and
    /// `full_date` with the delta in days), `cost` rows (item a month or `horizon`, subject a
    /// target or `total`), `kpi` rows (item the KPI, the worst values) and `kpi_status` rows
    /// (delta `changed` when the status differs).
    public static func csv(_ c: RunComparison) -> String {
        var out = csvHeader
        func line(_ cells: [String]) { out += cells.map(CSVRenderer.text).joined(separator: ",") + "\n" }
        func numbers(_ n: NumberChange, _ cell: (Double) -> String) -> [String] {
            [n.a.map(cell) ?? "", n.b.map(cell) ?? "", n.delta.map(cell) ?? "", n.relative.map(CSVRenderer.decimal6) ?? ""]
        }
        for s in c.settings {
            // The values are the user's text (a description, a currency): neutralised.
            out += ["setting", s.path, "value", ""].map(CSVRenderer.text).joined(separator: ",") + ","
            out += [s.a ?? "", s.b ?? ""].map(CSVRenderer.freeText).joined(separator: ",") + ",,\n"
        }
        for t in c.targets {
            line(["target", t.target, "peak_used", "bytes"] + numbers(t.peakUsed, CSVRenderer.integer))
            for (item, d) in [("alert_date", t.alert), ("full_date", t.full)] {
                line(["target", t.target, item, "date", d.a?.description ?? "", d.b?.description ?? "", d.days.map { String($0) } ?? "", ""])
            }
        }
        for m in c.monthly + c.horizon {
            line(["cost", m.target, m.month ?? "horizon", "money"] + numbers(m.cost, CSVRenderer.money))
        }
        for k in c.kpis {
            line(["kpi", k.subject, k.kpi.rawValue, k.unit.rawValue] + numbers(k.worst) { CSVRenderer.kpiValue($0, unit: k.unit) })
            line([
                "kpi_status", k.subject, k.kpi.rawValue, "", k.statusA?.rawValue ?? "", k.statusB?.rawValue ?? "",
                k.statusChanged ? "changed" : "", "",
            ])
        }
        return out
    }
}
