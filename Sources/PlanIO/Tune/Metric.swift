import PlanCore

/// A figure of one simulation that `--require` and `--objective` can name.
public enum Metric: Sendable, Hashable {
    /// A KPI row, by its worst value: `rto(gitea-db)`, `capacity_alert(minio)`.
    case kpi(KPIKind, subject: String)
    /// Restore points of a job at the end of the horizon (the fewest over its volumes).
    case restorePoints(job: String)
    case peakUsed(target: String)
    case totalCost
    case peakMonthlyCost

    public var unit: KPIUnit? {
        switch self {
        case .kpi(let kind, _): return kind.unit
        case .restorePoints: return nil
        case .peakUsed: return .bytes
        case .totalCost, .peakMonthlyCost: return .money
        }
    }

    /// Whether the metric's subject exists in a result (a job, target or KPI row).
    public func exists(in r: SimulationResult) -> Bool {
        switch self {
        case .kpi(let kind, let subject): return r.kpis.contains { $0.kpi == kind && $0.subject == subject }
        case .restorePoints(let job): return r.jobs.contains { $0.job == job }
        case .peakUsed(let target): return r.targets.contains { $0.name == target }
        case .totalCost, .peakMonthlyCost: return true
        }
    }

    /// The metric's value in a result, or `nil` when the subject does not exist there.
    public func value(in r: SimulationResult) -> Double? {
        switch self {
        case .kpi(let kind, let subject): return r.kpis.first { $0.kpi == kind && $0.subject == subject }.flatMap(\.worst)
        case .restorePoints(let job): return r.jobs.first { $0.job == job }.map { Double($0.finalRestorePoints) }
        case .peakUsed(let target): return r.targets.first { $0.name == target }.map(\.peakUsed.bytes)
        case .totalCost: return r.totalCost.amount
        case .peakMonthlyCost: return r.peakMonthlyCost.amount
        }
    }
}

extension KPIKind {
    public var unit: KPIUnit {
        switch self {
        case .monthlyBudget: return .money
        case .rpo, .rto, .mttr, .walTolerance: return .seconds
        case .efficiency, .successRate: return .share
        case .capacityAlert, .capacityFull, .volumeAlert, .volumeFull, .walVolumeFull: return .bytes
        }
    }
}
