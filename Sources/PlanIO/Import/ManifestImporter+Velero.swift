import PlanCore

/// Velero `Schedule` and `BackupStorageLocation` (gitops.md): a `backups.velero` job per
/// Schedule, whose volumes are the PVCs of its namespaces that file-system backup copies.
extension ManifestImporter {
    mutating func readVelero() {
        for s in inventory.schedules { readSchedule(s) }
    }

    private mutating func readSchedule(_ s: ManifestObject) {
        guard let cron = cron(s, "spec.schedule", dialect: .standard, tool: "Velero", example: "5 fields: '0 2 * * *'") else { return }
        let name = jobName("velero", s.name)
        var entries: [Entry] = []
        entries.append(Entry("schedule", .quoted(cron), .manifest(s.source("spec.schedule"))))
        // The schedule's longest gap, as plan alerts measures it (over four years from 2026).
        let gap = (try? CronSchedule.parse(cron, dialect: .standard).get()).map {
            AlertThresholds.longestGap($0, start: CivilDate(year: 2026, month: 1, day: 1))
        }
        let ttlPath = "spec.template.ttl"
        if let ttl = s.text(ttlPath) {
            if !Self.isGoDuration(ttl) {
                let hint = ValueSyntax.duration(ttl).map { "write '\(Format.goDuration($0.value))'" }
                finding(
                    .error, s, s.node(ttlPath), ttlPath, "Velero reads ttl as a Go duration, and '\(ttl)' is not one (Go has no days)",
                    fix: (try? hint.get()) ?? "write hours, such as '720h'")
            }
            if case .success(let d) = ValueSyntax.duration(ttl) {
                entries.append(Entry("ttl", .scalar(Self.isGoDuration(ttl) ? ttl : Format.goDuration(d.value)), .manifest(s.source(ttlPath))))
                if let gap, d.value <= gap {
                    finding(
                        .warning, s, s.node(ttlPath), ttlPath,
                        "ttl \(ttl) is not longer than the schedule's gap of \(Format.duration(gap)): each backup expires before the next one is taken",
                        fix: "set ttl above \(Format.goDuration(gap))")
                }
            }
        } else {
            entries.append(Entry("ttl", .scalar("720h"), .toolDefault("Velero server default")))
        }
        entries.append(Entry("resources", .scalar("10MiB"), .note("plan default: one backup's resource tarball")))
        if s.text("spec.paused") == "true" {
            finding(
                .warning, s, s.node("spec.paused"), "spec.paused", "the Schedule is paused: Velero takes none of its backups",
                fix: "remove 'paused: true' (plan simulates it as if it ran)")
        }
        let volumes = fileSystemVolumes(s)
        entries.append(Entry("volumes", .list(volumes.workloads), volumes.origin))
        let location = s.text("spec.template.storageLocation")
        let bsl = storageLocations().first { l in location.map { l.name == $0 } ?? l.isDefault }
        if let bsl {
            // Velero's AWS plugin takes the region from config.region (a MinIO setup writes
            // any word there, such as 'minio': only an AWS target uses it).
            let target = objectTarget(
                bucket: bsl.bucket, endpoint: bsl.s3Url?.0, region: bsl.region?.0, regionSource: bsl.region?.1, endpointSource: bsl.s3Url?.1)
            entries.append(Entry("target", .scalar(target), .manifest(bsl.bucketSource)))
        } else {
            finding(
                .error, s, s.node("spec.template.storageLocation") ?? s.nameNode, "spec.template.storageLocation",
                location.map { "no BackupStorageLocation '\($0)' in the manifests: Velero fails every backup of this Schedule" }
                    ?? "no default BackupStorageLocation in the manifests",
                fix:
                    "add the BackupStorageLocation to the repository, or to the velero chart's configuration.backupStorageLocation (velero install creates one outside Git)"
            )
            let target = objectTarget(bucket: "velero", endpoint: "minio", region: nil, regionSource: nil)
            entries.append(Entry("target", .scalar(target), .guess("no BackupStorageLocation in the manifests")))
            guess("backups.velero.\(name).target")
        }
        veleroJobs.append((name, entries))
    }

