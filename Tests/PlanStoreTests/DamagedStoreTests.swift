import Foundation
import GRDB
import Testing

@testable import PlanCore
@testable import PlanIO
@testable import PlanStore

/// Stores changed from outside: refused with a message, never a crash or a hang.
@Suite("Damaged and foreign stores")
struct DamagedStoreTests {
    @Test("a value changed by hand to another type is a damaged store, not a crash")
    func handEdited() throws {
        let dir = try RunStoreTests.folder()
        let path = dir + "/plan.sqlite"
        do {
            let store = try #require(try RunStore.open(path: path, create: true))
            _ = try RunStoreTests.record(try RunStoreTests.seed60(), in: store)
        }
        try DatabaseQueue(path: path).write { db in try db.execute(sql: "UPDATE runs SET horizon_days = '365 days'") }
        let store = try #require(try RunStore.open(path: path, create: false))
        #expect(throws: PlanIOError.self) { try store.runs(limit: nil, scenario: nil) }
        #expect(throws: PlanIOError.self) { try store.run(1) }
    }

    @Test("a pipe given as the store is refused, not waited on")
    func fifo() throws {
        let dir = try RunStoreTests.folder()
        let path = dir + "/fifo.sqlite"
        #expect(mkfifo(path, 0o600) == 0)
        #expect(throws: PlanIOError.self) { try RunStore.open(path: path, create: false) }
    }
}

extension DamagedStoreTests {
    @Test("a symbolic link to a pipe given as the store is refused, not waited on")
    func linkToFifo() throws {
        let dir = try RunStoreTests.folder()
        let fifo = dir + "/fifo"
        #expect(mkfifo(fifo, 0o600) == 0)
        let link = dir + "/plan.sqlite"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: fifo)
        // Before, the check looked at the link, then opening the pipe blocked for ever.
        #expect(throws: PlanIOError.self) { try RunStore.open(path: link, create: false) }
    }
}

