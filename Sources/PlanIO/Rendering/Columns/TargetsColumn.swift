import PlanCore

/// The columns of `targets.csv` (cli.md), in CSV order: one row per day per target.
public enum TargetsColumn: String, DayFileColumn {
    case date, day, target, kind
    case usedBytes = "used_bytes"
    case usableBytes = "usable_bytes"
    case usedShare = "used_share"
    /// Version 2: the noncurrent part of `used_bytes`.
    case noncurrentBytes = "noncurrent_bytes"

    /// One `targets.csv` row: a target of the layout on one day. Valid only while
    /// `forEachRow`'s body runs, and must not be stored or returned from it: it reads its
    /// target in place in the layout (as `DailyColumn.Row` does its key).
    public struct Row {
        /// `YYYY-MM-DD`.
        public let date: String
        public let day: Int
        @usableFromInline let targetAddress: UnsafePointer<Target>
        @inlinable public var target: Target { unsafeAddress { targetAddress } }
        /// Used bytes at the day's end.
        public let used: Double
        /// Version 2: the noncurrent part of `used` (0 in version 1).
        public let noncurrent: Double

        @usableFromInline init(date: String, day: Int, target: UnsafePointer<Target>, used: Double, noncurrent: Double) {
            self.date = date
            self.day = day
            targetAddress = target
            self.used = used
            self.noncurrent = noncurrent
        }
    }

    public static var file: String { "targets" }

    /// `target,kind`: the layout row's names.
    public static var keyCount: Int { 2 }

    @inlinable public var kind: ColumnKind {
        switch self {
        case .date, .target, .kind: return .text
        case .day, .usedBytes, .usableBytes, .noncurrentBytes: return .integer
        case .usedShare: return .decimal6
        }
    }

    @inlinable @inline(__always) public func cell(_ row: Row) -> Cell {
        switch self {
        case .date: return .text(row.date)
        case .day: return .int(row.day)
        case .target: return .text(row.target.name)
        case .kind: return .text(row.target.kind.rawValue)
        case .usedBytes: return .integer(row.used)
        case .usableBytes: return row.target.usable.map { .integer($0.bytes) } ?? .empty
        case .usedShare:
            // Over a usable capacity of 0, any use is an infinite share.
            guard let u = row.target.usable?.bytes else { return .empty }
            return .decimal6(u > 0 ? row.used / u : (row.used > 0 ? .infinity : 0))
        case .noncurrentBytes: return .integer(row.noncurrent)
        }
    }

    public var sinceVersion: Int { self == .noncurrentBytes ? 2 : 1 }

    /// As `cell(_:)`, but `used_share` over a usable capacity of 0 is 0 (as the JSON output
    /// has always written it).
    public func jsonCell(_ row: Row) -> Cell {
        switch self {
        case .usedShare: return row.target.usable.map { u in .decimal6(u.bytes > 0 ? row.used / u.bytes : 0) } ?? .empty
        default: return cell(row)
        }
    }

    /// Calls `body` with the day's rows, in layout order (by target name).
    @inlinable @inline(__always) public static func forEachRow(
        of rows: DayRows, layout: RowLayout, _ body: (Row) throws -> Void
    ) rethrows {
        let date = rows.date.description
        try layout.targets.withUnsafeBufferPointer { targets in
            guard let first = targets.baseAddress else { return }
            for i in targets.indices {
                let noncurrent = rows.targetNoncurrent.isEmpty ? 0 : rows.targetNoncurrent[i]
                try body(Row(date: date, day: rows.day, target: first + i, used: rows.targetUsed[i], noncurrent: noncurrent))
            }
        }
    }
}
