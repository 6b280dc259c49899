import PlanCore

/// The `targets` and `workloads` rows of a run as JSON objects, collected day by day as
/// bytes (issue 15: a `String` per object and per cell was most of what `--format json` added):
/// each array is its objects joined by `JSONRows.separator`, the document's own layout.
public struct JSONRows: Sendable {
    /// Between two objects of an array in the document.
    static let separator: [UInt8] = Array(",\n    ".utf8)

    /// One array's objects, and the columns and keys its objects are written with.
    struct Objects<C: DayFileColumn>: Sendable {
        var bytes: [UInt8] = []
        var columns: [C] = []
        var keys: [[UInt8]] = []

        /// Appends the day's objects: written through a cursor into `scratch` (one capacity
        /// check per cell), then moved onto `bytes` once. After the first day, `bytes` is given
        /// room for `days` days like it and a sixteenth more, so that it is not copied again
        /// and again as it doubles (most of what a 10-year run's `--format json` moved).
        mutating func add(_ rows: DayRows, layout: RowLayout, version: Int, days: Int, scratch: ByteBuffer) {
            if columns.isEmpty {
                columns = C.columns(version: version)
                keys = C.jsonKeys(columns)
            }
            let columns = columns
            let keys = keys
            var first = bytes.isEmpty
            scratch.removeAll()
            scratch.write { out in
                C.forEachRow(of: rows, layout: layout) { row in
                    if !first { out.append(JSONRows.separator) }
                    first = false
                    C.appendJSONObject(row, columns: columns, keys: keys, to: &out)
                }
            }
            if bytes.isEmpty, days > 1 { bytes.reserveCapacity((scratch.count + JSONRows.separator.count) * days / 16 * 17) }
            scratch.withBytes { bytes.append(contentsOf: $0) }
        }

        /// The objects one by one (tests).
        var objects: [String] {
            guard !bytes.isEmpty else { return [] }
            return String(decoding: bytes, as: UTF8.self).components(separatedBy: String(decoding: JSONRows.separator, as: UTF8.self))
        }

        /// Hands on the array as the document writes it (`JSONRenderer.array` of the objects),
        /// in three pieces: the objects' bytes as they are, not copied.
        func emitArray(_ emit: ([UInt8]) -> Void) {
            if bytes.isEmpty {
                emit(Array("[]".utf8))
                return
            }
            emit(Array("[\n    ".utf8))
            emit(bytes)
            emit(Array("\n  ]".utf8))
        }
    }

    var targetObjects = Objects<TargetsColumn>()
    var workloadObjects = Objects<WorkloadsColumn>()
    /// Version 2 with fault keys: the rows of `faults.csv`.
    var faultObjects = Objects<FaultsColumn>()

    public var targets: [String] { targetObjects.objects }
    public var workloads: [String] { workloadObjects.objects }
    public var faults: [String] { faultObjects.objects }
    /// The days expected (the scenario's horizon), to size the arrays once; 0 lets them grow.
    private let days: Int
    public init(days: Int = 0) { self.days = days }

    /// Appends the day's objects; `scratch` is the caller's buffer, reused day after day.
    mutating func add(_ rows: DayRows, layout: RowLayout, scratch: ByteBuffer) {
        let v = layout.version
        targetObjects.add(rows, layout: layout, version: v, days: days, scratch: scratch)
        workloadObjects.add(rows, layout: layout, version: v, days: days, scratch: scratch)
        faultObjects.add(rows, layout: layout, version: 2, days: days, scratch: scratch)
    }
}

/// A sink that keeps the JSON rows in memory, as `RunFiles(keepJSONRows: true)` does
/// (tests, small runs).
public struct JSONCollector: SimulationSink {
    public private(set) var layout = RowLayout(jobRows: [], workloads: [], targets: [])
    public private(set) var rows = JSONRows()

    public init() {}
    public mutating func begin(_ layout: RowLayout) { self.layout = layout }
    private let scratch = ByteBuffer()
    public mutating func day(_ rows: DayRows) { self.rows.add(rows, layout: layout, scratch: scratch) }
}
