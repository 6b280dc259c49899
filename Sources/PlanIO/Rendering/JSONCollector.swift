import PlanCore

/// The `targets` and `workloads` rows of a run as JSON objects, collected day by day.
public struct JSONRows: Sendable {
    public private(set) var targets: [String] = []
    public private(set) var workloads: [String] = []
    public init() {}

    mutating func add(_ rows: DayRows, layout: RowLayout) {
        let date = JSONRenderer.string(rows.date.description)
        for (i, t) in layout.targets.enumerated() {
            let used = rows.targetUsed[i]
            let usable = t.usable?.bytes
            targets.append(
                JSONRenderer.object([
                    ("date", date), ("day", String(rows.day)), ("target", JSONRenderer.string(t.name)),
                    ("kind", JSONRenderer.string(t.kind.rawValue)), ("used_bytes", JSONRenderer.number(CSVRenderer.integer(used))),
                    ("usable_bytes", usable.map { JSONRenderer.number(CSVRenderer.integer($0)) } ?? "null"),
                    ("used_share", usable.map { JSONRenderer.number(CSVRenderer.decimal6($0 > 0 ? used / $0 : 0)) } ?? "null"),
                ]))
        }
        for (i, w) in layout.workloads.enumerated() {
            let v = rows.workloads[i]
            workloads.append(
                JSONRenderer.object([
                    ("date", date), ("day", String(rows.day)), ("workload", JSONRenderer.string(w.name)),
                    ("kind", JSONRenderer.string(w.kind.rawValue)), ("size_bytes", JSONRenderer.number(CSVRenderer.integer(v.size))),
                    ("volume_bytes", w.volume.map { JSONRenderer.number(CSVRenderer.integer($0.bytes)) } ?? "null"),
                    ("wal_bytes", w.kind == .postgres ? JSONRenderer.number(CSVRenderer.integer(v.wal ?? 0)) : "null"),
                    ("rto_seconds", v.rto.map { JSONRenderer.number(CSVRenderer.decimal6($0)) } ?? "null"),
                ]))
        }
    }
}

/// A sink that keeps the JSON rows in memory, as `RunFiles(keepJSONRows: true)` does
/// (tests, small runs).
public struct JSONCollector: SimulationSink {
    public private(set) var layout = RowLayout(jobRows: [], workloads: [], targets: [])
    public private(set) var rows = JSONRows()

    public init() {}
    public mutating func begin(_ layout: RowLayout) { self.layout = layout }
    public mutating func day(_ rows: DayRows) { self.rows.add(rows, layout: layout) }
}
