import Foundation
import GRDB
import PlanCore

extension RunStore {
    /// Recorded runs, newest first.
    ///
    /// - Parameters:
    ///   - limit: at most this many (nil: all).
    ///   - scenario: only runs of the scenario of this name.
    public func runs(limit: Int?, scenario: String?) throws(PlanIOError) -> [RunListing] {
        var sql = """
            SELECT id, created_at, scenario, scenario_path, content_hash, overrides, horizon_days, currency,
                total_cost, peak_monthly_cost, kpis_failed, kpis_checked
            FROM runs
            """
        var arguments: StatementArguments = []
        if let scenario {
            sql += " WHERE scenario = ?"
            arguments += [scenario]
        }
        sql += " ORDER BY id DESC"
        if let limit {
            sql += " LIMIT ?"
            arguments += [limit]
        }
        do {
            return try queue.read { db in
                try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                    RunListing(
                        id: row["id"], createdAt: row["created_at"], scenario: row["scenario"],
                        scenarioPath: row["scenario_path"], contentHash: row["content_hash"],
                        overrides: StoreJSON.strings(row["overrides"]), horizonDays: row["horizon_days"],
                        currency: row["currency"], totalCost: row["total_cost"], peakMonthlyCost: row["peak_monthly_cost"],
                        kpisFailed: row["kpis_failed"], kpisChecked: row["kpis_checked"])
                }
            }
        } catch {
            throw RunStore.storeError(error, path: path, reading: true)
        }
    }

    /// A recorded run with everything its summary shows; nil when there is no run `id`.
    public func run(_ id: Int64) throws(PlanIOError) -> RunRecord? {
        do {
            return try queue.read { db in try RunStore.load(db, id: id) }
        } catch {
            throw RunStore.storeError(error, path: path, reading: true)
        }
    }

    static func load(_ db: Database, id: Int64) throws -> RunRecord? {
        guard let run = try Row.fetchOne(db, sql: "SELECT * FROM runs WHERE id = ?", arguments: [id]) else {
            return nil
        }
        let header = RunHeader(
            createdAt: run["created_at"], scenario: run["scenario"], scenarioPath: run["scenario_path"],
            contentHash: run["content_hash"], overrides: StoreJSON.strings(run["overrides"]),
            start: try date(run["start"]), horizonDays: run["horizon_days"], currency: run["currency"],
            filesWritten: run["files_written"], storePath: run["store_path"], planVersion: run["plan_version"],
            settings: try Row.fetchAll(db, sql: "SELECT path, value FROM settings WHERE run_id = ? ORDER BY rowid", arguments: [id])
                .map { Setting(path: $0["path"], value: $0["value"]) })
        func rows(_ table: String) throws -> [Row] {
            try Row.fetchAll(db, sql: "SELECT * FROM \(table) WHERE run_id = ? ORDER BY rowid", arguments: [id])
        }
        let monthly = try rows("monthly").map { r in
            MonthlyRow(
                month: r["month"], target: r["target"], days: r["days"], fixedCost: Money(r["fixed_cost"]),
                storageCost: Money(r["storage_cost"]), requestCost: Money(r["request_cost"]),
                totalCost: Money(r["total_cost"]), gbMonths: r["gb_months"], putRequests: number(r["put_requests"]))
        }
        let kpis = try rows("kpis").map { r in
            KPIRow(
                kpi: try known(KPIKind(rawValue: r["kpi"]), r["kpi"]), subject: r["subject"], limit: r["limit"],
                worst: r["worst"], unit: try known(KPIUnit(rawValue: r["unit"]), r["unit"]),
                status: try known(KPIStatus(rawValue: r["status"]), r["status"]),
                firstFailure: try optionalDate(r["first_failure"]))
        }
        let targets = try rows("target_summary").map { r in
            TargetSummary(
                name: r["target"], kind: try known(TargetKind(rawValue: r["kind"]), r["kind"]),
                usable: (r["usable_bytes"] as Double?).map(ByteCount.init), peakUsed: ByteCount(r["peak_used_bytes"]),
                peakDate: try optionalDate(r["peak_date"]), alertDate: try optionalDate(r["alert_date"]),
                fullDate: try optionalDate(r["full_date"]),
                neededCapacity: (r["needed_bytes"] as Double?).map(ByteCount.init))
        }
        let workloads = try rows("workload_summary").map { r in
            WorkloadSummary(
                name: r["workload"], peakSize: ByteCount(r["peak_size_bytes"]),
                volume: (r["volume_bytes"] as Double?).map(ByteCount.init), alertDate: try optionalDate(r["alert_date"]),
                fullDate: try optionalDate(r["full_date"]))
        }
        let jobs = try rows("job_summary").map { r in
            JobSummary(
                job: r["job"], target: r["target"], peakStored: ByteCount(r["peak_stored_bytes"]),
                meanDailyUpload: ByteCount(r["mean_daily_upload_bytes"]), finalRestorePoints: r["final_restore_points"])
        }
        let result = SimulationResult(
            scenarioName: header.scenario, currency: header.currency, start: header.start,
            horizonDays: header.horizonDays, monthly: monthly, kpis: kpis, targets: targets, workloads: workloads,
            jobs: jobs, warnings: try rows("warnings").map { $0["message"] }, totalCost: Money(run["total_cost"]),
            peakMonthlyCost: Money(run["peak_monthly_cost"]), jobDays: jobs.count * header.horizonDays)
        return RunRecord(id: id, header: header, result: result)
    }

    /// Writes a recorded run's five CSV files to `directory` (atomically, as `plan
    /// simulate` writes them), streaming the daily rows from the store.
    /// - Returns: false when there is no run `id`.
    public func exportCSV(_ id: Int64, to directory: String) throws(PlanIOError) -> Bool {
        guard let record = try run(id) else { return false }
        try StreamingFile.makeDirectory(directory)
        var files: [StreamingFile] = []
        do {
            try queue.read { db in
                for (table, header, columns, order) in RunStore.dailyExports {
                    let file = try StreamingFile(path: directory + "/" + table + ".csv")
                    files.append(file)
                    file.write(header)
                    let cursor = try Row.fetchCursor(
                        db, sql: "SELECT \(columns.map { "\"\($0.0)\"" }.joined(separator: ", ")) FROM \(table) WHERE run_id = ? ORDER BY \(order)",
                        arguments: [id])
                    while let row = try cursor.next() {
                        file.append { out in
                            for (i, column) in columns.enumerated() {
                                if i > 0 { out += "," }
                                out += RunStore.cell(row[i] as DatabaseValue, column.1)
                            }
                            out += "\n"
                        }
                    }
                }
            }
            try StreamingFile.write(CSVRenderer.monthly(record.result.monthly), to: directory + "/monthly.csv")
            try StreamingFile.write(CSVRenderer.kpis(record.result.kpis), to: directory + "/kpis.csv")
            for f in files { try f.commit() }
        } catch {
            for f in files { f.abort() }
            throw RunStore.storeError(error, path: path, reading: true)
        }
        return true
    }

    /// How a stored value is written in a CSV cell.
    enum CellKind { case text, integer, decimal6 }

    /// The streamed tables: file name, header, columns with their cell kinds, and the
    /// order of the CSV rows (cli.md: by date, then the name columns; their primary key).
    static let dailyExports: [(String, String, [(String, CellKind)], String)] = [
        (
            "daily", CSVRenderer.dailyHeader,
            [
                ("date", .text), ("day", .integer), ("job", .text), ("tier", .text), ("target", .text),
                ("workload", .text), ("restore_points", .integer), ("stored_bytes", .integer), ("raw_bytes", .integer),
                ("uploaded_bytes", .integer), ("objects", .integer), ("put_requests", .integer),
            ], "day, job, target, workload"
        ),
        (
            "workloads", CSVRenderer.workloadsHeader,
            [
                ("date", .text), ("day", .integer), ("workload", .text), ("kind", .text), ("size_bytes", .integer),
                ("volume_bytes", .integer), ("wal_bytes", .integer), ("rto_seconds", .decimal6),
            ], "day, workload"
        ),
        (
            "targets", CSVRenderer.targetsHeader,
            [
                ("date", .text), ("day", .integer), ("target", .text), ("kind", .text), ("used_bytes", .integer),
                ("usable_bytes", .integer), ("used_share", .decimal6),
            ], "day, target"
        ),
    ]

    /// A stored value as its CSV cell.
    static func cell(_ value: DatabaseValue, _ kind: CellKind) -> String {
        switch value.storage {
        case .null: return ""
        case .int64(let n): return kind == .decimal6 ? CSVRenderer.decimal6(Double(n)) : String(n)
        case .double(let x): return kind == .decimal6 ? CSVRenderer.decimal6(x) : CSVRenderer.integer(x)
        case .string(let s): return s
        case .blob: return ""
        }
    }

    /// A stored number that may be INTEGER or REAL.
    static func number(_ value: DatabaseValue) -> Double {
        switch value.storage {
        case .int64(let n): return Double(n)
        case .double(let x): return x
        default: return 0
        }
    }

    static func date(_ text: String) throws -> CivilDate {
        switch ValueSyntax.date(text) {
        case .success(let d): return d
        case .failure: throw PlanIOError.damagedRunStore(path: "", reason: "a date reads '\(text)'")
        }
    }

    static func optionalDate(_ text: String?) throws -> CivilDate? {
        try text.map(date)
    }

    static func known<T>(_ value: T?, _ text: String) throws -> T {
        guard let value else { throw PlanIOError.damagedRunStore(path: "", reason: "unknown value '\(text)'") }
        return value
    }
}

extension StoreJSON {
    /// The strings of a JSON array of strings (the `overrides` column).
    static func strings(_ json: String) -> [String] {
        guard let data = json.data(using: .utf8), let array = try? JSONSerialization.jsonObject(with: data) as? [String]
        else { return [] }
        return array
    }
}
