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

    public typealias Row = MonthlyRow

    public static var file: String { "monthly" }

    public var kind: ColumnKind {
        switch self {
        case .month, .target: return .text
        case .days, .putRequests: return .integer
        case .fixedCost, .storageCost, .requestCost, .totalCost: return .money
        case .gbMonths: return .decimal6
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
        }
    }
}
