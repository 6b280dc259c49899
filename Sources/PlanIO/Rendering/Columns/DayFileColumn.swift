import PlanCore

/// A column of one of the files written day by day as the engine runs (`daily.csv`,
/// `workloads.csv`, `targets.csv`): its rows come from each day's `DayRows`.
public protocol DayFileColumn: OutputColumn {
    /// Calls `body` with the day's rows, in the file's order within a day.
    static func forEachRow(of rows: DayRows, layout: RowLayout, _ body: (Row) throws -> Void) rethrows
}

extension DayFileColumn {
    /// Appends the day's rows as CSV lines.
    /// - Complexity: O(rows × columns); called once per simulated day.
    @inline(__always) public static func appendCSV(_ rows: DayRows, layout: RowLayout, to out: inout String) {
        let columns = allCases
        forEachRow(of: rows, layout: layout) { appendCSV($0, columns: columns, to: &out) }
    }
}
