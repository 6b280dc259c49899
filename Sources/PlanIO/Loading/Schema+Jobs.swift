import PlanCore

/// `backups.cnpg.NAME`, `backups.velero.NAME`, `backups.longhorn.NAME` (scenario.md).
extension Schema {
    static let backupKeys: [SchemaKey] = [
        .named(
            "cnpg", noun: "cnpg job", cnpgKeys, .value(.emptyMap),
            "CloudNative-PG (Barman Cloud) base backups and WAL archive, one job per cluster", rule: .cnpg),
        .named(
            "velero", noun: "velero job", veleroKeys, .value(.emptyMap),
            "Velero schedules: resources, and file-system backup of volumes through Kopia", rule: .velero),
        .named("longhorn", noun: "longhorn job", longhornKeys, .value(.emptyMap), "Longhorn recurring jobs: backups and snapshots", rule: .longhorn),
    ]

    static let cnpgKeys: [SchemaKey] = [
        SchemaKey("workload", .reference("workload"), .required, "the `postgres` workload backed up", rule: .cnpg),
        SchemaKey(
            "schedule", .cron(.cnpg), .value(.text(ScenarioDefaults.cnpgSchedule)),
            "the ScheduledBackup's schedule of base backups; without it the job is simulated daily, with a warning (CNPG takes none without a ScheduledBackup: write `never` for that)",
            rule: .cnpg),
        SchemaKey(
            "immediate", .bool, .value(.bool(ScenarioDefaults.cnpgImmediate)), "also take a base backup at the start of day 0",
            rule: .cnpg),
        SchemaKey("retention", .retentionPolicy, .required, "CNPG's `retentionPolicy`: the recovery window", rule: .cnpg),
        SchemaKey(
            "retention_check", .retentionCheck, .value(.retentionCheck(ScenarioDefaults.cnpgRetentionCheck)),
            "when old backups are deleted: `after-backup` as the built-in `barmanObjectStore` integration does, or every DURATION as the Barman Cloud plugin does (`retentionPolicyIntervalSeconds`)",
            rule: .cnpg),
        SchemaKey(
            "compression", .compression(cnpgCompressions), .value(.compression(ScenarioDefaults.cnpgCompression)),
            "base-backup (`data`) compression", rule: .compression),
        SchemaKey(
            "wal_compression", .compression(cnpgWALCompressions), .value(.compression(ScenarioDefaults.cnpgWALCompression)),
            "WAL compression", rule: .compression),
        SchemaKey(
            "archive_timeout", .duration, .value(.duration(ScenarioDefaults.archiveTimeout, .min)),
            "PostgreSQL `archive_timeout` as CNPG sets it: a WAL segment switch at least this often", rule: .cnpg),
        SchemaKey("target", .reference("target"), .required, "the object-store target (`minio` or `s3`)", rule: .targets),
    ]

    static let veleroKeys: [SchemaKey] = [
        SchemaKey("schedule", .cron(.standard), .required, "the Schedule's cron", rule: .velero),
        SchemaKey(
            "ttl", .duration, .value(.duration(ScenarioDefaults.veleroTTL, .h)),
            "backup time to live; Velero takes a Go duration (`720h`), so `30d` is read with a warning", rule: .velero),
        SchemaKey(
            "resources", .size, .value(.size(ScenarioDefaults.veleroResources)),
            "the stored size of one backup's resource tarball and metadata", rule: .velero),
        SchemaKey("volumes", .names("workload"), .value(.emptyList), "workloads whose volumes are file-system backed up", rule: .velero),
        SchemaKey(
            "mode", .words(veleroModes), .value(.text(ScenarioDefaults.veleroMode.rawValue)),
            "`incremental`: Kopia deduplicates, only new or changed data is uploaded; `full`: every backup stores every volume whole",
            rule: .velero),
        SchemaKey(
            "compression", .noneOrRatio, .value(.ratio(ScenarioDefaults.veleroCompressionRatio)),
            "Velero's Kopia uploader does not compress (and encrypts, so the store cannot either): an algorithm name is an error; a measured ratio is accepted",
            rule: .compression),
        SchemaKey(
            "block_amplification", .number(atLeast: 1), .value(.number(ScenarioDefaults.blockAmplification)),
            "bytes uploaded per churned byte (Kopia re-uploads whole chunks of about 4 MiB)", rule: .imageChain),
        SchemaKey(
            "reclaim_delay", .duration, .value(.duration(ScenarioDefaults.reclaimDelay, .d)),
            "how long an expired backup's unique data is still stored (Kopia keeps unreferenced content about three maintenance cycles)",
            rule: .velero),
        SchemaKey("target", .reference("target"), .required, "the object-store target (`minio` or `s3`)", rule: .targets),
    ]

    static let longhornKeys: [SchemaKey] = [
        SchemaKey(
            "task", .words(longhornTasks), .value(.text(ScenarioDefaults.longhornTask.rawValue)),
            "`backup` goes to an object-store target, `snapshot` stays on the cluster's disks", rule: .longhorn),
        SchemaKey("schedule", .cron(.standard), .required, "the RecurringJob's cron", rule: .longhorn),
        SchemaKey("retain", .integer(atLeast: 1), .required, "restore points kept per volume", rule: .longhorn),
        SchemaKey("volumes", .names("workload"), .required, "workloads whose volumes the job covers", rule: .longhorn),
        SchemaKey(
            "compression", .compression(longhornCompressions), .value(.compression(ScenarioDefaults.longhornCompression)),
            "backup compression (ignored for snapshots)", rule: .compression),
        SchemaKey(
            "block_amplification", .number(atLeast: 1), .value(.number(ScenarioDefaults.blockAmplification)),
            "changed-block bytes per churned byte (small random writes dirty whole 2 MiB blocks)", rule: .imageChain),
        SchemaKey(
            "target", .reference("target"), .required, "an object-store target for `backup`, a `cluster` target for `snapshot`",
            rule: .targets),
        SchemaKey(
            "snapshot_target", .reference("target"), .none(nil),
            "`backup` jobs only: the `cluster` target whose disks hold the one snapshot per volume the job keeps", rule: .snapshotTarget),
    ]
}
