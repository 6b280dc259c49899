import PlanCore

enum Schema {
    static func leaves(_ names: [String]) -> SchemaNode { .keys(names.map { ($0, .value) }) }

    static let workload = ["kind", "size", "growth", "churn", "wal", "volume", "wal_volume", "max_wal_size", "series"]
    static let workloadSeries = ["namespace", "pvc", "cluster"]
    static let targetSeries = ["buckets"]
    static let cnpg = [
        "workload", "schedule", "immediate", "retention", "retention_check", "compression", "wal_compression",
        "archive_timeout", "target",
    ]
    static let velero = [
        "schedule", "ttl", "resources", "volumes", "mode", "compression", "block_amplification", "reclaim_delay", "target",
    ]
    static let longhorn = ["task", "schedule", "retain", "volumes", "compression", "block_amplification", "target", "snapshot_target"]
    static let tiers = ["cnpg", "velero", "longhorn"]
    static let prices = ["storage_gb_month", "put_per_1000", "get_per_1000", "egress_gb", "classes"]
    static let classPrices = ["storage_gb_month", "put_per_1000", "get_per_1000", "retrieval_gb", "transition_per_1000", "restore_per_1000"]
    static let lifecycleRule = ["after", "class"]
    static let drill = ["schedule", "workload", "job", "target"]
    static let fault = ["kind", "job", "target", "from", "until", "for"]
    static let priceTier = ["up_to", "price"]
    static let restore = ["bandwidth", "wal_replay", "egress_free"]
    static let kpis = ["monthly_budget", "rpo", "rto", "efficiency", "mttr", "success_rate", "wal_tolerance", "capacity_alert", "volume_alert"]
    static let targetKeys = [
        "kind", "capacity", "drives", "parity", "replicas", "monthly_cost", "region", "prices", "alert", "replicates", "versioning",
        "noncurrent_expiry", "object_lock", "storage_class", "lifecycle", "poll_interval", "series",
    ]

    /// The keys only a `version: 2` file may use (scenario.md, marked *v2*), wherever they
    /// stand; no version 1 mapping has a key of these names.
    static let version2Keys: Set<String> = [
        "drills", "snapshot_target", "classes", "egress_free", "mttr", "versioning", "noncurrent_expiry", "object_lock",
        "storage_class", "lifecycle", "poll_interval", "faults", "wal_volume", "max_wal_size", "success_rate", "wal_tolerance",
    ]

    static let target: SchemaNode = .keys(
        targetKeys.map { key in
            if key == "series" { return (key, leaves(targetSeries)) }
            guard key == "prices" else { return (key, .value) }
            let classes: SchemaNode = .keys(StorageClass.allCases.dropFirst().map { ($0.rawValue, leaves(classPrices)) })
            return (key, .keys(prices.map { $0 == "classes" ? ($0, classes) : ($0, .value) }))
        })

    static let root: SchemaNode = .keys([
        ("version", .value), ("name", .value), ("description", .value), ("start", .value), ("horizon", .value),
        ("currency", .value),
        (
            "workloads",
            .named(noun: "workload", entry: .keys(workload.map { $0 == "series" ? ($0, leaves(workloadSeries)) : ($0, .value) }))
        ),
        (
            "backups",
            .keys([
                ("cnpg", .named(noun: "cnpg job", entry: leaves(cnpg))),
                ("velero", .named(noun: "velero job", entry: leaves(velero))),
                ("longhorn", .named(noun: "longhorn job", entry: leaves(longhorn))),
            ])
        ),
        ("targets", .named(noun: "target", entry: target)),
        ("restore", leaves(restore)),
        ("kpis", leaves(kpis)),
        ("drills", .named(noun: "drill", entry: leaves(drill))),
        ("faults", .named(noun: "fault", entry: leaves(fault))),
    ])

    static let topLevel = root.keyNames
}
