import PlanCore

/// The columns of `tune.csv` (one row per variant) and the row values, rendered and read
/// back the same way, so that shards merge into the file a single run writes.
///
/// Columns: `variant`, one per varied path (named by the path), `feasible`,
/// `objective:NAME`, `total_cost`, `peak_monthly_cost`, `peak_used:TARGET` per target, then
/// per KPI row `KPI:SUBJECT` (worst value) and `KPI:SUBJECT:status`, then per `--require`
/// `require:EXPR` (the metric's value).
public struct TuneTable: Sendable, Hashable {
    public var paths: [String]
    public var objective: Objective
    public var targets: [String]
    public var kpis: [(kind: KPIKind, subject: String)]
    public var requirements: [String]

    public static func == (a: TuneTable, b: TuneTable) -> Bool { a.header == b.header }
    public func hash(into h: inout Hasher) { h.combine(header) }

    public init(paths: [String], objective: Objective, targets: [String], kpis: [(kind: KPIKind, subject: String)], requirements: [String]) {
        self.paths = paths
        self.objective = objective
        self.targets = targets
        self.kpis = kpis
        self.requirements = requirements
    }

    public var header: String {
        var cols = ["variant"] + paths + ["feasible", "objective:" + objective.name, "total_cost", "peak_monthly_cost"]
        cols += targets.map { "peak_used:" + $0 }
        for k in kpis { cols += ["\(k.kind.rawValue):\(k.subject)", "\(k.kind.rawValue):\(k.subject):status"] }
        cols += requirements.map { "require:" + $0 }
        return cols.map(CSVRenderer.text).joined(separator: ",") + "\n"
    }

    /// Reads a header back; `nil` when it is not a tune.csv header.
    public static func parse(header line: String) -> TuneTable? {
        let cols = CSVLine.split(line)
        guard cols.first == "variant", let f = cols.firstIndex(of: "feasible"), f + 3 < cols.count,
            cols[f + 1].hasPrefix("objective:"), let objective = Objective.parse(String(cols[f + 1].dropFirst(10))),
            cols[f + 2] == "total_cost", cols[f + 3] == "peak_monthly_cost"
        else { return nil }
        var i = f + 4
        var targets: [String] = []
        while i < cols.count, cols[i].hasPrefix("peak_used:") {
            targets.append(String(cols[i].dropFirst(10)))
            i += 1
        }
        var kpis: [(KPIKind, String)] = []
        while i + 1 < cols.count, !cols[i].hasPrefix("require:") {
            guard let colon = cols[i].firstIndex(of: ":"), let kind = KPIKind(rawValue: String(cols[i][..<colon])),
                cols[i + 1] == cols[i] + ":status"
            else { return nil }
            kpis.append((kind, String(cols[i][cols[i].index(after: colon)...])))
            i += 2
        }
        var requirements: [String] = []
        while i < cols.count, cols[i].hasPrefix("require:") {
            requirements.append(String(cols[i].dropFirst(8)))
            i += 1
        }
        guard i == cols.count else { return nil }
        return TuneTable(
            paths: Array(cols[1..<f]), objective: objective, targets: targets, kpis: kpis.map { (kind: $0.0, subject: $0.1) },
            requirements: requirements)
    }
}
