import PlanCore

/// The columns of `kpis.csv` (cli.md), in CSV order: one row per KPI and subject.
public enum KPIsColumn: String, OutputColumn {
    case kpi, subject, limit, worst, unit, status
    case firstFailure = "first_failure"

    public typealias Row = KPIRow

    public static var file: String { "kpis" }

    public var kind: ColumnKind {
        switch self {
        case .kpi, .subject, .unit, .status, .firstFailure: return .text
        case .limit, .worst: return .kpiValue
        }
    }

    public func cell(_ row: KPIRow) -> Cell {
        switch self {
        case .kpi: return .text(row.kpi.rawValue)
        case .subject: return .text(row.subject)
        case .limit: return .kpiValue(row.limit, unit: row.unit)
        case .worst: return .kpiValue(row.worst, unit: row.unit)
        case .unit: return .text(row.unit.rawValue)
        case .status: return .text(row.status.rawValue)
        case .firstFailure: return row.firstFailure.map { .text($0.description) } ?? .empty
        }
    }
}
