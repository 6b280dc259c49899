public enum VeleroMode: String, Sendable, Hashable, CaseIterable {
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
    /// The `ttl` as the file wrote it, when it uses a unit Go's durations lack (`30d`):
    /// Velero would reject it in its Schedule, so a warning gives the form it takes.
    public var ttlWrittenWithDays: String? = nil

    public init(
        name: String, schedule: CronSchedule, ttl: Seconds = ScenarioDefaults.veleroTTL, resources: ByteCount = ScenarioDefaults.veleroResources,
        volumes: [String] = [], mode: VeleroMode = ScenarioDefaults.veleroMode,
        compressionRatio: Double = ScenarioDefaults.veleroCompressionRatio, blockAmplification: Double = ScenarioDefaults.blockAmplification,
        reclaimDelay: Seconds = ScenarioDefaults.reclaimDelay, target: String
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
