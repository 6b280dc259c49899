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

    /// Every layout row's key cells as bytes, each followed by its `,`, one after another;
    /// row `i`'s end at `keyEnds[i]`. Filled on the first day.
    private var keyBytes: [UInt8] = []
    private var keyEnds: [Int] = []

    /// Appends the day's lines as text (tests, the in-memory collector).
    public mutating func append(_ rows: DayRows, layout: RowLayout, to out: inout String) {
        var bytes: [UInt8] = []
        append(rows, layout: layout, to: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the day's lines as bytes: the hot path (into a `ByteCursor`), no `String` per cell.
    /// - Complexity: O(rows × value columns) a day.
    @inline(__always) public mutating func append<O: ByteOutput & ~Copyable>(_ rows: DayRows, layout: RowLayout, to out: inout O) {
        let columns = self.columns
        let stamp = C.dayStampCount
        let keyEnd = stamp + C.keyCount
        let fill = keyEnds.isEmpty
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
                for column in columns[stamp..<keyEnd] {
                    column.cell(row).appendCSV(to: &keyBytes)
                    keyBytes.append(44)
                }
                keyEnds.append(keyBytes.count)
            }
            out.append(prefix)
            let keys = (index == 0 ? 0 : keyEnds[index - 1])..<keyEnds[index]
            keyBytes.withUnsafeBytes { out.append(bytes: UnsafeRawBufferPointer(rebasing: $0[keys])) }
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

/// The writers of a run's day files (`daily.csv`, `workloads.csv`, `targets.csv`, and
/// `faults.csv` with fault keys), for one run's layout: what `RunFiles` writes day by day,
/// here specialized for a `ByteBuffer` per file (so that `plan-bench` times this very code).
public struct DayFileWriters: Sendable {
    private var daily: DayFileWriter<DailyColumn>
    private var workloads: DayFileWriter<WorkloadsColumn>
    private var targets: DayFileWriter<TargetsColumn>
    private var faults = DayFileWriter<FaultsColumn>(version: 2)

    public init(version: Int = 1) {
        daily = DayFileWriter(version: version)
        workloads = DayFileWriter(version: version)
        targets = DayFileWriter(version: version)
    }

    /// Appends the day's lines of each file to its buffer (`faults` only given with fault keys;
    /// `daily` not given when another run of the engine writes it: `DailyFile`).
    public mutating func append(
        _ rows: DayRows, layout: RowLayout, daily d: ByteBuffer?, workloads w: ByteBuffer, targets t: ByteBuffer, faults f: ByteBuffer?
    ) {
        d?.write { daily.append(rows, layout: layout, to: &$0) }
        w.write { workloads.append(rows, layout: layout, to: &$0) }
        t.write { targets.append(rows, layout: layout, to: &$0) }
        f?.write { faults.append(rows, layout: layout, to: &$0) }
    }
}