    /// A BackupStorageLocation: an object, or one the velero chart creates from its values.
    struct StorageLocation {
        var name: String
        var bucket: String
        var bucketSource: String
        var isDefault: Bool
        var s3Url: (String, String)?
        var region: (String, String)?
    }

    /// The BackupStorageLocation objects, then those of the `velero` chart's
    /// `configuration.backupStorageLocation` (a list, or one mapping in older charts).
    func storageLocations() -> [StorageLocation] {
        var out: [StorageLocation] = inventory.storageLocations.map { o in
            StorageLocation(
                name: o.name, bucket: o.text("spec.objectStorage.bucket") ?? ImportNames.valid(o.name),
                bucketSource: o.source("spec.objectStorage.bucket"), isDefault: o.text("spec.default") == "true",
                s3Url: o.text("spec.config.s3Url").map { ($0, o.source("spec.config.s3Url")) },
                region: o.text("spec.config.region").map { ($0, o.source("spec.config.region")) })
        }
        for h in inventory.helmReleases where h.text("spec.chart.spec.chart") == "velero" {
            let path = "spec.values.configuration.backupStorageLocation"
            guard let node = h.node(path) else { continue }
            let items = node.pairs != nil ? [node] : node.items
            for (i, item) in items.enumerated() {
                let p = node.pairs != nil ? path : "\(path)[\(i)]"
                func text(_ key: String) -> String? {
                    guard let t = item.descendant(key)?.scalarText, !t.isEmpty, !t.contains("${") else { return nil }
                    return t
                }
                out.append(
                    StorageLocation(
                        name: text("name") ?? "default", bucket: text("bucket") ?? "velero",
                        bucketSource: h.source(of: item.descendant("bucket"), path: p + ".bucket"),
                        isDefault: text("default") == "true" || items.count == 1,
                        s3Url: text("config.s3Url").map { ($0, h.source(of: item.descendant("config.s3Url"), path: p + ".config.s3Url")) },
                        region: text("config.region").map { ($0, h.source(of: item.descendant("config.region"), path: p + ".config.region")) }))
            }
        }
        return out
    }

    /// The workloads file-system backup copies, and where that came from.
    private mutating func fileSystemVolumes(_ s: ManifestObject) -> (workloads: [String], origin: Origin) {
        let included = s.node("spec.template.includedNamespaces")?.texts ?? []
        let namespaces: Set<String>? = included.isEmpty || included.contains("*") ? nil : Set(included)
        let excluded = Set(s.node("spec.template.excludedNamespaces")?.texts ?? [])
        let all = s.text("spec.template.defaultVolumesToFsBackup") == "true"
        var out: [String] = []
        var cnpg: Set<String> = []
        let annotated = annotatedVolumes()
        // labelSelector: Velero backs up what it selects, a PVC by its own labels or its pod's.
        let selectorNode = s.node("spec.template.labelSelector.matchLabels")
        let selector = selectorNode == nil ? nil : selectorNode.textMap
        if let e = s.node("spec.template.labelSelector.matchExpressions") {
            finding(
                .warning, s, e, "spec.template.labelSelector.matchExpressions",
                "plan applies matchLabels only: every PVC of the namespaces is counted as if these expressions matched",
                fix: "check the Velero job's volumes in the scenario by hand")
        }
        for c in claims(in: namespaces, excluding: excluded) {
            let chosen = all ? !annotated.excluded.contains(c.id) : annotated.included.contains(c.id)
            guard chosen else { continue }
            if let selector, !Self.matches(selector, c.labels) && !Self.matches(selector, annotated.podLabels[c.id] ?? [:]) {
                continue
            }
            protected.insert(c.id)
            let workload: String
            if let cluster = c.cnpgCluster {
                cnpg.insert(cluster)
                guard let w = workloadOfClaim[c.id] else { continue }
                workload = w
            } else {
                workload = volumeWorkload(for: c)
            }
            if !out.contains(workload) { out.append(workload) }
        }
        for cluster in cnpg.sorted() {
            finding(
                .warning, s, s.node("spec.template.defaultVolumesToFsBackup") ?? s.node("spec.template"), "spec.template.defaultVolumesToFsBackup",
                "file-system backup copies the volumes of CNPG cluster '\(cluster)' file by file while PostgreSQL runs: an inconsistent copy, stored a second time beside CNPG's own backups",
                fix:
                    "exclude them (annotate the instance pods with backup.velero.io/backup-volumes-excludes: pgdata,pg-wal through the Cluster's inheritedMetadata) and let CNPG back up the database"
            )
        }
        let how =
            all ? "defaultVolumesToFsBackup: true: every PVC of the namespaces" : "the PVCs that pods annotate with backup.velero.io/backup-volumes"
        let whereFrom = namespaces.map { "namespaces \($0.sorted().joined(separator: ", "))" } ?? "all namespaces"
        return (out.sorted(), .note("\(how), \(whereFrom)"))
    }

