import PlanCore

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

    /// The KPIs a feasible variant must pass (cli.md `plan tune`).
    static let constrained: Set<KPIKind> = [.monthlyBudget, .rpo, .rto, .efficiency, .capacityFull]

    /// The row's figures from a simulation of the variant.
    public init(
        variant: Int, values: [String], result r: SimulationResult, table: TuneTable, requirements: [Requirement]
    ) {
        // The result's first row of each column's kind and subject. A scan, not a dictionary
        // of "kind:subject" strings: tens of rows, and building those strings for every
        // variant was 4% of a 10,000-variant sweep.
        // Indices, not copies of the rows (a row holds strings to retain and release).
        // By index and field, too: `firstIndex(where:)` and `allSatisfy` hand each row to their
        // closure as a copy (its subject retained and released), 2% of a sweep.
        let kpis = r.kpis
        func row(_ kind: KPIKind, _ subject: String) -> Int? {
            for i in kpis.indices where kpis[i].kpi == kind && kpis[i].subject == subject { return i }
            return nil
        }
        let rows = table.kpis.map { row($0.kind, $0.subject) }
        let constrained = Self.constrained
        let reqValues = requirements.map { $0.metric.value(in: r) }
        var kpisPass = true
        for i in kpis.indices where kpis[i].status == .fail && constrained.contains(kpis[i].kpi) {
            kpisPass = false
            break
        }
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
            kpiWorst: rows.map { $0.flatMap { r.kpis[$0].worst } }, kpiStatus: rows.map { $0.map { r.kpis[$0].status } },
            requirementValues: reqValues)
    }

    /// The CSV line (with its `\n`), its cells written as bytes (`Cell.appendCSV`): the
    /// same characters as `CSVRenderer`'s cells, without a `String` per cell.
    public func line(_ table: TuneTable) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(64 + 16 * (values.count + peakUsed.count + 2 * kpiWorst.count + requirementValues.count))
        func cell(_ c: Cell) {
            out.append(44)  // ","
            c.appendCSV(to: &out)
        }
        ByteFormat.append(variant, to: &out)
        for v in values { cell(.text(CSVRenderer.freeText(v))) }
        cell(.text(feasible ? "true" : "false"))
        cell(Cell.kpiValue(objective, unit: table.objective.unit))
        cell(.money(totalCost))
        cell(.money(peakMonthlyCost))
        for u in peakUsed { cell(u.map { .integer($0) } ?? .empty) }
        for (i, k) in table.kpis.enumerated() {
            cell(Cell.kpiValue(kpiWorst[i], unit: k.kind.unit))
            cell(.text(kpiStatus[i]?.rawValue ?? ""))
        }
        for r in requirementValues { cell(r.map { .decimal6($0) } ?? .empty) }
        out.append(10)  // "\n"
        return String(decoding: out, as: UTF8.self)
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
