import PlanCore

/// The scenario format in one place (scenario.md, versions 1 and 2): every key the loader
/// accepts, per mapping, with its reference entry. The validators read their allowed keys
/// and accepted words from here; `plan schema`, `plan explain` and the key tables of
/// scenarios/README.md are written from the same tree, so the reference cannot drift from
/// the loader. The entries themselves are in `Schema+Scenario.swift`, `Schema+Jobs.swift`
/// and `Schema+Targets.swift`.
enum Schema {
    // MARK: Allowed keys, per mapping (the order of scenario.md, which messages list)

    static let workload = workloadKeys.map(\.name)
    static let workloadSeries = workloadSeriesKeys.map(\.name)
    static let targetSeries = targetSeriesKeys.map(\.name)
    static let cnpg = cnpgKeys.map(\.name)
    static let velero = veleroKeys.map(\.name)
    static let longhorn = longhornKeys.map(\.name)
    static let tiers = backupKeys.map(\.name)
    static let prices = priceKeys.map(\.name)
    static let classPrices = classPriceKeys.map(\.name)
    static let lifecycleRule = lifecycleRuleKeys.map(\.name)
    static let drill = drillKeys.map(\.name)
    static let fault = faultKeys.map(\.name)
    static let priceTier = priceTierKeys.map(\.name)
    static let restore = restoreKeys.map(\.name)
    static let kpis = kpiKeys.map(\.name)
    static let targetKeys = targetEntryKeys.map(\.name)
    static let topLevel = root.keyNames

    /// The storage classes `prices.classes` takes: every class but `standard`.
    static let priceClasses = StorageClass.allCases.dropFirst().map(\.rawValue)

    /// The keys only a `version: 2` file may use (scenario.md, marked *v2*), wherever they
    /// stand; no version 1 mapping has a key of these names.
    static let version2Keys: Set<String> = [
        "drills", "snapshot_target", "classes", "egress_free", "mttr", "versioning", "noncurrent_expiry", "object_lock",
        "storage_class", "lifecycle", "poll_interval", "faults", "wal_volume", "max_wal_size", "success_rate", "wal_tolerance",
    ]

    // MARK: Accepted words, per key

    static let workloadKinds = WorkloadKind.allCases.map(\.rawValue)
    static let targetKinds = TargetKind.allCases.map(\.rawValue)
    static let veleroModes = VeleroMode.allCases.map(\.rawValue)
    static let longhornTasks = LonghornTask.allCases.map(\.rawValue)
    static let storageClasses = StorageClass.allCases.map(\.rawValue)
    static let faultKinds = FaultKind.allCases.map(\.rawValue)

    /// The compressions each tool offers (scenario.md "Compression algorithms").
    static let cnpgCompressions: [CompressionAlgorithm] = [.none, .gzip, .bzip2, .snappy, .lz4]
    static let cnpgWALCompressions: [CompressionAlgorithm] = [.none, .gzip, .bzip2, .snappy, .lz4, .xz, .zstd]
    static let longhornCompressions: [CompressionAlgorithm] = [.none, .lz4, .gzip]

    /// The name rule of every map of named things (scenario.md "Names"), as a pattern.
    static let namePattern = "^[a-z][a-z0-9-]{0,62}$"

    /// The keys of a mapping that every file must give, in order (`missing required key`).
    static func requiredKeys(_ keys: [SchemaKey]) -> [String] {
        keys.filter(\.fallback.isRequired).map(\.name)
    }

    // MARK: The tree

    static let root: SchemaNode = .keys(topLevelKeys)
}
