/// Two sinks fed with the same days, in order: `plan simulate --report` writes the CSV
/// files and collects the report's chart data in one run.
///
/// `DayRows` holds its per-day values in arrays, which Swift shares between copies until
/// one is written, so handing the same rows to both sinks copies no per-day array.
public struct SinkPair<First: SimulationSink, Second: SimulationSink>: SimulationSink {
    public var first: First
    public var second: Second

    public init(_ first: First, _ second: Second) {
        self.first = first
        self.second = second
    }

    public mutating func begin(_ layout: RowLayout) {
        first.begin(layout)
        second.begin(layout)
    }

    public mutating func day(_ rows: DayRows) {
        first.day(rows)
        second.day(rows)
    }
}
