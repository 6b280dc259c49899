import Foundation
import GRDB
import GRDBSQLite
import PlanCore
import PlanIO

/// Inserts a run's rows inside its transaction, on the writer thread.
final class RunInserter {
    let db: Database
    /// The id of the run being recorded.
    let runID: Int64
    private(set) var layout = RowLayout(jobRows: [], workloads: [], targets: [])
    /// The INSERTs of the daily files' tables, with the columns of the layout's version.
    private var daily: PackedDayInsert?
    private var workloads: DayTableInsert<WorkloadsColumn>?
    private var targets: DayTableInsert<TargetsColumn>?
    /// A version 2 layout with fault keys: the INSERTs of the `faults` rows.
    private var faults: DayTableInsert<FaultsColumn>?
    /// The INSERTs of the days' dates (`run_days`).
    private var dates: DayDatesInsert?
    /// Bound parameters per multi-row INSERT at most (a test lowers it to make chunks).
    var parameterBudget = DayTableInsert<DailyColumn>.defaultParameterBudget

    init(db: Database, header: RunHeader) throws {
        self.db = db
        try db.execute(
            sql: """
                INSERT INTO runs (created_at, scenario, scenario_path, content_hash, overrides, start, horizon_days,
                    currency, plan_version, files_written, store_path, peak_used_bytes, total_cost,
                    peak_monthly_cost, kpi_statuses)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '{}', 0, 0, '{}')
                """,
            arguments: [
                header.createdAt, header.scenario, header.scenarioPath, header.contentHash,
                StoreJSON.array(header.overrides), header.start.description, header.horizonDays, header.currency,
                header.planVersion, header.filesWritten, header.storePath,
            ])
        runID = db.lastInsertedRowID
        guard runID > 0, runID <= DayKey.maxRun else {
            throw PlanIOError.cannotWrite(
                path: "", reason: "run id \(runID) is past the \(DayKey.maxRun) runs a store keys; record into a new store (--db)")
        }
        let settings = try db.makeStatement(sql: "INSERT INTO settings (run_id, path, value) VALUES (?, ?, ?)")
        for s in header.settings { try settings.execute(arguments: [runID, s.path, s.value]) }
    }

    /// Takes the run's layout, whose version says which columns the daily rows have, and
    /// prepares their INSERTs.
    func begin(_ layout: RowLayout) throws {
        self.layout = layout
        let (v, budget) = (layout.version, parameterBudget)
        daily = try PackedDayInsert(db, version: v, parameterBudget: budget)
        workloads = try DayTableInsert(db, version: v, parameterBudget: budget)
        targets = try DayTableInsert(db, version: v, parameterBudget: budget)
        faults = layout.faultJobs == nil ? nil : try DayTableInsert(db, version: v, parameterBudget: budget)
        dates = try DayDatesInsert(db, parameterBudget: budget)
    }

    /// Inserts the layout's first day: the names of its `daily`, `workloads` and `targets`
    /// rows (and `faults`, with fault keys) from `rows`, and its `numbers`, which
    /// `DayNumberExtractor` took from the same rows with the CSV files' column declarations
    /// (the round-trip test holds them equal).
    func firstDay(_ rows: DayRows, _ numbers: DayNumbers) throws {
        if daily == nil { try begin(layout) }
        try daily?.insertFirst(rows, numbers.daily, layout: layout, runID: runID)
        try workloads?.insertFirst(rows, numbers.workloads, layout: layout, runID: runID)
        try targets?.insertFirst(rows, numbers.targets, layout: layout, runID: runID)
        try faults?.insertFirst(rows, numbers.faults, layout: layout, runID: runID)
        try dates?.insert(day: numbers.day, date: numbers.date, runID: runID)
    }

    /// Inserts a later day's numbers, under the names of the first day's rows.
    func day(_ numbers: DayNumbers) throws {
        if daily == nil { try begin(layout) }
        try daily?.insert(numbers.daily, day: numbers.day, runID: runID)
        try workloads?.insert(numbers.workloads, day: numbers.day, runID: runID)
        try targets?.insert(numbers.targets, day: numbers.day, runID: runID)
        try faults?.insert(numbers.faults, day: numbers.day, runID: runID)
        try dates?.insert(day: numbers.day, date: numbers.date, runID: runID)
    }

