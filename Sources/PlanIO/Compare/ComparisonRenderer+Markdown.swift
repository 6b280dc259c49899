import PlanCore

/// `plan compare --format markdown`: a pull-request comment that reads well on GitHub.
///
/// A one-line verdict, a short summary table (total and peak-month cost, each target's
/// full date, the failing KPIs and every KPI that changes status), the two sides, then the
/// details folded in `<details>` blocks: the settings that differ, the targets, the cost
/// per month and target, every KPI. Text from the user (names, paths, overrides, setting
/// values) is inline code escaped by `MarkdownText`, so a `|` or a `*` in a description
/// neither splits a row nor starts markup, and no `@name` in it pings anyone; the tool's
/// own words (KPI names, dates, figures) are written as they are.
extension ComparisonRenderer {
    public static func markdown(_ c: RunComparison, title: String = "plan compare") -> String {
        let h = c.headline
        let code = MarkdownText.code
        // The title names the scenarios; the labels below say where each side comes from.
        var out = "### \(title): \(code(c.a.result.scenarioName)) → \(code(c.b.result.scenarioName))\n\n"
        let mark = !h.regressions.isEmpty ? "❌" : !h.improvements.isEmpty ? "✅" : "ℹ️"
        out += "\(mark) **\(verdict(h))**\n\n"

        out += "| | A | B | Δ | Δ% |\n| :-- | --: | --: | --: | --: |\n"
        func row(_ cells: [String]) { out += "| " + cells.joined(separator: " | ") + " |\n" }
        func moneyRow(_ title: String, _ n: NumberChange, _ monthA: String?, _ monthB: String?) {
            row([
                title, ComparisonCells.money(n.a) + (monthA.map { " (\($0))" } ?? ""),
                ComparisonCells.money(n.b) + (monthB.map { " (\($0))" } ?? ""), ComparisonCells.signedMoney(n.delta),
                ComparisonCells.percent(n.relative),
            ])
        }
        moneyRow("total cost over the horizon (\(MarkdownText.escape(h.currency)))", h.total, nil, nil)
        moneyRow("peak month (\(MarkdownText.escape(h.currency)))", h.peakMonth, h.peakMonthA, h.peakMonthB)
        for t in h.full {
            let b = ComparisonCells.dateOrNever(t.full.b)
            row([
                "\(code(t.target)) full on", ComparisonCells.dateOrNever(t.full.a), t.shifted ? "**\(b)**" : b,
                t.full.days.map(ComparisonCells.days) ?? (t.shifted ? "—" : "0d"), "",
            ])
        }
        row(["failing KPIs", "\(h.failingA)", "\(h.failingB)", ComparisonCells.signed(h.failingB - h.failingA), ""])
        for k in h.kpiChanges {
            let b = k.statusB.map(ComparisonCells.word) ?? "—"
            row([
                "KPI `\(k.kpi.rawValue)` \(code(k.subject))", k.statusA.map(ComparisonCells.word) ?? "—",
                k.statusB == .fail ? "**\(b)** ❌" : "\(b) ✅", "", "",
            ])
        }
        out += "\n**A** \(code(c.a.label))<br>\n**B** \(code(c.b.label))\n\n"

        out += details("Settings that differ (\(c.settings.count))") {
            guard !c.settings.isEmpty else { return "None: both sides resolve to the same settings.\n" }
            var t = "| setting | A | B |\n| :-- | :-- | :-- |\n"
            for s in c.settings {
                t += "| \(code(s.path)) | \(s.a.map(code) ?? "—") | \(s.b.map(code) ?? "—") |\n"
            }
            return t
        }

        out += details("Targets: peak used, alert and full dates") {
            var t = "| target | | A | B | Δ | Δ% |\n| :-- | :-- | --: | --: | --: | --: |\n"
            for x in c.targets {
                t += "| \(code(x.target)) | peak used | \(ComparisonCells.bytes(x.peakUsed.a)) | \(ComparisonCells.bytes(x.peakUsed.b)) | "
                t += "\(ComparisonCells.signedBytes(x.peakUsed.delta)) | \(ComparisonCells.percent(x.peakUsed.relative)) |\n"
                for (item, d) in [("alert on", x.alert), ("full on", x.full)] {
                    t += "| | \(item) | \(ComparisonCells.date(d.a)) | \(ComparisonCells.date(d.b)) | \(ComparisonCells.days(d.days)) | |\n"
                }
            }
            return t
        }

        out += details("Monthly cost per target (\(MarkdownText.escape(h.currency)))") { monthlyTable(c) }

        let changed = h.kpiChanges.count
        out += details("KPIs (\(c.kpis.count) rows, \(changed) change\(changed == 1 ? "s" : "") status)") {
            var t = "| kpi | subject | A worst | B worst | Δ | Δ% | A | B |\n| :-- | :-- | --: | --: | --: | --: | :-- | :-- |\n"
            for k in c.kpis {
                let moved = h.kpiChanges.contains(k)
                let (a, b) = (k.statusA.map(ComparisonCells.word) ?? "—", k.statusB.map(ComparisonCells.word) ?? "—")
                t += "| `\(k.kpi.rawValue)` | \(code(k.subject)) | \(ComparisonCells.kpi(k.worst.a, k.unit)) | "
                t += "\(ComparisonCells.kpi(k.worst.b, k.unit)) | \(ComparisonCells.signedKPI(k.worst.delta, k.unit)) | "
                t += "\(ComparisonCells.percent(k.worst.relative)) | \(a) | \(moved ? "**\(b)**" : b) |\n"
            }
            return t
        }
        // One line end at the end, not the blank line between blocks.
        return out.hasSuffix("\n\n") ? String(out.dropLast()) : out
    }

