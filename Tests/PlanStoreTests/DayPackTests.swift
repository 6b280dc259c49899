import Foundation
import GRDB
import Testing

@testable import PlanIO
@testable import PlanStore

/// Schema v8: `daily`'s numbers a day per row, as JSON (`DayPack`).
@Suite("Run store packed daily days")
struct DayPackTests {
    static func text(_ numbers: [StoreNumber], width: Int) -> String {
        let out = ByteBuffer()
        DayPack.append(numbers, width: width, to: out)
        return out.text
    }

    static func rows(_ text: String, width: Int) -> [[StoreNumber]?]? {
        var text = text
        return text.withUTF8 { DayPack.rows(of: UnsafeRawBufferPointer($0), width: width) }
    }

    @Test("a day's numbers as JSON: integers in digits, NULL as null, a REAL with its exponent, infinity as 9e999; and back")
    func roundTrip() {
        // Two rows of three: 2^63 − 1 and −2^63 are the extreme INTEGERs; 2^70 B
        // (1,180,591,620,717,411,303,424) is a REAL, which Swift writes 1.1805916207174113e+21.
        let numbers: [StoreNumber] = [
            .integer(0), .integer(Int64.max), .integer(Int64.min),
            .null, .real(1_180_591_620_717_411_303_424), .real(.infinity),
        ]
        let text = Self.text(numbers, width: 3)
        #expect(text == "[[0,9223372036854775807,-9223372036854775808],[null,1.1805916207174113e+21,9e999]]")
        #expect(Self.rows(text, width: 3) == [Array(numbers[0..<3]), Array(numbers[3..<6])])
        // −∞, a REAL that is a whole number (5.0), and what SQLite's json_replace leaves of a
        // deleted row (null) with spaces around the tokens.
        #expect(Self.text([.real(-.infinity), .real(5)], width: 2) == "[[-9e999,5.0]]")
        #expect(Self.rows(" [ [-9e999 , 5.0] , null ] ", width: 2) == [[.real(-.infinity), .real(5)], nil])
        // A day without rows.
        #expect(Self.text([], width: 6) == "[]")
        #expect(Self.rows("[]", width: 6) == [])
    }

    @Test("text that is not a day's rows of the run's width is refused, not read short")
    func refused() {
        for bad in ["", "[", "[[1,2]]", "[[1,2,3,4]]", "[1,2,3]", "[[1,2,3]] x", "[[1,2,x]]", "[[1,2,3],]", "{\"a\":1}", "[[1,,3]]"] {
            #expect(Self.rows(bad, width: 3) == nil, "\(bad)")
        }
    }

    @Test("a store of schema v7 with a daily row deleted by hand: v8 keeps its place as null, and the run is still refused")
    func migrateV7Gap() throws {
        let dir = try RunStoreTests.folder()
        let migrated = try Self.migratedV7(in: dir) { db in
            // 60 days × the seed's 10 layout rows; then row 2 of day 7 deleted by hand.
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM daily_values") == 600)
            try db.execute(sql: "DELETE FROM daily_values WHERE id = (1 << 40) | (7 << 20) | 2")
        }
        try RunStoreTests.query(dir + "/old.sqlite") { (db: Database) throws -> Void in
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM daily_days") == 60)
            #expect(try Int.fetchOne(db, sql: "SELECT rows FROM daily_days WHERE id = (1 << 20) | 7") == 9)
            #expect(try String.fetchOne(db, sql: "SELECT json_type(vals, '$[2]') FROM daily_days WHERE id = (1 << 20) | 7") == "null")
            #expect(try Int.fetchOne(db, sql: "SELECT json_array_length(vals) FROM daily_days WHERE id = (1 << 20) | 7") == 10)
            // Every other day's text is the one a run recorded now has, to the byte.
            try db.execute(sql: "ATTACH DATABASE ? AS n", arguments: [dir + "/new.sqlite"])
            let differ = "SELECT * FROM main.daily_days EXCEPT SELECT * FROM n.daily_days"
            #expect(try Int64.fetchAll(db, sql: "SELECT id FROM (\(differ))") == [(1 << 20) | 7])
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM daily WHERE run_id = 1") == 599)
        }
        let expected = "run 1 has 599 rows in 'daily' where its 10 layout rows (job, target, workload) × 60 days make 600"
        #expect(DamagedStoreTests.refusal { try migrated.run(1) }?.contains(expected) == true)
    }

