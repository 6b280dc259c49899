/// `restore`: the speeds used for RTO.
public struct RestoreSpeeds: Sendable, Hashable {
    /// Logical bytes restored per second.
    public var bandwidthBytesPerSecond: Double
    /// WAL bytes replayed per second.
    public var walReplayBytesPerSecond: Double
    public init(bandwidthBytesPerSecond: Double = 100 * ByteCount.miB, walReplayBytesPerSecond: Double = 32 * ByteCount.miB) {
        self.bandwidthBytesPerSecond = bandwidthBytesPerSecond
        self.walReplayBytesPerSecond = walReplayBytesPerSecond
    }
}
