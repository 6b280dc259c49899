import PlanCore

/// The columns of `drills.csv` (cli.md, version 2), in CSV order: one row per drill firing.
public enum DrillsColumn: String, OutputColumn {
    case date, time, drill, workload, job, target
    case bytesRead = "bytes_read"
    case getRequests = "get_requests"
    case egressBytes = "egress_bytes"
    case egressCost = "egress_cost"
    case retrievalCost = "retrieval_cost"
    case retrievalSeconds = "retrieval_seconds"
    case restoreSeconds = "restore_seconds"

    public typealias Row = DrillRow

    public static var file: String { "drills" }

    public var sinceVersion: Int { 2 }

    public var kind: ColumnKind {
        switch self {
        case .date, .time, .drill, .workload, .job, .target: return .text
        case .bytesRead, .getRequests, .egressBytes: return .integer
        case .egressCost, .retrievalCost: return .money
        case .retrievalSeconds, .restoreSeconds: return .decimal6
        }
    }

    public func cell(_ row: DrillRow) -> Cell {
        switch self {
        case .date: return .text(row.date.description)
        case .time:
            let s = row.secondOfDay
            func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
            return .text("\(two(s / 3600)):\(two(s / 60 % 60)):\(two(s % 60))")
        case .drill: return .text(row.drill)
        case .workload: return .text(row.workload)
        case .job: return .text(row.job)
        case .target: return .text(row.target)
        case .bytesRead: return .integer(row.bytesRead)
        case .getRequests: return .integer(row.getRequests)
        case .egressBytes: return .integer(row.egressBytes)
        case .egressCost: return .money(row.egressCost.amount)
        case .retrievalCost: return .money(row.retrievalCost.amount)
        case .retrievalSeconds: return .decimal6(row.retrievalSeconds)
        case .restoreSeconds: return .decimal6(row.restoreSeconds)
        }
    }
}
