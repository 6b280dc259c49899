import PlanCore

/// What `plan tune` reports, accumulated row by row in variant order (memory bounded by
/// `--top`, the number of distinct values and the number of KPI columns, not by the number
/// of variants): the best feasible variants, the Pareto frontiers, and why variants fail.
public struct TuneSummary: Sendable {
    public let table: TuneTable
    public let top: Int
    let requirements: [Requirement?]
    public private(set) var variants = 0
    public private(set) var feasibleCount = 0
    /// The best feasible rows, by objective then variant number.
    public private(set) var best: [TuneRow] = []
    /// Per Pareto path (index into `table.paths`): value text → (numeric value, lowest total cost, its variant).
    private(set) var frontierPoints: [Int: [String: (value: Double, cost: Double, variant: Int)]] = [:]
    /// Per constraint column: variants failing it, and the value closest to passing.
    private(set) var constraintFails: [Int: Int] = [:]
    private(set) var closest: [Int: (value: Double, variant: Int)] = [:]
    private(set) var requirementFails: [Int: Int] = [:]
    private(set) var requirementClosest: [Int: (value: Double, variant: Int)] = [:]

    /// KPI kinds that make a variant infeasible when they fail.
    public static let constraintKinds: Set<KPIKind> = [
        .monthlyBudget, .rpo, .rto, .efficiency, .mttr, .successRate, .walVolumeFull, .walTolerance, .capacityFull,
    ]

    public init(table: TuneTable, top: Int) {
        self.table = table
        self.top = top
        requirements = table.requirements.map { try? Requirement.parse($0).get() }
        for (i, p) in table.paths.enumerated() where TuneSummary.paretoUnit(p) != nil { frontierPoints[i] = [:] }
    }

    /// The numeric reading of a `retention`, `ttl` or `retain` path's value (days, seconds,
    /// a count); other paths have no frontier.
    static func paretoUnit(_ path: String) -> ((String) -> Double?)? {
        switch path.split(separator: ".").last {
        case "retention": return { if case .success(let d) = ValueSyntax.retentionPolicy($0) { return Double(d) } else { return nil } }
        case "ttl": return { if case .success(let s) = ValueSyntax.duration($0) { return s.value } else { return nil } }
        case "retain": return { Double($0) }
        default: return nil
        }
    }

    public mutating func add(_ row: TuneRow) {
        variants += 1
        for (i, k) in table.kpis.enumerated() where TuneSummary.constraintKinds.contains(k.kind) {
            guard let status = row.kpiStatus[i], status != .info, let worst = row.kpiWorst[i] else { continue }
            if status == .fail { constraintFails[i, default: 0] += 1 }
            // Closest to passing: the smallest worst value, or the largest for efficiency.
            let better = k.kind == .efficiency ? { (a: Double, b: Double) in a > b } : { (a: Double, b: Double) in a < b }
            if let c = closest[i], !better(worst, c.value) { continue }
            closest[i] = (worst, row.variant)
        }
        for (i, r) in requirements.enumerated() {
            guard let r, i < row.requirementValues.count else { continue }
            guard let v = row.requirementValues[i] else {
                requirementFails[i, default: 0] += 1
                continue
            }
            if !r.holds(v) { requirementFails[i, default: 0] += 1 }
            let better: Bool
            switch r.op {
            case .le, .lt: better = requirementClosest[i].map { v < $0.value } ?? true
            case .ge, .gt: better = requirementClosest[i].map { v > $0.value } ?? true
            case .eq: better = requirementClosest[i].map { abs(v - r.limit) < abs($0.value - r.limit) } ?? true
            }
            if better { requirementClosest[i] = (v, row.variant) }
        }
        guard row.feasible else { return }
        feasibleCount += 1
        if best.count < top || best.last.map({ (row.objective, row.variant) < ($0.objective, $0.variant) }) ?? true {
            let at = best.firstIndex { (row.objective, row.variant) < ($0.objective, $0.variant) } ?? best.count
            best.insert(row, at: at)
            if best.count > top { best.removeLast() }
        }
        for (i, _) in frontierPoints {
            guard let reading = TuneSummary.paretoUnit(table.paths[i]), let value = reading(row.values[i]) else { continue }
            let key = row.values[i]
            if let p = frontierPoints[i]?[key], (p.cost, p.variant) <= (row.totalCost, row.variant) { continue }
            frontierPoints[i]?[key] = (value, row.totalCost, row.variant)
        }
    }

    /// The Pareto frontier of total cost against one path: the values no other feasible
    /// variant beats with more retention for less or equal money, ascending.
    public func frontier(path i: Int) -> [(text: String, value: Double, cost: Double, variant: Int)] {
        guard let points = frontierPoints[i] else { return [] }
        let sorted = points.map { (text: $0.key, value: $0.value.value, cost: $0.value.cost, variant: $0.value.variant) }
            .sorted { ($0.value, $0.cost) < ($1.value, $1.cost) }
        var out: [(text: String, value: Double, cost: Double, variant: Int)] = []
        var cheapestAbove = Double.infinity
        for p in sorted.reversed() where p.cost < cheapestAbove {
            out.append(p)
            cheapestAbove = p.cost
        }
        return out.reversed()
    }

    /// Paths that have a frontier.
    public var frontierPaths: [Int] { frontierPoints.keys.sorted() }

    /// Why no variant is feasible: the constraints every variant fails, each with the value
    /// that came closest; else the constraints failed most often.
    public func infeasibility(limits: [String: Double]) -> [String] {
        guard feasibleCount == 0, variants > 0 else { return [] }
        var lines: [String] = []
        var partial: [(Int, String)] = []
        for (i, count) in constraintFails.sorted(by: { $0.key < $1.key }) {
            let k = table.kpis[i]
            let name = "\(k.kind.rawValue)(\(k.subject))"
            let limit = limits["\(k.kind.rawValue):\(k.subject)"].map { " against a limit of \(TableRenderer.kpiValue($0, k.kind.unit))" } ?? ""
            let near =
                closest[i].map { "; the closest came to \(TableRenderer.kpiValue($0.value, k.kind.unit))\(limit) (variant \($0.variant))" } ?? ""
            if count == variants {
                lines.append("\(name) fails in every variant\(near)")
            } else {
                partial.append((count, "\(name) fails in \(Format.grouped(count)) of \(Format.grouped(variants))"))
            }
        }
        for (i, count) in requirementFails.sorted(by: { $0.key < $1.key }) {
            let text = table.requirements[i]
            let near = requirementClosest[i].map { "; the closest came to \(Format.plain($0.value)) (variant \($0.variant))" } ?? ""
            if count == variants {
                lines.append("--require '\(text)' fails in every variant\(near)")
            } else {
                partial.append((count, "--require '\(text)' fails in \(Format.grouped(count)) of \(Format.grouped(variants))"))
            }
        }
        if lines.isEmpty {
            lines.append("no single constraint rules out every variant, but every variant fails at least one")
            lines += partial.sorted { $0.0 > $1.0 }.map(\.1)
        }
        return lines
    }
}
