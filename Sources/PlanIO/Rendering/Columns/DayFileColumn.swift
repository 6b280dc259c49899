import PlanCore

/// A column of one of the files written day by day as the engine runs (`daily.csv`,
/// `workloads.csv`, `targets.csv`): its rows come from each day's `DayRows`.
public protocol DayFileColumn: OutputColumn {
    /// How many columns after `date,day` name the layout row (the job, target, workload or
    /// kind) and so are the same on every day of a row: `DayFileWriter` renders them once
    /// a run. At least one column must follow them.
    static var keyCount: Int { get }

    /// Calls `body` with the day's rows, in the file's order within a day.
    static func forEachRow(of rows: DayRows, layout: RowLayout, _ body: (Row) throws -> Void) rethrows
}

extension DayFileColumn {
    /// How many leading columns are the same on every row of a day: each day file starts
    /// with `date,day` (cli.md; `ColumnsTests` holds every declaration to it).
    public static var dayStampCount: Int { 2 }

    /// The columns that name the layout row in a scenario of `version` (after `date,day`):
    /// the run store keeps them once a run (`FILE_keys`).
    public static func keyColumns(version: Int) -> [Self] {
        Array(columns(version: version).dropFirst(dayStampCount).prefix(keyCount))
    }

    /// The columns after the names in a scenario of `version`: the numbers of each day (the
    /// run store's `FILE_values`); empty for a version that does not write the file.
    public static func valueColumns(version: Int) -> [Self] { Array(columns(version: version).dropFirst(dayStampCount + keyCount)) }

    /// Appends the day's rows as CSV lines (without `DayFileWriter`'s cache of key cells).
    public static func appendCSV(_ rows: DayRows, layout: RowLayout, to out: inout String) {
        var writer = DayFileWriter<Self>(version: layout.version)
        writer.append(rows, layout: layout, to: &out)
    }
}
