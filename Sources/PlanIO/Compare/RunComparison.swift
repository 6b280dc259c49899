import PlanCore

/// What differs between two runs of `plan compare`: resolved settings, targets, monthly
/// cost and KPIs, matched by name across the sides (a thing on one side only has the
/// other side missing).
public struct RunComparison: Sendable {
    public struct SettingChange: Sendable, Hashable {
        public var path: String
        /// nil: the side has no such setting.
        public var a: String?
        public var b: String?
    }

    public struct TargetChange: Sendable, Hashable {
        public var target: String
        /// Peak used bytes.
        public var peakUsed: NumberChange
        /// The first day over the alert level, and over the usable capacity.
        public var alert: DateChange
        public var full: DateChange
    }

    public struct CostChange: Sendable, Hashable {
        /// `YYYY-MM`, or nil for the whole horizon.
        public var month: String?
        /// A target name, or `total`.
        public var target: String
        public var cost: NumberChange
        /// The month is simulated in part on one side or both (the first and last month).
        public var partial: Bool = false
    }

    public struct KPIChange: Sendable, Hashable {
        public var kpi: KPIKind
        public var subject: String
        public var unit: KPIUnit
        public var limit: NumberChange
        public var worst: NumberChange
        public var statusA: KPIStatus?
        public var statusB: KPIStatus?
        /// True when both sides have the row and its status differs.
        public var statusChanged: Bool { statusA != nil && statusB != nil && statusA != statusB }
    }

    public var a: ComparisonSide
    public var b: ComparisonSide
    /// Only the settings whose values differ, in A's order, then B's own.
    public var settings: [SettingChange]
    public var targets: [TargetChange]
    /// Per month (in order), per target (by name), then the month's `total`.
    public var monthly: [CostChange]
    /// Over the horizon: per target, then `total`.
    public var horizon: [CostChange]
    /// In the order of kpis.csv of A, then B's own rows.
    public var kpis: [KPIChange]

    public init(a: ComparisonSide, b: ComparisonSide) {
        self.a = a
        self.b = b

        let settingsB = Dictionary(b.settings.map { ($0.path, $0.value) }, uniquingKeysWith: { x, _ in x })
        let settingsA = Dictionary(a.settings.map { ($0.path, $0.value) }, uniquingKeysWith: { x, _ in x })
        settings = RunComparison.union(a.settings.map(\.path), b.settings.map(\.path)).compactMap { path in
            let (x, y) = (settingsA[path], settingsB[path])
            return x == y ? nil : SettingChange(path: path, a: x, b: y)
        }

        let targetsA = Dictionary(a.result.targets.map { ($0.name, $0) }, uniquingKeysWith: { x, _ in x })
        let targetsB = Dictionary(b.result.targets.map { ($0.name, $0) }, uniquingKeysWith: { x, _ in x })
        let targetNames = RunComparison.union(a.result.targets.map(\.name), b.result.targets.map(\.name)).sorted()
        targets = targetNames.map { name in
            let (x, y) = (targetsA[name], targetsB[name])
            return TargetChange(
                target: name, peakUsed: NumberChange(a: x?.peakUsed.bytes, b: y?.peakUsed.bytes),
                alert: DateChange(a: x?.alertDate, b: y?.alertDate), full: DateChange(a: x?.fullDate, b: y?.fullDate))
        }

        func costs(_ r: SimulationResult) -> [String: [String: Double]] {
            var out: [String: [String: Double]] = [:]
            for m in r.monthly { out[m.month, default: [:]][m.target] = m.totalCost.amount }
            return out
        }
        let (costA, costB) = (costs(a.result), costs(b.result))
        let months = Set(costA.keys).union(costB.keys).sorted()
        var partial = Set<String>()
        for m in a.result.monthly + b.result.monthly where m.target == "total" && m.days < CivilDate.daysIn(m.month) {
            partial.insert(m.month)
        }
        let columns = targetNames + ["total"]
        monthly = months.flatMap { month in
            columns.map { target in
                CostChange(
                    month: month, target: target, cost: NumberChange(a: costA[month]?[target], b: costB[month]?[target]),
                    partial: partial.contains(month))
            }
        }
        func overHorizon(_ r: SimulationResult, _ target: String) -> Double? {
            if target == "total" { return r.totalCost.amount }
            let rows = r.monthly.filter { $0.target == target }
            return rows.isEmpty ? nil : rows.reduce(0) { $0 + $1.totalCost.amount }
        }
        horizon = columns.map { target in
            CostChange(month: nil, target: target, cost: NumberChange(a: overHorizon(a.result, target), b: overHorizon(b.result, target)))
        }

        struct Key: Hashable {
            var kpi: KPIKind
            var subject: String
        }
        let kpisB = Dictionary(b.result.kpis.map { (Key(kpi: $0.kpi, subject: $0.subject), $0) }, uniquingKeysWith: { x, _ in x })
        let kpisA = Dictionary(a.result.kpis.map { (Key(kpi: $0.kpi, subject: $0.subject), $0) }, uniquingKeysWith: { x, _ in x })
        let keys = RunComparison.union(
            a.result.kpis.map { Key(kpi: $0.kpi, subject: $0.subject) }, b.result.kpis.map { Key(kpi: $0.kpi, subject: $0.subject) })
        kpis = keys.map { key in
            let (x, y) = (kpisA[key], kpisB[key])
            return KPIChange(
                kpi: key.kpi, subject: key.subject, unit: (x ?? y)?.unit ?? .money, limit: NumberChange(a: x?.limit, b: y?.limit),
                worst: NumberChange(a: x?.worst, b: y?.worst), statusA: x?.status, statusB: y?.status)
        }
    }

    /// `first`, then the elements of `second` that `first` lacks, each once, in order.
    static func union<T: Hashable>(_ first: [T], _ second: [T]) -> [T] {
        var seen = Set<T>()
        return (first + second).filter { seen.insert($0).inserted }
    }
}
