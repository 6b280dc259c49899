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
        // The scenario version says which columns and files the run has (runs before the
        // store knew versions are version 1).
        let version: Int = try run.decode(forColumn: "version")
        // A version plan does not write, or faults outside version 2, are not a run of plan's.
        let hasFaults: Bool = try run.decode(forColumn: "has_faults")
        guard (1...2).contains(version), !hasFaults || version >= 2 else {
            throw PlanIOError.damagedRunStore(
                path: "",
                reason: "run \(id) has version \(version)\(hasFaults ? " with faults" : ""), which plan does not write; simulate it again")
        }
        let monthly = try rows(MonthlyColumn.file).map { try monthlyRow($0, version: version) }
        let drills = try (version >= 2 ? rows(DrillsColumn.file) : []).map(drillRow)
        let kpis = try rows(KPIsColumn.file).map(kpiRow)
        let targets = try rows("target_summary").map(targetSummary)
        let workloads = try rows("workload_summary").map(workloadSummary)
        let jobs = try rows("job_summary").map(jobSummary)
        var result = SimulationResult(
            scenarioName: header.scenario, currency: header.currency, start: header.start,
            horizonDays: header.horizonDays, monthly: monthly, kpis: kpis, targets: targets, workloads: workloads,
            jobs: jobs, warnings: try rows("warnings").map { try $0.decode(forColumn: "message") },
            totalCost: Money(try run.decode(forColumn: "total_cost")),
            peakMonthlyCost: Money(try run.decode(forColumn: "peak_monthly_cost")),
            jobDays: jobs.count.multipliedReportingOverflow(by: header.horizonDays).partialValue, drills: drills,
            version: version)
        // Runs before the store knew faults have none.
        result.hasFaults = hasFaults
        try checkWhole(
            db, id: id, days: header.horizonDays, targets: targets.count, workloads: workloads.count, jobs: jobs.count, faults: hasFaults)
        try checkSummaries(
            id: id, start: header.start, days: header.horizonDays, targets: targets.count, monthly: monthly.count, kpis: kpis,
            failed: try run.decode(forColumn: "kpis_failed"), checked: try run.decode(forColumn: "kpis_checked"))
        // Runs before the store kept jobs.csv have no job costs (their re-export has none).
        let hasJobCosts: Bool = try run.decode(forColumn: "has_job_costs")
        if hasJobCosts { result.jobCosts = try rows(JobsColumn.file).map(jobCostRow) }
        return RunRecord(id: id, header: header, result: result)
    }

    /// Refuses a run whose daily tables lost or gained rows after it was recorded (issue 11:
    /// rows deleted by hand with `sqlite3` were re-exported as a shorter file, silently).
    /// Each daily table has the same rows every day: `daily` one per layout row (job,
    /// target, workload: its keys), `workloads` one per workload, `targets` one per target,
    /// `faults` one per job (its keys); so a run's count is that number times its days, and
    /// `run_days` has one date per day.
    static func checkWhole(_ db: Database, id: Int64, days: Int, targets: Int, workloads: Int, jobs: Int, faults: Bool) throws {
        func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql, arguments: [id]) ?? 0 }
        func damaged(_ rows: Int, _ table: String, _ perDay: Int, _ what: String) -> PlanIOError {
            .damagedRunStore(
                path: "",
                reason: "run \(id) has \(rows) rows in '\(table)' where its \(perDay) \(what) × \(days) days make \(perDay * days): "
                    + "rows were deleted or added after it was recorded; simulate it again")
        }
        // One date a day, days 0 to days − 1.
        let dates = try count("SELECT count(*) FROM run_days WHERE run_id = ?")
        guard dates == days else { throw damaged(dates, "run_days", 1, "date") }
        if days > 0, let range = try Row.fetchOne(db, sql: "SELECT min(day), max(day) FROM run_days WHERE run_id = ?", arguments: [id]) {
            let first: Int = try range.decode(atIndex: 0)
            let last: Int = try range.decode(atIndex: 1)
            guard first == 0, last == days - 1 else {
                throw PlanIOError.damagedRunStore(
                    path: "", reason: "run \(id) has dates of days \(first) to \(last) where its \(days) days are 0 to \(days - 1): simulate it again"
                )
            }
        }
        // Every job has rows: none at all in a table is rows deleted with their names.
        let layoutRows = try count("SELECT count(*) FROM daily_keys WHERE run_id = ?")
        let faultJobs = faults ? try count("SELECT count(*) FROM faults_keys WHERE run_id = ?") : 0
        func none(_ table: String) -> PlanIOError {
            .damagedRunStore(
                path: "",
                reason: "run \(id) has no rows in '\(table)' (nor in '\(table)_keys') where its \(jobs) jobs have some: "
                    + "rows were deleted after it was recorded; simulate it again")
        }
        if jobs > 0 && layoutRows == 0 { throw none("daily") }
        if faults && jobs > 0 && faultJobs == 0 { throw none("faults") }
        var expected = [
            ("daily", layoutRows, "layout rows (job, target, workload)"),
            ("workloads", workloads, "workloads"), ("targets", targets, "targets"),
        ]
        if faults { expected.append(("faults", faultJobs, "jobs")) }
        for (table, perDay, what) in expected {
            // The values tables: a range of the primary key, counted without the views' joins;
            // `daily_days` keeps each day's count of rows (`DayPack`).
            let rows: Int
            if table == DailyColumn.file {
                let (first, last) = DayPack.range(run: id)
                rows =
                    try Int.fetchOne(
                        db, sql: "SELECT CAST(total(rows) AS INTEGER) FROM daily_days WHERE id BETWEEN ? AND ?",
                        arguments: [first, last]) ?? 0
            } else {
                let (first, last) = DayKey.range(run: id)
                rows =
                    try Int.fetchOne(
                        db, sql: "SELECT count(*) FROM \(table)_values WHERE id BETWEEN ? AND ?", arguments: [first, last]) ?? 0
            }
            guard rows != perDay * days else { continue }
            throw damaged(rows, table, perDay, what)
        }
    }

    /// Refuses a run whose `monthly` or `kpis` rows were deleted or added by hand: `monthly`
    /// has one row per month of the horizon per target and one for the total; `kpis` has as
    /// many rows with a limit and as many failing ones as the run's own counts
    /// (`kpis_checked`, `kpis_failed`) say.
    static func checkSummaries(
        id: Int64, start: CivilDate, days: Int, targets: Int, monthly: Int, kpis: [KPIRow], failed: Int, checked: Int
    ) throws {
        func damaged(_ what: String) -> PlanIOError {
            .damagedRunStore(path: "", reason: "run \(id) \(what): rows were deleted or added after it was recorded; simulate it again")
        }
        let last = start.adding(days: max(days, 1) - 1)
        let months = (last.year * 12 + last.month) - (start.year * 12 + start.month) + 1
        if targets > 0, monthly != months * (targets + 1) {
            throw damaged(
                "has \(monthly) rows in 'monthly' where its \(months) months × (\(targets) targets and the total) make \(months * (targets + 1))")
        }
        let rowsChecked = kpis.filter { $0.status != .info }.count
        let rowsFailed = kpis.filter { $0.status == .fail }.count
        if rowsChecked != checked || rowsFailed != failed {
            throw damaged(
                "has \(rowsChecked) checked and \(rowsFailed) failing rows in 'kpis' where it recorded \(checked) checked and \(failed) failing")
        }
    }

    /// Writes a recorded run's CSV files to `directory` (atomically, as `plan simulate`
    /// writes them), streaming the daily rows from the store: the files and columns of the
    /// run's scenario version (version 2: also `drills.csv`; with faults, also
    /// `faults.csv`).
    /// - Returns: false when there is no run `id`.
    public func exportCSV(_ id: Int64, to directory: String) throws(PlanIOError) -> Bool {
        guard let record = try run(id) else { return false }
        let result = record.result
        // One output set, as simulate writes its files: the folder holds the old files or
        // these, never a mix.
        let set = try OutputSet(directory: directory, owns: RunFiles.names)
        var hasJobCosts = false
        do {
            try queue.read { db in
                hasJobCosts = try Bool.fetchOne(db, sql: "SELECT has_job_costs FROM runs WHERE id = ?", arguments: [id]) ?? false
                // cli.md's row order: by date, then the layout's (`row`).
                try RunStore.export(DailyColumn.self, run: id, version: result.version, db, into: set)
                try RunStore.export(WorkloadsColumn.self, run: id, version: result.version, db, into: set)
                try RunStore.export(TargetsColumn.self, run: id, version: result.version, db, into: set)
                if result.hasFaults { try RunStore.export(FaultsColumn.self, run: id, version: result.version, db, into: set) }
            }
            var summaries = [
                (MonthlyColumn.file, CSVRenderer.monthly(result.monthly, version: result.version)),
                (KPIsColumn.file, CSVRenderer.kpis(result.kpis)),
            ]
            if result.version >= 2 { summaries.append((DrillsColumn.file, CSVRenderer.drills(result.drills))) }
            if hasJobCosts {
                summaries.append((JobsColumn.file, CSVRenderer.jobs(result.jobCosts)))
            }
            for (name, text) in summaries { try set.add(name + ".csv", text: text) }
        } catch {
            set.abort()
            throw RunStore.storeError(error, path: path, reading: true)
        }
        try set.publish()
        return true
    }

    /// Streams one daily file's rows of run `id` from its tables into `FILE.csv` of `set`, as
    /// the CSV renderer wrote them (the columns of the run's `version`): the run's dates
    /// (`run_days`) and its rows' name cells (`FILE_keys`) read once, then the values rows
    /// by day and `row`, which numbers a day's rows in the CSV's order. Joining the names
    /// and dates in SQL, as the views do, took half as long again for a hundred years.
    static func export<C: DayFileColumn>(_: C.Type, run id: Int64, version: Int, _ db: Database, into set: OutputSet) throws {
        let keys = C.keyColumns(version: version)
        let values = C.valueColumns(version: version)
        // `run` holds the version to those plan writes, whose files all have values columns.
        guard !values.isEmpty else {
            throw PlanIOError.damagedRunStore(path: "", reason: "run \(id) has no '\(C.file)' columns in version \(version)")
        }
        let file = try set.file(C.file + ".csv")
        file.write(C.header(version: version))
        func quoted(_ c: [C]) -> String { c.map { "\"\($0.storeName)\"" }.joined(separator: ", ") }
        var dates: [Int64: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT day, date FROM run_days WHERE run_id = ?", arguments: [id]) {
            dates[try row.decode(atIndex: 0)] = try row.decode(atIndex: 1)
        }
        // Each layout row's name cells, rendered once: "job,tier,target,workload".
        var names: [Int64: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT row, \(quoted(keys)) FROM \(C.file)_keys WHERE run_id = ?", arguments: [id]) {
            names[try row.decode(atIndex: 0)] = keys.enumerated().map { i, k in RunStore.cell(row[i + 1] as DatabaseValue, k.kind) }.joined(
                separator: ",")
        }
        if C.file == DailyColumn.file {
            return try exportPacked(run: id, width: values, db, dates: dates, names: names, into: file)
        }
        let (first, last) = DayKey.range(run: id)
        let cursor = try Row.fetchCursor(
            db, sql: "SELECT id, \(quoted(values)) FROM \(C.file)_values WHERE id BETWEEN ? AND ? ORDER BY id", arguments: [first, last])
        while let row = try cursor.next() {
            let key: Int64 = try row.decode(atIndex: 0)
            let day = DayKey.day(of: key)
            guard let date = dates[day], let name = names[DayKey.row(of: key)] else {
                throw PlanIOError.damagedRunStore(
                    path: "", reason: "run \(id) has a '\(C.file)' row of day \(day) without its date or names: simulate it again")
            }
            line(file, date, day, name, values.count) { RunStore.cell(row[$0 + 1] as DatabaseValue, values[$0].kind) }
        }
    }

    /// The rows of `daily` from `daily_days` (`DayPack`): each day's JSON text read once,
    /// its rows in `row` order; a row deleted through the view (`null`) is left out, as the
    /// count before has refused such a run.
    private static func exportPacked<C: DayFileColumn>(
        run id: Int64, width values: [C], _ db: Database, dates: [Int64: String], names: [Int64: String], into file: StreamingFile
    ) throws {
        let (first, last) = DayPack.range(run: id)
        let cursor = try Row.fetchCursor(
            db, sql: "SELECT id, rows, CAST(vals AS BLOB) FROM daily_days WHERE id BETWEEN ? AND ? ORDER BY id", arguments: [first, last])
        while let row = try cursor.next() {
            let day = DayPack.day(of: try row.decode(atIndex: 0))
            let count: Int = try row.decode(atIndex: 1)
            let text: Data = try row.decode(atIndex: 2)
            func missing() -> PlanIOError {
                .damagedRunStore(path: "", reason: "run \(id) has a 'daily' row of day \(day) without its date or names: simulate it again")
            }
            guard let date = dates[day] else { throw missing() }
            // A place for each layout row, and as many rows as the day counts: text edited by
            // hand (a row removed, not replaced by null) would put numbers under other names.
            guard let rows = text.withUnsafeBytes({ DayPack.rows(of: $0, width: values.count) }), rows.count == names.count,
                rows.filter({ $0 != nil }).count == count
            else {
                throw PlanIOError.damagedRunStore(
                    path: "",
                    reason: "run \(id) has 'daily' numbers of day \(day) that are not as plan wrote them (daily_days.vals): simulate it again")
            }
            for (r, numbers) in rows.enumerated() {
                guard let numbers else { continue }
                guard let name = names[Int64(r)] else { throw missing() }
                line(file, date, day, name, values.count) { RunStore.cell(numbers[$0].databaseValue, values[$0].kind) }
            }
        }
    }

    /// Appends a day file's line: its date, day and name cells, then `count` value cells.
    private static func line(_ file: StreamingFile, _ date: String, _ day: Int64, _ name: String, _ count: Int, _ cell: (Int) -> String) {
        file.append { out in
            out += date
            out += ","
            out += String(day)
            out += ","
            out += name
            for i in 0..<count {
                out += ","
                out += cell(i)
            }
            out += "\n"
        }
    }

    /// A stored value as its CSV cell.
    static func cell(_ value: DatabaseValue, _ kind: ColumnKind) -> String {
        switch value.storage {
        case .null: return ""
        case .int64(let n):
            switch kind {
            case .decimal6: return CSVRenderer.decimal6(Double(n))
            case .money: return CSVRenderer.money(Double(n))
            case .text, .integer, .kpiValue: return String(n)
            }
        case .double(let x):
            switch kind {
            case .decimal6: return CSVRenderer.decimal6(x)
            case .money: return CSVRenderer.money(x)
            case .text, .integer, .kpiValue: return CSVRenderer.integer(x)
            }
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

    /// The seconds after midnight of a `drills.csv` time, `HH:MM:SS`.
    static func secondOfDay(_ text: String) throws -> Int {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).compactMap { Int($0) }
        guard parts.count == 3 else { throw PlanIOError.damagedRunStore(path: "", reason: "a time reads '\(text)'") }
        return parts[0] * 3600 + parts[1] * 60 + parts[2]
    }

    static func optionalDate(_ text: String?) throws -> CivilDate? {
        try text.map(date)
    }

    static func known<T>(_ value: T?, _ text: String) throws -> T {
        guard let value else { throw PlanIOError.damagedRunStore(path: "", reason: "unknown value '\(text)'") }
        return value
    }
}

extension Row {
    /// The value of a declared column (`OutputColumn.storeName`).
    func decode<T: DatabaseValueConvertible>(_ column: some OutputColumn) throws -> T {
        try decode(forColumn: column.storeName)
    }

    /// The value of a declared column, read straight from the statement when it can be.
    func decode<T: DatabaseValueConvertible & StatementColumnConvertible>(_ column: some OutputColumn) throws -> T {
        try decode(forColumn: column.storeName)
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
