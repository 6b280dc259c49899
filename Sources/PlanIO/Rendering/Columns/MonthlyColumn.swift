import PlanCore

/// The columns of `monthly.csv` (cli.md), in CSV order: one row per month per target, then
/// a `total` row per month.
public enum MonthlyColumn: String, OutputColumn {
    case month, target, days
    case fixedCost = "fixed_cost"
    case storageCost = "storage_cost"
    case requestCost = "request_cost"
    case totalCost = "total_cost"
    case gbMonths = "gb_months"
    case putRequests = "put_requests"
    // Version 2 (cli.md "Version 2 columns").
    case getRequests = "get_requests"
    case listRequests = "list_requests"
    case egressBytes = "egress_bytes"
    case egressCost = "egress_cost"
    case retrievalCost = "retrieval_cost"
    case earlyDeleteCost = "early_delete_cost"
    case transitionCost = "transition_cost"
    case noncurrentGBMonths = "noncurrent_gb_months"

    public typealias Row = MonthlyRow

    public static var file: String { "monthly" }

    public var kind: ColumnKind {
        switch self {
        case .month, .target: return .text
        case .days, .putRequests, .getRequests, .listRequests, .egressBytes: return .integer
        case .fixedCost, .storageCost, .requestCost, .totalCost, .egressCost, .retrievalCost, .earlyDeleteCost, .transitionCost: return .money
        case .gbMonths, .noncurrentGBMonths: return .decimal6
        }
    }

    public func cell(_ row: MonthlyRow) -> Cell {
        switch self {
        case .month: return .text(row.month)
        case .target: return .text(row.target)
        case .days: return .int(row.days)
        case .fixedCost: return .money(row.fixedCost.amount)
        case .storageCost: return .money(row.storageCost.amount)
        case .requestCost: return .money(row.requestCost.amount)
        case .totalCost: return .money(row.totalCost.amount)
        case .gbMonths: return .decimal6(row.gbMonths)
        case .putRequests: return .integer(row.putRequests)
        case .getRequests: return .integer(row.billing?.getRequests ?? 0)
        case .listRequests: return .integer(row.billing?.listRequests ?? 0)
        case .egressBytes: return .integer(row.billing?.egressBytes ?? 0)
        case .egressCost: return .money(row.billing?.egressCost.amount ?? 0)
        case .retrievalCost: return .money(row.billing?.retrievalCost.amount ?? 0)
        case .earlyDeleteCost: return .money(row.billing?.earlyDeleteCost.amount ?? 0)
        case .transitionCost: return .money(row.billing?.transitionCost.amount ?? 0)
        case .noncurrentGBMonths: return .decimal6(row.billing?.noncurrentGBMonths ?? 0)
        }
    }

    public var sinceVersion: Int { self.rank > MonthlyColumn.putRequests.rank ? 2 : 1 }

    /// The column's place in CSV order.
    var rank: Int { MonthlyColumn.allCases.firstIndex(of: self) ?? 0 }
}
