import Foundation
import GRDB
import PlanCore
import PlanIO

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
                        id: try row.decode(forColumn: "id"), createdAt: try row.decode(forColumn: "created_at"),
                        scenario: try row.decode(forColumn: "scenario"),
                        scenarioPath: try row.decode(forColumn: "scenario_path"), contentHash: try row.decode(forColumn: "content_hash"),
                        overrides: StoreJSON.strings(try row.decode(forColumn: "overrides")), horizonDays: try row.decode(forColumn: "horizon_days"),
                        currency: try row.decode(forColumn: "currency"), totalCost: try row.decode(forColumn: "total_cost"),
                        peakMonthlyCost: try row.decode(forColumn: "peak_monthly_cost"),
                        kpisFailed: try row.decode(forColumn: "kpis_failed"), kpisChecked: try row.decode(forColumn: "kpis_checked"))
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
            createdAt: try run.decode(forColumn: "created_at"), scenario: try run.decode(forColumn: "scenario"),
            scenarioPath: try run.decode(forColumn: "scenario_path"),
            contentHash: try run.decode(forColumn: "content_hash"), overrides: StoreJSON.strings(try run.decode(forColumn: "overrides")),
            start: try date(try run.decode(forColumn: "start")), horizonDays: try run.decode(forColumn: "horizon_days"),
            currency: try run.decode(forColumn: "currency"),
            filesWritten: try run.decode(forColumn: "files_written"), storePath: try run.decode(forColumn: "store_path"),
            planVersion: try run.decode(forColumn: "plan_version"),
            settings: try Row.fetchAll(db, sql: "SELECT path, value FROM settings WHERE run_id = ? ORDER BY rowid", arguments: [id])
                .map { try Setting(path: $0.decode(forColumn: "path"), value: $0.decode(forColumn: "value")) })
        func rows(_ table: String) throws -> [Row] {
            try Row.fetchAll(db, sql: "SELECT * FROM \(table) WHERE run_id = ? ORDER BY rowid", arguments: [id])
        }
        let monthly = try rows("monthly").map { r in
            MonthlyRow(
                month: try r.decode(forColumn: "month"), target: try r.decode(forColumn: "target"), days: try r.decode(forColumn: "days"),
                fixedCost: Money(try r.decode(forColumn: "fixed_cost")),
                storageCost: Money(try r.decode(forColumn: "storage_cost")), requestCost: Money(try r.decode(forColumn: "request_cost")),
                totalCost: Money(try r.decode(forColumn: "total_cost")), gbMonths: try r.decode(forColumn: "gb_months"),
                putRequests: number(try r.decode(forColumn: "put_requests")))
        }
        let kpis = try rows("kpis").map { r in
            KPIRow(
                kpi: try known(KPIKind(rawValue: try r.decode(forColumn: "kpi")), try r.decode(forColumn: "kpi")),
                subject: try r.decode(forColumn: "subject"), limit: try r.decode(forColumn: "limit"),
                worst: try r.decode(forColumn: "worst"),
                unit: try known(KPIUnit(rawValue: try r.decode(forColumn: "unit")), try r.decode(forColumn: "unit")),
                status: try known(KPIStatus(rawValue: try r.decode(forColumn: "status")), try r.decode(forColumn: "status")),
                firstFailure: try optionalDate(try r.decode(forColumn: "first_failure")))
        }
        let targets = try rows("target_summary").map { r in
            TargetSummary(
                name: try r.decode(forColumn: "target"),
                kind: try known(TargetKind(rawValue: try r.decode(forColumn: "kind")), try r.decode(forColumn: "kind")),
                usable: (try r.decode(forColumn: "usable_bytes") as Double?).map(ByteCount.init),
                peakUsed: ByteCount(try r.decode(forColumn: "peak_used_bytes")),
                peakDate: try optionalDate(try r.decode(forColumn: "peak_date")), alertDate: try optionalDate(try r.decode(forColumn: "alert_date")),
                fullDate: try optionalDate(try r.decode(forColumn: "full_date")),
                neededCapacity: (try r.decode(forColumn: "needed_bytes") as Double?).map(ByteCount.init))
        }
        let workloads = try rows("workload_summary").map { r in
            WorkloadSummary(
                name: try r.decode(forColumn: "workload"), peakSize: ByteCount(try r.decode(forColumn: "peak_size_bytes")),
                volume: (try r.decode(forColumn: "volume_bytes") as Double?).map(ByteCount.init),
                alertDate: try optionalDate(try r.decode(forColumn: "alert_date")),
                fullDate: try optionalDate(try r.decode(forColumn: "full_date")))
        }
        let jobs = try rows("job_summary").map { r in
            JobSummary(
                job: try r.decode(forColumn: "job"), target: try r.decode(forColumn: "target"),
                peakStored: ByteCount(try r.decode(forColumn: "peak_stored_bytes")),
                meanDailyUpload: ByteCount(try r.decode(forColumn: "mean_daily_upload_bytes")),
                finalRestorePoints: try r.decode(forColumn: "final_restore_points"))
        }
        let result = SimulationResult(
            scenarioName: header.scenario, currency: header.currency, start: header.start,
            horizonDays: header.horizonDays, monthly: monthly, kpis: kpis, targets: targets, workloads: workloads,
            jobs: jobs, warnings: try rows("warnings").map { try $0.decode(forColumn: "message") },
            totalCost: Money(try run.decode(forColumn: "total_cost")),
            peakMonthlyCost: Money(try run.decode(forColumn: "peak_monthly_cost")),
            jobDays: jobs.count.multipliedReportingOverflow(by: header.horizonDays).partialValue)
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
            // All five complete under temporary names, then renamed together (as simulate does).
            for (name, text) in [("monthly", CSVRenderer.monthly(record.result.monthly)), ("kpis", CSVRenderer.kpis(record.result.kpis))] {
                let file = try StreamingFile(path: directory + "/" + name + ".csv")
                files.append(file)
                file.write(text)
            }
            for f in files { try f.finishWriting() }
            for f in files { try f.publish() }
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