extension DamagedStoreTests {
    @Test("rows deleted by hand from a daily table are noticed by plan show and compare, not re-exported short")
    func rowsDeleted() throws {
        let dir = try RunStoreTests.folder()
        let path = dir + "/plan.sqlite"
        do {
            let store = try #require(try RunStore.open(path: path, create: true))
            _ = try RunStoreTests.record(try RunStoreTests.seed60(), in: store)
            // Untouched, the run loads: the seed's 10 daily rows a day (5 jobs over their
            // volumes and targets) × 60 days = 600 rows.
            #expect(try store.run(1) != nil)
        }
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "DELETE FROM daily WHERE run_id = 1 AND day = 10 AND job = 'longhorn/daily-backup' AND workload = 'gitea-db'")
        }
        let store = try #require(try RunStore.open(path: path, create: false))
        let expected =
            "run 1 has 599 rows in 'daily' where its 10 layout rows (job, target, workload) × 60 days make 600: "
            + "rows were deleted or added after it was recorded; simulate it again"
        #expect(Self.refusal { try store.run(1) }?.contains(expected) == true)
        #expect(Self.refusal { try store.exportCSV(1, to: dir + "/out") }?.contains(expected) == true)
        // Nothing was written for the refused export.
        #expect(!FileManager.default.fileExists(atPath: dir + "/out/daily.csv"))
    }

    @Test("the compact tables damaged by hand: a date of run_days deleted, a key row renumbered, all daily rows of a run deleted")
    func compactTablesDamaged() throws {
        let dir = try RunStoreTests.folder()
        let path = dir + "/plan.sqlite"
        do {
            let store = try #require(try RunStore.open(path: path, create: true))
            #expect(try RunStoreTests.record(try RunStoreTests.seed60(), in: store).id == 1)
        }
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: "DELETE FROM run_days WHERE run_id = 1 AND day = 5") }
        // 59 dates where the 60 days need 60.
        var store = try #require(try RunStore.open(path: path, create: false))
        #expect(Self.refusal { try store.run(1) }?.contains("run 1 has 59 rows in 'run_days' where its 1 date × 60 days make 60") == true)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO run_days VALUES (1, 5, '2026-01-20')")
            // Row 0's names under a number no values row has: counts hold, names are missing.
            try db.execute(sql: "UPDATE daily_keys SET row = 99 WHERE run_id = 1 AND row = 0")
        }
        store = try #require(try RunStore.open(path: path, create: false))
        #expect(try store.run(1) != nil)
        #expect(
            Self.refusal { try store.exportCSV(1, to: dir + "/out") }?.contains("run 1 has a 'daily' row of day 0 without its date or names") == true)
        #expect(!FileManager.default.fileExists(atPath: dir + "/out/daily.csv"))
        try queue.write { db in
            try db.execute(sql: "UPDATE daily_keys SET row = 0 WHERE run_id = 1 AND row = 99")
            // Every daily row of the run: its 10 layout rows stay in daily_keys.
            try db.execute(sql: "DELETE FROM daily WHERE run_id = 1")
        }
        store = try #require(try RunStore.open(path: path, create: false))
        #expect(
            Self.refusal { try store.run(1) }?.contains(
                "run 1 has 0 rows in 'daily' where its 10 layout rows (job, target, workload) × 60 days make 600") == true)
    }

    @Test("a run's version or dates changed by hand, or its daily rows deleted with their names: refused, not exported")
    func compactTablesChanged() throws {
        let dir = try RunStoreTests.folder()
        let path = dir + "/plan.sqlite"
        do { _ = try RunStoreTests.record(try RunStoreTests.seed60(), in: try #require(try RunStore.open(path: path, create: true))) }
        let queue = try DatabaseQueue(path: path)
        let cases: [(change: String, undo: String, message: String)] = [
            ("UPDATE runs SET version = 0", "UPDATE runs SET version = 1", "run 1 has version 0, which plan does not write"),
            ("UPDATE runs SET has_faults = 1", "UPDATE runs SET has_faults = 0", "run 1 has version 1 with faults, which plan does not write"),
            // 60 dates, but the last moved to day 99.
            (
                "UPDATE run_days SET day = 99 WHERE day = 59", "UPDATE run_days SET day = 59 WHERE day = 99",
                "run 1 has dates of days 0 to 99 where its 60 days are 0 to 59"
            ),
        ]
        for c in cases {
            try queue.write { db in try db.execute(sql: c.change) }
            let store = try #require(try RunStore.open(path: path, create: false))
            #expect(Self.refusal { try store.run(1) }?.contains(c.message) == true, "\(c.change)")
            #expect(Self.refusal { try store.exportCSV(1, to: dir + "/out") }?.contains(c.message) == true, "\(c.change)")
            #expect(!FileManager.default.fileExists(atPath: dir + "/out"))
            try queue.write { db in try db.execute(sql: c.undo) }
            #expect(try store.run(1) != nil, "\(c.undo)")
        }
        // Both tables of daily emptied: 0 rows × 0 names would count as whole.
        try queue.write { db in try db.execute(sql: "DELETE FROM daily_keys; DELETE FROM daily_days") }
        let store = try #require(try RunStore.open(path: path, create: false))
        #expect(Self.refusal { try store.run(1) }?.contains("run 1 has no rows in 'daily' (nor in 'daily_keys') where its 5 jobs have some") == true)
    }

    @Test("a target's rows deleted by hand: 60 days × 2 targets = 120 rows expected, 60 left")
    func targetRowsDeleted() throws {
        let dir = try RunStoreTests.folder()
        let path = dir + "/plan.sqlite"
        do {
            let store = try #require(try RunStore.open(path: path, create: true))
            _ = try RunStoreTests.record(try RunStoreTests.seed60(), in: store)
        }
        try DatabaseQueue(path: path).write { db in try db.execute(sql: "DELETE FROM targets WHERE target = 'minio'") }
        let store = try #require(try RunStore.open(path: path, create: false))
        #expect(Self.refusal { try store.run(1) }?.contains("run 1 has 60 rows in 'targets' where its 2 targets × 60 days make 120") == true)
    }
}

extension DamagedStoreTests {
    @Test("summary rows deleted by hand: a month of 'monthly', the rpo rows of 'kpis'")
    func summaryRowsDeleted() throws {
        let dir = try RunStoreTests.folder()
        let path = dir + "/plan.sqlite"
        do {
            let store = try #require(try RunStore.open(path: path, create: true))
            _ = try RunStoreTests.record(try RunStoreTests.seed60(), in: store)
            _ = try RunStoreTests.record(try RunStoreTests.seed60(), in: store)
        }
        // 2026-01-15 + 59 days = 2026-03-15: January, February and March, each with a row
        // for minio, one for s3-longhorn and one for the total: 3 × 3 = 9 rows; March's 3 go.
        try DatabaseQueue(path: path).write { db in try db.execute(sql: "DELETE FROM monthly WHERE run_id = 1 AND month = '2026-03'") }
        // The seed's three workloads each have an rpo row with a limit: run 2 loses 3 checked rows.
        let checked = try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "DELETE FROM kpis WHERE run_id = 2 AND kpi = 'rpo'")
            return try Int.fetchOne(db, sql: "SELECT kpis_checked FROM runs WHERE id = 2") ?? 0
        }
        let store = try #require(try RunStore.open(path: path, create: false))
        #expect(
            Self.refusal { try store.run(1) }?.contains(
                "run 1 has 6 rows in 'monthly' where its 3 months × (2 targets and the total) make 9: rows were deleted") == true)
        let message = Self.refusal { try store.run(2) } ?? ""
        #expect(message.contains("run 2 has \(checked - 3) checked and "), "\(message)")
        #expect(message.contains("rows in 'kpis' where it recorded \(checked) checked and "), "\(message)")
    }
}

extension DamagedStoreTests {
    /// Issue 11: `plan runs`, which only reads, said "cannot write …" for a disk I/O error
    /// (SQLite writes a WAL store's shared-memory index even to read it: a full disk fails
    /// there). What a reading command meets is said as a failure to read.
    @Test("an SQLite I/O error while reading is a failure to read, with the likely cause; while writing, to write")
    func ioErrorWhileReading() {
        let error = DatabaseError(resultCode: .SQLITE_IOERR, message: "disk I/O error")
        #expect(
            RunStore.storeError(error, path: "x.sqlite", reading: true).description
                == "error: cannot read 'x.sqlite': SQLite error 10 (disk I/O error): is the disk full, or the store on a failing disk?")
        #expect(
            RunStore.storeError(error, path: "x.sqlite", reading: false).description
                == "error: cannot write 'x.sqlite': SQLite error 10 (disk I/O error)")
        // Any other SQLite failure of a read is a failure to read too.
        #expect(
            RunStore.storeError(DatabaseError(resultCode: .SQLITE_NOMEM), path: "x.sqlite", reading: true).description.hasPrefix(
                "error: cannot read 'x.sqlite': SQLite error 7"))
    }
}

extension DamagedStoreTests {
    /// The message of the store error `body` throws; nil when it throws none.
    static func refusal(_ body: () throws -> Any?) -> String? {
        do {
            _ = try body()
            return nil
        } catch {
            return "\(error)"
        }
    }
}
