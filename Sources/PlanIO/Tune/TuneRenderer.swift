import PlanCore

/// The summary `plan tune` prints: the best feasible variants, the Pareto frontiers, why
/// variants are infeasible, and the best variant against the scenario as given.
public struct TuneRenderer {
    public var color: Bool
    public init(color: Bool) { self.color = color }

    private func paint(_ s: String, _ code: String) -> String { ANSIStyle(enabled: color).paint(s, code) }
    private func bold(_ s: String) -> String { ANSIStyle(enabled: color).bold(s) }

    static func value(_ x: Double?, _ unit: KPIUnit) -> String { TableRenderer.kpiValue(x, unit) }

    public func render(
        name: String, summary s: TuneSummary, limits: [String: Double], comparison: RunComparison?, elapsed: Double?, interrupted: Bool,
        files: [String]
    ) -> String {
        let t = s.table
        var out =
            bold("plan tune: \(name)")
            + "  \(Format.grouped(s.variants)) variant\(s.variants == 1 ? "" : "s") of \(t.paths.count) path\(t.paths.count == 1 ? "" : "s"), "
        out += "\(Format.grouped(s.feasibleCount)) feasible; objective \(t.objective.name)"
        if let elapsed, elapsed > 0 {
            out += String(format: "; %.2f s (%@ variants/s)", elapsed, Format.grouped(Int((Double(s.variants) / elapsed).rounded())))
        }
        out += "\n"
        if interrupted { out += paint("interrupted: the figures below cover only the variants that finished", "33") + "\n" }
        out += "\n"

        if s.best.isEmpty {
            out += bold("No feasible variant") + "\n"
            for line in s.infeasibility(limits: limits) { out += "  " + paint(line, "31") + "\n" }
            out += "\n"
        } else {
            out += bold("Best feasible variants") + " (by \(t.objective.name), ties to the lower number)\n"
            var rows = [["variant"] + t.paths + ["objective", "total cost", "peak month"] + t.targets.map { "peak used " + $0 }]
            for r in s.best {
                rows.append(
                    [String(r.variant)] + r.values + [
                        TuneRenderer.value(r.objective, t.objective.unit), TableRenderer.money(r.totalCost), TableRenderer.money(r.peakMonthlyCost),
                    ] + r.peakUsed.map { $0.map(Format.bytes) ?? "—" })
            }
            let numeric = Set([0] + Array((t.paths.count + 1)..<(rows[0].count)))
            out += TableRenderer.columns(rows, right: numeric) + "\n"
        }

        for i in s.frontierPaths {
            let points = s.frontier(path: i)
            guard !points.isEmpty else { continue }
            out += bold("Pareto frontier") + ": total cost against \(t.paths[i]) (more is better)\n"
            var rows = [["value", "total cost", "variant", "each extra unit"]]
            var previous: (value: Double, cost: Double)? = nil
            let perDay = t.paths[i].hasSuffix(".ttl")
            for p in points {
                var marginal = "—"
                if let prev = previous, p.value > prev.value {
                    let per = (p.cost - prev.cost) / ((p.value - prev.value) / (perDay ? 86_400 : 1))
                    marginal = Format.fixed(per, 4) + (t.paths[i].hasSuffix(".retain") ? " per point" : " per day")
                }
                rows.append([p.text, TableRenderer.money(p.cost), String(p.variant), marginal])
                previous = (p.value, p.cost)
            }
            out += TableRenderer.columns(rows, right: [1, 2, 3]) + "\n"
        }

        if let c = comparison {
            // The same side-by-side view as `plan compare`: A is the scenario as given, B the best variant.
            out += ComparisonRenderer(color: color).table(c, title: "Best variant against the scenario as given") + "\n"
        }
        if !files.isEmpty { out += "Wrote " + files.joined(separator: ", ") + "\n" }
        return out
    }

    /// `--format json`: counts, the best variants, the frontiers and the infeasibility notes.
    public static func json(name: String, summary s: TuneSummary, limits: [String: Double], interrupted: Bool) -> String {
        let t = s.table
        func row(_ r: TuneRow) -> String {
            var pairs = [("variant", String(r.variant))]
            for (p, v) in zip(t.paths, r.values) { pairs.append((p, JSONRenderer.string(v))) }
            pairs.append(("objective", JSONRenderer.number(CSVRenderer.kpiValue(r.objective, unit: t.objective.unit))))
            pairs.append(("total_cost", JSONRenderer.number(CSVRenderer.money(r.totalCost))))
            pairs.append(("peak_monthly_cost", JSONRenderer.number(CSVRenderer.money(r.peakMonthlyCost))))
            for (target, u) in zip(t.targets, r.peakUsed) {
                pairs.append(("peak_used:" + target, u.map { JSONRenderer.number(CSVRenderer.integer($0)) } ?? "null"))
            }
            return JSONRenderer.object(pairs)
        }
        var out = "{\n"
        out += "  \"name\": \(JSONRenderer.string(name)),\n"
        out += "  \"objective\": \(JSONRenderer.string(t.objective.name)),\n"
        out += "  \"paths\": [" + t.paths.map(JSONRenderer.string).joined(separator: ", ") + "],\n"
        out += "  \"variants\": \(s.variants),\n"
        out += "  \"feasible\": \(s.feasibleCount),\n"
        out += "  \"interrupted\": \(interrupted),\n"
        out += "  \"best\": " + JSONRenderer.array(s.best.map(row)) + ",\n"
        var frontiers: [String] = []
        for i in s.frontierPaths {
            let points = s.frontier(path: i).map {
                JSONRenderer.object([
                    ("value", JSONRenderer.string($0.text)), ("total_cost", JSONRenderer.number(CSVRenderer.money($0.cost))),
                    ("variant", String($0.variant)),
                ])
            }
            frontiers.append(
                JSONRenderer.object([("path", JSONRenderer.string(t.paths[i])), ("points", "[" + points.joined(separator: ", ") + "]")]))
        }
        out += "  \"pareto\": " + JSONRenderer.array(frontiers) + ",\n"
        out += "  \"infeasible\": [" + s.infeasibility(limits: limits).map(JSONRenderer.string).joined(separator: ", ") + "]\n"
        out += "}\n"
        return out
    }
}
