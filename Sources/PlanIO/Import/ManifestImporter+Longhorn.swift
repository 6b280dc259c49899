import Foundation
import PlanCore

/// Longhorn `RecurringJob`s, its settings (the chart's values up to 1.7 and from 1.8,
/// `Setting` and `BackupTarget` objects) and which volumes each job selects (gitops.md).
extension ManifestImporter {
    struct LonghornSettings {
        var backupTarget: (url: String, source: String, object: ManifestObject, node: YAMLNode?)?
        var credentialSecret: String?
        var pollInterval: (String, String)?
        var compression: (String, String)?
        var replicas: (String, ImportedScenario.Origin) = ("3", .toolDefault("Longhorn default-replica-count"))
    }

    static let longhornBackupTasks = ["backup", "backup-force-create"]
    static let longhornSnapshotTasks = ["snapshot", "snapshot-force-create"]

    mutating func readLonghorn() {
        guard !inventory.recurringJobs.isEmpty else { return }
        let settings = longhornSettings()
        let classes = longhornClasses()
        for job in inventory.recurringJobs { readRecurringJob(job, settings: settings, classes: classes) }
        for o in inventory.claims {
            let l = o.labels()
            if l.keys.contains(where: { $0.hasPrefix("recurring-job") && $0 != "recurring-job.longhorn.io/source" }),
                l["recurring-job.longhorn.io/source"] != "enabled"
            {
                finding(
                    .warning, o, o.node("metadata.labels"), "metadata.labels",
                    "Longhorn copies a PVC's recurring-job labels to its volume only when the PVC is labelled recurring-job.longhorn.io/source: enabled; without it the volume stays in group 'default'",
                    fix: "add the label recurring-job.longhorn.io/source: enabled")
            }
        }
    }

    private func longhornSettings() -> LonghornSettings {
        var s = LonghornSettings()
        if let h = inventory.longhornRelease {
            for (prefix, poll) in [("spec.values.defaultSettings", "backupstorePollInterval"), ("spec.values.defaultBackupStore", "pollInterval")] {
                if let url = h.text(prefix + ".backupTarget"), !url.isEmpty {
                    s.backupTarget = (url, h.source(prefix + ".backupTarget"), h, h.node(prefix + ".backupTarget"))
                }
                if let secret = h.text(prefix + ".backupTargetCredentialSecret") { s.credentialSecret = secret }
                if let p = h.text(prefix + "." + poll) { s.pollInterval = (p, h.source(prefix + "." + poll)) }
            }
            if let c = h.text("spec.values.defaultSettings.backupCompressionMethod") {
                s.compression = (c, h.source("spec.values.defaultSettings.backupCompressionMethod"))
            }
            if let r = h.text("spec.values.defaultSettings.defaultReplicaCount") {
                s.replicas = (Self.replicaCount(r), .manifest(h.source("spec.values.defaultSettings.defaultReplicaCount")))
            } else if let r = h.text("spec.values.persistence.defaultClassReplicaCount") {
                s.replicas = (Self.replicaCount(r), .manifest(h.source("spec.values.persistence.defaultClassReplicaCount")))
            }
        }
        for o in inventory.longhornSettings {
            switch o.name {
            case "backup-target": if let v = o.text("value"), !v.isEmpty { s.backupTarget = (v, o.source("value"), o, o.node("value")) }
            case "backup-target-credential-secret": s.credentialSecret = o.text("value")
            case "backupstore-poll-interval": if let v = o.text("value") { s.pollInterval = (v, o.source("value")) }
            case "backup-compression-method": if let v = o.text("value") { s.compression = (v, o.source("value")) }
            case "default-replica-count": if let v = o.text("value") { s.replicas = (Self.replicaCount(v), .manifest(o.source("value"))) }
            default: continue
            }
        }
        if let t = inventory.longhornBackupTargets.first(where: { $0.name == "default" }) {
            if let url = t.text("spec.backupTargetURL"), !url.isEmpty {
                s.backupTarget = (url, t.source("spec.backupTargetURL"), t, t.node("spec.backupTargetURL"))
            }
            if let c = t.text("spec.credentialSecret") { s.credentialSecret = c }
            if let p = t.text("spec.pollInterval") { s.pollInterval = (p, t.source("spec.pollInterval")) }
        }
        return s
    }

