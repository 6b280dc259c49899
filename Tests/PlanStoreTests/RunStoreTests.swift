import Foundation
import GRDB
import Testing

@testable import PlanCore
@testable import PlanIO
@testable import PlanStore

/// The run store in process: schema and migrations, a run read back, refusals.
/// End-to-end runs of the binary (concurrent writers, a killed writer, exit codes) are in
/// planTests.
@Suite("Run store")
struct RunStoreTests {
    // MARK: Helpers

    /// A fresh folder for one test.
    static func folder() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("plan-store-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    static func scenario(_ yaml: String, overrides: [String] = []) throws -> Scenario {
        let options = LoadOptions(
            file: "test.yaml", defaultName: "test", today: CivilDate(year: 2026, month: 1, day: 1),
            overrides: try overrides.map { try Override.parse($0).get() })
        return try ScenarioLoader.load(text: yaml, options: options).get()
    }

    /// Records a simulation of `s` and returns its id, its summary and the CSV text of
    /// its three daily files as the CSV renderers wrote them.
    static func record(_ s: Scenario, in store: RunStore) throws -> (id: Int64, result: SimulationResult, csv: CSVCollector) {
        let header = RunHeader(
            scenario: s, scenarioPath: "scenarios/test.yaml", overrides: [], createdAt: "2026-11-25T12:00:00Z",
            filesWritten: "output/\(s.name)/", storePath: "output/plan.sqlite")
        var collected: (SimulationResult, CSVCollector)? = nil
        let id = try store.record(header) { recorder in
            var sink = SinkPair(CSVCollector(), recorder)
            let r = try Engine.simulate(s, into: &sink).get()
            collected = (r, sink.first)
            return r
        }
        let (result, csv) = try #require(collected)
        return (try #require(id), result, csv)
    }

    static func query<T>(_ path: String, _ body: (Database) throws -> T) throws -> T {
        try DatabaseQueue(path: path).read(body)
    }

    /// The seed cluster for 60 days: every tier, replicas, a partial month.
    static func seed60() throws -> Scenario {
        try scenario(BuiltInScenario.seedYAML, overrides: ["horizon=60d", "start=2026-01-15"])
    }

    // MARK: Schema

    @Test("a new store, from no file and from an empty file: every migration, the rollback journal, 16 KiB pages, plan's application id")
    func newStore() throws {
        let dir = try Self.folder()
        try Data().write(to: URL(fileURLWithPath: dir + "/empty.sqlite"))
        for name in ["new/plan.sqlite", "empty.sqlite"] {
            let path = dir + "/" + name
            _ = try #require(try RunStore.open(path: path, create: true))
            try Self.expectCurrentSchema(path)
        }
        // Reading never creates a store, nor writes a schema into an empty file (a first
        // run that was not recorded leaves one).
        #expect(try RunStore.open(path: dir + "/absent.sqlite", create: false) == nil)
        #expect(!FileManager.default.fileExists(atPath: dir + "/absent.sqlite"))
        let empty = dir + "/left-empty.sqlite"
        try Data().write(to: URL(fileURLWithPath: empty))
        #expect(try RunStore.open(path: empty, create: false) == nil)
        #expect(try FileManager.default.attributesOfItem(atPath: empty)[.size] as? Int == 0)
    }

    @Test("a file whose header is still zeros, its journal beside it (a new store's first run), is let through; without the journal, refused")
    func zeroHeaderWithJournal() throws {
        let path = try Self.folder() + "/plan.sqlite"
        try Data(count: 32_768).write(to: URL(fileURLWithPath: path))
        #expect(throws: PlanIOError.self) { try RunStore.checkHeader(path) }
        try Data(count: 512).write(to: URL(fileURLWithPath: path + "-journal"))
        try RunStore.checkHeader(path)
        // Bytes that are not zeros stay refused, journal or not.
        try Data("not a database, but long enough to have a header of one hundred bytes at least, I promise you this.".utf8)
            .write(to: URL(fileURLWithPath: path))
        #expect(throws: PlanIOError.self) { try RunStore.checkHeader(path) }
    }

    /// The store at `path` has the schema a new store gets.
    static func expectCurrentSchema(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try Self.query(path) { (db: Database) throws -> Void in
            #expect(
                try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid") == [
                    "v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8",
                ])
            #expect(try Int32.fetchOne(db, sql: "PRAGMA application_id") == 0x706C_616E)  // "plan"
            #expect(try String.fetchOne(db, sql: "PRAGMA journal_mode") == "delete")
            #expect(try Int.fetchOne(db, sql: "PRAGMA page_size") == 16_384)
            let tables = try String.fetchSet(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
            for t in ["runs", "monthly", "kpis", "drills", "warnings", "settings", "jobs"] {
                #expect(tables.contains(t), "table \(t)")
            }
            // Schema v6: the four daily files are views over their keys and values tables;
            // since v8 daily's values are a day per row, in `daily_days`.
            let views = try String.fetchSet(db, sql: "SELECT name FROM sqlite_master WHERE type = 'view'")
            #expect(views == ["daily", "workloads", "targets", "faults"])
            for v in views {
                #expect(tables.isSuperset(of: [v + "_keys", v == "daily" ? "daily_days" : v + "_values"]), "tables of \(v)")
            }
            #expect(!tables.contains("daily_values"))
            // Every table of runs finds a run's rows by an index or its primary key: a
            // values table (schema v7) by the range of its ids, 1 << 40 … (2 << 40) − 1;
            // `daily_days` (v8) by 1 << 20 … (2 << 20) − 1.
            for t in tables.subtracting(["runs", "grdb_migrations", "sqlite_sequence"]) {
                let run =
                    t.hasSuffix("_values")
                    ? "id BETWEEN 1099511627776 AND 2199023255551" : t == "daily_days" ? "id BETWEEN 1048576 AND 2097151" : "run_id = 1"
                let plan = try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT * FROM \(t) WHERE \(run)")
                    .map { $0["detail"] as String }
                #expect(plan.count == 1 && plan[0].hasPrefix("SEARCH"), "\(t): \(plan)")
            }
        }
    }

