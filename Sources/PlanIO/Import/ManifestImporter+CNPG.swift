import Foundation
import PlanCore

/// CNPG `Cluster`, `ScheduledBackup` and the Barman Cloud plugin's `ObjectStore`
/// (gitops.md; facts in README "plan import"): a `postgres` workload per Cluster, a
/// `backups.cnpg` job per ScheduledBackup (none: one job with `schedule: never`).
extension ManifestImporter {
    /// The keys of `barmanObjectStore` (and of an ObjectStore's `configuration`) in the CRD.
    static let barmanKeys = [
        "azureCredentials", "data", "destinationPath", "endpointCA", "endpointURL", "googleCredentials", "historyTags",
        "s3Credentials", "serverName", "tags", "wal",
    ]
    static let barmanDataKeys = ["compression", "encryption", "immediateCheckpoint", "jobs", "additionalCommandArgs"]
    static let barmanWALKeys = ["compression", "encryption", "maxParallel", "archiveAdditionalCommandArgs", "restoreAdditionalCommandArgs"]
    static let dataCompressions = ["bzip2", "gzip", "lz4", "snappy"]
    static let walCompressions = ["bzip2", "gzip", "lz4", "snappy", "xz", "zstd"]
    static let barmanPlugin = "barman-cloud.cloudnative-pg.io"

    /// What a Cluster's backups are configured with: in-tree or through an ObjectStore.
    struct BarmanConfig {
        var object: ManifestObject
        /// The path of the configuration mapping (`spec.backup.barmanObjectStore`, `spec.configuration`).
        var path: String
        var retentionPath: String
        var plugin: Bool
    }

    mutating func readClusters() {
        for o in inventory.scheduledBackups {
            if o.text("spec.suspend") == "true" {
                finding(
                    .warning, o, o.node("spec.suspend"), "spec.suspend", "the ScheduledBackup is suspended: CNPG takes none of its backups",
                    fix: "remove 'suspend: true' (plan simulates the schedule as if it ran)")
            }
            let cluster = o.text("spec.cluster.name") ?? ""
            if !inventory.clusters.contains(where: { $0.name == cluster && $0.namespace == o.namespace }) {
                finding(
                    .error, o, o.node("spec.cluster.name") ?? o.nameNode, "spec.cluster.name",
                    "no CNPG Cluster '\(cluster)' in namespace '\(o.namespace)': CNPG takes no backup for this ScheduledBackup",
                    fix: "name a Cluster of the same namespace")
            }
        }
        for o in inventory.clusters { readCluster(o) }
    }

