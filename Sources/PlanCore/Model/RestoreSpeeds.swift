/// `restore`: the speeds used for RTO.
public struct RestoreSpeeds: Sendable, Hashable {
    /// Logical bytes restored per second.
    public var bandwidthBytesPerSecond: Double
    /// WAL bytes replayed per second.
    public var walReplayBytesPerSecond: Double
    public init(bandwidthBytesPerSecond: Double = ScenarioDefaults.restoreBandwidth, walReplayBytesPerSecond: Double = ScenarioDefaults.walReplay) {
        self.bandwidthBytesPerSecond = bandwidthBytesPerSecond
        self.walReplayBytesPerSecond = walReplayBytesPerSecond
    }
}