    /// The tables of the file at `path` (none: a store opened for recording, before its
    /// first run).
    static func tableCount(_ path: String) throws -> Int {
        try query(path) { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? -1 }
    }

    @Test("a new store opened for recording gets its schema from its first run, in the run's transaction; a run rolled back leaves it empty")
    func createdWithRun() throws {
        let dir = try Self.folder()
        let path = dir + "/new/plan.sqlite"
        let store = try RunStore.openForRecording(path: path)
        // The file and its folder exist, with no table yet.
        #expect(try Self.tableCount(path) == 0)
        let s = try Self.seed60()
        let header = RunHeader(scenario: s, scenarioPath: nil, overrides: [], createdAt: "2026-11-25T12:00:00Z", filesWritten: nil, storePath: nil)
        let declined = try store.record(header) { recorder in
            var sink = recorder
            _ = Engine.simulate(s, into: &sink)
            return nil
        }
        #expect(declined == nil)
        #expect(try Self.tableCount(path) == 0)
        // The first run committed makes the store, the second finds it made.
        #expect(try Self.record(s, in: store).id == 1)
        try Self.expectCurrentSchema(path)
        #expect(try Self.record(s, in: store).id == 2)
        let reader = try #require(try RunStore.open(path: path, create: false))
        #expect(try reader.runs(limit: nil, scenario: nil).map(\.id) == [2, 1])  // newest first
    }

