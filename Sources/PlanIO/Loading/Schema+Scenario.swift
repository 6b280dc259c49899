import PlanCore

/// The top level, `workloads.NAME`, `restore`, `kpis`, `drills.NAME` and `faults.NAME`
/// (scenario.md).
extension Schema {
    static let topLevelKeys: [SchemaKey] = [
        SchemaKey(
            "version", .version, .value(.int(ScenarioDefaults.version)),
            "format version; `2` enables the keys marked v2 and the version 2 rules and outputs", rule: nil),
        SchemaKey("name", .name, .derived("the file name without `.yaml`"), "names the output folder `output/NAME/`", rule: nil),
        SchemaKey("description", .text, .none(nil), "free text", rule: nil),
        SchemaKey("start", .date, .derived("today (UTC)"), "day 0 of the simulation", rule: .time),
        SchemaKey(
            "horizon", .duration, .value(.duration(Seconds(Double(ScenarioDefaults.horizonDays) * 86_400), .d)),
            "how many whole days are simulated: 1 day to 100 years, rounded down to whole days", rule: .time),
        SchemaKey("currency", .text, .value(.text(ScenarioDefaults.currency)), "a label for every amount; nothing is converted", rule: .cost),
        .named("workloads", noun: "workload", workloadKeys, .required, "what is protected: databases and volumes", rule: .workloads),
        .mapping("backups", backupKeys, .required, "the backup jobs, by tool: `cnpg`, `velero`, `longhorn`", rule: nil),
        .named("targets", noun: "target", targetEntryKeys, .required, "where backups are stored", rule: .targets),
        .mapping("restore", restoreKeys, .derived("see its keys"), "the restore speeds RTO is computed with", rule: .kpis),
        .mapping("kpis", kpiKeys, .derived("see its keys"), "what the plan must meet", rule: .kpis),
        .named("drills", noun: "drill", drillKeys, .value(.emptyMap), "scheduled restore tests", rule: .drills),
        .named(
            "faults", noun: "fault", faultKeys, .value(.emptyMap),
            "what-ifs where things go wrong; any fault key adds `faults.csv` and the fault KPI rows", rule: .faults),
    ]

    static let workloadKeys: [SchemaKey] = [
        SchemaKey(
            "kind", .words(workloadKinds), .required,
            "`postgres`: a PostgreSQL database (CNPG protects it; volume tiers may too); `volume`: a plain persistent volume",
            rule: .workloads),
        SchemaKey("size", .size, .required, "logical data size on day 0", rule: .workloads),
        SchemaKey(
            "growth", .rate(signed: true), .value(.rate(ScenarioDefaults.growth)),
            "how the size changes: an absolute rate adds linearly, a relative one compounds", rule: .workloads),
        SchemaKey(
            "churn", .rate(signed: false), .value(.rate(ScenarioDefaults.churn)),
            "bytes rewritten in place per period (not growth); a relative churn is a share of the current size", rule: .workloads),
        SchemaKey("wal", .rate(signed: false), .derived("growth + churn"), "`postgres` only: the WAL bytes generated", rule: .workloads),
        SchemaKey(
            "volume", .size, .none(nil), "capacity of the PVC that holds the data; the day it outgrows it is reported", rule: .kpis),
        SchemaKey(
            "wal_volume", .size, .none("pg_wal shares `volume`"),
            "`postgres` only: the WAL PVC (CNPG `walStorage.size`), which must hold the WAL of an archive outage",
            rule: .walVolume),
        SchemaKey(
            "max_wal_size", .size, .value(.size(ScenarioDefaults.maxWALSize)),
            "`postgres` only: PostgreSQL `max_wal_size`, the steady content of pg_wal", rule: .walVolume),
        .mapping(
            "series", workloadSeriesKeys, .none(nil),
            "where the cluster's metrics for this workload are, for `plan calibrate` and `plan alerts`; allowed in both versions, changes no number",
            rule: nil),
    ]

