import GRDB
import PlanIO

/// Schema v7 (`keyDayTables`): each daily file's `FILE_values` table is keyed by one
/// integer, `id = run_id << 40 | day << 20 | row`, SQLite's own row id, instead of a
/// `(run_id, day, row)` primary key of three columns.
///
/// A run's rows get ascending ids in the order they are inserted, so SQLite appends them
/// at the end of the table (its quick path for row ids) instead of searching and splitting
/// an index tree for each one, and no row carries three key columns. The views keep the
/// CSV's columns: they reach a values row by its id from `run_days` and `FILE_keys`, so a
/// `WHERE run_id = …` on a view still reads only that run's rows.
enum DayKey {
    /// Bits of `row` and of `day` in an id.
    static let rowBits: Int64 = 20
    static let dayBits: Int64 = 20
    /// The largest run id, day and row an id can hold: 2^23 − 1 runs (the id stays a
    /// positive 64-bit integer), 2^20 − 1 days and rows.
    static let maxRun: Int64 = (1 << (63 - rowBits - dayBits)) - 1
    static let maxDay: Int64 = (1 << dayBits) - 1
    static let maxRow: Int64 = (1 << rowBits) - 1

    /// The id of `row` of `day` of run `run`.
    @inline(__always) static func id(run: Int64, day: Int64, row: Int64) -> Int64 {
        run << (dayBits + rowBits) | day << rowBits | row
    }

    /// The first and last id a run's rows can have.
    static func range(run: Int64) -> (first: Int64, last: Int64) {
        (id(run: run, day: 0, row: 0), id(run: run, day: maxDay, row: maxRow))
    }

    static func day(of id: Int64) -> Int64 { (id >> rowBits) & maxDay }
    static func row(of id: Int64) -> Int64 { id & maxRow }

    /// The id in SQL, of columns or values named `run`, `day`, `row`. SQLite gives `<<` and
    /// `|` the same precedence, left to right, so each shift has its parentheses.
    static func sql(run: String, day: String, row: String) -> String {
        "((\(run) << \(dayBits + rowBits)) | (\(day) << \(rowBits)) | \(row))"
    }
}

extension RunStore {
    /// One daily file's tables, as schema v6 made them: the values columns (declared as in
    /// v6), the view's name columns, and how its `DELETE` finds a row's `row` in the keys.
    struct DayTableShape {
        let file: String
        let values: [(name: String, declaration: String)]
        let keys: [String]
        let match: String
    }

    static let dayTableShapes: [DayTableShape] = [
        DayTableShape(
            file: "daily",
            values: [
                ("restore_points", "INTEGER NOT NULL"), ("stored_bytes", "INTEGER NOT NULL"), ("raw_bytes", "INTEGER NOT NULL"),
                ("uploaded_bytes", "INTEGER NOT NULL"), ("objects", "INTEGER NOT NULL"), ("put_requests", "INTEGER NOT NULL"),
                ("deleted_bytes", "INTEGER"), ("noncurrent_bytes", "INTEGER"),
            ],
            keys: ["job", "tier", "target", "workload"],
            match: "job = OLD.job AND target = OLD.target AND workload = OLD.workload"),
        DayTableShape(
            file: "workloads",
            values: [("size_bytes", "INTEGER NOT NULL"), ("volume_bytes", "INTEGER"), ("wal_bytes", "INTEGER"), ("rto_seconds", "REAL")],
            keys: ["workload", "kind"], match: "workload = OLD.workload"),
        DayTableShape(
            file: "targets",
            values: [("used_bytes", "INTEGER NOT NULL"), ("usable_bytes", "INTEGER"), ("used_share", "REAL"), ("noncurrent_bytes", "INTEGER")],
            keys: ["target", "kind"], match: "target = OLD.target"),
        DayTableShape(
            file: "faults",
            values: [
                ("runs_scheduled", "INTEGER NOT NULL"), ("runs_failed", "INTEGER NOT NULL"), ("wal_held_bytes", "INTEGER"),
                ("pg_wal_peak_bytes", "INTEGER"),
            ],
            keys: ["job", "workload"], match: "job = OLD.job"),
    ]

