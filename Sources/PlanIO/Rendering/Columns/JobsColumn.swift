import PlanCore

/// The columns of `jobs.csv` (version 2; README "Cost per job"), in CSV order: one row per
/// month per `daily.csv` row key (job, target, workload), its share of the target's month.
/// The cost columns carry monthly.csv's names and, over a target's rows of a month, sum
/// exactly to that target's cells.
public enum JobsColumn: String, OutputColumn {
    case month, job, tier, target, workload
    case gbMonths = "gb_months"
    case putRequests = "put_requests"
    case fixedCost = "fixed_cost"
    case storageCost = "storage_cost"
    case requestCost = "request_cost"
    case egressCost = "egress_cost"
    case retrievalCost = "retrieval_cost"
    case earlyDeleteCost = "early_delete_cost"
    case transitionCost = "transition_cost"
    case totalCost = "total_cost"

    public typealias Row = JobCostRow

    public static var file: String { "jobs" }

    public var sinceVersion: Int { 2 }

    public var kind: ColumnKind {
        switch self {
        case .month, .job, .tier, .target, .workload: return .text
        case .putRequests: return .integer
        case .gbMonths: return .decimal6
        case .fixedCost, .storageCost, .requestCost, .egressCost, .retrievalCost, .earlyDeleteCost, .transitionCost, .totalCost:
            return .money
        }
    }

    public func cell(_ row: JobCostRow) -> Cell {
        switch self {
        case .month: return .text(row.month)
        case .job: return .text(row.job)
        case .tier: return .text(row.tier.rawValue)
        case .target: return .text(row.target)
        case .workload: return .text(row.workload)
        case .gbMonths: return .decimal6(row.gbMonths)
        case .putRequests: return .integer(row.putRequests)
        case .fixedCost: return .money(row.fixedCost.amount)
        case .storageCost: return .money(row.storageCost.amount)
        case .requestCost: return .money(row.requestCost.amount)
        case .egressCost: return .money(row.egressCost.amount)
        case .retrievalCost: return .money(row.retrievalCost.amount)
        case .earlyDeleteCost: return .money(row.earlyDeleteCost.amount)
        case .transitionCost: return .money(row.transitionCost.amount)
        case .totalCost: return .money(row.totalCost.amount)
        }
    }
}