    static let workloadSeriesKeys: [SchemaKey] = [
        SchemaKey("namespace", .text, .none(nil), "the Kubernetes namespace of the PVC", rule: nil),
        SchemaKey("pvc", .text, .none(nil), "the PersistentVolumeClaim's name", rule: nil),
        SchemaKey("cluster", .text, .none(nil), "the CNPG cluster's name (its WAL metrics)", rule: nil),
    ]

    static let restoreKeys: [SchemaKey] = [
        SchemaKey(
            "bandwidth", .absoluteRate, .value(.bytesPerSecond(ScenarioDefaults.restoreBandwidth)),
            "logical bytes restored per second", rule: .kpis),
        SchemaKey(
            "wal_replay", .absoluteRate, .value(.bytesPerSecond(ScenarioDefaults.walReplay)),
            "WAL bytes replayed per second during point-in-time recovery", rule: .kpis),
        SchemaKey(
            "egress_free", .size, .value(.size(ScenarioDefaults.egressFree)),
            "data transfer out free per calendar month across all `s3` targets (AWS: 100 GB a month per account; `0` when other services use it)",
            rule: .drills),
    ]

    static let kpiKeys: [SchemaKey] = [
        SchemaKey("monthly_budget", .money, .none("no limit"), "the total monthly cost of all targets must stay at or under it", rule: .kpis),
        SchemaKey("rpo", .duration, .none("no limit"), "worst-case data loss per workload", rule: .kpis),
        SchemaKey("rto", .duration, .none("no limit"), "worst-case restore time per workload", rule: .kpis),
        SchemaKey("efficiency", .percent, .none("no limit"), "compression savings of all stored backup data", rule: .kpis),
        SchemaKey("mttr", .duration, .none("no limit"), "mean restore time over all drills", rule: .kpis2),
        SchemaKey("success_rate", .percent, .none("no limit"), "successful runs ÷ scheduled runs, per job", rule: .kpis2),
        SchemaKey(
            "wal_tolerance", .duration, .none("no limit"),
            "the archive outage each WAL volume must hold (hours of WAL at the day's rate)", rule: .kpis2),
        SchemaKey(
            "capacity_alert", .percent, .value(.share(ScenarioDefaults.capacityAlert)),
            "the alert level of every target with a capacity, unless it sets `alert`", rule: .kpis),
        SchemaKey(
            "volume_alert", .percent, .value(.share(ScenarioDefaults.volumeAlert)),
            "the alert level of a workload against its `volume`", rule: .kpis),
    ]

    static let drillKeys: [SchemaKey] = [
        SchemaKey("schedule", .cron(.standard), .required, "when the restore test runs, e.g. monthly `0 4 1 * *`", rule: .drills),
        SchemaKey("workload", .reference("workload"), .required, "the workload restored", rule: .drills),
        SchemaKey(
            "job", .job, .required,
            "the job restored from: a CNPG job of the workload, or a Velero or Longhorn `backup` job with it in `volumes`", rule: .drills),
        SchemaKey(
            "target", .reference("target"), .derived("the job's `target`"),
            "the target read from: the job's own, or one that `replicates` the job", rule: .drills),
    ]

    static let faultKeys: [SchemaKey] = [
        SchemaKey("kind", .words(faultKinds), .required, "what goes wrong", rule: .faults),
        SchemaKey(
            "job", .job, .requiredWhen("but for `target-down`"),
            "the job: any job for `runs-fail` and `retention-stops`, a `cnpg` job for `archive-down`, a `velero` job for `maintenance-stops`",
            rule: .faults),
        SchemaKey(
            "target", .reference("target"), .requiredWhen("for `target-down`"),
            "a `minio` or `s3` target: every upload to it and every read fails in the window", rule: .faults),
        SchemaKey("from", .dateTime, .required, "the start of the window, UTC", rule: .faults),
        SchemaKey(
            "until", .dateTime, .none(nil),
            "the end of the window (excluded); `runs-fail`, `archive-down` and `target-down` need `until` or `for`, the two `-stops` kinds last for ever without",
            rule: .faults),
        SchemaKey("for", .duration, .none(nil), "the length of the window, above 0, instead of `until`", rule: .faults),
    ]
}