    /// Version 7: the values tables keyed by `DayKey` ids (their rows copied over), the
    /// views and `DELETE` triggers rebuilt on them, and `runs_delete` deleting a run's id
    /// range.
    static func keyDayTables(_ db: Database) throws {
        // Dropped first: renaming a table checks every trigger, and this one names the
        // values tables while they are being replaced.
        try db.execute(sql: "DROP TRIGGER runs_delete")
        for t in dayTableShapes {
            let outOfRange =
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT count(*) FROM \(t.file)_values WHERE run_id NOT BETWEEN 0 AND \(DayKey.maxRun)
                            OR day NOT BETWEEN 0 AND \(DayKey.maxDay) OR row NOT BETWEEN 0 AND \(DayKey.maxRow)
                        """) ?? 0
            guard outOfRange == 0 else {
                throw PlanIOError.damagedRunStore(
                    path: "",
                    reason: "\(outOfRange) rows of '\(t.file)_values' have a run id, day or row past what schema v7 keys "
                        + "(\(DayKey.maxRun) runs, \(DayKey.maxDay) days and rows)")
            }
            let names = t.values.map(\.name).joined(separator: ", ")
            let id = DayKey.sql(run: "t.run_id", day: "t.day", row: "k.row")
            let oldRow = "(SELECT row FROM \(t.file)_keys WHERE run_id = OLD.run_id AND \(t.match))"
            let oldID = DayKey.sql(run: "OLD.run_id", day: "OLD.day", row: oldRow)
            try db.execute(
                sql: """
                    DROP VIEW \(t.file);
                    CREATE TABLE \(t.file)_values_v7 (
                        id INTEGER PRIMARY KEY,            -- run_id << 40 | day << 20 | row
                        \(t.values.map { "\($0.name) \($0.declaration)" }.joined(separator: ",\n    "))
                    );
                    INSERT INTO \(t.file)_values_v7 (id, \(names))
                        SELECT \(DayKey.sql(run: "run_id", day: "day", row: "row")), \(names) FROM \(t.file)_values
                        ORDER BY run_id, day, row;
                    DROP TABLE \(t.file)_values;
                    ALTER TABLE \(t.file)_values_v7 RENAME TO \(t.file)_values;
                    CREATE VIEW \(t.file) AS
                        SELECT t.run_id, t.date, t.day, \(t.keys.map { "k.\($0)" }.joined(separator: ", ")),
                            \(t.values.map { "v.\($0.name)" }.joined(separator: ", "))
                        FROM run_days t JOIN \(t.file)_keys k ON k.run_id = t.run_id
                            JOIN \(t.file)_values v ON v.id = \(id);
                    CREATE TRIGGER \(t.file)_delete INSTEAD OF DELETE ON \(t.file) BEGIN
                        DELETE FROM \(t.file)_values WHERE id = \(oldID);
                    END;
                    """)
        }
        let first = DayKey.sql(run: "OLD.id", day: "0", row: "0")
        let last = DayKey.sql(run: "OLD.id", day: String(DayKey.maxDay), row: String(DayKey.maxRow))
        let values = dayTableShapes.map {
            "DELETE FROM \($0.file)_keys WHERE run_id = OLD.id;\n    DELETE FROM \($0.file)_values WHERE id BETWEEN \(first) AND \(last);"
        }
        try db.execute(sql: runsDelete(days: values) + ";")
    }
}

extension RunStore {
    /// The trigger `runs_delete`: a run's rows deleted from every table with it, with or
    /// without `PRAGMA foreign_keys`; `days` deletes them from the daily tables, which
    /// schemas v7 and v8 key differently.
    static func runsDelete(days: [String]) -> String {
        """
        CREATE TRIGGER runs_delete AFTER DELETE ON runs BEGIN
            DELETE FROM settings WHERE run_id = OLD.id;
            DELETE FROM warnings WHERE run_id = OLD.id;
            DELETE FROM monthly WHERE run_id = OLD.id;
            DELETE FROM kpis WHERE run_id = OLD.id;
            DELETE FROM target_summary WHERE run_id = OLD.id;
            DELETE FROM job_summary WHERE run_id = OLD.id;
            DELETE FROM workload_summary WHERE run_id = OLD.id;
            DELETE FROM drills WHERE run_id = OLD.id;
            DELETE FROM jobs WHERE run_id = OLD.id;
            DELETE FROM run_days WHERE run_id = OLD.id;
            \(days.joined(separator: "\n    "))
        END
        """
    }
}
