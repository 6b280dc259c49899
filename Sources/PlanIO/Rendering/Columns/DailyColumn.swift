import PlanCore

/// The columns of `daily.csv` (cli.md), in CSV order: one row per day per job per volume
/// per target that holds it.
public enum DailyColumn: String, DayFileColumn {
    case date, day, job, tier, target, workload
    case restorePoints = "restore_points"
    case storedBytes = "stored_bytes"
    case rawBytes = "raw_bytes"
    case uploadedBytes = "uploaded_bytes"
    case objects
    case putRequests = "put_requests"
    /// Version 2: the row's deleted bytes of the day and its noncurrent bytes at its end.
    case deletedBytes = "deleted_bytes"
    case noncurrentBytes = "noncurrent_bytes"

    /// One `daily.csv` row: a job row of the layout on one day. Valid only while
    /// `forEachRow`'s body runs: it must not be stored or returned from the body (copy
    /// `row.key`, a value, if it is needed later). The row reads its key in place in the
    /// layout, so that a row copies no names (issue 15: copying them was a tenth of a
    /// 10-year `plan simulate`).
    public struct Row {
        /// `YYYY-MM-DD`.
        public let date: String
        public let day: Int
        @usableFromInline let keyAddress: UnsafePointer<JobRowKey>
        @inlinable public var key: JobRowKey { unsafeAddress { keyAddress } }
        public let values: JobDayValues
        /// Version 2: `deleted_bytes` and `noncurrent_bytes` (0 in version 1).
        public let deleted: Double
        public let noncurrent: Double

        @usableFromInline init(
            date: String, day: Int, key: UnsafePointer<JobRowKey>, values: JobDayValues, deleted: Double, noncurrent: Double
        ) {
            self.date = date
            self.day = day
            keyAddress = key
            self.values = values
            self.deleted = deleted
            self.noncurrent = noncurrent
        }
    }

    public static var file: String { "daily" }

    /// `job,tier,target,workload`: the layout row's names.
    public static var keyCount: Int { 4 }

    @inlinable public var kind: ColumnKind {
        switch self {
        case .date, .job, .tier, .target, .workload: return .text
        case .day, .restorePoints, .storedBytes, .rawBytes, .uploadedBytes, .objects, .putRequests, .deletedBytes, .noncurrentBytes:
            return .integer
        }
    }

    @inlinable @inline(__always) public func cell(_ row: Row) -> Cell {
        switch self {
        case .date: return .text(row.date)
        case .day: return .int(row.day)
        case .job: return .text(row.key.job)
        case .tier: return .text(row.key.tier.rawValue)
        case .target: return .text(row.key.target)
        case .workload: return .text(row.key.workload)
        case .restorePoints: return .integer(row.values.restorePoints)
        case .storedBytes: return .integer(row.values.stored)
        case .rawBytes: return .integer(row.values.raw)
        case .uploadedBytes: return .integer(row.values.uploaded)
        case .objects: return .integer(row.values.objects)
        case .putRequests: return .integer(row.values.putRequests)
        case .deletedBytes: return .integer(row.deleted)
        case .noncurrentBytes: return .integer(row.noncurrent)
        }
    }

    public var sinceVersion: Int {
        switch self {
        case .deletedBytes, .noncurrentBytes: return 2
        default: return 1
        }
    }

    /// Calls `body` with the day's rows, in layout order (the order of `daily.csv`).
    @inlinable @inline(__always) public static func forEachRow(
        of rows: DayRows, layout: RowLayout, _ body: (Row) throws -> Void
    ) rethrows {
        let date = rows.date.description
        let v2 = !rows.deleted.isEmpty
        try layout.jobRows.withUnsafeBufferPointer { keys in
            guard let first = keys.baseAddress else { return }
            for i in keys.indices {
                try body(
                    Row(
                        date: date, day: rows.day, key: first + i, values: rows.jobs[keys[i].source],
                        deleted: v2 ? rows.deleted[i] : 0, noncurrent: v2 ? rows.noncurrent[i] : 0))
            }
        }
    }
}
