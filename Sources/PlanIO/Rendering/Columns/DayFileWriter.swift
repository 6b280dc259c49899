import PlanCore

/// Writes the CSV lines of one day file (`daily.csv`, `workloads.csv`, `targets.csv`) day
/// after day, in the declared columns' order.
///
/// The hot path of `plan simulate`: tens of thousands of lines a run. So that it costs no
/// more than hand-written appends, the day's stamp (`date,day,`) is rendered once a day
/// and each layout row's key cells (`C.keyCount` columns after the stamp) once a run; only
/// the value cells are rendered per line. Create one writer per run (per layout).
public struct DayFileWriter<C: DayFileColumn>: Sendable {
    /// Per layout row, its key cells, each followed by `,`; filled on the first day.
    private var keys: [String] = []

    /// The columns written: those of the run's scenario version.
    private var columns: [C]

    public init(version: Int = 1) { columns = C.columns(version: version) }

    /// Appends the day's lines.
    /// - Complexity: O(rows × value columns) a day.
    @inline(__always) public mutating func append(_ rows: DayRows, layout: RowLayout, to out: inout String) {
        let columns = self.columns
        let stamp = C.dayStampCount
        let keyEnd = stamp + C.keyCount
        let fill = keys.isEmpty
        var prefix = ""
        var index = 0
        C.forEachRow(of: rows, layout: layout) { row in
            if index == 0 {
                for column in columns[..<stamp] {
                    column.cell(row).appendCSV(to: &prefix)
                    prefix += ","
                }
            }
            if fill {
                var key = ""
                for column in columns[stamp..<keyEnd] {
                    column.cell(row).appendCSV(to: &key)
                    key += ","
                }
                keys.append(key)
            }
            out += prefix
            out += keys[index]
            var i = keyEnd
            while i < columns.count {
                if i > keyEnd { out += "," }
                columns[i].cell(row).appendCSV(to: &out)
                i += 1
            }
            out += "\n"
            index += 1
        }
    }
}