    private mutating func readCluster(_ o: ManifestObject) {
        let name = workloadNames.unique(o.name)
        let path = "workloads.\(name)"
        var entries: [Entry] = [Entry("kind", .scalar("postgres"))]
        let storagePath = o.node("spec.storage.size") != nil ? "spec.storage.size" : "spec.storage.pvcTemplate.resources.requests.storage"
        let volumeText = quantity(o, storagePath)
        let volume = volumeText.flatMap(ImportFigures.quantity)
        let base = volume ?? 10 * 1_073_741_824
        let size = ImportFigures.guessedSize(volume: base)
        let growth = ImportFigures.guessedGrowth(volume: base)
        let volumeNote = volumeText.map { "half of its \($0) volume" } ?? "no storage size in the Cluster"
        entries.append(Entry("size", .scalar(ImportFigures.size(size)), .guess("\(volumeNote); measure it with plan calibrate")))
        entries.append(Entry("growth", .scalar(ImportFigures.dailyRate(growth)), .guess("fills the other half of the volume in a year")))
        entries.append(Entry("churn", .scalar(ImportFigures.guessedChurn), .guess("1% of the data rewritten a day")))
        entries.append(
            Entry("wal", .scalar(ImportFigures.dailyRate(growth + size * ImportFigures.churnShare)), .guess("growth + churn of day 0")))
        for key in ["size", "growth", "churn", "wal"] { guess("\(path).\(key)") }
        if let volumeText {
            entries.append(Entry("volume", .scalar(volumeText), .manifest(o.source(storagePath))))
        }
        let p = o.node("spec.walStorage.size") != nil ? "spec.walStorage.size" : "spec.walStorage.pvcTemplate.resources.requests.storage"
        if let wal = quantity(o, p) {
            entries.append(Entry("wal_volume", .scalar(wal), .manifest(o.source(p))))
        }
        let maxWAL = "spec.postgresql.parameters.max_wal_size"
        if let text = o.text(maxWAL) {
            if let bytes = ImportFigures.postgresSize(text), let wal = ImportFigures.quantity(o.text(p) ?? ""), bytes >= wal {
                finding(
                    .error, o, o.node(maxWAL), maxWAL,
                    "max_wal_size '\(text)' is not below the WAL volume (\(o.text(p) ?? "")): CNPG's webhook rejects the Cluster",
                    fix: "set max_wal_size below walStorage.size, with room for WAL kept for replicas and archiving")
            }
            if let bytes = ImportFigures.postgresSize(text) {
                entries.append(
                    Entry("max_wal_size", .scalar(ImportFigures.size(bytes)), .manifest(o.source(maxWAL) + " (PostgreSQL's GB is 1024 MB)")))
            } else {
                finding(
                    .error, o, o.node(maxWAL), maxWAL, "'\(text)' is not a PostgreSQL size",
                    fix: "write it as '2GB' (PostgreSQL units kB, MB, GB, TB)")
            }
        } else {
            entries.append(Entry("max_wal_size", .scalar("1Gi"), .toolDefault("PostgreSQL default (1GB)")))
        }
        entries.append(Self.series(namespace: o.namespace, ("cluster", o.name)))
        workloads.append((name, entries))
        for suffix in ["", "-wal"] {
            for n in 1...max(Int(o.text("spec.instances") ?? "1") ?? 1, 1) {
                workloadOfClaim[o.namespace + "/\(o.name)-\(n)\(suffix)"] = name
            }
        }

        guard let config = barmanConfig(o) else { return }
        checkBarman(config)
        let all = inventory.scheduledBackups.filter { $0.text("spec.cluster.name") == o.name && $0.namespace == o.namespace }
        let jobs = all.filter { usable($0, cluster: o, config: config) }
        if !all.isEmpty && jobs.isEmpty {
            // Every ScheduledBackup was reported; the cluster still archives WAL.
            cnpgJob(name: jobName("cnpg", o.name), workload: name, cluster: o, scheduled: nil, config: config)
        }
        if all.isEmpty {
            finding(
                .error, o, o.node("spec")?.pair(config.plugin ? "plugins" : "backup")?.keyNode, config.plugin ? "spec.plugins" : "spec.backup",
                "no ScheduledBackup for this cluster: CNPG archives WAL but takes no base backup, and WAL alone cannot be restored",
                fix: "add a ScheduledBackup with spec.cluster.name: \(o.name) (6 fields, seconds first: '0 0 2 * * *' is daily at 02:00)")
            cnpgJob(name: jobName("cnpg", o.name), workload: name, cluster: o, scheduled: nil, config: config)
        }
        for s in jobs {
            cnpgJob(name: jobName("cnpg", s.name), workload: name, cluster: o, scheduled: s, config: config)
        }
    }

    /// Whether a ScheduledBackup takes Barman base backups plan can simulate: a readable
    /// cron, and the method the configuration needs (`plugin` for the Barman Cloud plugin,
    /// `barmanObjectStore` — CNPG's default — in-tree). A `volumeSnapshot` backup stays on
    /// the cluster's storage, which plan does not model: reported and left out.
    private mutating func usable(_ s: ManifestObject, cluster: ManifestObject, config: BarmanConfig) -> Bool {
        guard cron(s, "spec.schedule", dialect: .cnpg, tool: "CNPG", example: "'0 0 2 * * *'") != nil else { return false }
        let method = s.text("spec.method") ?? "barmanObjectStore"
        switch (method, config.plugin) {
        case ("volumeSnapshot", _):
            finding(
                .warning, s, s.node("spec.method"), "spec.method",
                "a volumeSnapshot backup is a CSI snapshot on the cluster's storage, not an object-store backup; plan does not model it",
                fix: "plan leaves this ScheduledBackup out")
            return false
        case ("plugin", false):
            finding(
                .error, s, s.node("spec.method"), "spec.method",
                "method 'plugin', but Cluster \(cluster.name) lists no Barman Cloud plugin: CNPG fails these backups",
                fix: "add the plugin to the Cluster's spec.plugins, or use method barmanObjectStore")
            return false
        case ("barmanObjectStore", true):
            finding(
                .error, s, s.node("spec.method") ?? s.nameNode, "spec.method",
                "the method is barmanObjectStore (CNPG's default), but Cluster \(cluster.name) backs up through the Barman Cloud plugin and has no barmanObjectStore: CNPG fails these backups",
                fix: "set method: plugin and pluginConfiguration.name: \(Self.barmanPlugin)")
            return false
        default:
            return true
        }
    }

