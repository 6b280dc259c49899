import PlanCore

/// A recorded run read back from the store: its header and everything the summary shows.
public struct RunRecord: Sendable {
    public var id: Int64
    public var header: RunHeader
    public var result: SimulationResult

    public init(id: Int64, header: RunHeader, result: SimulationResult) {
        self.id = id
        self.header = header
        self.result = result
    }
}
