import Foundation
import GRDB
import Testing

@testable import PlanStore

/// A new store is made from `RunStore.currentSchema` in one step: it must be the store the
/// migrations make, object by object.
@Suite("New store schema")
struct BaselineTests {
    /// Every schema object but SQLite's own, with its SQL: "type name on table: sql".
    static func objects(_ db: Database) throws -> [String] {
        try Row.fetchAll(
            db, sql: "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name <> 'sqlite_sequence' ORDER BY type, name"
        ).map { "\($0["type"] as String) \($0["name"] as String) on \($0["tbl_name"] as String): \($0["sql"] as String? ?? "-")" }
    }

    @Test("a new store has the schema, application id and migration list of a store migrated from nothing")
    func sameAsMigrations() throws {
        let dir = try RunStoreTests.folder()
        let migrated = try DatabaseQueue(path: dir + "/migrated.sqlite")
        try RunStore.migrator.migrate(migrated)
        _ = try #require(try RunStore.open(path: dir + "/new.sqlite", create: true))
        let made = try DatabaseQueue(path: dir + "/new.sqlite")
        func facts(_ q: DatabaseQueue) throws -> (objects: [String], application: Int32?, migrations: [String]) {
            try q.read { db in
                (
                    try Self.objects(db), try Int32.fetchOne(db, sql: "PRAGMA application_id"),
                    try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid")
                )
            }
        }
        let (a, b) = (try facts(migrated), try facts(made))
        #expect(b.objects == a.objects)
        if b.objects != a.objects {
            // What RunStore+Baseline.swift should list, in the migrations' order.
            let statements = try migrated.read { db in
                try String.fetchAll(
                    db,
                    sql: "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT IN ('sqlite_sequence', 'grdb_migrations') ORDER BY rowid")
            }
            Issue.record("currentSchema should be:\n\(statements.joined(separator: ";\n\n"))")
        }
        #expect(b.application == 0x706C_616E)  // "plan"
        #expect(b.application == a.application)
        #expect(b.migrations == ["v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8"])
        #expect(b.migrations == a.migrations)
        // The objects a run needs are all there: 20 tables (grdb_migrations, runs and 18 more),
        // 4 views, 5 triggers.
        #expect(b.objects.filter { $0.hasPrefix("table ") }.count == 20)
        #expect(b.objects.filter { $0.hasPrefix("view ") }.count == 4)
        #expect(b.objects.filter { $0.hasPrefix("trigger ") }.count == 5)
    }
}