    /// The Cluster's Barman configuration: the plugin's ObjectStore, or the in-tree one.
    private mutating func barmanConfig(_ o: ManifestObject) -> BarmanConfig? {
        for (i, plugin) in (o.node("spec.plugins")?.items ?? []).enumerated() where plugin.child("name")?.scalarText == Self.barmanPlugin {
            let storeName = plugin.descendant("parameters.barmanObjectName")?.scalarText ?? ""
            guard let store = inventory.objectStores.first(where: { $0.name == storeName && $0.namespace == o.namespace }) else {
                finding(
                    .error, o, plugin.descendant("parameters.barmanObjectName") ?? plugin, "spec.plugins[\(i)].parameters.barmanObjectName",
                    "no ObjectStore '\(storeName)' in namespace '\(o.namespace)': the Barman Cloud plugin has nowhere to archive",
                    fix: "name an ObjectStore (barmancloud.cnpg.io/v1) of the same namespace")
                return nil
            }
            if plugin.child("enabled")?.scalarText == "false" { continue }
            if plugin.child("isWALArchiver")?.scalarText != "true" {
                finding(
                    .warning, o, plugin.child("name") ?? plugin, "spec.plugins[\(i)].isWALArchiver",
                    "the Barman Cloud plugin archives WAL only with isWALArchiver: true (the default is false): without it there is no point-in-time recovery, and plan's WAL figures do not apply",
                    fix: "set isWALArchiver: true")
            }
            if let r = o.node("spec.backup.retentionPolicy") {
                finding(
                    .warning, o, r, "spec.backup.retentionPolicy",
                    "the Cluster's retentionPolicy applies to the in-tree barmanObjectStore only: with the plugin, CNPG ignores it",
                    fix: "move it to ObjectStore \(store.name)'s spec.retentionPolicy")
            }
            if store.node("spec.retentionPolicy") == nil {
                finding(
                    .warning, store, store.nameNode, "spec.retentionPolicy",
                    "no retentionPolicy: the Barman Cloud plugin deletes no backup and no WAL, and the bucket grows for ever",
                    fix: "set spec.retentionPolicy, e.g. '30d'")
            }
            if let sn = store.root.descendant("spec.configuration")?.pair("serverName") {
                finding(
                    .error, store, sn.keyNode, "spec.configuration.serverName",
                    "the ObjectStore forbids serverName in its configuration (a CEL rule rejects it)",
                    fix: "put serverName in the Cluster's plugin parameters")
            }
            return BarmanConfig(object: store, path: "spec.configuration", retentionPath: "spec.retentionPolicy", plugin: true)
        }
        if o.node("spec.backup.barmanObjectStore") != nil {
            finding(
                .warning, o, o.root.descendant("spec.backup")?.pair("barmanObjectStore")?.keyNode, "spec.backup.barmanObjectStore",
                "the in-tree Barman Cloud support is deprecated and will be removed in CloudNativePG 1.31.0",
                fix: "move the configuration to a Barman Cloud plugin ObjectStore and list the plugin in spec.plugins")
            return BarmanConfig(object: o, path: "spec.backup.barmanObjectStore", retentionPath: "spec.backup.retentionPolicy", plugin: false)
        }
        if let node = o.node("spec.backup.retentionPolicy") {
            finding(
                .warning, o, node, "spec.backup.retentionPolicy", "a retention policy without barmanObjectStore has no effect",
                fix: "configure the object store, or remove it")
        }
        return nil
    }

    /// Keys the CRD does not have, and values outside its enums and patterns.
    private mutating func checkBarman(_ c: BarmanConfig) {
        let o = c.object
        guard let store = o.node(c.path) else { return }
        for pair in store.pairs ?? [] where !Self.barmanKeys.contains(pair.key) {
            let retention = pair.key == "retentionPolicy"
            finding(
                .error, o, pair.keyNode, "\(c.path).\(pair.key)",
                retention
                    ? "the CRD has no 'retentionPolicy' here: CNPG rejects the manifest (or drops the key)"
                    : "the CRD has no key '\(pair.key)' here: CNPG rejects the manifest (kubectl --validate=strict) or drops it",
                fix: retention
                    ? "move it to \(c.retentionPath)"
                    : Suggest.suggestion(for: pair.key, among: Self.barmanKeys, listing: "the keys are") ?? "remove it")
        }
        for (section, keys) in [("data", Self.barmanDataKeys), ("wal", Self.barmanWALKeys)] {
            for pair in store.child(section)?.pairs ?? [] where !keys.contains(pair.key) {
                let retention = pair.key == "retention"
                finding(
                    .error, o, pair.keyNode, "\(c.path).\(section).\(pair.key)",
                    retention
                        ? "the CRD has no '\(section).retention': CNPG keeps backups and WAL by one recovery window, \(c.retentionPath), which covers both"
                        : "the CRD has no key '\(pair.key)' in '\(section)'",
                    fix: retention ? "remove it and set \(c.retentionPath) (e.g. '30d')" : "remove it")
            }
        }
        for (section, allowed) in [("data", Self.dataCompressions), ("wal", Self.walCompressions)] {
            let p = "\(c.path).\(section).compression"
            if let v = o.text(p), !v.isEmpty, !allowed.contains(v) {
                finding(
                    .error, o, o.node(p), p, "'\(v)' is not a \(section) compression of the CRD",
                    fix: "use one of \(allowed.joined(separator: ", ")), or remove it for none")
            }
        }
        let wal = "\(c.path).wal.compression"
        if (o.text(wal) ?? "").isEmpty {
            finding(
                .warning, o,
                o.node(wal) ?? store.pair("wal")?.keyNode
                    ?? o.root.descendant(c.path.split(separator: ".").dropLast().joined(separator: "."))?.pair(
                        String(c.path.split(separator: ".").last ?? ""))?.keyNode, wal,
                "WAL is archived uncompressed: every segment is uploaded whole (16 MiB), and archive_timeout forces a switch on an idle database",
                fix: "set \(wal): gzip (or lz4, snappy, zstd)")
        }
        if let r = o.node(c.retentionPath), let text = r.scalarText, case .failure(let e) = ValueSyntax.retentionPolicy(text) {
            finding(
                .error, o, r, c.retentionPath,
                "'\(text)' does not match the CRD's pattern ^[1-9][0-9]*[dwm]$ (a whole number of days, weeks or months): Kubernetes rejects the manifest",
                fix: e.suggestion.map { $0.replacingOccurrences(of: "did you mean", with: "write").replacingOccurrences(of: "?", with: "") }
                    ?? "write e.g. '30d'")
        }
    }

