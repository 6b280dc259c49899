/// A validated scenario (scenario.md, version 1): what is protected, how it is backed up,
/// where backups land and what the plan must meet.
///
/// Every collection is sorted by name, so iteration order (and so output order) never
/// depends on the order of keys in the file.
public struct Scenario: Sendable, Hashable {
    public var name: String
    public var description: String?
    /// Day 0 of the simulation (00:00 UTC).
    public var start: CivilDate
    /// Whole days simulated, `H` of model.md (1 … 36,500).
    public var horizonDays: Int
    public var currency: String
    public var workloads: [Workload]
    public var cnpg: [CNPGJob]
    public var velero: [VeleroJob]
    public var longhorn: [LonghornJob]
    public var targets: [Target]
    public var restore: RestoreSpeeds
    public var kpis: KPILimits

    public init(
        name: String, description: String? = nil, start: CivilDate, horizonDays: Int, currency: String = "USD",
        workloads: [Workload], cnpg: [CNPGJob] = [], velero: [VeleroJob] = [], longhorn: [LonghornJob] = [],
        targets: [Target], restore: RestoreSpeeds = RestoreSpeeds(), kpis: KPILimits = KPILimits()
    ) {
        self.name = name
        self.description = description
        self.start = start
        self.horizonDays = horizonDays
        self.currency = currency
        self.workloads = workloads.sorted { $0.name < $1.name }
        self.cnpg = cnpg.sorted { $0.name < $1.name }
        self.velero = velero.sorted { $0.name < $1.name }
        self.longhorn = longhorn.sorted { $0.name < $1.name }
        self.targets = targets.sorted { $0.name < $1.name }
        self.restore = restore
        self.kpis = kpis
    }
}

public enum WorkloadKind: String, Sendable, Hashable {
    case postgres, volume
}

/// `workloads.NAME`.
public struct Workload: Sendable, Hashable {
    public var name: String
    public var kind: WorkloadKind
    /// Logical size on day 0.
    public var size: ByteCount
    public var growth: Rate
    public var churn: Rate
    /// `nil`: WAL is growth + churn (model.md "WAL default"). Only for `postgres`.
    public var wal: Rate?
    /// Capacity of the PVC, if given.
    public var volume: ByteCount?

    public init(
        name: String, kind: WorkloadKind, size: ByteCount, growth: Rate = .zero, churn: Rate = .zero,
        wal: Rate? = nil, volume: ByteCount? = nil
    ) {
        self.name = name
        self.kind = kind
        self.size = size
        self.growth = growth
        self.churn = churn
        self.wal = wal
        self.volume = volume
    }
}

/// How a cron expression is read (scenario.md "cron").
public enum CronDialect: Sendable, Hashable {
    /// Velero and Longhorn: 5 fields, `minute hour day-of-month month day-of-week`.
    case standard
    /// CNPG ScheduledBackup: seconds first; 6 fields, or 5 with any day of the week.
    case cnpg
}

/// A base-backup or WAL compression setting: the default ratio of a named algorithm or a
/// measured ratio (stored ÷ raw).
public enum Compression: Sendable, Hashable {
    case algorithm(CompressionAlgorithm)
    case ratio(Double)
}

