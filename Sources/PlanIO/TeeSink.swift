import PlanCore

/// Hands every day's rows to two sinks: the CSV files and the run store, for one simulation.
public struct TeeSink<First: SimulationSink, Second: SimulationSink>: SimulationSink {
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
