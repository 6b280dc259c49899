import PlanCore

/// The columns of `faults.csv` (cli.md, version 2 with the fault keys), in CSV order: one
/// row per day per job, jobs by name.
public enum FaultsColumn: String, DayFileColumn {
    case date, day, job, workload
    case runsScheduled = "runs_scheduled"
    case runsFailed = "runs_failed"
    case walHeldBytes = "wal_held_bytes"
    case pgWALPeakBytes = "pg_wal_peak_bytes"

    /// One `faults.csv` row: a job of the layout on one day.
    public struct Row {
        public var date: String
        public var day: Int
        public var job: String
        /// The CNPG job's workload; nil for other jobs (an empty cell).
        public var workload: String?
        public var values: FaultDayValues
    }

    public static var file: String { "faults" }

    /// `job,workload`: the layout row's names.
    public static var keyCount: Int { 2 }

    public var sinceVersion: Int { 2 }

    public var kind: ColumnKind {
        switch self {
        case .date, .job, .workload: return .text
        case .day, .runsScheduled, .runsFailed, .walHeldBytes, .pgWALPeakBytes: return .integer
        }
    }

    @inline(__always) public func cell(_ row: Row) -> Cell {
        switch self {
        case .date: return .text(row.date)
        case .day: return .int(row.day)
        case .job: return .text(row.job)
        case .workload: return row.workload.map { .text($0) } ?? .empty
        case .runsScheduled: return .integer(row.values.runsScheduled)
        case .runsFailed: return .integer(row.values.runsFailed)
        case .walHeldBytes: return row.values.walHeld.map { .integer($0) } ?? .empty
        case .pgWALPeakBytes: return row.values.pgWALPeak.map { .integer($0) } ?? .empty
        }
    }

    /// Calls `body` with the day's rows in layout order; none without fault keys.
    @inline(__always) public static func forEachRow(
        of rows: DayRows, layout: RowLayout, _ body: (Row) throws -> Void
    ) rethrows {
        guard let jobs = layout.faultJobs, jobs.count == rows.faults.count else { return }
        let date = rows.date.description
        for (i, j) in jobs.enumerated() {
            try body(Row(date: date, day: rows.day, job: j.job, workload: j.workload, values: rows.faults[i]))
        }
    }
}