    /// Claims named by pod annotations: `backup.velero.io/backup-volumes` (opt-in) and
    /// `…-excludes` (opt-out), by pod volume name.
    private func annotatedVolumes() -> (included: Set<String>, excluded: Set<String>, podLabels: [String: [String: String]]) {
        var included: Set<String> = []
        var excluded: Set<String> = []
        var podLabels: [String: [String: String]] = [:]
        for o in inventory.podOwners {
            let template = o.kind == "Pod" ? o.root : (o.kind == "CronJob" ? o.node("spec.jobTemplate.spec.template") : o.node("spec.template"))
            guard let template else { continue }
            let annotations = template.descendant("metadata.annotations").textMap
            let labels = template.descendant("metadata.labels").textMap
            var claimOfVolume: [String: [String]] = [:]
            for v in template.descendant("spec.volumes")?.items ?? [] {
                if let name = v.child("name")?.scalarText, let claim = v.descendant("persistentVolumeClaim.claimName")?.scalarText {
                    claimOfVolume[name] = [claim]
                }
            }
            if o.kind == "StatefulSet" {
                let replicas = Int(o.text("spec.replicas") ?? "1") ?? 1
                for t in o.node("spec.volumeClaimTemplates")?.items ?? [] {
                    if let name = t.descendant("metadata.name")?.scalarText {
                        claimOfVolume[name] = (0..<max(replicas, 0)).map { "\(name)-\(o.name)-\($0)" }
                    }
                }
            }
            for claim in claimOfVolume.values.joined() { podLabels[o.namespace + "/" + claim, default: [:]].merge(labels) { a, _ in a } }
            for (key, into) in [("backup.velero.io/backup-volumes", 0), ("backup.velero.io/backup-volumes-excludes", 1)] {
                for volume in (annotations[key] ?? "").split(separator: ",") {
                    for claim in claimOfVolume[volume.trimmingCharacters(in: .whitespaces)] ?? [] {
                        if into == 0 { included.insert(o.namespace + "/" + claim) } else { excluded.insert(o.namespace + "/" + claim) }
                    }
                }
            }
        }
        return (included, excluded, podLabels)
    }

    /// Whether `labels` hold every `key: value` of `selector`.
    static func matches(_ selector: [String: String], _ labels: [String: String]) -> Bool {
        selector.allSatisfy { labels[$0.key] == $0.value }
    }

    /// A Go `time.ParseDuration` text: `720h`, `1h30m`, `90s`, `0`.
    static func isGoDuration(_ text: String) -> Bool {
        if text == "0" { return true }
        var rest = Substring(text)
        if rest.hasPrefix("-") || rest.hasPrefix("+") { rest = rest.dropFirst() }
        guard !rest.isEmpty else { return false }
        let units = ["ns", "us", "µs", "μs", "ms", "s", "m", "h"]
        while !rest.isEmpty {
            let number = rest.prefix { $0.isNumber || $0 == "." }
            guard !number.isEmpty, number != "." else { return false }
            rest = rest.dropFirst(number.count)
            guard let unit = units.sorted(by: { $0.count > $1.count }).first(where: { rest.hasPrefix($0) }) else { return false }
            rest = rest.dropFirst(unit.count)
        }
        return true
    }
}
