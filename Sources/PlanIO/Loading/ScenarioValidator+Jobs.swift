import PlanCore

extension ScenarioValidator {
    /// `backups.cnpg.NAME`.
    mutating func cnpgJob(_ entry: YAMLPair, references: inout References) -> CNPGJob? {
        let path = "backups.cnpg." + entry.key
        references.jobs["cnpg/" + entry.key] = (entry.value.pairs?.first { $0.key == "target" }?.value.scalarText, false)
        guard let f = fields(entry.value, anchor: entry.keyNode, path: path, allowed: Schema.cnpg, what: "cnpg job keys")
        else { return nil }
        for key in Schema.requiredKeys(Schema.cnpgKeys) { required(f, key) }
        let workload = workloadReference(f, "workload", references: references, postgresOnly: true)
        let schedule = cron(f, "schedule", dialect: .cnpg, default: ScenarioDefaults.cnpgSchedule)
        let immediate = bool(f, "immediate") ?? ScenarioDefaults.cnpgImmediate
        let retention = parsed(f, "retention", expected: "a retention policy such as '30d'", ValueSyntax.retentionPolicy)
        let retentionCheck = self.retentionCheck(f)
        let compression = self.compression(
            f, "compression", allowed: Schema.cnpgCompressions, offeredBy: "CNPG for base backups")
        let walCompression = self.compression(
            f, "wal_compression", allowed: Schema.cnpgWALCompressions, offeredBy: "CNPG for WAL")
        let archiveTimeout = duration(f, "archive_timeout", positive: true) ?? ScenarioDefaults.archiveTimeout
        let target = targetReference(f, references: references, job: "a cnpg job", needs: .objectStore)
        guard let workload, let schedule, let retention, let target else { return nil }
        var job = CNPGJob(
            name: entry.key, workload: workload, schedule: schedule, immediate: immediate, retentionDays: retention,
            retentionCheck: retentionCheck ?? ScenarioDefaults.cnpgRetentionCheck, compression: compression ?? ScenarioDefaults.cnpgCompression,
            walCompression: walCompression ?? ScenarioDefaults.cnpgWALCompression, archiveTimeout: archiveTimeout, target: target)
        job.scheduleIsDefault = f["schedule"] == nil
        return job
    }

    /// `backups.velero.NAME`.
    mutating func veleroJob(_ entry: YAMLPair, references: inout References) -> VeleroJob? {
        let path = "backups.velero." + entry.key
        references.jobs["velero/" + entry.key] = (entry.value.pairs?.first { $0.key == "target" }?.value.scalarText, false)
        guard let f = fields(entry.value, anchor: entry.keyNode, path: path, allowed: Schema.velero, what: "velero job keys")
        else { return nil }
        for key in Schema.requiredKeys(Schema.veleroKeys) { required(f, key) }
        let schedule = cron(f, "schedule", dialect: .standard, default: nil)
        let ttl = duration(f, "ttl", positive: true) ?? ScenarioDefaults.veleroTTL
        let resources = size(f, "resources") ?? ScenarioDefaults.veleroResources
        let volumes = workloadList(f, "volumes", references: references) ?? []
        let mode = word(f, "mode", among: Schema.veleroModes).flatMap(VeleroMode.init(rawValue:)) ?? ScenarioDefaults.veleroMode
        let compressionRatio = veleroCompression(f) ?? ScenarioDefaults.veleroCompressionRatio
        let amplification = number(f, "block_amplification", atLeast: 1) ?? ScenarioDefaults.blockAmplification
        let reclaimDelay = duration(f, "reclaim_delay") ?? ScenarioDefaults.reclaimDelay
        let target = targetReference(f, references: references, job: "a velero job", needs: .objectStore)
        guard let schedule, let target else { return nil }
        var job = VeleroJob(
            name: entry.key, schedule: schedule, ttl: ttl, resources: resources, volumes: volumes, mode: mode,
            compressionRatio: compressionRatio, blockAmplification: amplification, reclaimDelay: reclaimDelay,
            target: target)
        // Go's time.ParseDuration (Velero's ttl) has no d, w or y.
        if let text = f["ttl"]?.value.scalarText, text.contains(where: { "dwy".contains($0) }) { job.ttlWrittenWithDays = text }
        return job
    }