    /// One `backups.cnpg` job for `scheduled` (nil: `schedule: never`).
    private mutating func cnpgJob(name: String, workload: String, cluster: ManifestObject, scheduled: ManifestObject?, config c: BarmanConfig) {
        let o = c.object
        var entries: [Entry] = [Entry("workload", .scalar(workload))]
        if let s = scheduled {
            let text = s.text("spec.schedule") ?? ""
            entries.append(Entry("schedule", .quoted(text), .manifest(s.source("spec.schedule"))))
            if let imm = s.text("spec.immediate") {
                entries.append(Entry("immediate", .scalar(imm == "true" ? "true" : "false"), .manifest(s.source("spec.immediate"))))
            }
        } else {
            entries.append(Entry("schedule", .scalar("never"), .note("no ScheduledBackup for Cluster \(cluster.name): WAL only")))
        }
        if let r = o.text(c.retentionPath), case .success = ValueSyntax.retentionPolicy(r) {
            entries.append(Entry("retention", .scalar(r), .manifest(o.source(c.retentionPath))))
        } else {
            entries.append(
                Entry("retention", .scalar("3650d"), .note("no valid retentionPolicy: Barman deletes nothing; ten years stand for 'kept forever'")))
        }
        if c.plugin {
            let p = "spec.instanceSidecarConfiguration.retentionPolicyIntervalSeconds"
            if let v = o.text(p), let n = Int(v), n > 0 {
                entries.append(Entry("retention_check", .scalar("\(n)s"), .manifest(o.source(p))))
            } else {
                entries.append(Entry("retention_check", .scalar("1800s"), .toolDefault("Barman Cloud plugin default")))
            }
        } else {
            entries.append(Entry("retention_check", .scalar("after-backup"), .note("the in-tree integration applies retention after each backup")))
        }
        for (key, section) in [("compression", "data"), ("wal_compression", "wal")] {
            let p = "\(c.path).\(section).compression"
            let allowed = section == "data" ? Self.dataCompressions : Self.walCompressions
            if let v = o.text(p), allowed.contains(v) {
                entries.append(Entry(key, .scalar(v), .manifest(o.source(p))))
            } else {
                entries.append(Entry(key, .scalar("none"), .toolDefault("CNPG default: uncompressed")))
            }
        }
        let at = "spec.postgresql.parameters.archive_timeout"
        if let v = cluster.text(at).map({ $0.allSatisfy(\.isNumber) ? $0 + "s" : $0 }), (try? ValueSyntax.duration(v).get()) != nil {
            entries.append(Entry("archive_timeout", .scalar(v), .manifest(cluster.source(at))))
        } else {
            entries.append(Entry("archive_timeout", .scalar("5min"), .toolDefault("CNPG default")))
        }
        let dest = o.text(c.path + ".destinationPath") ?? ""
        let endpoint = o.text(c.path + ".endpointURL")
        let bucket = Self.bucket(ofURL: dest) ?? ImportNames.valid(cluster.name)
        let target = objectTarget(
            bucket: bucket, endpoint: endpoint, region: nil, regionSource: nil, endpointSource: o.source(c.path + ".endpointURL"))
        entries.append(Entry("target", .scalar(target), .manifest(o.source(c.path + (endpoint == nil ? ".destinationPath" : ".endpointURL")))))
        cnpgJobs.append((name, entries))
        for n in 1...max(Int(cluster.text("spec.instances") ?? "1") ?? 1, 1) {
            protected.insert(cluster.namespace + "/\(cluster.name)-\(n)")
        }
    }

}
