import PlanCore

/// A column of one output file: the one place that names it and says how its cell is
/// read from a row. The CSV header and rows, the JSON objects and the run store's table
/// (its INSERT and its re-export) are all derived from the conforming enum, whose cases are
/// in CSV order (cli.md "Files written").
///
/// Adding a column is a new case: the exhaustive `switch`es of `kind` and `cell(_:)` name
/// what else it needs. The run store's tables change only by a migration
/// (`RunStore+Schema.swift`), which stays explicit; a test holds the two equal.
public protocol OutputColumn: RawRepresentable<String>, CaseIterable, Sendable where AllCases == [Self] {
    /// What one row of the file is made from.
    associatedtype Row

    /// The file's name without `.csv`, which is also the run store's table.
    static var file: String { get }

    /// How the column's values are written and stored.
    var kind: ColumnKind { get }

    /// The column's cell in `row`, unrounded; the renderer rounds it.
    func cell(_ row: Row) -> Cell

    /// The cell of the `--format json` object, when it is not `cell(_:)`.
    func jsonCell(_ row: Row) -> Cell

    /// The scenario version from which the column is written: 1, or 2 for the columns
    /// appended in version 2 (cli.md "Version 2 columns").
    var sinceVersion: Int { get }
}

extension OutputColumn {
    /// The column's name: the CSV header cell and the JSON key (cli.md spells it).
    @inline(__always) public var name: String { rawValue }

    /// The column's name in the run store's table: the CSV's name (`kpis."limit"` needs its
    /// quotes in SQL).
    @inline(__always) public var storeName: String { rawValue }

    public func jsonCell(_ row: Row) -> Cell { cell(row) }

    public var sinceVersion: Int { 1 }

    /// The columns a scenario of `version` writes, in CSV order: version 1's, then those
    /// appended in version 2 (the version 1 output is unchanged byte for byte).
    public static func columns(version: Int) -> [Self] { allCases.filter { $0.sinceVersion <= version } }

    /// The CSV header line of a scenario of `version`, `\n` included.
    public static func header(version: Int) -> String { columns(version: version).map(\.name).joined(separator: ",") + "\n" }

    /// The CSV header line of version 1, `\n` included.
    public static var header: String { header(version: 1) }

    /// Appends `row` as one CSV line, `\n` included.
    ///
    /// - Parameter columns: `allCases`, fetched once by the caller (the synthesized
    ///   `allCases` builds a new array on every call).
    /// - Complexity: O(columns); called per day per row of the daily files.
    @inline(__always) public static func appendCSV(_ row: Row, columns: [Self], to out: inout String) {
        var first = true
        for column in columns {
            if first { first = false } else { out += "," }
            column.cell(row).appendCSV(to: &out)
        }
        out += "\n"
    }

    /// `row` as one CSV line, `\n` included.
    public static func csvLine(_ row: Row, version: Int = 1) -> String {
        var out = ""
        appendCSV(row, columns: columns(version: version), to: &out)
        return out
    }

    /// `row` as a one-line JSON object keyed by the column names, in CSV order.
    public static func jsonObject(_ row: Row, version: Int = 1) -> String {
        JSONRenderer.object(columns(version: version).map { ($0.name, $0.jsonCell(row).json) })
    }
}
