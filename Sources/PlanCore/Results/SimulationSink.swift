/// Receives the rows as the engine produces them, one day at a time.
public protocol SimulationSink {
    mutating func begin(_ layout: RowLayout)
    mutating func day(_ rows: DayRows)
}

/// A sink that keeps nothing (benchmarks, summaries only).
public struct NullSink: SimulationSink {
    public init() {}
    public mutating func begin(_ layout: RowLayout) {}
    public mutating func day(_ rows: DayRows) {}
}
