/// `restore`: the speeds used for RTO, and the egress allowance of drills.
public struct RestoreSpeeds: Sendable, Hashable {
    /// Logical bytes restored per second.
    public var bandwidthBytesPerSecond: Double
    /// WAL bytes replayed per second.
    public var walReplayBytesPerSecond: Double
    /// Version 2: bytes out of every `s3` target free per calendar month (`egress_free`).
    public var egressFree: ByteCount

    public init(
        bandwidthBytesPerSecond: Double = ScenarioDefaults.restoreBandwidth, walReplayBytesPerSecond: Double = ScenarioDefaults.walReplay,
        egressFree: ByteCount = ScenarioDefaults.egressFree
    ) {
        self.bandwidthBytesPerSecond = bandwidthBytesPerSecond
        self.walReplayBytesPerSecond = walReplayBytesPerSecond
        self.egressFree = egressFree
    }
}
