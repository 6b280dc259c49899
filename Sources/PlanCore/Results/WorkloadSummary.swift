/// Per workload: the figures of the summary.
public struct WorkloadSummary: Sendable, Hashable {
    public var name: String
    public var peakSize: ByteCount
    public var volume: ByteCount?
    public var alertDate: CivilDate?
    public var fullDate: CivilDate?

    public init(name: String, peakSize: ByteCount, volume: ByteCount?, alertDate: CivilDate?, fullDate: CivilDate?) {
        self.name = name
        self.peakSize = peakSize
        self.volume = volume
        self.alertDate = alertDate
        self.fullDate = fullDate
    }
}
