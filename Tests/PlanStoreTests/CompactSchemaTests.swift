import Foundation
import GRDB
import Testing

@testable import PlanCore
@testable import PlanIO
@testable import PlanStore

/// Schema v6: the four daily files' tables as views over `FILE_keys` (a run's layout rows
/// once) and `FILE_values` (the numbers of every day), and the move of the rows that a
/// store of schema v5 holds.
@Suite("Run store compact daily tables")
struct CompactSchemaTests {
    /// The tables of schema v5, in an order that satisfies their foreign keys.
    static let v5Tables = [
        "runs", "settings", "warnings", "daily", "workloads", "targets", "monthly", "kpis", "target_summary", "job_summary",
        "workload_summary", "drills", "faults", "jobs",
    ]

    /// Three runs: the seed cluster (version 1), E41 (version 2) and E44 (version 2 with a
    /// fault key), recorded in a new store; returns the store and the CSV text its daily
    /// files had as simulate rendered them, per run id.
    static func recordThree(_ path: String) throws -> (RunStore, [Int64: CSVCollector]) {
        let store = try #require(try RunStore.open(path: path, create: true))
        var csv: [Int64: CSVCollector] = [:]
        for s in [
            try RunStoreTests.seed60(), try RunStoreTests.scenario(try #require(RunStoreVersion2Tests.examples["e41"])),
            try RunStoreFaultsTests.scenario("e44"),
        ] {
            let (id, _, collected) = try RunStoreTests.record(s, in: store)
            csv[id] = collected
        }
        return (store, csv)
    }

    /// The CSV files of a run's re-export, by name.
    static func export(_ store: RunStore, _ id: Int64, to dir: String) throws -> [String: Data] {
        #expect(try store.exportCSV(id, to: dir))
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: dir) where name.hasSuffix(".csv") {
            files[name] = try Data(contentsOf: URL(fileURLWithPath: dir + "/" + name))
        }
        return files
    }

    @Test("each keys table has the file's name columns and each values table its numbers, typed as declared")
    func columns() throws {
        let path = try RunStoreTests.folder() + "/plan.sqlite"
        _ = try #require(try RunStore.open(path: path, create: true))
        func check<C: DayFileColumn>(_: C.Type, _ db: Database) throws {
            let keys = C.keyColumns(version: 2)
            let values = C.valueColumns(version: 2)
            let stamp: [C] = Array(C.allCases.prefix(2))
            let split: [C] = stamp + keys + values
            #expect(C.columns(version: 2).map(\.name) == split.map(\.name), "\(C.file): date, day, names, values")
            func info(_ table: String) throws -> [String] {
                try Row.fetchAll(db, sql: "PRAGMA table_info(\(table))").map { "\($0["name"] as String) \($0["type"] as String)" }
            }
            #expect(try info(C.file + "_keys") == ["run_id INTEGER", "row INTEGER"] + keys.map { "\($0.storeName) \($0.kind.storeType)" })
            if C.file == DailyColumn.file {
                // Schema v8: a day per row, its numbers one JSON text (`DayPack`).
                #expect(try info("daily_days") == ["id INTEGER", "rows INTEGER", "vals TEXT"])
            } else {
                // Schema v7: one key, run_id << 40 | day << 20 | row, SQLite's row id.
                #expect(try info(C.file + "_values") == ["id INTEGER"] + values.map { "\($0.storeName) \($0.kind.storeType)" })
            }
        }
        try RunStoreTests.query(path) { (db: Database) throws -> Void in
            let days = try Row.fetchAll(db, sql: "PRAGMA table_info(run_days)").map { "\($0["name"] as String) \($0["type"] as String)" }
            #expect(days == ["run_id INTEGER", "day INTEGER", "date TEXT"])
            try check(DailyColumn.self, db)
            try check(WorkloadsColumn.self, db)
            try check(TargetsColumn.self, db)
            try check(FaultsColumn.self, db)
            // cli.md's name columns; a file a version does not write has no values columns.
            #expect(DailyColumn.keyColumns(version: 1).map(\.name) == ["job", "tier", "target", "workload"])
            #expect(FaultsColumn.keyColumns(version: 2).map(\.name) == ["job", "workload"])
            #expect(FaultsColumn.valueColumns(version: 1).isEmpty)
        }
    }

