import Foundation
import GRDB
import Testing

@testable import PlanCore
@testable import PlanIO
@testable import PlanStore

/// The run store's tables of the CSV files (the five, version 2's `drills` and `faults`) against the
/// column declarations that its INSERTs and its re-export are built from: the migrations
/// (which stay explicit) must create every declared column of every version, with the type
/// its kind says, and no other.
@Suite("Run store columns")
struct StoreColumnsTests {
    /// cli.md "Files written", typed out: version 1's columns of each file.
    static let spec: [String: [String]] = [
        "daily": [
            "date", "day", "job", "tier", "target", "workload", "restore_points", "stored_bytes", "raw_bytes", "uploaded_bytes",
            "objects", "put_requests",
        ],
        "workloads": ["date", "day", "workload", "kind", "size_bytes", "volume_bytes", "wal_bytes", "rto_seconds"],
        "targets": ["date", "day", "target", "kind", "used_bytes", "usable_bytes", "used_share"],
        "monthly": [
            "month", "target", "days", "fixed_cost", "storage_cost", "request_cost", "total_cost", "gb_months", "put_requests",
        ],
        "kpis": ["kpi", "subject", "limit", "worst", "unit", "status", "first_failure"],
    ]

    /// cli.md "Version 2 columns", typed out: the columns appended in version 2, and the
    /// file that version 2 adds.
    static let specVersion2: [String: [String]] = [
        "daily": ["deleted_bytes", "noncurrent_bytes"],
        "workloads": [],
        "targets": ["noncurrent_bytes"],
        "monthly": [
            "get_requests", "list_requests", "egress_bytes", "egress_cost", "retrieval_cost", "early_delete_cost", "transition_cost",
            "noncurrent_gb_months",
        ],
        "kpis": [],
        "drills": [
            "date", "time", "drill", "workload", "job", "target", "bytes_read", "get_requests", "egress_bytes", "egress_cost",
            "retrieval_cost", "retrieval_seconds", "restore_seconds",
        ],
    ]

    /// cli.md, typed out: the file that version 2 with fault keys adds (one row per day per
    /// job).
    static let specFaults: [String: [String]] = [
        "faults": ["date", "day", "job", "workload", "runs_scheduled", "runs_failed", "wal_held_bytes", "pg_wal_peak_bytes"]
    ]

    /// A table's declared columns of `version`: store name and SQLite type.
    static func declared<C: OutputColumn>(_: C.Type, version: Int) -> [(String, String)] {
        C.columns(version: version).map { ($0.storeName, $0.kind.storeType) }
    }

    /// Each table's declared columns of every version (the store keeps them all).
    static let declared: [String: [(String, String)]] = [
        DailyColumn.file: declared(DailyColumn.self, version: 2),
        WorkloadsColumn.file: declared(WorkloadsColumn.self, version: 2),
        TargetsColumn.file: declared(TargetsColumn.self, version: 2),
        MonthlyColumn.file: declared(MonthlyColumn.self, version: 2),
        KPIsColumn.file: declared(KPIsColumn.self, version: 2),
        DrillsColumn.file: declared(DrillsColumn.self, version: 2),
        FaultsColumn.file: declared(FaultsColumn.self, version: 2),
    ]

    /// Every column is in version 2 at the latest: no declaration is left out of the store.
    @Test("the day files' value columns are numbers, which the writer binds as StoreNumber keeps them")
    func dayValuesAreNumbers() {
        // The four day files' text is their date and names, kept once a run in FILE_keys;
        // `DayNumberExtractor` hands the writer numbers only.
        for v in [1, 2] {
            #expect(DailyColumn.valueColumns(version: v).allSatisfy { $0.kind != .text })
            #expect(WorkloadsColumn.valueColumns(version: v).allSatisfy { $0.kind != .text })
            #expect(TargetsColumn.valueColumns(version: v).allSatisfy { $0.kind != .text })
            #expect(FaultsColumn.valueColumns(version: v).allSatisfy { $0.kind != .text })
        }
        // An integer column keeps the CSV's integer, the nearest, half away from zero; past
        // 9 × 10^18 (Int64 ends at 9.22 × 10^18) and at infinity, a REAL.
        #expect(StoreNumber(.integer(2.5), kind: .integer) == .integer(3))
        #expect(StoreNumber(.integer(-2.5), kind: .integer) == .integer(-3))
        #expect(StoreNumber(.integer(1_099_511_627_775.4), kind: .integer) == .integer(1_099_511_627_775))
        #expect(StoreNumber(.integer(1e19), kind: .integer) == .real(1e19))
        #expect(StoreNumber(.integer(.infinity), kind: .integer) == .real(.infinity))
        // Money, shares and seconds stay unrounded; NaN and an empty cell are NULL.
        #expect(StoreNumber(.money(1.23456), kind: .money) == .real(1.23456))
        #expect(StoreNumber(.decimal6(0.1234567), kind: .decimal6) == .real(0.1234567))
        #expect(StoreNumber(.decimal6(.nan), kind: .decimal6) == .null)
        #expect(StoreNumber(.empty, kind: .integer) == .null)
        #expect(StoreNumber(.int(7), kind: .integer) == .integer(7))
    }

