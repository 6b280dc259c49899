/// Every default of the scenario format (README "Scenario files", the `default` columns),
/// written once: the model's initialisers and the loader both read them from here.
public enum ScenarioDefaults {
    // MARK: Top level

    /// `version`: the format of scenario.md version 1.
    public static let version = 1
    /// `horizon`: one year of whole days.
    public static let horizonDays = 365
    /// `currency`: a label only.
    public static let currency = "USD"

    // MARK: Workloads

    /// `growth` and `churn`: none.
    public static let growth = Rate.zero
    public static let churn = Rate.zero

    /// `max_wal_size` (version 2): PostgreSQL's default, 1 GiB.
    public static let maxWALSize = ByteCount(ByteCount.giB)

    // MARK: CNPG

    /// `schedule`: CNPG's ScheduledBackup of the design, daily.
    public static let cnpgSchedule = "@daily"
    /// `immediate`: no backup at the start of day 0.
    public static let cnpgImmediate = false
    /// `retention_check`: as the built-in `barmanObjectStore` integration deletes.
    public static let cnpgRetentionCheck = RetentionCheck.afterBackup
    /// `compression` and `wal_compression`: CNPG archives uncompressed unless told.
    public static let cnpgCompression = Compression.algorithm(.none)
    public static let cnpgWALCompression = Compression.algorithm(.none)
    /// `archive_timeout`: 5 min, as CNPG sets it.
    public static let archiveTimeout = Seconds(300)

    // MARK: Velero

    /// `ttl`: Velero's default backup TTL, 720 h.
    public static let veleroTTL = Seconds(720 * 3600)
    /// `resources`: one backup's resource tarball and metadata, 10 MiB.
    public static let veleroResources = ByteCount(10 * ByteCount.miB)
    /// `mode`: Kopia's content deduplication.
    public static let veleroMode = VeleroMode.incremental
    /// `compression`: Velero's Kopia uploader does not compress (ratio 1).
    public static let veleroCompressionRatio = 1.0
    /// `block_amplification` (Velero and Longhorn): one uploaded byte per churned byte.
    public static let blockAmplification = 1.0
    /// `reclaim_delay`: Kopia keeps unreferenced content about three maintenance cycles.
    public static let reclaimDelay = Seconds(3 * 86_400)

    // MARK: Longhorn

    /// `task`: a backup to an object store.
    public static let longhornTask = LonghornTask.backup
    /// `compression`: Longhorn's default backup compression.
    public static let longhornCompression = Compression.algorithm(.lz4)

    // MARK: Targets

    /// `drives` (MinIO): one drive.
    public static let drives = 1
    /// `replicas` (cluster): Longhorn's default replica count.
    public static let replicas = 3
    /// `monthly_cost`: no fixed cost.
    public static let monthlyCost = Money.zero
    /// `region` (s3).
    public static let region = "us-east-1"

    // MARK: Version 2 targets

    /// `storage_class` (s3): Standard.
    public static let storageClass = StorageClass.standard
    /// `poll_interval`: Longhorn's `backupstore-poll-interval`, 300 s.
    public static let pollInterval = Seconds(300)

    // MARK: Restore and KPIs

    /// `restore.bandwidth`: 100 MiB/s, in bytes per second.
    public static let restoreBandwidth = 100 * ByteCount.miB
    /// `restore.wal_replay`: 32 MiB/s, in bytes per second.
    public static let walReplay = 32 * ByteCount.miB
    /// `restore.egress_free` (version 2): AWS's free 100 GB out a month per account.
    public static let egressFree = ByteCount(100 * ByteCount.giB)
    /// `kpis.capacity_alert` and `kpis.volume_alert`: 80 %.
    public static let capacityAlert = Share(0.8)
    public static let volumeAlert = Share(0.8)
}
