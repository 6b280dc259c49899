import Foundation
import GRDB
import Testing

@testable import PlanCore
@testable import PlanIO
@testable import PlanStore

/// The run store's tables of the five CSV files against the column declarations that its
/// INSERTs and its re-export are built from: the migrations (which stay explicit) must
/// create every declared column, with the type its kind says, and no other.
@Suite("Run store columns")
struct StoreColumnsTests {
    /// cli.md "Files written", typed out.
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

    /// Each table's declared columns of version 1 (the store keeps those): store name and SQLite type.
    static let declared: [String: [(String, String)]] = [
        DailyColumn.file: DailyColumn.columns(version: 1).map { ($0.storeName, $0.kind.storeType) },
        WorkloadsColumn.file: WorkloadsColumn.columns(version: 1).map { ($0.storeName, $0.kind.storeType) },
        TargetsColumn.file: TargetsColumn.columns(version: 1).map { ($0.storeName, $0.kind.storeType) },
        MonthlyColumn.file: MonthlyColumn.columns(version: 1).map { ($0.storeName, $0.kind.storeType) },
        KPIsColumn.file: KPIsColumn.columns(version: 1).map { ($0.storeName, $0.kind.storeType) },
    ]

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
                #expect(Array(names.dropFirst()) == Self.spec[table], "\(table) against cli.md")
                #expect(Array(types.dropFirst()) == columns.map(\.1), "\(table) types")
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
            for table in Self.declared.keys {
                let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table) WHERE run_id = ?", arguments: [id]) ?? 0
                #expect(count > 0, "\(table) has rows")
            }
        }
        #expect(try store.exportCSV(id, to: dir + "/export"))
        for (table, columns) in Self.spec {
            let text = try String(contentsOfFile: dir + "/export/\(table).csv", encoding: .utf8)
            #expect(text.split(separator: "\n").first.map(String.init) == columns.joined(separator: ","), "\(table).csv")
        }
    }
}
