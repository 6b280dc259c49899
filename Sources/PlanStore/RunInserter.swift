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
    var layout = RowLayout(jobRows: [], workloads: [], targets: [])
    private let dailyInsert: RowInsert
    private let workloadInsert: RowInsert
    private let targetInsert: RowInsert

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
        let settings = try db.makeStatement(sql: "INSERT INTO settings (run_id, path, value) VALUES (?, ?, ?)")
        for s in header.settings { try settings.execute(arguments: [runID, s.path, s.value]) }
        dailyInsert = try RowInsert(
            db,
            """
            INSERT INTO daily (run_id, date, day, job, tier, target, workload, restore_points, stored_bytes,
                raw_bytes, uploaded_bytes, objects, put_requests) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        workloadInsert = try RowInsert(
            db,
            """
            INSERT INTO workloads (run_id, date, day, workload, kind, size_bytes, volume_bytes, wal_bytes,
                rto_seconds) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        targetInsert = try RowInsert(
            db,
            """
            INSERT INTO targets (run_id, date, day, target, kind, used_bytes, usable_bytes, used_share)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
    }

    /// Inserts the day's `daily`, `workloads` and `targets` rows, with the cells of the CSV
    /// files (`CSVRenderer.appendDaily` and its siblings; the round-trip test holds them equal).
    func day(_ rows: DayRows) throws {
        let date = rows.date.description
        let day = Int64(rows.day)
        for key in layout.jobRows {
            let v = rows.jobs[key.source]
            let row = dailyInsert
            row.bind(1, runID)
            row.bind(2, date)
            row.bind(3, day)
            row.bind(4, key.job)
            row.bind(5, key.tier.rawValue)
            row.bind(6, key.target)
            row.bind(7, key.workload)
            row.bindInteger(8, v.restorePoints)
            row.bindInteger(9, v.stored)
            row.bindInteger(10, v.raw)
            row.bindInteger(11, v.uploaded)
            row.bindInteger(12, v.objects)
            row.bindInteger(13, v.putRequests)
            try row.run()
        }
        for (i, w) in layout.workloads.enumerated() {
            let v = rows.workloads[i]
            let row = workloadInsert
            row.bind(1, runID)
            row.bind(2, date)
            row.bind(3, day)
            row.bind(4, w.name)
            row.bind(5, w.kind.rawValue)
            row.bindInteger(6, v.size)
            row.bindInteger(7, w.volume?.bytes)
            row.bindInteger(8, w.kind == .postgres ? v.wal : nil)
            row.bind(9, v.rto)
            try row.run()
        }
        for (i, t) in layout.targets.enumerated() {
            let used = rows.targetUsed[i]
            let usable = t.usable?.bytes
            let row = targetInsert
            row.bind(1, runID)
            row.bind(2, date)
            row.bind(3, day)
            row.bind(4, t.name)
            row.bind(5, t.kind.rawValue)
            row.bindInteger(6, used)
            row.bindInteger(7, usable)
            row.bind(8, usable.map { u in u > 0 ? used / u : (used > 0 ? Double.infinity : 0) })
            try row.run()
        }
    }

    /// Inserts the summary rows and the headline figures.
    func finish(_ r: SimulationResult) throws {
        let monthly = try db.makeStatement(
            sql: """
                INSERT INTO monthly (run_id, month, target, days, fixed_cost, storage_cost, request_cost, total_cost,
                    gb_months, put_requests) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for m in r.monthly {
            try monthly.execute(arguments: [
                runID, m.month, m.target, m.days, m.fixedCost.amount, m.storageCost.amount, m.requestCost.amount,
                m.totalCost.amount, m.gbMonths, StoreCell.integer(m.putRequests),
            ])
        }
        let kpis = try db.makeStatement(
            sql: """
                INSERT INTO kpis (run_id, kpi, subject, "limit", worst, unit, status, first_failure)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for k in r.kpis {
            try kpis.execute(arguments: [
                runID, k.kpi.rawValue, k.subject, k.limit, k.worst, k.unit.rawValue, k.status.rawValue,
                k.firstFailure?.description,
            ])
        }
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
                    kpis_failed = ?, kpis_checked = ? WHERE id = ?
                """,
            arguments: [
                StoreJSON.object(r.targets.map { ($0.name, CSVRenderer.integer($0.peakUsed.bytes)) }),
                r.totalCost.amount, r.peakMonthlyCost.amount, StoreJSON.kpiStatuses(r.kpis),
                r.kpis.filter { $0.status == .fail }.count, r.kpis.filter { $0.status != .info }.count, runID,
            ])
    }
}

/// One prepared INSERT, bound and run through SQLite's C API: a run has thousands of
/// daily rows, and GRDB's `StatementArguments` would box every value (recording a one-year
/// run took twice as long).
struct RowInsert {
    let statement: Statement
    private var handle: OpaquePointer { statement.sqliteStatement }
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    init(_ db: Database, _ sql: String) throws {
        statement = try db.makeStatement(sql: sql)
    }

    func bind(_ i: Int32, _ n: Int64) { sqlite3_bind_int64(handle, i, n) }

    /// Text, copied by SQLite (the C string Swift passes lives only during the call).
    func bind(_ i: Int32, _ s: String) { sqlite3_bind_text(handle, i, s, -1, RowInsert.transient) }

    /// A decimal cell: the unrounded value (infinity included); NULL when it does not apply.
    func bind(_ i: Int32, _ x: Double?) {
        if let x, !x.isNaN { sqlite3_bind_double(handle, i, x) } else { sqlite3_bind_null(handle, i) }
    }

    /// A bytes or count cell: `StoreCell.integer`.
    func bindInteger(_ i: Int32, _ x: Double?) {
        guard let x, !x.isNaN else {
            sqlite3_bind_null(handle, i)
            return
        }
        let r = x.rounded(.toNearestOrAwayFromZero)
        if r.isFinite && Swift.abs(r) < 9.0e18 { sqlite3_bind_int64(handle, i, Int64(r)) } else { sqlite3_bind_double(handle, i, r) }
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

/// The value of a CSV cell as the store keeps it.
enum StoreCell {
    /// A bytes or count cell: the CSV's integer (nearest, half away from zero), as INTEGER
    /// when it fits 64 bits, else as REAL (sizes up to 2^70 B, and infinity).
    static func integer(_ x: Double) -> DatabaseValue {
        if x.isNaN { return .null }
        let r = x.rounded(.toNearestOrAwayFromZero)
        if r.isFinite && Swift.abs(r) < 9.0e18 { return Int64(r).databaseValue }
        return r.databaseValue
    }
}
