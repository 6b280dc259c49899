import PlanCore

/// The `targets` and `workloads` rows of a run as JSON objects, collected day by day.
public struct JSONRows: Sendable {
    public private(set) var targets: [String] = []
    public private(set) var workloads: [String] = []
    /// Version 2 with fault keys: the rows of `faults.csv`.
    public private(set) var faults: [String] = []
    public init() {}

    mutating func add(_ rows: DayRows, layout: RowLayout) {
        let v = layout.version
        TargetsColumn.forEachRow(of: rows, layout: layout) { targets.append(TargetsColumn.jsonObject($0, version: v)) }
        WorkloadsColumn.forEachRow(of: rows, layout: layout) { workloads.append(WorkloadsColumn.jsonObject($0, version: v)) }
        FaultsColumn.forEachRow(of: rows, layout: layout) { faults.append(FaultsColumn.jsonObject($0, version: 2)) }
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
