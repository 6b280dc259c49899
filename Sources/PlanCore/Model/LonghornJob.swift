public enum LonghornTask: String, Sendable, Hashable, CaseIterable {
    case backup, snapshot
}

/// `backups.longhorn.NAME`.
public struct LonghornJob: Sendable, Hashable {
    public var name: String
    public var task: LonghornTask
    public var schedule: CronSchedule
    public var retain: Int
    public var volumes: [String]
    public var compression: Compression
    public var blockAmplification: Double
    public var target: String
    /// Version 2, `backup` only: the `cluster` target whose disks hold the snapshot of the
    /// last backup per volume (model.md "A Longhorn backup job's own snapshot").
    public var snapshotTarget: String?

    public init(
        name: String, task: LonghornTask = ScenarioDefaults.longhornTask, schedule: CronSchedule, retain: Int, volumes: [String],
        compression: Compression = ScenarioDefaults.longhornCompression,
        blockAmplification: Double = ScenarioDefaults.blockAmplification, target: String, snapshotTarget: String? = nil
    ) {
        self.name = name
        self.task = task
        self.schedule = schedule
        self.retain = retain
        self.volumes = volumes
        self.compression = compression
        self.blockAmplification = blockAmplification
        self.target = target
        self.snapshotTarget = snapshotTarget
    }
}