    /// A folded block: GitHub needs the blank lines around the Markdown inside.
    private static func details(_ summary: String, _ body: () -> String) -> String {
        "<details><summary>\(summary)</summary>\n\n" + body() + "\n</details>\n\n"
    }

    /// Months × targets: one row per month whose cost moved (to the cent) on some target,
    /// a cell `A → B` where the side's costs differ, then the horizon; the unchanged months
    /// are counted under the table, as the terminal table does.
    private static func monthlyTable(_ c: RunComparison) -> String {
        let code = MarkdownText.code
        let targets = c.targets.map(\.target)
        var t = "| month | " + targets.map(code).joined(separator: " | ") + " | total | Δ total | Δ% |\n"
        t += "| :-- |" + String(repeating: " --: |", count: targets.count + 3) + "\n"
        func cell(_ n: NumberChange) -> String {
            let (a, b) = (ComparisonCells.money(n.a), ComparisonCells.money(n.b))
            return a == b ? a : "\(a) → \(b)"
        }
        var byMonth: [String: [String: NumberChange]] = [:]
        var order: [String] = []
        var partial = Set<String>()
        for m in c.monthly {
            guard let month = m.month else { continue }
            if byMonth[month] == nil { order.append(month) }
            byMonth[month, default: [:]][m.target] = m.cost
            if m.partial { partial.insert(month) }
        }
        var unchanged = 0
        func line(_ name: String, _ costs: [String: NumberChange]) {
            let total = costs["total"] ?? NumberChange(a: nil, b: nil)
            t += "| \(name) | " + targets.map { cell(costs[$0] ?? NumberChange(a: nil, b: nil)) }.joined(separator: " | ")
            t += " | \(cell(total)) | \(ComparisonCells.signedMoney(total.delta)) | \(ComparisonCells.percent(total.relative)) |\n"
        }
        for month in order {
            let costs = byMonth[month] ?? [:]
            if costs.values.allSatisfy({ $0.delta.map { Swift.abs($0) < 0.005 } ?? false }) {
                unchanged += 1
                continue
            }
            line(month + (partial.contains(month) ? "\\*" : ""), costs)
        }
        line("**horizon**", Dictionary(c.horizon.map { ($0.target, $0.cost) }, uniquingKeysWith: { x, _ in x }))
        if unchanged > 0 {
            t += "\n\(unchanged) month\(unchanged == 1 ? "" : "s") with no change to the cent not shown (`--format csv` lists every month).\n"
        }
        if !partial.isEmpty { t += "\n\\* a month simulated in part, on one side or both.\n" }
        return t
    }
}
