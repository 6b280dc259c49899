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

/// One variant's figures, as in its `tune.csv` row.
public struct TuneRow: Sendable, Hashable {
    public var variant: Int
    public var values: [String]
    public var feasible: Bool
    public var objective: Double
    public var totalCost: Double
    public var peakMonthlyCost: Double
    public var peakUsed: [Double?]
    public var kpiWorst: [Double?]
    public var kpiStatus: [KPIStatus?]
    public var requirementValues: [Double?]

    public init(
        variant: Int, values: [String], feasible: Bool, objective: Double, totalCost: Double, peakMonthlyCost: Double,
        peakUsed: [Double?], kpiWorst: [Double?], kpiStatus: [KPIStatus?], requirementValues: [Double?]
    ) {
        self.variant = variant
        self.values = values
        self.feasible = feasible
        self.objective = objective
        self.totalCost = totalCost
        self.peakMonthlyCost = peakMonthlyCost
        self.peakUsed = peakUsed
        self.kpiWorst = kpiWorst
        self.kpiStatus = kpiStatus
        self.requirementValues = requirementValues
    }

    /// The row's figures from a simulation of the variant.
    public init(
        variant: Int, values: [String], result r: SimulationResult, table: TuneTable, requirements: [Requirement]
    ) {
        let kpiIndex = Dictionary(r.kpis.map { ("\($0.kpi.rawValue):\($0.subject)", $0) }, uniquingKeysWith: { a, _ in a })
        let rows = table.kpis.map { kpiIndex["\($0.kind.rawValue):\($0.subject)"] }
        let constrained: Set<KPIKind> = [.monthlyBudget, .rpo, .rto, .efficiency, .capacityFull]
        let reqValues = requirements.map { $0.metric.value(in: r) }
        let kpisPass = r.kpis.allSatisfy { !constrained.contains($0.kpi) || $0.status != .fail }
        let reqsPass = zip(requirements, reqValues).allSatisfy { req, v in v.map(req.holds) ?? false }
        let objective: Double
        switch table.objective {
        case .totalCost: objective = r.totalCost.amount
        case .peakMonthlyCost: objective = r.peakMonthlyCost.amount
        case .peakUsed(let t): objective = r.targets.first { $0.name == t }?.peakUsed.bytes ?? .infinity
        }
        self.init(
            variant: variant, values: values, feasible: kpisPass && reqsPass, objective: objective, totalCost: r.totalCost.amount,
            peakMonthlyCost: r.peakMonthlyCost.amount,
            peakUsed: table.targets.map { t in r.targets.first { $0.name == t }?.peakUsed.bytes },
            kpiWorst: rows.map { $0?.worst }, kpiStatus: rows.map { $0?.status }, requirementValues: reqValues)
    }

    /// The CSV line (with its `\n`).
    public func line(_ table: TuneTable) -> String {
        var cells = [String(variant)] + values.map(CSVRenderer.text)
        cells.append(feasible ? "true" : "false")
        cells.append(CSVRenderer.kpiValue(objective, unit: table.objective.unit))
        cells.append(CSVRenderer.money(totalCost))
        cells.append(CSVRenderer.money(peakMonthlyCost))
        cells += peakUsed.map { $0.map(CSVRenderer.integer) ?? "" }
        for (i, k) in table.kpis.enumerated() {
            cells.append(kpiWorst[i].map { CSVRenderer.kpiValue($0, unit: k.kind.unit) } ?? "")
            cells.append(kpiStatus[i]?.rawValue ?? "")
        }
        cells += requirementValues.map { $0.map { CSVRenderer.decimal6($0) } ?? "" }
        return cells.joined(separator: ",") + "\n"
    }

    /// Reads a line back (values rounded as the CSV rounds them).
    public static func parse(_ line: String, table: TuneTable) -> TuneRow? {
        let c = CSVLine.split(line)
        let p = table.paths.count
        let expected = 1 + p + 4 + table.targets.count + 2 * table.kpis.count + table.requirements.count
        guard c.count == expected, let variant = Int(c[0]) else { return nil }
        func number(_ s: String) -> Double? {
            if s == "inf" { return .infinity }
            return Double(s)
        }
        var i = 1 + p
        let feasible = c[i] == "true"
        guard let objective = number(c[i + 1]), let total = number(c[i + 2]), let peak = number(c[i + 3]) else { return nil }
        i += 4
        let used = c[i..<(i + table.targets.count)].map(number)
        i += table.targets.count
        var worst: [Double?] = [], status: [KPIStatus?] = []
        for _ in table.kpis {
            worst.append(number(c[i]))
            status.append(KPIStatus(rawValue: c[i + 1]))
            i += 2
        }
        let reqs = c[i...].map(number)
        return TuneRow(
            variant: variant, values: Array(c[1..<(1 + p)]), feasible: feasible, objective: objective, totalCost: total,
            peakMonthlyCost: peak, peakUsed: used, kpiWorst: worst, kpiStatus: status, requirementValues: Array(reqs))
    }
}

/// RFC 4180 fields of one line (quotes doubled inside quoted fields).
enum CSVLine {
    static func split(_ line: String) -> [String] {
        var out: [String] = []
        var field = ""
        var quoted = false
        var chars = line.hasSuffix("\n") ? Substring(line.dropLast()) : Substring(line)
        while let c = chars.first {
            chars = chars.dropFirst()
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" {
                        field.append("\"")
                        chars = chars.dropFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                out.append(field)
                field = ""
            } else {
                field.append(c)
            }
        }
        out.append(field)
        return out
    }
}
