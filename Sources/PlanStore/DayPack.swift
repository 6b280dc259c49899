import GRDB
import PlanIO

/// Schema v8 (`packDailyDays`): the `daily` numbers of a day in one row of `daily_days`, a
/// JSON array with one array per layout row, in `daily_keys.row` order, each the row's
/// value columns in the CSV's order (those of the run's version):
///
///     [[1,5988913365,5988913365,5988913365,290,345],[…],…]
///
/// A ten-year run of the seed cluster inserted 36,500 `daily_values` rows, two thirds of
/// the rows it recorded and most of the writer thread's time (SQLite's work per row:
/// 16–21 ms for those rows alone from C on the 2-core machine, 3.7 ms for the same numbers
/// as 3,650 texts); it now inserts 3,650. The view `daily` keeps its columns: SQLite's
/// JSON functions (`json_each`, `json_extract`, built in since 3.38) take the rows apart
/// again for `sqlite3` users, and `plan` reads the text itself (`rows(of:width:)`).
///
/// - `id` is `run_id << 20 | day`, so a run's days are one range of the primary key.
/// - `rows` counts the day's rows still in `vals`: a `DELETE` on the view replaces the row
///   by JSON `null` and takes one off, and the re-export's check adds them up.
/// - A number is written as the store binds it (`StoreNumber`): an integer in decimal
///   digits, a REAL (a size past 2^63, infinity) as Swift's shortest round-trip text with
///   a point or an exponent, infinity as `9e999` (SQLite reads it as `Inf`), NULL as `null`.
enum DayPack {
    /// Bits of `day` in an id (as in `DayKey`).
    static let dayBits: Int64 = DayKey.dayBits

    /// The id of `day` of run `run`.
    static func id(run: Int64, day: Int64) -> Int64 { run << dayBits | day }

    /// The first and last id a run's days can have.
    static func range(run: Int64) -> (first: Int64, last: Int64) { (id(run: run, day: 0), id(run: run, day: DayKey.maxDay)) }

    static func day(of id: Int64) -> Int64 { id & DayKey.maxDay }

    /// Appends a day's numbers, `width` to a row, as the JSON text of `daily_days.vals`.
    /// One write into `out` for the day: a call into the buffer per number (its access
    /// checks) was a quarter of the writer thread's time.
    static func append(_ numbers: [StoreNumber], width: Int, to out: ByteBuffer) {
        out.write { cursor in
            cursor.append(UInt8(ascii: "["))
            numbers.withUnsafeBufferPointer { n in
                var i = 0
                while i < n.count {
                    if i > 0 { cursor.append(UInt8(ascii: ",")) }
                    appendRow(UnsafeBufferPointer(rebasing: n[i..<(i + width)]), to: &cursor)
                    i += width
                }
            }
            cursor.append(UInt8(ascii: "]"))
        }
    }

    /// Appends one row's numbers as a JSON array.
    @inline(__always) static func appendRow(_ row: UnsafeBufferPointer<StoreNumber>, to cursor: inout ByteCursor) {
        cursor.append(UInt8(ascii: "["))
        for (k, n) in row.enumerated() {
            if k > 0 { cursor.append(UInt8(ascii: ",")) }
            append(n, to: &cursor)
        }
        cursor.append(UInt8(ascii: "]"))
    }

    /// Appends one number as JSON.
    @inline(__always) static func append(_ n: StoreNumber, to out: inout ByteCursor) {
        switch n {
        case .integer(let v): out.append(decimal: v)
        case .null: out.append(text: "null")
        case .real(let x):
            if x.isNaN {
                out.append(text: "null")
            } else if x.isInfinite {
                out.append(text: x < 0 ? "-9e999" : "9e999")
            } else {
                // Swift's shortest round-trip text: "5.0", "1e+21", always with "." or "e".
                out.append(text: x.description)
            }
        }
    }

    /// A day's rows read back from `vals`: each row's numbers, or nil for a row that a
    /// `DELETE` on the view replaced by `null`. Nil when the text is not such an array, or a
    /// row has other than `width` numbers.
    static func rows(of text: UnsafeRawBufferPointer, width: Int) -> [[StoreNumber]?]? {
        var reader = Reader(bytes: text)
        var rows: [[StoreNumber]?] = []
        guard reader.take(UInt8(ascii: "[")) else { return nil }
        if reader.take(UInt8(ascii: "]")) { return reader.atEnd ? rows : nil }
        repeat {
            if reader.takeNull() {
                rows.append(nil)
                continue
            }
            guard reader.take(UInt8(ascii: "[")) else { return nil }
            var row: [StoreNumber] = []
            row.reserveCapacity(width)
            if !reader.take(UInt8(ascii: "]")) {
                repeat {
                    guard let n = reader.number() else { return nil }
                    row.append(n)
                } while reader.take(UInt8(ascii: ","))
                guard reader.take(UInt8(ascii: "]")) else { return nil }
            }
            guard row.count == width else { return nil }
            rows.append(row)
        } while reader.take(UInt8(ascii: ","))
        guard reader.take(UInt8(ascii: "]")), reader.atEnd else { return nil }
        return rows
    }