    /// Inserts the last days still waiting for a whole multi-day INSERT, the summary rows
    /// and the headline figures.
    func finish(_ r: SimulationResult) throws {
        try daily?.finish(runID: runID)
        try workloads?.finish(layout: layout, runID: runID)
        try targets?.finish(layout: layout, runID: runID)
        try faults?.finish(layout: layout, runID: runID)
        try dates?.finish(runID: runID)
        try insert(MonthlyColumn.self, r.monthly, version: r.version)
        try insert(KPIsColumn.self, r.kpis, version: r.version)
        try insert(DrillsColumn.self, r.drills, version: r.version)
        try insert(JobsColumn.self, r.jobCosts, version: r.version)
        let warnings = try db.makeStatement(sql: "INSERT INTO warnings (run_id, message) VALUES (?, ?)")
        for w in r.warnings { try warnings.execute(arguments: [runID, w]) }
        let targets = try db.makeStatement(
            sql: """
                INSERT INTO target_summary (run_id, target, kind, usable_bytes, peak_used_bytes, peak_date,
                    alert_date, full_date, needed_bytes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for t in r.targets {
            try targets.execute(arguments: [
                runID, t.name, t.kind.rawValue, t.usable?.bytes, t.peakUsed.bytes, t.peakDate?.description,
                t.alertDate?.description, t.fullDate?.description, t.neededCapacity?.bytes,
            ])
        }
        let jobs = try db.makeStatement(
            sql: """
                INSERT INTO job_summary (run_id, job, target, peak_stored_bytes, mean_daily_upload_bytes,
                    final_restore_points) VALUES (?, ?, ?, ?, ?, ?)
                """)
        for j in r.jobs {
            try jobs.execute(arguments: [
                runID, j.job, j.target, j.peakStored.bytes, j.meanDailyUpload.bytes, j.finalRestorePoints,
            ])
        }
        let workloads = try db.makeStatement(
            sql: """
                INSERT INTO workload_summary (run_id, workload, peak_size_bytes, volume_bytes, alert_date, full_date)
                VALUES (?, ?, ?, ?, ?, ?)
                """)
        for w in r.workloads {
            try workloads.execute(arguments: [
                runID, w.name, w.peakSize.bytes, w.volume?.bytes, w.alertDate?.description, w.fullDate?.description,
            ])
        }
        try db.execute(
            sql: """
                UPDATE runs SET peak_used_bytes = ?, total_cost = ?, peak_monthly_cost = ?, kpi_statuses = ?,
                    kpis_failed = ?, kpis_checked = ?, version = ?, has_faults = ?, has_job_costs = ? WHERE id = ?
                """,
            arguments: [
                StoreJSON.object(r.targets.map { ($0.name, CSVRenderer.integer($0.peakUsed.bytes)) }),
                r.totalCost.amount, r.peakMonthlyCost.amount, StoreJSON.kpiStatuses(r.kpis),
                r.kpis.filter { $0.status == .fail }.count, r.kpis.filter { $0.status != .info }.count, r.version,
                r.hasFaults, r.version >= 2, runID,
            ])
    }

    /// Inserts the rows of a summary file's table with the columns of the run's `version`
    /// (none for a file that the version does not write, such as a version 1 run's drills).
    private func insert<C: OutputColumn>(_: C.Type, _ rows: [C.Row], version: Int) throws {
        let columns = C.columns(version: version)
        guard !rows.isEmpty, !columns.isEmpty else { return }
        let statement = try RowInsert(db, columnsOf: C.self, version: version)
        for row in rows { try statement.insert(C.self, row, runID: runID, columns: columns) }
    }
}

/// The INSERTs of one daily file's two tables (schema v6, `compactDayTables`, keyed as
/// schema v7 has it, `DayKey`): the layout rows' names once a run into `FILE_keys`,
/// numbered by their place in a day, and each day's numbers into `FILE_values` under the
/// id of that day and number.
///
/// After the first day, the values rows go in by INSERTs of many rows each (`VALUES (…),
/// (…)`): several whole days per statement while they fit the parameter budget (the seed's
/// 10 daily rows: 11 days, 110 rows), else a day in chunks. SQLite's work per statement
/// (its cursor, its journal state) is then paid once per chunk rather than per row: for
/// ten years of the seed's `daily` rows, 431 M instructions one row per statement, 283 M
/// ten, 258 M ninety (callgrind, SQLite's C API alone).
struct DayTableInsert<C: DayFileColumn> {
    private let db: Database
    private let keys: RowInsert
    private let values: RowInsert
    /// The name columns (after `date,day`) and the value columns of the version's INSERTs.
    private let keyColumns: [C]
    private let valueColumns: [C]
    /// Bound parameters per statement at most.
    private let parameterBudget: Int
    /// The default budget: well under SQLite's limit of bound parameters (32,766).
    static var defaultParameterBudget: Int { 999 }

    /// How the days after the first are inserted, once the first has counted its rows.
    private enum Plan {
        /// Before the first day.
        case first
        /// `days` whole days of `perDay` rows per `statement`; `pending` waits for the next.
        case days(perDay: Int, days: Int, statement: RowInsert, pending: [PendingDay])
        /// A day per `chunk` statements of `chunkRows` rows, then `rest` for what is left.
        case chunks(perDay: Int, chunkRows: Int, chunk: RowInsert, rest: RowInsert?)
        /// A layout without rows of this file.
        case none
    }

    private var plan = Plan.first
    /// A day waiting for a whole multi-day statement: its number and its numbers.
    private typealias PendingDay = (day: Int, numbers: [StoreNumber])

    init(_ db: Database, version: Int, parameterBudget: Int = defaultParameterBudget) throws {
        self.db = db
        self.parameterBudget = parameterBudget
        keyColumns = C.keyColumns(version: version)
        valueColumns = C.valueColumns(version: version)
        keys = try RowInsert(db, Self.sql("keys", ["run_id", "row"], keyColumns, rows: 1))
        values = try RowInsert(db, Self.sql("values", Self.valueKeys, valueColumns, rows: 1))
    }

    /// A values row's key: its `DayKey` id (schema v7).
    private static var valueKeys: [String] { ["id"] }

    /// Parameters per values row: `id` and the values.
    private var width: Int { Self.valueKeys.count + valueColumns.count }

    /// `INSERT OR ROLLBACK INTO FILE_table (columns) VALUES (?, …), …` with `rows` rows of marks.
    static func sql(_ table: String, _ leading: [String], _ columns: [C], rows: Int) -> String {
        let names = leading + columns.map { "\"\($0.storeName)\"" }
        let row = "(" + Array(repeating: "?", count: names.count).joined(separator: ", ") + ")"
        return RowInsert.verb + " \(C.file)_\(table) (\(names.joined(separator: ", "))) VALUES "
            + Array(repeating: row, count: rows).joined(separator: ", ")
    }

    /// Inserts the first day's rows: their names and numbers, one row at a time (`first`).
    mutating func insertFirst(_ rows: DayRows, _ numbers: [StoreNumber], layout: RowLayout, runID: Int64) throws {
        guard case .first = plan else { return try insert(numbers, day: rows.day, runID: runID) }
        try first(rows, numbers, layout: layout, runID: runID)
    }

    /// Inserts a later day's numbers: with the days after it, or in chunks.
    mutating func insert(_ numbers: [StoreNumber], day: Int, runID: Int64) throws {
        switch plan {
        case .first:
            // The recorder sends the first day with its rows; without them there are no names.
            throw PlanIOError.cannotWrite(path: "", reason: "day \(day) of '\(C.file)' came before the day that names its rows")
        case .days(let perDay, let days, let statement, var pending):
            try check(numbers, day: day, perDay: perDay)
            plan = .none  // keep `pending` uniquely referenced while it grows
            pending.append((day, numbers))
            if pending.count == days {
                for (d, waiting) in pending.enumerated() {
                    bind(waiting.numbers, day: waiting.day, runID: runID, rows: perDay, into: statement, from: d * perDay, first: 0)
                }
                try statement.run()
                pending.removeAll(keepingCapacity: true)
            }
            plan = .days(perDay: perDay, days: days, statement: statement, pending: pending)
        case .chunks(let perDay, let chunkRows, let chunk, let rest):
            try check(numbers, day: day, perDay: perDay)
            try chunked(numbers, day: day, runID: runID, perDay: perDay, chunkRows: chunkRows, chunk: chunk, rest: rest)
        case .none:
            return
        }
    }

    /// A day whose numbers are not the first day's rows' worth: the layout is the same
    /// every day, so this is a bug; the run is rolled back rather than recorded short.
    private func check(_ numbers: [StoreNumber], day: Int, perDay: Int) throws {
        guard numbers.count == perDay * valueColumns.count else { throw Self.changedRows(day, perDay) }
    }

    /// Inserts the days still waiting for a whole statement (fewer than it holds), one row
    /// at a time: the run's last days.
    mutating func finish(layout: RowLayout, runID: Int64) throws {
        guard case .days(let perDay, let days, let statement, let pending) = plan else { return }
        for day in pending {
            for row in 0..<perDay {
                bind(day.numbers, day: day.day, runID: runID, rows: 1, into: values, from: 0, first: row)
                try values.run()
            }
        }
        plan = .days(perDay: perDay, days: days, statement: statement, pending: [])
    }

    /// Binds `rows` values rows of a day, its rows `first`, `first + 1`, …, into `s` as
    /// the statement's rows `from`, `from + 1`, …: each row's id (`DayKey`), then its
    /// numbers.
    @inline(__always)
    private func bind(_ numbers: [StoreNumber], day: Int, runID: Int64, rows: Int, into s: RowInsert, from: Int, first: Int) {
        let (width, count) = (width, valueColumns.count)
        numbers.withUnsafeBufferPointer { n in
            for k in 0..<rows {
                let row = first + k
                var i = Int32((from + k) * width + 1)
                s.bind(i, DayKey.id(run: runID, day: Int64(day), row: Int64(row)))
                for v in n[(row * count)..<(row * count + count)] {
                    i += 1
                    s.bind(i, v)
                }
            }
        }
    }

    /// A day larger than a statement: its rows in chunks of `chunkRows`, then `rest`.
    private func chunked(
        _ numbers: [StoreNumber], day: Int, runID: Int64, perDay: Int, chunkRows: Int, chunk: RowInsert, rest: RowInsert?
    ) throws {
        var row = 0
        while row < perDay {
            let left = perDay - row
            // `rest` holds what is left after the whole chunks (none when they fill the day).
            guard let s = left >= chunkRows ? chunk : rest else { throw Self.changedRows(day, perDay) }
            let n = min(left, chunkRows)
            bind(numbers, day: day, runID: runID, rows: n, into: s, from: 0, first: row)
            try s.run()
            row += n
        }
    }

    /// The first day: the names into `FILE_keys` and the numbers into `FILE_values`, a row
    /// at a time, counting the rows; then the INSERTs for the days after.
    private mutating func first(_ rows: DayRows, _ numbers: [StoreNumber], layout: RowLayout, runID: Int64) throws {
        let n = try Self.insertKeys(rows, layout: layout, runID: runID, into: keys, keyColumns)
        try check(numbers, day: rows.day, perDay: n)
        for r in 0..<n {
            bind(numbers, day: rows.day, runID: runID, rows: 1, into: values, from: 0, first: r)
            try values.run()
        }
        guard n > 0 else {
            plan = .none
            return
        }
        let rowsPerStatement = max(1, parameterBudget / width)
        if n <= rowsPerStatement {
            let days = rowsPerStatement / n
            let statement = try RowInsert(db, Self.sql("values", Self.valueKeys, valueColumns, rows: days * n))
            var pending: [PendingDay] = []
            pending.reserveCapacity(days)
            plan = .days(perDay: n, days: days, statement: statement, pending: pending)
        } else {
            let chunk = try RowInsert(db, Self.sql("values", Self.valueKeys, valueColumns, rows: rowsPerStatement))
            let left = n % rowsPerStatement
            let rest = left == 0 ? nil : try RowInsert(db, Self.sql("values", Self.valueKeys, valueColumns, rows: left))
            plan = .chunks(perDay: n, chunkRows: rowsPerStatement, chunk: chunk, rest: rest)
        }
    }

    /// Inserts the names of the first day's rows into `FILE_keys`, numbered from 0 in the
    /// CSV's order; returns how many.
    static func insertKeys(_ rows: DayRows, layout: RowLayout, runID: Int64, into keys: RowInsert, _ keyColumns: [C]) throws -> Int {
        var row = 0
        guard rows.day >= 0, Int64(rows.day) <= DayKey.maxDay else { throw Self.pastKeys("day \(rows.day)") }
        try C.forEachRow(of: rows, layout: layout) { r in
            guard Int64(row) <= DayKey.maxRow else { throw Self.pastKeys("more than \(DayKey.maxRow + 1) rows a day") }
            keys.bind(1, runID)
            keys.bind(2, Int64(row))
            var i: Int32 = 3
            for column in keyColumns {
                keys.bind(i, column.cell(r), kind: column.kind)
                i += 1
            }
            try keys.run()
            row += 1
        }
        return row
    }

    /// A run that a values row's id cannot key (`DayKey`).
    static func pastKeys(_ what: String) -> PlanIOError {
        .cannotWrite(
            path: "",
            reason: "the run store keys \(DayKey.maxDay + 1) days and \(DayKey.maxRow + 1) rows of '\(C.file)' a day, and this run has \(what)")
    }

    /// A day whose rows are not as many as the first day's: the layout is the same every
    /// day, so this is a bug; the run is rolled back rather than recorded short.
    static func changedRows(_ day: Int, _ perDay: Int) -> PlanIOError {
        .cannotWrite(path: "", reason: "day \(day) of '\(C.file)' did not have the \(perDay) rows of the first day")
    }
}

/// The INSERTs of `daily` since schema v8 (`DayPack`): the layout rows' names once a run
/// into `daily_keys`, as `DayTableInsert` does, and each day's numbers as one JSON text
/// into `daily_days`, several days per statement.
struct PackedDayInsert {
    private let keys: RowInsert
    private let keyColumns: [DailyColumn]
    /// Numbers per row: the value columns of the run's version.
    private let width: Int
    private let one: RowInsert
    private let many: RowInsert
    /// Days per `many`.
    private let days: Int
    /// Rows per day, counted on the first day; nil before it.
    private var perDay: Int?
    /// The days waiting for a whole `many`: their ids, and their texts one after the
    /// other in `texts`, each ending at its `end`.
    private var pending: [(id: Int64, end: Int)] = []
    private let texts = ByteBuffer(capacity: 1 << 16)

    init(_ db: Database, version: Int, parameterBudget: Int) throws {
        keyColumns = DailyColumn.keyColumns(version: version)
        width = DailyColumn.valueColumns(version: version).count
        keys = try RowInsert(db, DayTableInsert<DailyColumn>.sql("keys", ["run_id", "row"], keyColumns, rows: 1))
        // A day's text is its rows' numbers (a kilobyte for the seed's 10 rows): a few
        // dozen days a statement is where SQLite's work per statement stops mattering.
        days = max(1, min(32, parameterBudget / 3))
        func sql(_ n: Int) -> String {
            RowInsert.verb + " daily_days (id, rows, vals) VALUES " + Array(repeating: "(?, ?, ?)", count: n).joined(separator: ", ")
        }
        one = try RowInsert(db, sql(1))
        many = try RowInsert(db, sql(days))
        pending.reserveCapacity(days)
    }

    /// The first day: its rows' names, then its numbers as the later days'.
    mutating func insertFirst(_ rows: DayRows, _ numbers: [StoreNumber], layout: RowLayout, runID: Int64) throws {
        guard perDay == nil else { return try insert(numbers, day: rows.day, runID: runID) }
        perDay = try DayTableInsert<DailyColumn>.insertKeys(rows, layout: layout, runID: runID, into: keys, keyColumns)
        try insert(numbers, day: rows.day, runID: runID)
    }

    /// A day's numbers: packed now, inserted with the days after it.
    mutating func insert(_ numbers: [StoreNumber], day: Int, runID: Int64) throws {
        guard let perDay else {
            throw PlanIOError.cannotWrite(path: "", reason: "day \(day) of 'daily' came before the day that names its rows")
        }
        guard perDay > 0 else { return }
        guard numbers.count == perDay * width else { throw DayTableInsert<DailyColumn>.changedRows(day, perDay) }
        guard day >= 0, Int64(day) <= DayKey.maxDay else { throw DayTableInsert<DailyColumn>.pastKeys("day \(day)") }
        DayPack.append(numbers, width: width, to: texts)
        pending.append((DayPack.id(run: runID, day: Int64(day)), texts.count))
        if pending.count == days { try flush(into: many) }
    }

    /// The days still waiting for a whole statement, one at a time.
    mutating func finish(runID: Int64) throws {
        try flush(into: nil)
    }

    /// Binds the pending days into `statement` and runs it, or one day at a time into
    /// `one` when it is nil.
    private mutating func flush(into statement: RowInsert?) throws {
        guard let perDay, !pending.isEmpty else { return }
        let rows = Int64(perDay)
        try texts.withBytes { bytes in
            var start = 0
            for (k, day) in pending.enumerated() {
                let text = UnsafeRawBufferPointer(rebasing: bytes[start..<day.end])
                let (s, i) = statement.map { ($0, Int32(3 * k + 1)) } ?? (one, 1)
                s.bind(i, day.id)
                s.bind(i + 1, rows)
                s.bind(i + 2, text: text)
                if statement == nil { try one.run() }
                start = day.end
            }
            try statement?.run()
        }
        pending.removeAll(keepingCapacity: true)
        texts.removeAll()
    }
}

/// The INSERTs of `run_days`: each day's date once, as the engine stepped it, many days
/// per statement.
struct DayDatesInsert {
    private let one: RowInsert
    private let many: RowInsert
    private let days: Int
    private var pending: [(day: Int, date: CivilDate)] = []

    init(_ db: Database, parameterBudget: Int) throws {
        days = max(1, parameterBudget / 3)
        func sql(_ rows: Int) -> String {
            RowInsert.verb + " run_days (run_id, day, date) VALUES " + Array(repeating: "(?, ?, ?)", count: rows).joined(separator: ", ")
        }
        one = try RowInsert(db, sql(1))
        many = try RowInsert(db, sql(days))
        pending.reserveCapacity(days)
    }

    mutating func insert(day: Int, date: CivilDate, runID: Int64) throws {
        pending.append((day, date))
        guard pending.count == days else { return }
        for (i, p) in pending.enumerated() { bind(p, runID: runID, into: many, at: Int32(i * 3 + 1)) }
        try many.run()
        pending.removeAll(keepingCapacity: true)
    }

    /// The days still waiting for a whole statement, one at a time.
    mutating func finish(runID: Int64) throws {
        for p in pending {
            bind(p, runID: runID, into: one, at: 1)
            try one.run()
        }
        pending.removeAll()
    }

    private func bind(_ p: (day: Int, date: CivilDate), runID: Int64, into s: RowInsert, at i: Int32) {
        s.bind(i, runID)
        s.bind(i + 1, Int64(p.day))
        s.bind(i + 2, p.date.description)
    }
}

/// One prepared INSERT, bound and run through SQLite's C API: a run has thousands of
/// daily rows, and GRDB's `StatementArguments` would box every value (recording a one-year
/// run took twice as long).
struct RowInsert {
    /// How the day rows' multi-row INSERTs begin. `OR ROLLBACK`: a constraint that fails
    /// rolls the whole run back, as any error of a recording does, so SQLite keeps no
    /// statement journal for them (the pages a statement changes, kept so that it alone
    /// can be undone). A ten-year run copied 3.9 MB into those, and a fresh recording
    /// took 1.4–3.1 ms less CPU without them. SQLite rolls a run back itself when a
    /// statement fails without one (a full disk: `RunStoreTests.storeFull`, which passes
    /// either way: it holds the outcome, not the journal). The day tables have no foreign
    /// keys, which would make SQLite keep a statement journal all the same.
    static let verb = "INSERT OR ROLLBACK INTO"

    let statement: Statement
    private var handle: OpaquePointer { statement.sqliteStatement }
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    init(_ db: Database, _ sql: String) throws {
        statement = try db.makeStatement(sql: sql)
    }

    /// The INSERT of one row of a CSV file's table: `run_id`, then the columns that a
    /// scenario of `version` writes.
    init<C: OutputColumn>(_ db: Database, columnsOf _: C.Type, version: Int) throws {
        let names = ["run_id"] + C.columns(version: version).map { "\"\($0.storeName)\"" }
        let marks = Array(repeating: "?", count: names.count)
        try self.init(
            db, "INSERT INTO \(C.file) (\(names.joined(separator: ", "))) VALUES (\(marks.joined(separator: ", ")))")
    }

    /// Inserts one row of a CSV file's table, its cells as the store keeps them.
    ///
    /// - Parameter columns: those of the INSERT, fetched once by the caller.
    func insert<C: OutputColumn>(_: C.Type, _ row: C.Row, runID: Int64, columns: [C]) throws {
        bind(1, runID)
        var i: Int32 = 2
        for column in columns {
            bind(i, column.cell(row), kind: column.kind)
            i += 1
        }
        try run()
    }

    /// Binds a cell: text as TEXT, a number as `StoreNumber` keeps it.
    @inline(__always) func bind(_ i: Int32, _ cell: Cell, kind: ColumnKind) {
        if case .text(let s) = cell { bind(i, s) } else { bind(i, StoreNumber(cell, kind: kind)) }
    }

    @inline(__always) func bind(_ i: Int32, _ n: StoreNumber) {
        switch n {
        case .null: sqlite3_bind_null(handle, i)
        case .integer(let v): sqlite3_bind_int64(handle, i, v)
        case .real(let x): sqlite3_bind_double(handle, i, x)
        }
    }

    func bind(_ i: Int32, _ n: Int64) { sqlite3_bind_int64(handle, i, n) }

    /// Text, copied by SQLite: the string's own UTF-8 bytes with their length (no C string
    /// is made; a temporary `[CChar]` per cell was about 3% of the writer thread's samples).
    func bind(_ i: Int32, _ s: String) {
        var s = s
        s.withUTF8 { bytes in
            _ = bytes.withMemoryRebound(to: CChar.self) { chars in
                // An empty buffer may have no address, and a null pointer would bind NULL.
                if let address = chars.baseAddress {
                    sqlite3_bind_text(handle, i, address, Int32(chars.count), RowInsert.transient)
                } else {
                    sqlite3_bind_text(handle, i, "", 0, RowInsert.transient)
                }
            }
        }
    }

    /// Text from bytes, copied by SQLite.
    func bind(_ i: Int32, text bytes: UnsafeRawBufferPointer) {
        if let address = bytes.baseAddress?.assumingMemoryBound(to: CChar.self) {
            sqlite3_bind_text(handle, i, address, Int32(bytes.count), RowInsert.transient)
        } else {
            sqlite3_bind_text(handle, i, "", 0, RowInsert.transient)
        }
    }

    /// Inserts the bound row and resets the statement for the next one.
    func run() throws {
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))),
                sql: statement.sql)
        }
    }
}
