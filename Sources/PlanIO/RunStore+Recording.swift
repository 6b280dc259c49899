import Foundation
import GRDB
import PlanCore

extension RunStore {
    /// Records one run in one transaction: the `runs` row first, then the daily rows as
    /// `body` simulates (the recorder is a `SimulationSink`), then the summary rows.
    ///
    /// The transaction starts with `BEGIN IMMEDIATE`: another process recording at the
    /// same time waits (busy timeout) until this run is committed. A run is recorded whole
    /// or not at all: when `body` returns nil or throws, or the process dies, nothing of
    /// it remains.
    ///
    /// - Parameter body: simulates into the recorder and returns the result, or nil to
    ///   record nothing. Its errors are rethrown as they are.
    /// - Returns: the new run's id, or nil when `body` returned nil.
    /// - Throws: what `body` throws, or `PlanIOError` when the store fails.
    public func record(_ header: RunHeader, _ body: (RunRecorder) throws -> SimulationResult?) throws -> Int64? {
        struct BodyError: Error { var error: any Error }
        var id: Int64? = nil
        do {
            try queue.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    let recorder = try RunRecorder(db: db, header: header)
                    let result: SimulationResult?
                    do {
                        result = try body(recorder)
                    } catch {
                        throw BodyError(error: error)
                    }
                    guard let result else { return .rollback }
                    try recorder.finish(result)
                    id = recorder.runID
                    return .commit
                }
            }
        } catch let e as BodyError {
            throw e.error
        } catch {
            throw RunStore.storeError(error, path: path)
        }
        return id
    }
}

/// Receives a run's daily rows and inserts them into the run store, inside the run's
/// transaction (`RunStore.record`). The first failure stops the inserts; `finish` then
/// throws it, and the transaction rolls back.
public final class RunRecorder: SimulationSink {
    let db: Database
    /// The id of the run being recorded.
    public let runID: Int64
    private var layout = RowLayout(jobRows: [], workloads: [], targets: [])
    private let dailyInsert: Statement
    private let workloadInsert: Statement
    private let targetInsert: Statement
    private var failure: (any Error)?

    init(db: Database, header: RunHeader) throws {
        self.db = db
        try db.execute(
            sql: """
                INSERT INTO runs (created_at, scenario, scenario_path, content_hash, overrides, start, horizon_days,
                    currency, plan_version, files_directory, store_path, peak_used_bytes, total_cost,
                    peak_monthly_cost, kpi_statuses)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '{}', 0, 0, '{}')
                """,
            arguments: [
                header.createdAt, header.scenario, header.scenarioPath, header.contentHash,
                StoreJSON.array(header.overrides), header.start.description, header.horizonDays, header.currency,
                header.planVersion, header.filesDirectory, header.storePath,
            ])
        runID = db.lastInsertedRowID
        let settings = try db.makeStatement(sql: "INSERT INTO settings (run_id, path, value) VALUES (?, ?, ?)")
        for s in header.settings { try settings.execute(arguments: [runID, s.path, s.value]) }
        dailyInsert = try db.makeStatement(
            sql: """
                INSERT INTO daily (run_id, date, day, job, tier, target, workload, restore_points, stored_bytes,
                    raw_bytes, uploaded_bytes, objects, put_requests) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        workloadInsert = try db.makeStatement(
            sql: """
                INSERT INTO workloads (run_id, date, day, workload, kind, size_bytes, volume_bytes, wal_bytes,
                    rto_seconds) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        targetInsert = try db.makeStatement(
            sql: """
                INSERT INTO targets (run_id, date, day, target, kind, used_bytes, usable_bytes, used_share)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
    }

    public func begin(_ layout: RowLayout) { self.layout = layout }

    /// Inserts the day's `daily`, `workloads` and `targets` rows, with the cells of the CSV
    /// files (`CSVRenderer.appendDaily` and its siblings; the round-trip test holds them equal).
    public func day(_ rows: DayRows) {
        guard failure == nil else { return }
        do {
            let date = rows.date.description
            for key in layout.jobRows {
                let v = rows.jobs[key.source]
                try dailyInsert.execute(arguments: [
                    runID, date, rows.day, key.job, key.tier.rawValue, key.target,
                    key.workload.isEmpty ? nil : key.workload, StoreCell.integer(v.restorePoints),
                    StoreCell.integer(v.stored), StoreCell.integer(v.raw), StoreCell.integer(v.uploaded),
                    StoreCell.integer(v.objects), StoreCell.integer(v.putRequests),
                ])
            }
            for (i, w) in layout.workloads.enumerated() {
                let v = rows.workloads[i]
                try workloadInsert.execute(arguments: [
                    runID, date, rows.day, w.name, w.kind.rawValue, StoreCell.integer(v.size),
                    w.volume.map { StoreCell.integer($0.bytes) },
                    w.kind == .postgres ? v.wal.map(StoreCell.integer) : nil, v.rto,
                ])
            }
            for (i, t) in layout.targets.enumerated() {
                let used = rows.targetUsed[i]
                let usable = t.usable?.bytes
                try targetInsert.execute(arguments: [
                    runID, date, rows.day, t.name, t.kind.rawValue, StoreCell.integer(used),
                    usable.map(StoreCell.integer), usable.map { u in u > 0 ? used / u : (used > 0 ? Double.infinity : 0) },
                ])
            }
        } catch {
            failure = error
        }
    }

    /// Inserts the summary rows and the headline figures; throws the first failure of `day`.
    func finish(_ r: SimulationResult) throws {
        if let failure { throw failure }
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

/// The JSON text of the `runs` columns that hold several values.
enum StoreJSON {
    static func array(_ strings: [String]) -> String {
        "[" + strings.map(JSONRenderer.string).joined(separator: ",") + "]"
    }

    /// An object of already rendered JSON values, in the order given.
    static func object(_ pairs: [(String, String)]) -> String {
        "{" + pairs.map { JSONRenderer.string($0.0) + ":" + JSONRenderer.number($0.1) }.joined(separator: ",") + "}"
    }

    /// `{"rpo": {"gitea-db": "pass", …}, …}`, in the order of kpis.csv.
    static func kpiStatuses(_ rows: [KPIRow]) -> String {
        var kinds: [String] = []
        var subjects: [String: [String]] = [:]
        for r in rows {
            if subjects[r.kpi.rawValue] == nil { kinds.append(r.kpi.rawValue) }
            subjects[r.kpi.rawValue, default: []].append(
                JSONRenderer.string(r.subject) + ":" + JSONRenderer.string(r.status.rawValue))
        }
        return "{" + kinds.map { JSONRenderer.string($0) + ":{" + (subjects[$0] ?? []).joined(separator: ",") + "}" }
            .joined(separator: ",") + "}"
    }
}
