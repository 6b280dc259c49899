import PlanCore

/// Writes the CSV lines of one day file (`daily.csv`, `workloads.csv`, `targets.csv`) day
/// after day, in the declared columns' order.
///
/// The hot path of `plan simulate`: tens of thousands of lines a run. So that it costs no
/// more than hand-written appends, the day's stamp (`date,day,`) is rendered once a day
/// and each layout row's key cells (`C.keyCount` columns after the stamp) once a run; only
/// the value cells are rendered per line. Create one writer per run (per layout).
public struct DayFileWriter<C: DayFileColumn>: Sendable {

    /// The columns written: those of the run's scenario version.
    private var columns: [C]

    public init(version: Int = 1) { columns = C.columns(version: version) }

    /// Per layout row, its key cells as bytes.
    private var keyBytes: [[UInt8]] = []

    /// Appends the day's lines as text (tests, the in-memory collector).
    public mutating func append(_ rows: DayRows, layout: RowLayout, to out: inout String) {
        var bytes: [UInt8] = []
        append(rows, layout: layout, to: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the day's lines as bytes: the hot path, no `String` per cell.
    /// - Complexity: O(rows × value columns) a day.
    @inline(__always) public mutating func append(_ rows: DayRows, layout: RowLayout, to out: inout [UInt8]) {
        let columns = self.columns
        let stamp = C.dayStampCount
        let keyEnd = stamp + C.keyCount
        let fill = keyBytes.isEmpty
        var prefix: [UInt8] = []
        var index = 0
        C.forEachRow(of: rows, layout: layout) { row in
            if index == 0 {
                for column in columns[..<stamp] {
                    column.cell(row).appendCSV(to: &prefix)
                    prefix.append(44)  // ","
                }
            }
            if fill {
                var key: [UInt8] = []
                for column in columns[stamp..<keyEnd] {
                    column.cell(row).appendCSV(to: &key)
                    key.append(44)
                }
                keyBytes.append(key)
            }
            out.append(contentsOf: prefix)
            out.append(contentsOf: keyBytes[index])
            var i = keyEnd
            while i < columns.count {
                if i > keyEnd { out.append(44) }
                columns[i].cell(row).appendCSV(to: &out)
                i += 1
            }
            out.append(10)  // "\n"
            index += 1
        }
    }
}
