/// When CNPG deletes old base backups.
public enum RetentionCheck: Sendable, Hashable {
    /// Right after every base backup (the `barmanObjectStore` integration).
    case afterBackup
    /// Every interval, at `D, 2D, …` (the Barman Cloud plugin).
    case every(Seconds)
}

/// `backups.cnpg.NAME`.
public struct CNPGJob: Sendable, Hashable {
    public var name: String
    public var workload: String
    public var schedule: CronSchedule
    public var immediate: Bool
    /// The recovery window in days (`Nd` = N, `Nw` = 7N, `Nm` = 31N).
    public var retentionDays: Int
    public var retentionCheck: RetentionCheck
    public var compression: Compression
    public var walCompression: Compression
    public var archiveTimeout: Seconds
    public var target: String
    /// The file gave no `schedule` and `@daily` stands in (a warning says so: CNPG itself
    /// takes no base backup without a ScheduledBackup).
    public var scheduleIsDefault = false

    public init(
        name: String, workload: String, schedule: CronSchedule, immediate: Bool = ScenarioDefaults.cnpgImmediate, retentionDays: Int,
        retentionCheck: RetentionCheck = ScenarioDefaults.cnpgRetentionCheck, compression: Compression = ScenarioDefaults.cnpgCompression,
        walCompression: Compression = ScenarioDefaults.cnpgWALCompression, archiveTimeout: Seconds = ScenarioDefaults.archiveTimeout,
        target: String
    ) {
        self.name = name
        self.workload = workload
        self.schedule = schedule
        self.immediate = immediate
        self.retentionDays = retentionDays
        self.retentionCheck = retentionCheck
        self.compression = compression
        self.walCompression = walCompression
        self.archiveTimeout = archiveTimeout
        self.target = target
    }
}