public enum CompressionAlgorithm: String, Sendable, Hashable, CaseIterable {
    case none, lz4, snappy, gzip, zstd, bzip2, xz
}

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

    public init(
        name: String, workload: String, schedule: CronSchedule, immediate: Bool = false, retentionDays: Int,
        retentionCheck: RetentionCheck = .afterBackup, compression: Compression = .algorithm(.none),
        walCompression: Compression = .algorithm(.none), archiveTimeout: Seconds = Seconds(300), target: String
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

public enum LonghornTask: String, Sendable, Hashable {
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

    public init(
        name: String, task: LonghornTask = .backup, schedule: CronSchedule, retain: Int, volumes: [String],
        compression: Compression = .algorithm(.lz4), blockAmplification: Double = 1, target: String
    ) {
        self.name = name
        self.task = task
        self.schedule = schedule
        self.retain = retain
        self.volumes = volumes
        self.compression = compression
        self.blockAmplification = blockAmplification
        self.target = target
    }
}

public enum TargetKind: String, Sendable, Hashable {
    case minio, s3, cluster
}

/// One S3 storage price tier: GB-months up to `upTo` (cumulative, in GB of 2^30 bytes;
/// `nil` for the last tier) cost `price` each.
public struct PriceTier: Sendable, Hashable {
    public var upToGB: Double?
    public var price: Money
    public init(upToGB: Double?, price: Money) {
        self.upToGB = upToGB
        self.price = price
    }
}

/// S3 prices: storage tiers per GB-month and PUT requests per 1,000.
public struct S3Prices: Sendable, Hashable {
    public var storageTiers: [PriceTier]
    public var putPer1000: Money
    public var getPer1000: Money
    public var egressGB: Money
    public init(storageTiers: [PriceTier], putPer1000: Money, getPer1000: Money = .zero, egressGB: Money = .zero) {
        self.storageTiers = storageTiers
        self.putPer1000 = putPer1000
        self.getPer1000 = getPer1000
        self.egressGB = egressGB
    }
}

/// `targets.NAME`.
public struct Target: Sendable, Hashable {
    public var name: String
    public var kind: TargetKind
    /// Raw capacity (`minio`, `cluster`); `nil` for `s3`.
    public var capacity: ByteCount?
    public var drives: Int
    public var parity: Int
    public var replicas: Int
    public var monthlyCost: Money
    public var region: String
    /// Resolved prices for `s3` (built-in for the region, with overrides applied).
    public var prices: S3Prices?
    /// Alert level as a share of usable capacity (defaults to `kpis.capacity_alert`).
    public var alert: Share
    /// Jobs (`TIER/NAME`) whose objects this target also holds.
    public var replicates: [String]

    public init(
        name: String, kind: TargetKind, capacity: ByteCount? = nil, drives: Int = 1, parity: Int? = nil, replicas: Int = 3,
        monthlyCost: Money = .zero, region: String = "us-east-1", prices: S3Prices? = nil, alert: Share = Share(0.8),
        replicates: [String] = []
    ) {
        self.name = name
        self.kind = kind
        self.capacity = capacity
        self.drives = drives
        self.parity = parity ?? Target.defaultParity(drives: drives)
        self.replicas = replicas
        self.monthlyCost = monthlyCost
        self.region = region
        self.prices = prices
        self.alert = alert
        self.replicates = replicates
    }

    /// MinIO's default parity for an erasure set of `drives` drives (model.md "Targets").
    public static func defaultParity(drives: Int) -> Int {
        switch drives {
        case ...1: return 0
        case 2...3: return 1
        case 4...5: return 2
        case 6...7: return 3
        default: return 4
        }
    }

    /// Usable bytes: `capacity × (drives − parity) / drives` for MinIO, `capacity` for a
    /// cluster, `nil` (unlimited) for S3.
    public var usable: ByteCount? {
        guard let capacity else { return nil }
        switch kind {
        case .minio: return ByteCount(capacity.bytes * Double(drives - parity) / Double(drives))
        case .cluster: return capacity
        case .s3: return nil
        }
    }

    public var isObjectStore: Bool { kind != .cluster }
}

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

/// `kpis`: limits the plan must meet (`nil`: not set, reported as `info`).
public struct KPILimits: Sendable, Hashable {
    public var monthlyBudget: Money?
    public var rpo: Seconds?
    public var rto: Seconds?
    public var efficiency: Share?
    public var capacityAlert: Share
    public var volumeAlert: Share
    public init(
        monthlyBudget: Money? = nil, rpo: Seconds? = nil, rto: Seconds? = nil, efficiency: Share? = nil,
        capacityAlert: Share = Share(0.8), volumeAlert: Share = Share(0.8)
    ) {
        self.monthlyBudget = monthlyBudget
        self.rpo = rpo
        self.rto = rto
        self.efficiency = efficiency
        self.capacityAlert = capacityAlert
        self.volumeAlert = volumeAlert
    }
}
