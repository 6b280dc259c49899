import PlanCore

/// The headline of `plan compare`: one verdict sentence and the few figures a reviewer
/// reads first. The table prints it above itself with `--headline`; Markdown and JSON
/// always carry it.
extension ComparisonRenderer {
    /// One sentence on B against A: its cost over the horizon, then the KPIs it breaks or
    /// fixes. `B costs 2.23 USD more over the horizon (+3.5%), and fails 2 KPIs that A meets`.
    public static func verdict(_ h: ComparisonHeadline) -> String {
        let cost: String
        if !h.sameCurrency {
            cost = "is billed in another currency (\(h.currency))"
        } else {
            let delta = h.total.delta ?? 0
            let amount = TableRenderer.money(Swift.abs(delta))
            let share = h.total.relative.map { " (" + ComparisonCells.percent($0) + ")" } ?? ""
            if amount == "0.00" {
                cost = "costs the same over the horizon (to the cent)"
            } else {
                cost = "costs \(amount) \(h.currency) \(delta > 0 ? "more" : "less") over the horizon\(share)"
            }
        }
        let (worse, better) = (h.regressions.count, h.improvements.count)
        let kpi: String
        switch (worse, better) {
        case (0, 0): kpi = "changes no KPI's status"
        case (_, 0): kpi = "fails \(kpis(worse)) that A meets"
        case (0, _): kpi = "meets \(kpis(better)) that A fails"
        default: kpi = "fails \(kpis(worse)) that A meets and meets \(better) that A fails"
        }
        return "B \(cost), and \(kpi)"
    }

    private static func kpis(_ n: Int) -> String { "\(n) KPI\(n == 1 ? "" : "s")" }

    /// The headline as terminal lines: the verdict, then total and peak-month cost, each
    /// target's full date and the KPIs that change status, as `A → B` with Δ and Δ%.
    public func headline(_ c: RunComparison) -> String {
        let h = c.headline
        var out = ANSIStyle(enabled: color).bold("Headline") + ": " + Self.verdict(h) + "\n"
        var rows: [[String]] = []
        rows.append(Self.moneyRow("total cost (\(h.currency))", h.total, nil, nil))
        rows.append(Self.moneyRow("peak month (\(h.currency))", h.peakMonth, h.peakMonthA, h.peakMonthB))
        for t in h.full {
            rows.append([
                "\(t.target) full on", ComparisonCells.dateOrNever(t.full.a), "→", ComparisonCells.dateOrNever(t.full.b),
                t.full.days.map { ComparisonCells.days($0) } ?? (t.shifted ? "—" : "0d"), "",
            ])
        }
        rows.append(["failing KPIs", "\(h.failingA)", "→", "\(h.failingB)", ComparisonCells.signed(h.failingB - h.failingA), ""])
        for k in h.kpiChanges {
            let change = ANSIStyle(enabled: color).paint(
                k.statusB.map(ComparisonCells.word) ?? "—", k.statusB == .fail ? "31;1" : "32;1")
            rows.append(["\(k.kpi.rawValue) \(k.subject)", k.statusA.map(ComparisonCells.word) ?? "—", "→", change, "", ""])
        }
        out += TableRenderer.columns(rows, right: [1, 3, 4, 5])
        return out
    }

    private static func moneyRow(_ title: String, _ n: NumberChange, _ monthA: String?, _ monthB: String?) -> [String] {
        [
            title, ComparisonCells.money(n.a) + (monthA.map { " (\($0))" } ?? ""), "→",
            ComparisonCells.money(n.b) + (monthB.map { " (\($0))" } ?? ""), ComparisonCells.signedMoney(n.delta),
            ComparisonCells.percent(n.relative),
        ]
    }
}
