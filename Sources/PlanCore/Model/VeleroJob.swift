public enum VeleroMode: String, Sendable, Hashable {
    case incremental, full
}

/// `backups.velero.NAME`.
public struct VeleroJob: Sendable, Hashable {
    public var name: String
    public var schedule: CronSchedule
    public var ttl: Seconds
    public var resources: ByteCount
    public var volumes: [String]
    public var mode: VeleroMode
    /// Stored ÷ raw of volume data (Kopia does not compress: 1 unless measured).
    public var compressionRatio: Double
    public var blockAmplification: Double
    public var reclaimDelay: Seconds
    public var target: String

    public init(
        name: String, schedule: CronSchedule, ttl: Seconds = Seconds(720 * 3600), resources: ByteCount = ByteCount(10 * ByteCount.miB),
        volumes: [String] = [], mode: VeleroMode = .incremental, compressionRatio: Double = 1, blockAmplification: Double = 1,
        reclaimDelay: Seconds = Seconds(3 * 86_400), target: String
    ) {
        self.name = name
        self.schedule = schedule
        self.ttl = ttl
        self.resources = resources
        self.volumes = volumes
        self.mode = mode
        self.compressionRatio = compressionRatio
        self.blockAmplification = blockAmplification
        self.reclaimDelay = reclaimDelay
        self.target = target
    }
}