    /// `backups.longhorn.NAME`.
    mutating func longhornJob(_ entry: YAMLPair, references: inout References) -> LonghornJob? {
        let path = "backups.longhorn." + entry.key
        let taskText = entry.value.pairs?.first { $0.key == "task" }?.value.scalarText
        references.jobs["longhorn/" + entry.key] = (
            entry.value.pairs?.first { $0.key == "target" }?.value.scalarText, taskText == "snapshot"
        )
        guard
            let f = fields(entry.value, anchor: entry.keyNode, path: path, allowed: Schema.longhorn, what: "longhorn job keys")
        else { return nil }
        for key in Schema.requiredKeys(Schema.longhornKeys) { required(f, key) }
        let task: LonghornTask? =
            f["task"] == nil ? ScenarioDefaults.longhornTask : word(f, "task", among: Schema.longhornTasks).flatMap(LonghornTask.init(rawValue:))
        let schedule = cron(f, "schedule", dialect: .standard, default: nil)
        let retain = int(f, "retain", atLeast: 1)
        let volumes = workloadList(f, "volumes", references: references)
        let compression = self.compression(f, "compression", allowed: Schema.longhornCompressions, offeredBy: "Longhorn for backups")
        let amplification = number(f, "block_amplification", atLeast: 1) ?? ScenarioDefaults.blockAmplification
        let needs: TargetNeed? = task.map { $0 == .snapshot ? .cluster : .objectStore }
        let job = task == .snapshot ? "a longhorn snapshot job" : "a longhorn backup job"
        let target = targetReference(f, references: references, job: job, needs: needs)
        let snapshotTarget = self.snapshotTarget(f, task: task, references: references)
        guard let task, let schedule, let retain, let volumes, let target else { return nil }
        return LonghornJob(
            name: entry.key, task: task, schedule: schedule, retain: retain, volumes: volumes,
            compression: compression ?? ScenarioDefaults.longhornCompression, blockAmplification: amplification, target: target,
            snapshotTarget: snapshotTarget)
    }

    /// `snapshot_target` (version 2, `backup` jobs only): a `cluster` target.
    mutating func snapshotTarget(_ f: Fields, task: LonghornTask?, references: References) -> String? {
        guard let pair = f["snapshot_target"] else { return nil }
        if task == .snapshot {
            error(
                pair.keyNode, f.path("snapshot_target"), "a snapshot job keeps its snapshots on its own target",
                suggestion: "remove 'snapshot_target'")
            return nil
        }
        guard let (text, node) = existingTarget(f, "snapshot_target", references: references, expected: "a cluster target name") else {
            return nil
        }
        if let kind = references.targetKinds[text], kind != .cluster {
            error(node, f.path("snapshot_target"), "'\(text)' is a \(kind.rawValue) target; the snapshot stays on the cluster's disks")
            return nil
        }
        return text
    }

    // MARK: - Job values

    /// A cron schedule read as `dialect` reads it; `default` when the key is absent.
    mutating func cron(_ f: Fields, _ key: String, dialect: CronDialect, default fallback: String?) -> CronSchedule? {
        if f[key] == nil {
            guard let fallback, case .success(let schedule) = CronSchedule.parse(fallback, dialect: dialect) else { return nil }
            return schedule
        }
        let example = dialect == .cnpg ? "'0 0 2 * * *'" : "'0 2 * * *'"
        guard let (text, node) = text(f, key, expected: "a cron schedule such as \(example)") else { return nil }
        switch CronSchedule.parse(text, dialect: dialect) {
        case .success(let schedule):
            scheduleNodes[f.path(key)] = node
            return schedule
        case .failure(let failure):
            error(node, f.path(key), failure.message, suggestion: failure.suggestion)
            return nil
        }
    }

    /// CNPG `retention_check`: `after-backup` or a duration above 0.
    mutating func retentionCheck(_ f: Fields) -> RetentionCheck? {
        guard let (text, _) = text(f, "retention_check", expected: "after-backup or a duration such as '30min'") else {
            return nil
        }
        if text == "after-backup" { return .afterBackup }
        return duration(f, "retention_check", positive: true).map(RetentionCheck.every)
    }

