import PlanCore

/// The columns of `workloads.csv` (cli.md), in CSV order: one row per day per workload.
public enum WorkloadsColumn: String, DayFileColumn {
    case date, day, workload, kind
    case sizeBytes = "size_bytes"
    case volumeBytes = "volume_bytes"
    case walBytes = "wal_bytes"
    case rtoSeconds = "rto_seconds"

    /// One `workloads.csv` row: a workload of the layout on one day. Valid only while
    /// `forEachRow`'s body runs, and must not be stored or returned from it: it reads its
    /// workload in place in the layout (as `DailyColumn.Row` does its key).
    public struct Row {
        /// `YYYY-MM-DD`.
        public let date: String
        public let day: Int
        @usableFromInline let workloadAddress: UnsafePointer<Workload>
        @inlinable public var workload: Workload { unsafeAddress { workloadAddress } }
        public let values: WorkloadDayValues

        @usableFromInline init(date: String, day: Int, workload: UnsafePointer<Workload>, values: WorkloadDayValues) {
            self.date = date
            self.day = day
            workloadAddress = workload
            self.values = values
        }
    }

    public static var file: String { "workloads" }

    /// `workload,kind`: the layout row's names.
    public static var keyCount: Int { 2 }

    @inlinable public var kind: ColumnKind {
        switch self {
        case .date, .workload, .kind: return .text
        case .day, .sizeBytes, .volumeBytes, .walBytes: return .integer
        case .rtoSeconds: return .decimal6
        }
    }

    @inlinable @inline(__always) public func cell(_ row: Row) -> Cell {
        switch self {
        case .date: return .text(row.date)
        case .day: return .int(row.day)
        case .workload: return .text(row.workload.name)
        case .kind: return .text(row.workload.kind.rawValue)
        case .sizeBytes: return .integer(row.values.size)
        case .volumeBytes: return row.workload.volume.map { .integer($0.bytes) } ?? .empty
        case .walBytes:
            guard row.workload.kind == .postgres, let wal = row.values.wal else { return .empty }
            return .integer(wal)
        case .rtoSeconds: return row.values.rto.map { .decimal6($0) } ?? .empty
        }
    }

    /// As `cell(_:)`, but `wal_bytes` of a `postgres` workload is 0, not null, on a day
    /// without a WAL figure (as the JSON output has always written it).
    public func jsonCell(_ row: Row) -> Cell {
        switch self {
        case .walBytes: return row.workload.kind == .postgres ? .integer(row.values.wal ?? 0) : .empty
        default: return cell(row)
        }
    }

    /// Calls `body` with the day's rows, in layout order (by workload name).
    @inlinable @inline(__always) public static func forEachRow(
        of rows: DayRows, layout: RowLayout, _ body: (Row) throws -> Void
    ) rethrows {
        let date = rows.date.description
        try layout.workloads.withUnsafeBufferPointer { workloads in
            guard let first = workloads.baseAddress else { return }
            for i in workloads.indices {
                try body(Row(date: date, day: rows.day, workload: first + i, values: rows.workloads[i]))
            }
        }
    }
}
