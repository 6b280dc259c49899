import PlanCore

enum Schema {
    static func leaves(_ names: [String]) -> SchemaNode { .keys(names.map { ($0, .value) }) }

    static let workload = ["kind", "size", "growth", "churn", "wal", "volume"]
    static let cnpg = [
        "workload", "schedule", "immediate", "retention", "retention_check", "compression", "wal_compression",
        "archive_timeout", "target",
    ]
    static let velero = [
        "schedule", "ttl", "resources", "volumes", "mode", "compression", "block_amplification", "reclaim_delay", "target",
    ]
    static let longhorn = ["task", "schedule", "retain", "volumes", "compression", "block_amplification", "target"]
    static let tiers = ["cnpg", "velero", "longhorn"]
    static let prices = ["storage_gb_month", "put_per_1000", "get_per_1000", "egress_gb"]
    static let priceTier = ["up_to", "price"]
    static let restore = ["bandwidth", "wal_replay"]
    static let kpis = ["monthly_budget", "rpo", "rto", "efficiency", "capacity_alert", "volume_alert"]

    static let target: SchemaNode = .keys([
        ("kind", .value), ("capacity", .value), ("drives", .value), ("parity", .value), ("replicas", .value),
        ("monthly_cost", .value), ("region", .value), ("prices", leaves(prices)), ("alert", .value),
        ("replicates", .value),
    ])

    static let root: SchemaNode = .keys([
        ("version", .value), ("name", .value), ("description", .value), ("start", .value), ("horizon", .value),
        ("currency", .value),
        ("workloads", .named(noun: "workload", entry: leaves(workload))),
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
    ])

    static let topLevel = root.keyNames
}