    @Test(
        "a day's text changed by hand into something plan did not write: the export refuses the run",
        arguments: [
            // Day 3's first row given a seventh number: still 10 rows, so the counts hold.
            "json_insert(vals, '$[0][#]', 1)",
            // Its fourth row removed, not replaced: the rows after it would move under other names.
            "json_remove(vals, '$[3]')",
            // No rows at all, and a row replaced by null without counting it out of `rows`.
            "'[]'", "json_replace(vals, '$[3]', NULL)",
        ])
    func damagedText(_ change: String) throws {
        let dir = try RunStoreTests.folder()
        let path = dir + "/plan.sqlite"
        do { _ = try RunStoreTests.record(try RunStoreTests.seed60(), in: try #require(try RunStore.open(path: path, create: true))) }
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "UPDATE daily_days SET vals = \(change) WHERE id = (1 << 20) | 3")
        }
        let store = try #require(try RunStore.open(path: path, create: false))
        #expect(try store.run(1) != nil)
        #expect(
            DamagedStoreTests.refusal { try store.exportCSV(1, to: dir + "/out") }?.contains(
                "run 1 has 'daily' numbers of day 3 that are not as plan wrote them (daily_days.vals)") == true)
        #expect(!FileManager.default.fileExists(atPath: dir + "/out/daily.csv"))
    }

    @Test("a store of schema v7 with a name row deleted by hand: v8 keeps every row in its place, and the run is still refused")
    func migrateV7MissingName() throws {
        let dir = try RunStoreTests.folder()
        // Row 3's names deleted: its 60 values rows stay.
        let migrated = try Self.migratedV7(in: dir) { db in try db.execute(sql: "DELETE FROM daily_keys WHERE run_id = 1 AND row = 3") }
        try RunStoreTests.query(dir + "/old.sqlite") { (db: Database) throws -> Void in
            // Place 3 is null every day; the rows after it keep their own names and numbers.
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM daily_days WHERE json_type(vals, '$[3]') = 'null'") == 60)
            #expect(try Int.fetchOne(db, sql: "SELECT sum(rows) FROM daily_days") == 600)
            try db.execute(sql: "ATTACH DATABASE ? AS n", arguments: [dir + "/new.sqlite"])
            let differ = """
                SELECT * FROM main.daily WHERE run_id = 1 EXCEPT SELECT * FROM n.daily WHERE run_id = 1
                """
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM (\(differ))") == 0)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM main.daily WHERE run_id = 1") == 540)
        }
        // 600 values rows where the 9 names left × 60 days make 540, as schema v7 said.
        let expected = "run 1 has 600 rows in 'daily' where its 9 layout rows (job, target, workload) × 60 days make 540"
        #expect(DamagedStoreTests.refusal { try migrated.run(1) }?.contains(expected) == true)
    }

    /// The seed's 60 days recorded as run 1 in `DIR/new.sqlite`, copied into a schema v7
    /// store `DIR/old.sqlite` (`v7Copy`), changed there by `damage`, then opened (and so
    /// moved to the current schema).
    static func migratedV7(in dir: String, damage: (Database) throws -> Void) throws -> RunStore {
        do {
            let store = try #require(try RunStore.open(path: dir + "/new.sqlite", create: true))
            #expect(try RunStoreTests.record(try RunStoreTests.seed60(), in: store).id == 1)
        }
        let old = try DatabaseQueue(path: dir + "/old.sqlite")
        try Self.v7Copy(of: dir + "/new.sqlite", into: old)
        try old.write(damage)
        try old.close()
        return try #require(try RunStore.open(path: dir + "/old.sqlite", create: false))
    }

    /// A schema v7 store in `queue` with the runs of the store at `path`: daily_values keyed
    /// run_id << 40 | day << 20 | row, filled through the new store's views.
    static func v7Copy(of path: String, into queue: DatabaseQueue) throws {
        try RunStore.migrator.migrate(queue, upTo: "v7")
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "ATTACH DATABASE ? AS n", arguments: [path])
            let tables = CompactSchemaTests.v5Tables.filter { !["daily", "workloads", "targets", "faults"].contains($0) }
            let day = ["run_days", "daily_keys", "workloads_keys", "targets_keys", "faults_keys", "workloads_values", "targets_values"]
            for t in tables + day + ["faults_values"] { try db.execute(sql: "INSERT INTO main.\(t) SELECT * FROM n.\(t)") }
            let names = RunStore.dayTableShapes[0].values.map(\.name)
            try db.execute(
                sql: """
                    INSERT INTO main.daily_values (id, \(names.joined(separator: ", ")))
                    SELECT (d.run_id << 40) | (d.day << 20) | k.row, \(names.map { "d." + $0 }.joined(separator: ", ")) FROM n.daily d
                        JOIN n.daily_keys k ON k.run_id = d.run_id AND k.job = d.job AND k.target = d.target AND k.workload = d.workload
                    """)
            try db.execute(sql: "DETACH DATABASE n")
        }
    }
}