    /// A compression algorithm among those the tool offers, or a measured ratio in (0, 1].
    mutating func compression(
        _ f: Fields, _ key: String, allowed: [CompressionAlgorithm], offeredBy tool: String
    ) -> Compression? {
        let names = allowed.map(\.rawValue)
        guard let (text, node) = text(f, key, expected: "\(Self.oneOf(names)) or a measured ratio") else { return nil }
        if Self.looksNumeric(text) {
            return parsed(f, key, expected: "a ratio", ValueSyntax.ratio).map(Compression.ratio)
        }
        if let algorithm = CompressionAlgorithm(rawValue: text), allowed.contains(algorithm) {
            return .algorithm(algorithm)
        }
        let close = Suggest.closest(to: text, among: names).map { "did you mean '\($0)'?" }
        error(
            node, f.path(key),
            "'\(text)' is not a compression offered by \(tool); expected one of \(names.joined(separator: ", ")), or a measured ratio in (0, 1]",
            suggestion: close)
        return nil
    }

    /// Velero `compression`: `none` (1) or a measured ratio. Velero's Kopia uploader sets no
    /// compressor and encrypts, so an algorithm name is an error that says so.
    mutating func veleroCompression(_ f: Fields) -> Double? {
        guard let (text, node) = text(f, "compression", expected: "none or a measured ratio such as 0.9") else {
            return nil
        }
        if text == "none" { return 1 }
        if Self.looksNumeric(text) { return parsed(f, "compression", expected: "a ratio", ValueSyntax.ratio) }
        if CompressionAlgorithm(rawValue: text.lowercased()) != nil {
            error(
                node, f.path("compression"),
                "'\(text)' is not available: Velero's Kopia uploader does not compress (and encrypts, so the store cannot either)",
                suggestion: "give 'none', or a measured ratio in (0, 1] instead")
        } else {
            error(node, f.path("compression"), "expected none or a measured ratio in (0, 1], found '\(text)'")
        }
        return nil
    }

    /// A number written as a ratio would be (`0.35`, `.4`, `1`), as opposed to a name.
    static func looksNumeric(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        return "0123456789.+-".unicodeScalars.contains(first)
    }

    // MARK: - References

    enum TargetNeed {
        case objectStore, cluster
    }

    /// A workload named by a job; a CNPG job's must be `postgres`.
    mutating func workloadReference(_ f: Fields, _ key: String, references: References, postgresOnly: Bool) -> String? {
        guard let (text, node) = text(f, key, expected: "a workload name") else { return nil }
        guard references.workloadSet.contains(text) else {
            error(
                node, f.path(key), "no workload named '\(text)'",
                suggestion: Suggest.suggestion(for: text, among: references.workloadNames, listing: "the workloads are"))
            return nil
        }
        if postgresOnly, references.workloadKinds[text] == .volume {
            error(
                node, f.path(key), "'\(text)' is a volume workload; a cnpg job backs up a postgres workload",
                suggestion: "back up a volume with a velero or longhorn job")
            return nil
        }
        return text
    }

    /// `volumes`: existing workloads, none twice.
    mutating func workloadList(_ f: Fields, _ key: String, references: References) -> [String]? {
        guard let items = list(f, key, of: "workload names", example: "[app-db]") else { return nil }
        var names: [String] = []
        for (name, node) in items {
            guard references.workloadSet.contains(name) else {
                error(
                    node, f.path(key), "no workload named '\(name)'",
                    suggestion: Suggest.suggestion(for: name, among: references.workloadNames, listing: "the workloads are"))
                continue
            }
            names.append(name)
        }
        return names.count == items.count ? names : nil
    }

    /// A job's `target`: it exists and is of the kind the job writes to.
    /// `key`'s value when it names a target of the file; otherwise the error, with the
    /// nearest names.
    mutating func existingTarget(_ f: Fields, _ key: String, references: References, expected: String) -> (String, YAMLNode)? {
        guard let (text, node) = text(f, key, expected: expected) else { return nil }
        guard references.targetSet.contains(text) else {
            error(
                node, f.path(key), "no target named '\(text)'",
                suggestion: Suggest.suggestion(for: text, among: references.targetNames, listing: "the targets are"))
            return nil
        }
        return (text, node)
    }

    mutating func targetReference(_ f: Fields, references: References, job: String, needs: TargetNeed?) -> String? {
        guard let (text, node) = existingTarget(f, "target", references: references, expected: "a target name") else { return nil }
        guard let kind = references.targetKinds[text], let needs else { return text }
        switch needs {
        case .objectStore where kind == .cluster:
            error(
                node, f.path("target"),
                "'\(text)' is a cluster target; \(job) writes to an object store (a minio or s3 target)")
            return nil
        case .cluster where kind != .cluster:
            error(
                node, f.path("target"),
                "'\(text)' is a \(kind.rawValue) target; \(job) stays on the cluster's disks and needs a cluster target")
            return nil
        default:
            return text
        }
    }
}