    /// Reads the JSON that `append` writes, and what SQLite's `json_replace` makes of it
    /// (the same text, minified); whitespace between tokens is skipped.
    private struct Reader {
        let bytes: UnsafeRawBufferPointer
        var i = 0

        var atEnd: Bool {
            mutating get {
                skipSpace()
                return i == bytes.count
            }
        }

        mutating func skipSpace() {
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
        }

        mutating func take(_ byte: UInt8) -> Bool {
            skipSpace()
            guard i < bytes.count, bytes[i] == byte else { return false }
            i += 1
            return true
        }

        mutating func takeNull() -> Bool {
            skipSpace()
            guard bytes.count - i >= 4, bytes[i] == UInt8(ascii: "n"), bytes[i + 1] == UInt8(ascii: "u"),
                bytes[i + 2] == UInt8(ascii: "l"), bytes[i + 3] == UInt8(ascii: "l")
            else { return false }
            i += 4
            return true
        }

        /// A number or `null`: digits alone an INTEGER (REAL past 64 bits), with a point or
        /// an exponent a REAL.
        mutating func number() -> StoreNumber? {
            if takeNull() { return .null }
            let start = i
            var real = false
            while i < bytes.count {
                let b = bytes[i]
                if b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") || b == UInt8(ascii: "-") || b == UInt8(ascii: "+") {
                    i += 1
                } else if b == UInt8(ascii: ".") || b == UInt8(ascii: "e") || b == UInt8(ascii: "E") {
                    real = true
                    i += 1
                } else {
                    break
                }
            }
            guard i > start else { return nil }
            let token = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
            if !real, let n = Int64(token) { return .integer(n) }
            guard let x = Double(token) else { return nil }
            return .real(x)
        }
    }
}