    @Test("a store made by another connection between the opening and the run: the run goes in; another program's tables: refused")
    func madeMeanwhile() throws {
        let dir = try Self.folder()
        let s = try Self.seed60()
        let path = dir + "/plan.sqlite"
        let late = try RunStore.openForRecording(path: path)
        let first = try #require(try RunStore.open(path: path, create: true))
        #expect(try Self.record(s, in: first).id == 1)
        #expect(try Self.record(s, in: late).id == 2)
        try Self.expectCurrentSchema(path)

        let foreign = dir + "/other.sqlite"
        let refused = try RunStore.openForRecording(path: foreign)
        try DatabaseQueue(path: foreign).write { db in try db.execute(sql: "CREATE TABLE notes (body TEXT)") }
        #expect {
            _ = try Self.record(s, in: refused)
        } throws: { error in
            (error as? PlanIOError)?.description.contains("is not a plan run store: an SQLite database of another program (tables: notes)") == true
        }
        #expect(try Self.query(foreign) { db in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master") } == ["notes"])
    }

    @Test("a store of schema v1 is migrated: its run keeps its rows and gets its KPI counts")
    func migrateV1() throws {
        let path = try Self.folder() + "/plan.sqlite"
        try DatabaseQueue(path: path).writeWithoutTransaction { db in try db.execute(sql: RunStoreV1Fixture.sql) }

        let store = try #require(try RunStore.open(path: path, create: false))
        try Self.query(path) { (db: Database) throws -> Void in
            #expect(
                try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid") == [
                    "v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8",
                ])
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM daily WHERE run_id = 1") == 2)
        }
        // The fixture's KPI rows: budget pass, efficiency info, capacity_alert fail,
        // capacity_full pass: 1 fails of the 3 that have a limit.
        let listing = try store.runs(limit: nil, scenario: nil)
        #expect(listing.map(\.id) == [1])
        #expect(listing.first?.kpisFailed == 1)
        #expect(listing.first?.kpisChecked == 3)

        let run = try #require(try store.run(1))
        #expect(run.header.overrides == ["horizon=2d"])
        #expect(run.header.settings.first == Setting(path: "name", value: "tiny"))
        #expect(run.result.targets.first?.alertDate == CivilDate(year: 2026, month: 1, day: 2))
        #expect(run.result.targets.first?.neededCapacity == ByteCount(1_179_648_000))  // 943,718,400 / 0.8
        #expect(run.result.totalCost == Money(10.0 * 2 / 31))
        // The summary renders from what v1 stored.
        let text = TableRenderer(color: false).render(run.result)
        #expect(text.contains("capacity_alert  m         819 MiB  900 MiB  FAIL    2026-01-02"))

        // New runs go on from id 2 under the new schema.
        let (id, _, _) = try Self.record(try Self.seed60(), in: store)
        #expect(id == 2)
        #expect(try store.runs(limit: 1, scenario: nil).map(\.id) == [2])
        #expect(try store.runs(limit: nil, scenario: "tiny").map(\.id) == [1])
    }

    // MARK: Round trip

    @Test("a run reads back into the same summary, byte for byte, and the same five CSV files")
    func roundTrip() throws {
        let dir = try Self.folder()
        let store = try #require(try RunStore.open(path: dir + "/plan.sqlite", create: true))
        let s = try Self.seed60()
        let (id, result, csv) = try Self.record(s, in: store)
        let run = try #require(try store.run(id))

        for color in [false, true] {
            let renderer = TableRenderer(color: color)
            #expect(renderer.render(run.result, files: ["output/seed/"]) == renderer.render(result, files: ["output/seed/"]))
        }
        #expect(run.header.settings.map(\.path) == ScenarioSettings.flatten(s).map(\.path))
        #expect(run.header.contentHash == ScenarioSettings.hash(s))

        #expect(try store.exportCSV(id, to: dir + "/export"))
        let expected = [
            "daily": csv.daily, "workloads": csv.workloads, "targets": csv.targets,
            "monthly": CSVRenderer.monthly(result.monthly), "kpis": CSVRenderer.kpis(result.kpis),
        ]
        for (name, text) in expected {
            let exported = try String(contentsOfFile: dir + "/export/\(name).csv", encoding: .utf8)
            #expect(exported == text, "\(name).csv")
        }
        #expect(try store.exportCSV(id + 1, to: dir + "/none") == false)
    }

    @Test("integer cells keep the CSV's integers; decimal cells keep the unrounded values")
    func cells() throws {
        let path = try Self.folder() + "/plan.sqlite"
        let store = try #require(try RunStore.open(path: path, create: true))
        let (id, result, _) = try Self.record(try Self.seed60(), in: store)
        try Self.query(path) { (db: Database) throws -> Void in
            // targets.csv rounds used_bytes; the stored value is that integer.
            let used = try Row.fetchOne(
                db, sql: "SELECT typeof(used_bytes) AS t, typeof(used_share) AS s FROM targets WHERE run_id = ? AND target = 'minio'",
                arguments: [id])
            #expect(used?["t"] == "integer")
            #expect(used?["s"] == "real")
            // monthly.total_cost is the engine's unrounded Double.
            let total = try Double.fetchOne(
                db, sql: "SELECT total_cost FROM monthly WHERE run_id = ? AND target = 'total' ORDER BY rowid LIMIT 1",
                arguments: [id])
            #expect(total == result.monthly.first { $0.target == "total" }?.totalCost.amount)
            // The Velero resources rows have an empty workload, as in daily.csv: one a day for
            // each of the seed's two Velero jobs, 60 days.
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM daily WHERE run_id = ? AND workload = ''", arguments: [id]) == 2 * 60)
        }
    }

    // MARK: All or nothing

    @Test("a run whose body gives up or fails leaves nothing behind")
    func abandoned() throws {
        let path = try Self.folder() + "/plan.sqlite"
        let store = try #require(try RunStore.open(path: path, create: true))
        let s = try Self.seed60()
        let header = RunHeader(scenario: s, scenarioPath: nil, overrides: [], createdAt: "2026-11-25T12:00:00Z", filesWritten: nil, storePath: nil)
        struct Stop: Error {}
        // Rows streamed, then the body declines to record.
        let none = try store.record(header) { recorder in
            var sink = recorder
            _ = Engine.simulate(s, into: &sink)
            return nil
        }
        #expect(none == nil)
        #expect(throws: Stop.self) {
            try store.record(header) { recorder in
                var sink = recorder
                _ = Engine.simulate(s, into: &sink)
                throw Stop()
            }
        }
        try Self.query(path) { (db: Database) throws -> Void in
            for table in ["runs", "daily", "workloads", "targets", "settings"] {
                #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") == 0, "\(table)")
            }
        }
    }

    /// The day rows go in without statement journals (`INSERT OR ROLLBACK`): a failing
    /// INSERT cannot be undone alone, and SQLite rolls the whole run back instead.
    @Test("a store that fills up in the middle of a run: the run is not recorded, and the runs before it are whole")
    func storeFull() throws {
        let path = try Self.folder() + "/plan.sqlite"
        let store = try #require(try RunStore.open(path: path, create: true))
        let s = try Self.seed60()
        #expect(try Self.record(s, in: store).id == 1)
        let pages = try Self.query(path) { db in try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0 }
        // Room for 20 pages (320 KiB) more than the first run left: ten years of the seed
        // (3,650 days of 1,456 bytes of numbers, 5.3 MB) fill it up midway.
        try store.queue.inDatabase { db in _ = try Int.fetchOne(db, sql: "PRAGMA max_page_count = \(pages + 20)") }
        let decade = try Self.scenario(BuiltInScenario.seedYAML, overrides: ["horizon=3650d"])
        #expect {
            _ = try Self.record(decade, in: store)
        } throws: { error in
            (error as? PlanIOError)?.description.hasSuffix("plan.sqlite': the disk is full") == true
        }
        try Self.query(path) { (db: Database) throws -> Void in
            #expect(try Int.fetchAll(db, sql: "SELECT id FROM runs") == [1])
            for t in ["daily_days", "workloads_values", "targets_values"] {
                let run2 = t == "daily_days" ? "id >> 20 = 2" : "id >> 40 = 2"
                #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM \(t) WHERE \(run2)") == 0, "\(t)")
            }
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM run_days WHERE run_id = 2") == 0)
            #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok")
        }
        // The store takes the next run once it has room again.
        try store.queue.inDatabase { db in _ = try Int.fetchOne(db, sql: "PRAGMA max_page_count = 1073741823") }
        #expect(try Self.record(s, in: store).id == 2)
    }

    // MARK: Refusals

    enum Refusal { case notAStore, damaged }

    /// Opens `path`, expecting the refusal and the file's bytes unchanged.
    static func expectRefused(_ path: String, _ kind: Refusal, mentioning words: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        for create in [true, false] {
            do {
                _ = try RunStore.open(path: path, create: create)
                Issue.record("'\(path)' was opened", sourceLocation: sourceLocation)
            } catch {
                switch (error, kind) {
                case (.notARunStore(_, let reason), .notAStore), (.damagedRunStore(_, let reason), .damaged):
                    #expect(reason.contains(words), "\(reason)", sourceLocation: sourceLocation)
                default:
                    Issue.record("unexpected error: \(error)", sourceLocation: sourceLocation)
                }
            }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "the file changed", sourceLocation: sourceLocation)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"), sourceLocation: sourceLocation)
    }

    /// A recording's multi-row INSERTs each keep a statement journal; SQLite holds it in a
    /// temporary file past 64 KiB unless `temp_store` is MEMORY (a ten-year run wrote 3.9 MB
    /// to one in `/var/tmp`, as much as the store itself).
    @Test("a writing connection: FULL syncs with the rollback journal, a 64 MiB cache, temporary files in memory; a reader changes none")
    func writingConnection() throws {
        let path = try Self.folder() + "/plan.sqlite"
        let queue = try DatabaseQueue(path: path)
        try queue.inDatabase { db in
            try RunStore.chooseJournal(db, writing: false)
            #expect(try Int.fetchOne(db, sql: "PRAGMA temp_store") == 0)  // the build's default
            #expect(try Int.fetchOne(db, sql: "PRAGMA cache_size") != -65_536)
            try RunStore.chooseJournal(db, writing: true)
            #expect(try String.fetchOne(db, sql: "PRAGMA journal_mode") == "delete")
            #expect(try Int.fetchOne(db, sql: "PRAGMA synchronous") == 2)  // FULL
            #expect(try Int.fetchOne(db, sql: "PRAGMA cache_size") == -65_536)
            #expect(try Int.fetchOne(db, sql: "PRAGMA temp_store") == 2)  // MEMORY
        }
    }

    @Test("a store in WAL mode: a writer alone switches it to the rollback journal, readers and a writer beside another connection leave it")
    func journalOfWALStore() throws {
        let dir = try Self.folder()
        let path = dir + "/plan.sqlite"
        func mode() throws -> String? { try Self.query(path) { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } }
        func toWAL() throws {
            let q = try DatabaseQueue(path: path)
            try q.writeWithoutTransaction { db in _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") }
        }
        // A store as plan wrote them before (schema v7 in WAL mode), with a run.
        do {
            let store = try #require(try RunStore.open(path: path, create: true))
            _ = try Self.record(try Self.seed60(), in: store)
        }
        try toWAL()
        #expect(try mode() == "wal")

        // Reading writes nothing, the journal mode included.
        do { _ = try #require(try RunStore.open(path: path, create: false)) }
        #expect(try mode() == "wal")

        // Another connection has the store open: the writer does not wait for it and records
        // in WAL mode; both runs are there.
        let other = try DatabaseQueue(path: path)
        try other.read { db in _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM runs") }
        do {
            let store = try #require(try RunStore.open(path: path, create: true))
            _ = try Self.record(try Self.seed60(), in: store)
        }
        try other.close()
        #expect(try mode() == "wal")

        // Alone, the writer switches it; the WAL is written back into the file and removed.
        do {
            let store = try #require(try RunStore.open(path: path, create: true))
            _ = try Self.record(try Self.seed60(), in: store)
        }
        #expect(try mode() == "delete")
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        #expect(try Self.query(path) { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM runs") } == 3)
        #expect(try Self.query(path) { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") } == ["ok"])
    }

    @Test("a file that is not SQLite is refused and left untouched")
    func garbage() throws {
        let dir = try Self.folder()
        var generator = SystemRandomNumberGenerator()
        let noise = Data((0..<8192).map { _ in UInt8.random(in: 0...255, using: &generator) })
        try noise.write(to: URL(fileURLWithPath: dir + "/noise.sqlite"))
        try Self.expectRefused(dir + "/noise.sqlite", .notAStore, mentioning: "not an SQLite database")
        try Data("name,value\n".utf8).write(to: URL(fileURLWithPath: dir + "/text.sqlite"))
        try Self.expectRefused(dir + "/text.sqlite", .notAStore, mentioning: "not an SQLite database")
    }

    @Test("another program's database, and a store of a newer plan, are refused untouched")
    func foreign() throws {
        let dir = try Self.folder()
        try DatabaseQueue(path: dir + "/other.sqlite").write { db in
            try db.execute(sql: "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('ada')")
        }
        try Self.expectRefused(dir + "/other.sqlite", .notAStore, mentioning: "another program (tables: contacts)")

        let newer = dir + "/newer.sqlite"
        _ = try RunStore.open(path: newer, create: true)
        try DatabaseQueue(path: newer).write { db in try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v9')") }
        try Self.expectRefused(newer, .notAStore, mentioning: "written by a newer plan (schema v9); plan \(PlanVersion.current) knows up to v8")
    }

    @Test("a truncated store is refused as damaged and left untouched")
    func truncated() throws {
        let dir = try Self.folder()
        let path = dir + "/plan.sqlite"
        do {
            let store = try #require(try RunStore.open(path: path, create: true))
            _ = try Self.record(try Self.seed60(), in: store)
        }  // closing the last connection checkpoints the WAL into the file and removes it
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        let whole = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(whole.count > 16 * 4096)

        // Half the pages: the header still announces them all.
        try whole.prefix(whole.count / 2 / 4096 * 4096).write(to: URL(fileURLWithPath: path))
        try Self.expectRefused(path, .damaged, mentioning: "truncated: \(whole.count / 2 / 4096 * 4096) bytes of the \(whole.count)")
        // Cut in the middle of a page.
        try whole.prefix(10_000).write(to: URL(fileURLWithPath: path))
        try Self.expectRefused(path, .damaged, mentioning: "truncated")
        // Cut inside the 100-byte header.
        try whole.prefix(40).write(to: URL(fileURLWithPath: path))
        try Self.expectRefused(path, .damaged, mentioning: "truncated to 40 bytes")
    }
}
