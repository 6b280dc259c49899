import PlanCore

/// `daily.csv` alone, written by a run of the engine of its own: `SimulationJob` runs it on
/// another thread beside the run that writes the other files (`RunFiles.handOffDaily`).
/// `daily.csv` is two thirds of a run's bytes, so the two runs take about as long, and each
/// writes its files with no lock between them.
public struct DailyFile: SimulationSink, @unchecked Sendable {
    /// The run's `daily.csv`, which only this sink writes once handed off.
    private let file: StreamingFile
    private var writer = DayFileWriter<DailyColumn>()
    private var layout = RowLayout(jobRows: [], workloads: [], targets: [])

    init(file: StreamingFile) { self.file = file }

    public mutating func begin(_ layout: RowLayout) {
        self.layout = layout
        writer = DayFileWriter(version: layout.version)
        file.write(DailyColumn.header(version: layout.version))
    }

    public mutating func day(_ rows: DayRows) {
        file.buffer.write { writer.append(rows, layout: layout, to: &$0) }
        file.flushIfFull()
    }
}