    /// `StoreNumber` rounds without libm below 2^53; the integer must be the one
    /// `rounded(.toNearestOrAwayFromZero)` gives, for the halves, the neighbours of the
    /// halves, both sides of 2^53, and 200,000 values spread over every magnitude.
    @Test("an integer cell's number is the nearest integer, half away from zero, on both sides of 2^53")
    func integerRounding() {
        func expected(_ x: Double) -> StoreNumber {
            let r = x.rounded(.toNearestOrAwayFromZero)
            return r.isFinite && Swift.abs(r) < 9.0e18 ? .integer(Int64(r)) : .real(r)
        }
        var values: [Double] = [
            0, -0.0, 0.5, -0.5, 1.5, -1.5, 0.5.nextDown, (-0.5).nextUp, 0.5.nextUp, 2.5.nextDown,
            0x1p52 - 0.5, -(0x1p52 - 0.5), 0x1p52 + 1, 0x1p53.nextDown, 0x1p53, 0x1p53.nextUp, -0x1p53.nextDown,
            9.0e18, 9.0e18.nextDown, 1e300, .leastNonzeroMagnitude, -.leastNonzeroMagnitude,
        ]
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<200_000 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let mantissa = Double(seed >> 11) / 0x1p53  // [0, 1)
            let exponent = Double(Int(seed & 0x3F)) - 4  // 2^-4 … 2^59
            values.append((seed & 0x40 == 0 ? 1 : -1) * mantissa * Foundation.pow(2, exponent))
        }
        let wrong = values.filter { StoreNumber(.integer($0), kind: .integer) != expected($0) }
        #expect(wrong.count == 0, "the first: \(Array(wrong.prefix(5)))")
    }

    @Test("no column is declared for a version after 2, which the store does not know yet")
    func versions() {
        #expect(DailyColumn.columns(version: 2) == DailyColumn.allCases)
        #expect(WorkloadsColumn.columns(version: 2) == WorkloadsColumn.allCases)
        #expect(TargetsColumn.columns(version: 2) == TargetsColumn.allCases)
        #expect(MonthlyColumn.columns(version: 2) == MonthlyColumn.allCases)
        #expect(KPIsColumn.columns(version: 2) == KPIsColumn.allCases)
        #expect(DrillsColumn.columns(version: 2) == DrillsColumn.allCases)
        #expect(DrillsColumn.columns(version: 1).isEmpty)
        #expect(FaultsColumn.columns(version: 2) == FaultsColumn.allCases)
        #expect(FaultsColumn.columns(version: 1).isEmpty)
    }

    @Test("every table has the run id and then exactly the declared columns, typed as declared")
    func tables() throws {
        let dir = try RunStoreTests.folder()
        let path = dir + "/plan.sqlite"
        _ = try #require(try RunStore.open(path: path, create: true))
        try RunStoreTests.query(path) { (db: Database) throws -> Void in
            for (table, columns) in Self.declared {
                let info = try Row.fetchAll(db, sql: "PRAGMA table_info(\(table))")
                let names: [String] = info.map { $0["name"] }
                let types: [String] = info.map { $0["type"] }
                #expect(names.first == "run_id", "\(table)")
                #expect(Array(names.dropFirst()) == columns.map(\.0), "\(table) columns")
                let spec = (Self.spec[table] ?? []) + (Self.specVersion2[table] ?? []) + (Self.specFaults[table] ?? [])
                #expect(Array(names.dropFirst()) == spec, "\(table) against cli.md")
                // A daily file's table is a view (schema v6): its columns keep the types of the
                // tables under it. `daily`'s numbers come out of JSON since schema v8
                // (`DayPack`): SQLite declares no type for them, and each value keeps its own
                // (`recorded`).
                if table == DailyColumn.file {
                    let names = DailyColumn.keyColumns(version: 2).count + 2
                    #expect(Array(types.dropFirst().prefix(names)) == Array(columns.map(\.1).prefix(names)), "\(table) types")
                    #expect(types.dropFirst(1 + names).filter { !$0.isEmpty } == [], "\(table) value types")
                } else {
                    #expect(Array(types.dropFirst()) == columns.map(\.1), "\(table) types")
                }
            }
        }
    }

    @Test("a recorded run has rows in every table and re-exports the declared headers")
    func recorded() throws {
        let dir = try RunStoreTests.folder()
        let path = dir + "/plan.sqlite"
        let store = try #require(try RunStore.open(path: path, create: true))
        let (id, _, _) = try RunStoreTests.record(try RunStoreTests.seed60(), in: store)
        try RunStoreTests.query(path) { (db: Database) throws -> Void in
            for table in Self.spec.keys {
                let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table) WHERE run_id = ?", arguments: [id]) ?? 0
                #expect(count > 0, "\(table) has rows")
            }
            // `daily`'s numbers, read out of its JSON by the view, are INTEGERs as bound (a
            // version 1 run has no deleted or noncurrent bytes: NULL).
            for column in DailyColumn.valueColumns(version: 2) {
                let types = try String.fetchAll(
                    db, sql: "SELECT DISTINCT typeof(\(column.storeName)) FROM daily WHERE run_id = ?", arguments: [id])
                #expect(types == [column.kind == .integer && DailyColumn.valueColumns(version: 1).contains(column) ? "integer" : "null"], "\(column)")
            }
        }
        #expect(try store.exportCSV(id, to: dir + "/export"))
        for (table, columns) in Self.spec {
            let text = try String(contentsOfFile: dir + "/export/\(table).csv", encoding: .utf8)
            #expect(text.split(separator: "\n").first.map(String.init) == columns.joined(separator: ","), "\(table).csv")
        }
    }

    @Test("a recorded version 2 run has rows in every table, drills included, and re-exports version 2's headers")
    func recordedVersion2() throws {
        let dir = try RunStoreTests.folder()
        let path = dir + "/plan.sqlite"
        let store = try #require(try RunStore.open(path: path, create: true))
        let s = try RunStoreTests.scenario(try #require(RunStoreVersion2Tests.examples["e41"]))
        let (id, _, _) = try RunStoreTests.record(s, in: store)
        try RunStoreTests.query(path) { (db: Database) throws -> Void in
            for table in Self.declared.keys where Self.specFaults[table] == nil {
                let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table) WHERE run_id = ?", arguments: [id]) ?? 0
                #expect(count > 0, "\(table) has rows")
            }
            // Every version 2 column has a value in a version 2 run's rows.
            for (table, columns) in Self.specVersion2 where table != "drills" {
                for column in columns {
                    let nulls = try Int.fetchOne(
                        db, sql: "SELECT count(*) FROM \(table) WHERE run_id = ? AND \(column) IS NULL", arguments: [id])
                    #expect(nulls == 0, "\(table).\(column)")
                }
            }
        }
        #expect(try store.exportCSV(id, to: dir + "/export"))
        for table in Self.specVersion2.keys {
            let text = try String(contentsOfFile: dir + "/export/\(table).csv", encoding: .utf8)
            let header = (table == "drills" ? [] : Self.spec[table] ?? []) + (Self.specVersion2[table] ?? [])
            #expect(text.split(separator: "\n").first.map(String.init) == header.joined(separator: ","), "\(table).csv")
        }
    }

    @Test("runs.has_faults is an INTEGER flag that defaults to 0")
    func hasFaultsColumn() throws {
        let path = try RunStoreTests.folder() + "/plan.sqlite"
        _ = try #require(try RunStore.open(path: path, create: true))
        try RunStoreTests.query(path) { (db: Database) throws -> Void in
            let info = try #require(try Row.fetchAll(db, sql: "PRAGMA table_info(runs)").first { $0["name"] == "has_faults" })
            #expect(info["type"] as String == "INTEGER")
            #expect(info["notnull"] as Int == 1)
            #expect(info["dflt_value"] as String == "0")
        }
    }

    @Test("a recorded run with faults has faults rows with a value in every cell that applies, and re-exports faults.csv's header")
    func recordedFaults() throws {
        let dir = try RunStoreTests.folder()
        let path = dir + "/plan.sqlite"
        let store = try #require(try RunStore.open(path: path, create: true))
        // E45: a CNPG job, so every faults column applies.
        let s = try RunStoreTests.scenario(try #require(RunStoreFaultsTests.examples["e45"]))
        let (id, _, _) = try RunStoreTests.record(s, in: store)
        try RunStoreTests.query(path) { (db: Database) throws -> Void in
            // E45 has no drills.
            for table in Self.declared.keys where table != DrillsColumn.file {
                let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table) WHERE run_id = ?", arguments: [id]) ?? 0
                #expect(count > 0, "\(table) has rows")
            }
            for column in Self.specFaults["faults"] ?? [] {
                let nulls = try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM faults WHERE run_id = ? AND \(column) IS NULL", arguments: [id])
                #expect(nulls == 0, "faults.\(column)")
            }
        }
        #expect(try store.exportCSV(id, to: dir + "/export"))
        let text = try String(contentsOfFile: dir + "/export/faults.csv", encoding: .utf8)
        #expect(text.split(separator: "\n").first.map(String.init) == Self.specFaults["faults"]?.joined(separator: ","))
    }
}
