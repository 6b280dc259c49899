import PlanCore

/// `targets.NAME`, its `prices` and `lifecycle`, and its `series` (scenario.md).
extension Schema {
    static let targetEntryKeys: [SchemaKey] = [
        SchemaKey(
            "kind", .words(targetKinds), .required,
            "`minio`: a self-hosted object store; `s3`: AWS S3; `cluster`: the cluster's own Longhorn disks", rule: .targets),
        SchemaKey(
            "capacity", .size, .requiredWhen("for `minio` and `cluster`"),
            "raw capacity; an `s3` target has none", rule: .targets),
        SchemaKey("drives", .integer(atLeast: 1), .value(.int(ScenarioDefaults.drives)), "`minio`: drives in the erasure set", rule: .targets),
        SchemaKey(
            "parity", .integer(atLeast: 0), .derived("MinIO's default for `drives`"),
            "`minio`: parity drives (EC:N), at most half the drives", rule: .targets),
        SchemaKey(
            "replicas", .integer(atLeast: 1), .value(.int(ScenarioDefaults.replicas)), "`cluster`: Longhorn's replica count",
            rule: .targets),
        SchemaKey(
            "monthly_cost", .money, .value(.money(ScenarioDefaults.monthlyCost)),
            "fixed cost per month (hardware amortisation, power)", rule: .cost),
        SchemaKey(
            "region", .text, .value(.text(ScenarioDefaults.region)),
            "`s3`: picks the built-in price list (" + S3Prices.builtInRegions.map { "`\($0)`" }.joined(separator: " ")
                + "); another region needs `prices`",
            rule: .cost),
        .mapping(
            "prices", priceKeys, .derived("the region's built-in prices"),
            "`s3`: overrides of the region's prices, in the scenario's currency", rule: .cost),
        SchemaKey(
            "alert", .percent, .derived("`kpis.capacity_alert`"), "the used share of usable capacity that raises an alert",
            rule: .kpis),
        SchemaKey(
            "replicates", .jobs, .value(.emptyList),
            "`minio`, `s3`: this target also holds a copy of these jobs' objects, kept in step with their own target (replication with deletions)",
            rule: .targets),
        SchemaKey(
            "versioning", .bool, .value(.bool(BucketSettings().versioning)),
            "`minio`, `s3`: a versioned bucket; deleted bytes stay as noncurrent versions", rule: .versioning),
        SchemaKey(
            "noncurrent_expiry", .wholeDays, .none("kept for ever"),
            "`minio`, `s3`: the lifecycle rule `NoncurrentVersionExpiration`; needs `versioning: true`", rule: .versioning),
        SchemaKey(
            "object_lock", .wholeDays, .none(nil),
            "`minio`, `s3`: default retention in compliance mode; needs `versioning: true`", rule: .objectLock),
        SchemaKey(
            "storage_class", .words(storageClasses), .value(.text(ScenarioDefaults.storageClass.rawValue)),
            "`s3` only: the class objects are written in", rule: .storageClasses),
        SchemaKey(
            "lifecycle", node: .list(.keys(lifecycleRuleKeys)), .transitions, .value(.emptyList),
            "`s3` only: transitions by object age, S3's waterfall (never `onezone-ia` to `glacier-ir`; at least 30 days into `standard-ia` and `onezone-ia`)",
            rule: .storageClasses),
        SchemaKey(
            "poll_interval", .duration, .value(.duration(ScenarioDefaults.pollInterval, .s)),
            "`minio`, `s3`: Longhorn's `backupstore-poll-interval` for a target Longhorn backup jobs write to; `0` turns polling off",
            rule: .requests),
        .mapping(
            "series", targetSeriesKeys, .none(nil),
            "`minio`, `s3`: the buckets this target stands for, for `plan calibrate` and `plan alerts`; allowed in both versions, changes no number",
            rule: nil),
    ]

    static let targetSeriesKeys: [SchemaKey] = [
        SchemaKey("buckets", .names("bucket"), .required, "the buckets' names", rule: nil)
    ]

    static let priceKeys: [SchemaKey] = [
        SchemaKey(
            "storage_gb_month", node: .list(.keys(priceTierKeys)), .priceTiers, .derived("built-in"),
            "storage price per GB-month (GB of 2^30 bytes), one price or cumulative tiers", rule: .cost),
        SchemaKey("put_per_1000", .money, .derived("built-in"), "price of 1,000 PUT requests", rule: .cost),
        SchemaKey("get_per_1000", .money, .derived("built-in"), "price of 1,000 GET requests (read by drills in version 2)", rule: .requests),
        SchemaKey("egress_gb", .money, .derived("built-in"), "price of a GB transferred out (drills in version 2)", rule: .drills),
        .mapping(
            "classes", classPricesByClass, .derived("built-in"),
            "prices of the classes other than `standard`, per class; each key optional where the region has built-in prices for the class",
            rule: .storageClasses),
    ]

    static let classPricesByClass: [SchemaKey] = priceClasses.map { name in
        .mapping(name, classPriceKeys, .derived("built-in"), "the prices of `\(name)`", rule: .storageClasses)
    }

    static let classPriceKeys: [SchemaKey] = [
        SchemaKey("storage_gb_month", .money, .derived("built-in"), "storage price per GB-month in the class", rule: .storageClasses),
        SchemaKey("put_per_1000", .money, .derived("built-in"), "price of 1,000 PUT requests into the class", rule: .storageClasses),
        SchemaKey("get_per_1000", .money, .derived("built-in"), "price of 1,000 GET requests", rule: .storageClasses),
        SchemaKey("retrieval_gb", .money, .derived("built-in"), "price of a GB retrieved", rule: .storageClasses),
        SchemaKey(
            "transition_per_1000", .money, .derived("built-in"), "price of 1,000 lifecycle transitions into the class",
            rule: .storageClasses),
        SchemaKey(
            "restore_per_1000", .money, .derived("built-in, or 0"), "price of 1,000 restore requests (archive classes)",
            rule: .storageClasses),
    ]

    static let priceTierKeys: [SchemaKey] = [
        SchemaKey(
            "up_to", .size, .requiredWhen("but in the last tier"), "the cumulative size up to which this tier's price applies",
            rule: .cost),
        SchemaKey("price", .money, .required, "the price per GB-month in this tier", rule: .cost),
    ]

    static let lifecycleRuleKeys: [SchemaKey] = [
        SchemaKey("after", .wholeDays, .required, "the object age of the transition", rule: .storageClasses),
        SchemaKey("class", .words(storageClasses), .required, "the class the object moves to", rule: .storageClasses),
    ]
}
