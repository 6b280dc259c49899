import Foundation
import PlanCore

/// A sink that keeps the three daily CSV files in memory (tests, small runs).
public struct CSVCollector: SimulationSink {
    public private(set) var layout = RowLayout(jobRows: [], workloads: [], targets: [])
    public private(set) var daily = CSVRenderer.dailyHeader
    public private(set) var workloads = CSVRenderer.workloadsHeader
    public private(set) var targets = CSVRenderer.targetsHeader
    /// Version 2 with fault keys: `faults.csv`; empty without them.
    public private(set) var faults = ""
    private var faultsWriter = DayFileWriter<FaultsColumn>(version: 2)

    private var dailyWriter = DayFileWriter<DailyColumn>()
    private var workloadsWriter = DayFileWriter<WorkloadsColumn>()
    private var targetsWriter = DayFileWriter<TargetsColumn>()

    public init() {}
    public mutating func begin(_ layout: RowLayout) {
        self.layout = layout
        let v = layout.version
        daily = DailyColumn.header(version: v)
        workloads = WorkloadsColumn.header(version: v)
        targets = TargetsColumn.header(version: v)
        dailyWriter = DayFileWriter(version: v)
        workloadsWriter = DayFileWriter(version: v)
        targetsWriter = DayFileWriter(version: v)
        faults = layout.faultJobs == nil ? "" : FaultsColumn.header(version: 2)
    }
    public mutating func day(_ rows: DayRows) {
        dailyWriter.append(rows, layout: layout, to: &daily)
        workloadsWriter.append(rows, layout: layout, to: &workloads)
        targetsWriter.append(rows, layout: layout, to: &targets)
        if layout.faultJobs != nil { faultsWriter.append(rows, layout: layout, to: &faults) }
    }
}
