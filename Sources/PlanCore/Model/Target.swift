public enum TargetKind: String, Sendable, Hashable, CaseIterable {
    case minio, s3, cluster
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
    /// Version 2: the object store as billed (model.md "Version 2").
    public var bucket: BucketSettings
    /// `minio`, `s3`: the buckets it stands for (`plan calibrate --check`); no effect on the numbers.
    public var series: TargetMetricSeries?

    public init(
        name: String, kind: TargetKind, capacity: ByteCount? = nil, drives: Int = ScenarioDefaults.drives, parity: Int? = nil,
        replicas: Int = ScenarioDefaults.replicas,
        monthlyCost: Money = ScenarioDefaults.monthlyCost, region: String = ScenarioDefaults.region, prices: S3Prices? = nil,
        alert: Share = ScenarioDefaults.capacityAlert,
        replicates: [String] = [], bucket: BucketSettings = BucketSettings(), series: TargetMetricSeries? = nil
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
        self.bucket = bucket
        self.series = series
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