extension RunStore {
    /// Version 8: `daily_values` packed a day per row into `daily_days` (`DayPack`), its
    /// rows moved over run by run (each run's version gives its rows' width; a values row
    /// missing from a day becomes `null`, as a `DELETE` on the view makes it), and the view
    /// `daily`, its `DELETE` trigger and `runs_delete` rebuilt on it.
    static func packDailyDays(_ db: Database) throws {
        try db.execute(
            sql: """
                DROP TRIGGER runs_delete;
                DROP VIEW daily;
                CREATE TABLE daily_days (
                    id INTEGER PRIMARY KEY,            -- run_id << 20 | day
                    rows INTEGER NOT NULL,             -- the day's rows in vals (a DELETE on the view takes one)
                    vals TEXT NOT NULL                 -- JSON: per daily_keys.row, its numbers in the CSV's order
                );
                """)
        let insert = try db.makeStatement(sql: "INSERT INTO daily_days (id, rows, vals) VALUES (?, ?, ?)")
        let text = ByteBuffer(capacity: 16_384)
        for run in try Row.fetchAll(db, sql: "SELECT id, version FROM runs ORDER BY id") {
            let id: Int64 = try run.decode(atIndex: 0)
            let version: Int = try run.decode(atIndex: 1)
            let columns = DailyColumn.valueColumns(version: version)
            // Each row goes to its own place, `daily_keys.row`: a name deleted by hand
            // leaves `null` there, as the view's DELETE does, rather than moving the rows
            // after it under other names. And a day's `rows` counts its values rows as
            // they are, names or not, so that the count that refused a damaged run before
            // the move refuses it after.
            let (first, last) = DayKey.range(run: id)
            var counts: [Int64: Int] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT (id >> 20) & \(DayKey.maxDay), count(*) FROM daily_values WHERE id BETWEEN ? AND ? GROUP BY 1",
                arguments: [first, last])
            {
                counts[try row.decode(atIndex: 0)] = try row.decode(atIndex: 1)
            }
            let slots = (try Int.fetchOne(db, sql: "SELECT max(row) + 1 FROM daily_keys WHERE run_id = ?", arguments: [id])) ?? 0
            let names = columns.map { "v.\"\($0.storeName)\"" }.joined(separator: ", ")
            let cursor = try Row.fetchCursor(
                db,
                sql: """
                    SELECT t.day, k.row, \(names)
                    FROM run_days t JOIN daily_keys k ON k.run_id = t.run_id
                        JOIN daily_values v ON v.id = \(DayKey.sql(run: "t.run_id", day: "t.day", row: "k.row"))
                    WHERE t.run_id = ? ORDER BY t.day, k.row
                    """, arguments: [id])
            var day: Int64? = nil
            var next = 0
            func close(upTo end: Int) {
                // `null` for each place before `end` that has no row.
                while next < end {
                    text.write { $0.append(text: next == 0 ? "null" : ",null") }
                    next += 1
                }
            }
            func flush() throws {
                guard let d = day else { return }
                close(upTo: slots)
                text.write { $0.append(UInt8(ascii: "]")) }
                try insert.execute(arguments: [DayPack.id(run: id, day: d), counts[d] ?? 0, text.text])
                text.removeAll()
            }
            while let row = try cursor.next() {
                let d: Int64 = try row.decode(atIndex: 0)
                if d != day {
                    try flush()
                    (day, next) = (d, 0)
                    text.write { $0.append(UInt8(ascii: "[")) }
                }
                let place: Int = try row.decode(atIndex: 1)
                close(upTo: place)
                let numbers = (0..<columns.count).map { i -> StoreNumber in
                    switch (row[i + 2] as DatabaseValue).storage {
                    case .int64(let n): return .integer(n)
                    case .double(let x): return .real(x)
                    default: return .null
                    }
                }
                text.write { cursor in
                    if place > 0 { cursor.append(UInt8(ascii: ",")) }
                    numbers.withUnsafeBufferPointer { DayPack.appendRow($0, to: &cursor) }
                }
                next = place + 1
            }
            try flush()
        }
        try db.execute(sql: "DROP TABLE daily_values;\n" + dailyDaysView + ";\n" + dailyDaysDelete + ";\n" + runsDeleteV8 + ";")
    }

    /// The view `daily` over `daily_days`: the CSV's columns in its order. The `CROSS JOIN`s
    /// keep SQLite's order (a day's row, its JSON rows, then each one's names by primary
    /// key), which otherwise read a day's JSON again for every layout row.
    static var dailyDaysView: String {
        let values = dayTableShapes[0].values.enumerated().map { i, v in "json_extract(j.value, '$[\(i)]') AS \(v.name)" }
        return """
            CREATE VIEW daily AS
                SELECT t.run_id, t.date, t.day, k.job, k.tier, k.target, k.workload,
                    \(values.joined(separator: ",\n        "))
                FROM run_days t CROSS JOIN daily_days d ON d.id = ((t.run_id << 20) | t.day)
                    CROSS JOIN json_each(d.vals) j CROSS JOIN daily_keys k ON k.run_id = t.run_id AND k.row = j.key
                WHERE j.type = 'array'
            """
    }

    /// `DELETE` on the view: the row becomes `null` in its day's JSON, and `rows` one less.
    static let dailyDaysDelete = """
        CREATE TRIGGER daily_delete INSTEAD OF DELETE ON daily BEGIN
            UPDATE daily_days SET rows = rows - 1, vals = json_replace(vals, '$[' || (
                SELECT row FROM daily_keys
                WHERE run_id = OLD.run_id AND job = OLD.job AND target = OLD.target AND workload = OLD.workload) || ']', NULL)
            WHERE id = ((OLD.run_id << 20) | OLD.day);
        END
        """

    /// `runs_delete` of schema v8: as v7's, with `daily_days` for `daily_values`.
    static var runsDeleteV8: String {
        let first = DayKey.sql(run: "OLD.id", day: "0", row: "0")
        let last = DayKey.sql(run: "OLD.id", day: String(DayKey.maxDay), row: String(DayKey.maxRow))
        let values = dayTableShapes.map { t in
            t.file == "daily"
                ? "DELETE FROM daily_keys WHERE run_id = OLD.id;\n    DELETE FROM daily_days WHERE id BETWEEN (OLD.id << 20) AND ((OLD.id << 20) | \(DayKey.maxDay));"
                : "DELETE FROM \(t.file)_keys WHERE run_id = OLD.id;\n    DELETE FROM \(t.file)_values WHERE id BETWEEN \(first) AND \(last);"
        }
        return runsDelete(days: values)
    }
}

extension ByteCursor {
    /// Appends the UTF-8 bytes of `text`.
    fileprivate mutating func append(text: String) {
        var text = text
        text.withUTF8 { append(bytes: UnsafeRawBufferPointer($0)) }
    }
}

extension StoreNumber {
    /// The number as SQLite would hand it back.
    var databaseValue: DatabaseValue {
        switch self {
        case .null: return .null
        case .integer(let n): return n.databaseValue
        case .real(let x): return x.databaseValue
        }
    }
}
