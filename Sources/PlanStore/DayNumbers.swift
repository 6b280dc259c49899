import PlanCore
import PlanIO

/// A cell as the run store binds it: NULL, an INTEGER or a REAL (README, "The tables").
/// Text never appears here: the day files' text columns are their date and names, which
/// `FILE_keys` holds once a run, and `StoreColumnsTests` holds every value column to a number.
enum StoreNumber: Sendable, Equatable {
    case null
    case integer(Int64)
    case real(Double)

    /// The cell of a column of `kind`: an integer column's cell as the CSV's integer
    /// (nearest, half away from zero) when it fits 64 bits, else REAL (sizes up to 2^70 B,
    /// and infinity); any other number unrounded; NaN and an empty cell as NULL.
    @inline(__always) init(_ cell: Cell, kind: ColumnKind) {
        switch cell {
        case .int(let n): self = .integer(Int64(n))
        case .integer(let x), .money(let x), .decimal6(let x):
            if x.isNaN {
                self = .null
            } else if kind.storesInteger {
                let a = Swift.abs(x)
                if a < 0x1p53 {
                    let n = a.nearestWholeBelow2p53
                    self = .integer(x < 0 ? -n : n)
                } else {
                    let r = x.rounded(.toNearestOrAwayFromZero)
                    self = r.isFinite && Swift.abs(r) < 9.0e18 ? .integer(Int64(r)) : .real(r)
                }
            } else {
                self = .real(x)
            }
        case .text, .empty: self = .null
        }
    }
}

/// A day's numbers for the four `FILE_values` tables, row after row, each row's value
/// columns in order. The simulation's thread makes them (`RunRecorder`) while it writes
/// the CSV files, and the writer thread only binds them: taking the cells out of the rows
/// was a fifth of the writer's time, and the writer is the slower of the two threads.
///
/// With the day's number and date they are all the writer needs after the first day, so
/// the day's rows stay with the engine: a queued reference to them made the engine copy
/// its row arrays every day, and the writer free them.
struct DayNumbers: Sendable {
    var day: Int
    var date: CivilDate
    var daily: [StoreNumber]
    var workloads: [StoreNumber]
    var targets: [StoreNumber]
    var faults: [StoreNumber]

    /// The bytes the day's numbers take: each array that holds any, its numbers (16 bytes
    /// each, `StoreNumber`'s stride) with a header of 32 and malloc's 16.
    var bytes: Int {
        func size(_ a: [StoreNumber]) -> Int { a.isEmpty ? 0 : 48 + a.count * MemoryLayout<StoreNumber>.stride }
        return size(daily) + size(workloads) + size(targets) + size(faults)
    }
}

/// Takes a day's numbers out of its rows, with the value columns of the run's version.
struct DayNumberExtractor {
    let layout: RowLayout
    private let daily: [DailyColumn]
    private let workloads: [WorkloadsColumn]
    private let targets: [TargetsColumn]
    private let faults: [FaultsColumn]
    /// The previous day's counts: every day has the same rows.
    private var capacity = (daily: 0, workloads: 0, targets: 0, faults: 0)

    init(_ layout: RowLayout) {
        self.layout = layout
        let v = layout.version
        daily = DailyColumn.valueColumns(version: v)
        workloads = WorkloadsColumn.valueColumns(version: v)
        targets = TargetsColumn.valueColumns(version: v)
        faults = layout.faultJobs == nil ? [] : FaultsColumn.valueColumns(version: v)
    }

    mutating func numbers(of rows: DayRows) -> DayNumbers {
        let n = DayNumbers(
            day: rows.day, date: rows.date,
            daily: Self.extract(daily, rows, layout, capacity.daily),
            workloads: Self.extract(workloads, rows, layout, capacity.workloads),
            targets: Self.extract(targets, rows, layout, capacity.targets),
            faults: faults.isEmpty ? [] : Self.extract(faults, rows, layout, capacity.faults))
        capacity = (n.daily.count, n.workloads.count, n.targets.count, n.faults.count)
        return n
    }

    private static func extract<C: DayFileColumn>(_ columns: [C], _ rows: DayRows, _ layout: RowLayout, _ capacity: Int) -> [StoreNumber] {
        var out: [StoreNumber] = []
        out.reserveCapacity(capacity)
        C.forEachRow(of: rows, layout: layout) { r in
            for c in columns { out.append(StoreNumber(c.cell(r), kind: c.kind)) }
        }
        return out
    }
}