    /// `{"v1":"3","v2":"3"}` (per data engine, newer Longhorn) or `3`.
    static func replicaCount(_ text: String) -> String {
        if let n = Int(text), n >= 1 { return String(n) }
        guard text.hasPrefix("{"), let r = text.range(of: "\"v1\"") else { return "3" }
        let digits = text[r.upperBound...].drop { !$0.isNumber }.prefix { $0.isNumber }
        return digits.isEmpty ? "3" : String(digits)
    }

    /// Storage classes whose volumes are Longhorn volumes; `nil` in the set: the default class.
    private func longhornClasses() -> Set<String?> {
        var out: Set<String?> = ["longhorn"]
        for c in inventory.storageClasses where c.text("provisioner") == "driver.longhorn.io" { out.insert(c.name) }
        let defaultClass = inventory.longhornRelease?.text("spec.values.persistence.defaultClass") ?? "true"
        if defaultClass == "true" { out.insert(nil) }
        return out
    }

    private mutating func readRecurringJob(_ o: ManifestObject, settings: LonghornSettings, classes: Set<String?>) {
        let task = o.text("spec.task") ?? ""
        let isBackup = Self.longhornBackupTasks.contains(task)
        guard isBackup || Self.longhornSnapshotTasks.contains(task) else {
            finding(
                .warning, o, o.node("spec.task"), "spec.task", "task '\(task)' stores no restore point; plan does not model it",
                fix: "nothing to do: plan skips it")
            return
        }
        guard let cron = cron(o, "spec.cron", dialect: .standard, tool: "Longhorn", example: "5 fields: '0 3 * * *'") else { return }
        let name = jobName("longhorn", o.name)
        var entries: [Entry] = [Entry("task", .scalar(isBackup ? "backup" : "snapshot"), .manifest(o.source("spec.task")))]
        entries.append(Entry("schedule", .quoted(cron), .manifest(o.source("spec.cron"))))
        guard let retain = Int(o.text("spec.retain") ?? ""), retain >= 1 else {
            finding(
                .error, o, o.node("spec.retain") ?? o.nameNode, "spec.retain",
                "'\(o.text("spec.retain") ?? "")' is not a number of restore points to keep",
                fix: "write a whole number from 1 to 100; plan skips the job")
            return
        }
        if retain > 100 {
            finding(
                .warning, o, o.node("spec.retain"), "spec.retain",
                "Longhorn caps retain at recurring-job-max-retention (default 100): it keeps 100, not \(retain)",
                fix: "set retain to 100 or less")
        }
        entries.append(Entry("retain", .scalar(String(max(1, min(retain, 100)))), .manifest(o.source("spec.retain"))))
        let groups = o.node("spec.groups")?.texts ?? []
        var volumes: [String] = []
        for c in claims.values.sorted(by: { ($0.namespace, $0.name) < ($1.namespace, $1.name) }) where classes.contains(c.storageClass) {
            guard Self.selects(job: o.name, groups: groups, labels: effectiveLabels(c)) else { continue }
            protected.insert(c.id)
            let w = c.cnpgCluster != nil ? workloadOfClaim[c.id] : volumeWorkload(for: c)
            if let w, !volumes.contains(w) { volumes.append(w) }
        }
        let note =
            groups.isEmpty
            ? "the Longhorn volumes labelled for it (it has no groups)"
            : "the Longhorn volumes in groups \(groups.joined(separator: ", ")) or labelled for it (unlabelled volumes are in 'default')"
        entries.append(
            Entry(
                "volumes", .list(volumes.sorted()),
                .note(note)))
        let disks = targets.longhornDisks(replicas: settings.replicas)
        if !guesses.contains("targets.\(disks).capacity") { guess("targets.\(disks).capacity") }
        if isBackup {
            if let c = settings.compression, ["none", "lz4", "gzip"].contains(c.0) {
                entries.append(Entry("compression", .scalar(c.0), .manifest(c.1)))
            } else {
                entries.append(Entry("compression", .scalar("lz4"), .toolDefault("Longhorn default backup-compression-method")))
            }
            guard let bt = settings.backupTarget, let bucket = Self.bucket(ofURL: bt.url) else {
                finding(
                    .error, o, o.node("spec.task"), "spec.task",
                    settings.backupTarget.map { "backup target '\($0.url)' is not an S3 URL; plan models S3-compatible targets only" }
                        ?? "a backup job but no backup target is configured: Longhorn fails every backup of this job",
                    fix:
                        "set the chart's defaultBackupStore.backupTarget (Longhorn ≥ 1.8) or defaultSettings.backupTarget (≤ 1.7) to s3://BUCKET@REGION/"
                )
                return
            }
            let region = bt.url.split(separator: "@").dropFirst().first.map { String($0.prefix { $0 != "/" }) }
            let endpoint = credentialEndpoint(settings.credentialSecret)
            let target = objectTarget(
                bucket: bucket, endpoint: endpoint, region: endpoint == nil ? region : nil, regionSource: endpoint == nil ? bt.source : nil)
            entries.append(Entry("target", .scalar(target), .manifest(bt.source)))
            entries.append(Entry("snapshot_target", .scalar(disks), .note("Longhorn keeps the last backup's snapshot on the volume")))
            if let p = settings.pollInterval {
                let value = p.0.allSatisfy(\.isNumber) ? p.0 + "s" : p.0
                if (try? ValueSyntax.duration(value).get()) != nil {
                    targets.add(Entry("poll_interval", .scalar(value), .manifest(p.1)), to: target)
                }
            } else {
                targets.add(Entry("poll_interval", .scalar("300s"), .toolDefault("Longhorn default backupstore-poll-interval")), to: target)
            }
        } else {
            entries.append(Entry("target", .scalar(disks), .note("snapshots stay on the cluster's Longhorn disks")))
        }
        longhornJobs.append((name, entries))
    }