    @Test("a run's layout rows are stored once and its numbers once a day: keys × days values rows")
    func rowsOnce() throws {
        let dir = try RunStoreTests.folder()
        let (_, csv) = try Self.recordThree(dir + "/plan.sqlite")
        let seed = try #require(csv[1])
        // The seed's daily.csv: a header and 60 days of its layout rows.
        let lines = seed.daily.split(separator: "\n").count - 1
        #expect(lines % 60 == 0)
        try RunStoreTests.query(dir + "/plan.sqlite") { (db: Database) throws -> Void in
            func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql) ?? -1 }
            #expect(try count("SELECT count(*) FROM daily_keys WHERE run_id = 1") == lines / 60)
            // One daily_days row a day (id run_id << 20 | day), each day's rows in its JSON,
            // numbered 0, 1, … by their place.
            #expect(try count("SELECT count(*) FROM daily_days WHERE id >> 20 = 1") == 60)
            #expect(try count("SELECT min(id & 1048575) FROM daily_days WHERE id >> 20 = 1") == 0)
            #expect(try count("SELECT max(id & 1048575) FROM daily_days WHERE id >> 20 = 1") == 59)
            #expect(try count("SELECT sum(rows) FROM daily_days WHERE id >> 20 = 1") == lines)
            #expect(try count("SELECT sum(json_array_length(vals)) FROM daily_days WHERE id >> 20 = 1") == lines)
            #expect(try count("SELECT max(j.key) FROM daily_days d, json_each(d.vals) j WHERE d.id >> 20 = 1") == lines / 60 - 1)
            // The seed's three workloads (gitea-db, coder-db, gitea-data) and two targets
            // (minio, s3-longhorn), 60 days each.
            #expect(try count("SELECT count(*) FROM workloads_keys WHERE run_id = 1") == 3)
            #expect(try count("SELECT count(*) FROM workloads_values WHERE id >> 40 = 1") == 180)
            #expect(try count("SELECT count(*) FROM targets_values WHERE id >> 40 = 1") == 120)
            // E44 (10 days, one job): one faults row a day; the others have none.
            #expect(try count("SELECT count(*) FROM faults_values WHERE id >> 40 = 3") == 10)
            #expect(try count("SELECT count(*) FROM faults_keys WHERE run_id <> 3") == 0)
            // One date a day, the view's: the run's start (2026-01-15) plus the day.
            #expect(try count("SELECT count(*) FROM run_days WHERE run_id = 1") == 60)
            #expect(try String.fetchOne(db, sql: "SELECT max(date) FROM daily WHERE run_id = 1") == "2026-03-15")
            #expect(try String.fetchOne(db, sql: "SELECT date FROM run_days WHERE run_id = 1 AND day = 17") == "2026-02-01")
        }
    }

    @Test("a store of schema v5 moves its runs to the compact tables and re-exports every file byte for byte")
    func migrateV5() throws {
        let dir = try RunStoreTests.folder()
        let (store, csv) = try Self.recordThree(dir + "/new.sqlite")
        var before: [Int64: [String: Data]] = [:]
        for id in csv.keys { before[id] = try Self.export(store, id, to: dir + "/new-\(id)") }
        // The files simulate rendered are what the current store re-exports.
        for (id, c) in csv {
            #expect(before[id]?["daily.csv"] == Data(c.daily.utf8), "run \(id)")
            #expect(before[id]?["targets.csv"] == Data(c.targets.utf8), "run \(id)")
        }

        // A store as plan left it before schema v6, holding the same rows: the views of the
        // new store have exactly the columns of the old tables.
        let old = try DatabaseQueue(path: dir + "/old.sqlite")
        try RunStore.migrator.migrate(old, upTo: "v5")
        try old.writeWithoutTransaction { db in
            try db.execute(sql: "ATTACH DATABASE ? AS n", arguments: [dir + "/new.sqlite"])
            for t in Self.v5Tables { try db.execute(sql: "INSERT INTO main.\(t) SELECT * FROM n.\(t)") }
            try db.execute(sql: "DETACH DATABASE n")
            // And what a run deleted without `PRAGMA foreign_keys` left behind in every table:
            // rows of a run 4 that `runs` does not have (a copy of run 3's).
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            for t in Self.v5Tables.dropFirst() {
                let columns = try Row.fetchAll(db, sql: "PRAGMA table_info(\(t))").map { $0["name"] as String }
                #expect(columns.first == "run_id", "\(t)")
                let rest = columns.dropFirst().map { "\"\($0)\"" }.joined(separator: ", ")
                try db.execute(sql: "INSERT INTO \(t) SELECT 4, \(rest) FROM \(t) WHERE run_id = 3")
            }
            try db.execute(sql: "PRAGMA foreign_keys = ON")
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM daily WHERE run_id = 4") ?? 0 > 0)
            #expect(try String.fetchOne(db, sql: "SELECT type FROM sqlite_master WHERE name = 'daily'") == "table")
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM faults WHERE run_id = 3") == 10)
        }
        try old.close()

        let migrated = try #require(try RunStore.open(path: dir + "/old.sqlite", create: false))
        try RunStoreTests.query(dir + "/old.sqlite") { (db: Database) throws -> Void in
            #expect(try String.fetchOne(db, sql: "SELECT type FROM sqlite_master WHERE name = 'daily'") == "view")
            // The rows of no run are gone; the foreign keys hold.
            for t in Self.v5Tables.dropFirst() {
                #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM \(t) WHERE run_id = 4") == 0, "\(t)")
            }
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
            // Names numbered in the CSV's order within a day (by job, target, workload).
            let keys = try String.fetchAll(db, sql: "SELECT job || '|' || target || '|' || workload FROM daily_keys WHERE run_id = 1 ORDER BY row")
            #expect(keys == keys.sorted() && keys.count > 1)
        }
        for id in csv.keys.sorted() {
            let after = try Self.export(migrated, id, to: dir + "/old-\(id)")
            #expect(after.keys.sorted() == before[id]?.keys.sorted(), "run \(id) files")
            for (name, data) in after { #expect(data == before[id]?[name], "run \(id) \(name)") }
        }
        // New runs go on from id 4 (the left-behind rows were of no recorded run).
        let (id, _, _) = try RunStoreTests.record(try RunStoreTests.seed60(), in: migrated)
        #expect(id == 4)
    }

    @Test("a values row's key: run 3, day 17, row 5 is 3 × 2^40 + 17 × 2^20 + 5, and back")
    func dayKey() {
        // 3 × 1,099,511,627,776 = 3,298,534,883,328; 17 × 1,048,576 = 17,825,792; + 5.
        #expect(DayKey.id(run: 3, day: 17, row: 5) == 3_298_552_709_125)
        #expect(DayKey.day(of: 3_298_552_709_125) == 17)
        #expect(DayKey.row(of: 3_298_552_709_125) == 5)
        // A run's range: 2^40 … 2 × 2^40 − 1 for run 1; the last run keeps the id positive.
        #expect(DayKey.range(run: 1) == (1_099_511_627_776, 2_199_023_255_551))
        #expect(DayKey.maxRun == 8_388_607)  // 2^23 − 1
        #expect(DayKey.range(run: DayKey.maxRun).last == Int64.max)
    }

    @Test("a run whose id a values row cannot hold (past 2^23 − 1) is not recorded, and the store keeps its runs")
    func runIDPastKeys() throws {
        let path = try RunStoreTests.folder() + "/plan.sqlite"
        let store = try #require(try RunStore.open(path: path, create: true))
        let scenario = try RunStoreTests.scenario(BuiltInScenario.seedYAML, overrides: ["horizon=3d"])
        _ = try RunStoreTests.record(scenario, in: store)
        // The next run gets id 8,388,608 = 2^23, one past DayKey.maxRun.
        try DatabaseQueue(path: path).write { db in try db.execute(sql: "UPDATE sqlite_sequence SET seq = 8388607 WHERE name = 'runs'") }
        do {
            _ = try RunStoreTests.record(scenario, in: store)
            Issue.record("run 8,388,608 was recorded")
        } catch {
            #expect(
                "\(error)" == "error: cannot write '\(path)': run id 8388608 is past the 8388607 runs a store keys; record into a new store (--db)")
        }
        try RunStoreTests.query(path) { (db: Database) throws -> Void in
            #expect(try Int64.fetchAll(db, sql: "SELECT id FROM runs") == [1])
            // Every values row left is run 1's (its ids 2^40 … 2 × 2^40 − 1; daily_days' 2^20 …
            // 2 × 2^20 − 1): none of the refused run.
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM workloads_values WHERE id >> 40 <> 1") == 0)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM workloads_values") ?? 0 > 0)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM daily_days WHERE id >> 20 <> 1") == 0)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM daily_days") ?? 0 > 0)
        }
    }

    @Test("a store of schema v6 keys its values rows by id, and packs daily's by day: the same rows as a run recorded now, the same files")
    func migrateV6() throws {
        let dir = try RunStoreTests.folder()
        let (store, csv) = try Self.recordThree(dir + "/new.sqlite")
        var before: [Int64: [String: Data]] = [:]
        for id in csv.keys { before[id] = try Self.export(store, id, to: dir + "/new-\(id)") }
        // The same runs in v6's tables: values rows keyed by (run_id, day, row).
        let old = try DatabaseQueue(path: dir + "/old.sqlite")
        try RunStore.migrator.migrate(old, upTo: "v6")
        try old.writeWithoutTransaction { db in
            try db.execute(sql: "ATTACH DATABASE ? AS n", arguments: [dir + "/new.sqlite"])
            let tables = Self.v5Tables.filter { !["daily", "workloads", "targets", "faults"].contains($0) }
            for t in tables + ["run_days", "daily_keys", "workloads_keys", "targets_keys", "faults_keys"] {
                try db.execute(sql: "INSERT INTO main.\(t) SELECT * FROM n.\(t)")
            }
            for t in RunStore.dayTableShapes {
                let names = t.values.map(\.name).joined(separator: ", ")
                // daily's numbers through the new store's view (its rows numbered by its keys).
                let source =
                    t.file == "daily"
                    ? """
                    SELECT d.run_id, d.day, k.row, \(t.values.map { "d." + $0.name }.joined(separator: ", ")) FROM n.daily d
                        JOIN n.daily_keys k ON k.run_id = d.run_id AND k.job = d.job AND k.target = d.target AND k.workload = d.workload
                    """
                    : "SELECT id >> 40, (id >> 20) & 1048575, id & 1048575, \(names) FROM n.\(t.file)_values"
                try db.execute(sql: "INSERT INTO main.\(t.file)_values (run_id, day, row, \(names)) \(source)")
            }
            #expect(try Int.fetchOne(db, sql: "SELECT max(day) FROM daily_values WHERE run_id = 1") == 59)
            try db.execute(sql: "DETACH DATABASE n")
        }
        try old.close()
        let migrated = try #require(try RunStore.open(path: dir + "/old.sqlite", create: false))
        try RunStoreTests.query(dir + "/old.sqlite") { (db: Database) throws -> Void in
            try db.execute(sql: "ATTACH DATABASE ? AS n", arguments: [dir + "/new.sqlite"])
            // daily_days (v8) holds the same texts as the new store's, to the byte.
            for table in RunStore.dayTableShapes.map({ $0.file == "daily" ? "daily_days" : $0.file + "_values" }) {
                let differ = "SELECT * FROM main.\(table) EXCEPT SELECT * FROM n.\(table)"
                #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM (\(differ))") == 0, "\(table)")
                #expect(
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM main.\(table)")
                        == Int.fetchOne(db, sql: "SELECT count(*) FROM n.\(table)"), "\(table)")
            }
        }
        for id in csv.keys.sorted() {
            let after = try Self.export(migrated, id, to: dir + "/old-\(id)")
            #expect(after.keys.sorted() == before[id]?.keys.sorted(), "run \(id) files")
            for (name, data) in after { #expect(data == before[id]?[name], "run \(id) \(name)") }
        }
    }

    @Test("DELETE on a view deletes the values rows it shows (daily's: null in its day's JSON); deleting a run deletes its keys and values")
    func deletes() throws {
        let dir = try RunStoreTests.folder()
        _ = try Self.recordThree(dir + "/plan.sqlite")
        let queue = try DatabaseQueue(path: dir + "/plan.sqlite")
        try queue.writeWithoutTransaction { db in
            func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql) ?? -1 }
            let rows = try count("SELECT count(*) FROM daily WHERE run_id = 1")
            let row = try count("SELECT row FROM daily_keys WHERE run_id = 1 AND job = 'longhorn/daily-backup' AND workload = 'gitea-db'")
            try db.execute(sql: "DELETE FROM daily WHERE run_id = 1 AND day = 10 AND job = 'longhorn/daily-backup' AND workload = 'gitea-db'")
            #expect(try count("SELECT count(*) FROM daily WHERE run_id = 1") == rows - 1)
            #expect(try count("SELECT sum(rows) FROM daily_days WHERE id >> 20 = 1") == rows - 1)
            // Day 10's row became null in place: the other rows keep their numbers.
            #expect(try count("SELECT json_type(vals, '$[\(row)]') = 'null' FROM daily_days WHERE id = (1 << 20) | 10") == 1)
            #expect(try count("SELECT json_array_length(vals) FROM daily_days WHERE id = (1 << 20) | 10") == rows / 60)
            try db.execute(sql: "DELETE FROM targets WHERE run_id = 1 AND target = 'minio'")
            #expect(try count("SELECT count(*) FROM targets_values WHERE id >> 40 = 1") == 60)  // 60 days of s3-longhorn
            try db.execute(sql: "DELETE FROM faults WHERE run_id = 3 AND day >= 5")
            #expect(try count("SELECT count(*) FROM faults_values WHERE id >> 40 = 3") == 5)
            try db.execute(sql: "DELETE FROM workloads WHERE run_id = 2")
            #expect(try count("SELECT count(*) FROM workloads_values WHERE id >> 40 = 2") == 0)

            try db.execute(sql: "PRAGMA foreign_keys = ON; DELETE FROM runs WHERE id = 1")
            #expect(try count("SELECT count(*) FROM run_days WHERE run_id = 1") == 0)
            for t in ["daily", "workloads", "targets", "faults"] {
                #expect(try count("SELECT count(*) FROM \(t)_keys WHERE run_id = 1") == 0, "\(t)_keys")
                let values = t == "daily" ? "daily_days WHERE id >> 20 = 1" : "\(t)_values WHERE id >> 40 = 1"
                #expect(try count("SELECT count(*) FROM \(values)") == 0, "\(values)")
            }
            #expect(try count("SELECT count(*) FROM daily_days WHERE id >> 20 = 2") > 0)
            // A run's rows go with it even without the foreign keys (the trigger runs_delete),
            // in every table.
            try db.execute(sql: "PRAGMA foreign_keys = OFF; DELETE FROM runs WHERE id = 2")
            let tables = try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('runs', 'grdb_migrations', 'sqlite_sequence')")
            // settings, warnings, monthly, kpis, drills, jobs and the three summaries; run_days;
            // the four files' keys and values: 9 + 1 + 8.
            #expect(tables.count == 18)
            for t in tables {
                let run = t.hasSuffix("_values") ? "id >> 40 = 2" : t == "daily_days" ? "id >> 20 = 2" : "run_id = 2"
                #expect(try count("SELECT count(*) FROM \(t) WHERE \(run)") == 0, "\(t)")
            }
            #expect(try count("SELECT count(*) FROM daily_days WHERE id >> 20 = 3") > 0)
            #expect(try count("SELECT count(*) FROM run_days WHERE run_id = 3") == 10)
        }
    }

    /// Hands a simulation's days straight to an inserter, keeping the first error.
    struct InserterSink: SimulationSink {
        let inserter: RunInserter
        var error: (any Error)?
        /// Takes the numbers out of the rows, as `RunRecorder` does on the simulation's thread.
        var extractor: DayNumberExtractor?
        /// The first day goes in with its rows, as `RunRecorder` sends it; later days without.
        var firstDay = true
        mutating func begin(_ layout: RowLayout) {
            let inserter = inserter
            extractor = DayNumberExtractor(layout)
            firstDay = true
            attempt { try inserter.begin(layout) }
        }
        mutating func day(_ rows: DayRows) {
            let (inserter, numbers, first) = (inserter, extractor?.numbers(of: rows), firstDay)
            firstDay = false
            attempt { try first ? inserter.firstDay(rows, try #require(numbers)) : inserter.day(try #require(numbers)) }
        }
        private mutating func attempt(_ body: () throws -> Void) {
            guard error == nil else { return }
            do { try body() } catch { self.error = error }
        }
    }

    @Test(
        "values go in by statements of several days, or chunks of a day with a short one at its end, or one row each: the same files",
        arguments: [999, 27, 18, 1])
    func chunks(_ budget: Int) throws {
        // Budgets in bound parameters. The seed (version 1, 60 days) has 10 daily rows a
        // day of 9 parameters (run_id, day, row and 6 values), 3 workloads of 7 and 2
        // targets of 6. 999: 111 daily rows a statement, so 11 days each (days 1–55), and
        // days 56–59 one row at a time at the end; workloads 47 days each (1–47, then 12
        // left), targets 83 days (all 59 left). 27: daily chunks of 3 rows (3 chunks and a
        // short one of 1 a day), workloads a day a statement, targets 2 days (29 and 1
        // left). 18: daily chunks of 2 (5 a day), workloads chunks of 2 and a short one of
        // 1, targets a day. 1: one row a statement.
        let dir = try RunStoreTests.folder()
        let path = dir + "/plan.sqlite"
        let store = try #require(try RunStore.open(path: path, create: true))
        let s = try RunStoreFaultsTests.scenario("e44")
        let seed = try RunStoreTests.seed60()
        var csv: [CSVCollector] = []
        let queue = try DatabaseQueue(path: path)
        for scenario in [seed, s] {
            try queue.write { db in
                let header = RunHeader(
                    scenario: scenario, scenarioPath: nil, overrides: [], createdAt: "2026-12-03T06:00:00Z", filesWritten: nil, storePath: nil)
                let inserter = try RunInserter(db: db, header: header)
                inserter.parameterBudget = budget
                var sink = SinkPair(CSVCollector(), InserterSink(inserter: inserter))
                let result = try Engine.simulate(scenario, into: &sink).get()
                if let error = sink.second.error { throw error }
                try inserter.finish(result)
                csv.append(sink.first)
            }
        }
        try queue.close()
        for (id, c) in zip([Int64(1), 2], csv) {
            let files = try Self.export(store, id, to: dir + "/export-\(id)")
            #expect(files["daily.csv"] == Data(c.daily.utf8), "run \(id) daily.csv")
            #expect(files["workloads.csv"] == Data(c.workloads.utf8), "run \(id) workloads.csv")
            #expect(files["targets.csv"] == Data(c.targets.utf8), "run \(id) targets.csv")
            if id == 2 { #expect(files["faults.csv"] == Data(c.faults.utf8), "faults.csv") }
        }
        // The seed's 10 daily rows a day that the budgets above count on: a header and 60 days.
        #expect(csv.count == 2 && csv[0].daily.split(separator: "\n").count == 1 + 60 * 10)
    }

    @Test("the dates are the engine's own: 0300-03-01, which SQLite's date() reads as 0300-02-29, re-exports as it was written")
    func engineDates() throws {
        // SQLite 3.40's date('0300-02-28', '+1 days') is '0300-02-29' (0300 is no leap year:
        // divisible by 100, not by 400); day 9 of a run from 0300-02-20 is 0300-03-01.
        let dir = try RunStoreTests.folder()
        let store = try #require(try RunStore.open(path: dir + "/plan.sqlite", create: true))
        let s = try RunStoreTests.scenario(BuiltInScenario.seedYAML, overrides: ["start=0300-02-20", "horizon=20d"])
        let (id, _, csv) = try RunStoreTests.record(s, in: store)
        let files = try Self.export(store, id, to: dir + "/export")
        #expect(files["targets.csv"] == Data(csv.targets.utf8))
        #expect(files["daily.csv"] == Data(csv.daily.utf8))
        #expect(csv.targets.contains("\n0300-03-01,9,"))
        try RunStoreTests.query(dir + "/plan.sqlite") { (db: Database) throws -> Void in
            #expect(try String.fetchOne(db, sql: "SELECT date FROM targets WHERE run_id = ? AND day = 9 LIMIT 1", arguments: [id]) == "0300-03-01")
            #expect(try String.fetchOne(db, sql: "SELECT date('0300-02-28', '+1 days')") == "0300-02-29")  // the bug avoided
        }
    }

    @Test("a store of schema v4 with rows of a run deleted without foreign keys opens: the rows of no run are dropped first")
    func orphansBeforeV5() throws {
        // GRDB checks the foreign keys after each migration: such rows failed v5's already.
        let path = try RunStoreTests.folder() + "/plan.sqlite"
        let old = try DatabaseQueue(path: path)
        try RunStore.migrator.migrate(old, upTo: "v4")
        try old.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            try db.execute(sql: "INSERT INTO warnings (run_id, message) VALUES (7, 'of a deleted run')")
            try db.execute(sql: "INSERT INTO settings (run_id, path, value) VALUES (7, 'name', 'gone')")
        }
        try old.close()
        let store = try #require(try RunStore.open(path: path, create: false))
        #expect(try store.runs(limit: nil, scenario: nil).isEmpty)
        try RunStoreTests.query(path) { (db: Database) throws -> Void in
            #expect(
                try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid") == [
                    "v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8",
                ])
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM warnings") == 0)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM settings") == 0)
        }
    }
}