    /// The labels Longhorn sees on the volume: a PVC's only with the `source` label.
    private func effectiveLabels(_ c: ImportClaim) -> [String: String] {
        // CNPG's PVCs too: their inheritedMetadata labels reach the volume only with the source label.
        if c.labels["recurring-job.longhorn.io/source"] == "enabled" { return c.labels }
        return [:]
    }

    /// Whether a volume with `labels` is in job `job` (by its name or one of its groups);
    /// a volume with no recurring-job label is in group `default`.
    static func selects(job: String, groups: [String], labels: [String: String]) -> Bool {
        let jobLabels = labels.filter {
            ($0.key.hasPrefix("recurring-job.longhorn.io/") || $0.key.hasPrefix("recurring-job-group.longhorn.io/"))
                && $0.key != "recurring-job.longhorn.io/source" && $0.value == "enabled"
        }
        if jobLabels.isEmpty { return groups.contains("default") }
        if jobLabels["recurring-job.longhorn.io/\(job)"] != nil { return true }
        return groups.contains { jobLabels["recurring-job-group.longhorn.io/\($0)"] != nil }
    }

    /// The endpoint a Longhorn credential secret sets (`AWS_ENDPOINTS`), or nil for AWS.
    private func credentialEndpoint(_ secretName: String?) -> String? {
        guard let secretName, let secret = inventory.secret(secretName, namespace: inventory.longhornRelease?.namespace ?? "") else { return nil }
        if let plain = secret.text("stringData.AWS_ENDPOINTS") { return plain }
        guard let encoded = secret.text("data.AWS_ENDPOINTS") else { return nil }
        if let data = Data(base64Encoded: encoded), let text = String(data: data, encoding: .utf8) { return text }
        return "minio"  // set, but not readable (a placeholder): an endpoint other than AWS
    }
}
