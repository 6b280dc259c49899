import PlanCore

/// The resolved settings of a scenario as dotted paths and values in scenario syntax
/// (`backups.cnpg.gitea-postgres.retention` → `30d`), defaults filled in. Used to show what
/// differs between two runs, to list a report's settings, and to hash a run's content.
public enum ScenarioSettings {
    /// Every setting, in a fixed order (top level, workloads, jobs by tier, targets,
    /// restore, kpis; names sorted).
    public static func flatten(_ s: Scenario) -> [(path: String, value: String)] {
        var list = SettingList()
        list.add("version", String(s.version))
        let v2 = s.version >= 2
        list.add("name", s.name)
        list.add("description", s.description)
        list.add("start", s.start.description)
        list.add("horizon", "\(s.horizonDays)d")
        list.add("currency", s.currency)
        // The fault settings are listed only in a file that uses a fault key, so that the
        // settings and hash of every other file (version 1 or 2) stay as they were.
        let faults = s.hasFaultKeys
        for w in s.workloads {
            workload(w, into: &list)
            if faults && w.kind == .postgres {
                list.add("workloads.\(w.name).wal_volume", w.walVolume.map { size($0.bytes) })
                list.add("workloads.\(w.name).max_wal_size", size(w.maxWALSize.bytes))
            }
        }
        for j in s.cnpg { cnpg(j, into: &list) }
        for j in s.velero { velero(j, into: &list) }
        for j in s.longhorn {
            longhorn(j, into: &list)
            if v2 { list.add("backups.longhorn.\(j.name).snapshot_target", j.snapshotTarget) }
        }
        for t in s.targets {
            target(t, into: &list)
            if v2 && t.isObjectStore { bucket(t, into: &list) }
        }
        list.add("restore.bandwidth", size(s.restore.bandwidthBytesPerSecond) + "/s")
        list.add("restore.wal_replay", size(s.restore.walReplayBytesPerSecond) + "/s")
        if v2 { list.add("restore.egress_free", size(s.restore.egressFree.bytes)) }
        list.add("kpis.monthly_budget", s.kpis.monthlyBudget.map { number($0.amount) })
        list.add("kpis.rpo", s.kpis.rpo.map { duration($0.value) })
        list.add("kpis.rto", s.kpis.rto.map { duration($0.value) })
        list.add("kpis.efficiency", s.kpis.efficiency.map { percent($0.fraction) })
        if v2 { list.add("kpis.mttr", s.kpis.mttr.map { duration($0.value) }) }
        if faults {
            list.add("kpis.success_rate", s.kpis.successRate.map { percent($0.fraction) })
            list.add("kpis.wal_tolerance", s.kpis.walTolerance.map { duration($0.value) })
        }
        list.add("kpis.capacity_alert", percent(s.kpis.capacityAlert.fraction))
        list.add("kpis.volume_alert", percent(s.kpis.volumeAlert.fraction))
        for d in s.drills {
            let p = "drills.\(d.name)."
            list.add(p + "schedule", d.schedule.text)
            list.add(p + "workload", d.workload)
            list.add(p + "job", d.job)
            list.add(p + "target", d.target)
        }
        for f in s.faults { fault(f, start: s.start, into: &list) }
        return list.items
    }

    /// The settings in the order they are added; an absent value adds nothing.
    struct SettingList {
        var items: [(path: String, value: String)] = []
        mutating func add(_ path: String, _ value: String?) { if let value { items.append((path, value)) } }
    }

    /// A fault's window as UTC date-times (`until` resolved from `for`; none: for ever).
    static func fault(_ f: Fault, start: CivilDate, into list: inout SettingList) {
        let p = "faults.\(f.name)."
        list.add(p + "kind", f.kind.rawValue)
        list.add(p + "job", f.job)
        list.add(p + "target", f.target)
        list.add(p + "from", Format.dateTime(start: start, seconds: f.from))
        list.add(p + "until", f.until.map { Format.dateTime(start: start, seconds: $0) })
    }

    static func workload(_ w: Workload, into list: inout SettingList) {
        let p = "workloads.\(w.name)."
        list.add(p + "kind", w.kind.rawValue)
        list.add(p + "size", size(w.size.bytes))
        list.add(p + "growth", rate(w.growth))
        list.add(p + "churn", rate(w.churn))
        if w.kind == .postgres { list.add(p + "wal", w.wal.map(rate) ?? "growth + churn") }
        list.add(p + "volume", w.volume.map { size($0.bytes) })
    }

    static func cnpg(_ j: CNPGJob, into list: inout SettingList) {
        let p = "backups.cnpg.\(j.name)."
        list.add(p + "workload", j.workload)
        list.add(p + "schedule", j.schedule.text)
        list.add(p + "immediate", j.immediate ? "true" : "false")
        list.add(p + "retention", "\(j.retentionDays)d")
        switch j.retentionCheck {
        case .afterBackup: list.add(p + "retention_check", "after-backup")
        case .every(let d): list.add(p + "retention_check", duration(d.value))
        }
        list.add(p + "compression", compression(j.compression))
        list.add(p + "wal_compression", compression(j.walCompression))
        list.add(p + "archive_timeout", duration(j.archiveTimeout.value))
        list.add(p + "target", j.target)
    }

    static func velero(_ j: VeleroJob, into list: inout SettingList) {
        let p = "backups.velero.\(j.name)."
        list.add(p + "schedule", j.schedule.text)
        list.add(p + "ttl", duration(j.ttl.value))
        list.add(p + "resources", size(j.resources.bytes))
        list.add(p + "volumes", "[" + j.volumes.joined(separator: ", ") + "]")
        list.add(p + "mode", j.mode.rawValue)
        list.add(p + "compression", j.compressionRatio == 1 ? "none" : number(j.compressionRatio))
        list.add(p + "block_amplification", number(j.blockAmplification))
        list.add(p + "reclaim_delay", duration(j.reclaimDelay.value))
        list.add(p + "target", j.target)
    }

    static func longhorn(_ j: LonghornJob, into list: inout SettingList) {
        let p = "backups.longhorn.\(j.name)."
        list.add(p + "task", j.task.rawValue)
        list.add(p + "schedule", j.schedule.text)
        list.add(p + "retain", String(j.retain))
        list.add(p + "volumes", "[" + j.volumes.joined(separator: ", ") + "]")
        list.add(p + "compression", compression(j.compression))
        list.add(p + "block_amplification", number(j.blockAmplification))
        list.add(p + "target", j.target)
    }

    /// The version 2 keys of an object-store target.
    static func bucket(_ t: Target, into list: inout SettingList) {
        let p = "targets.\(t.name)."
        let b = t.bucket
        list.add(p + "versioning", b.versioning ? "true" : "false")
        list.add(p + "noncurrent_expiry", b.noncurrentExpiryDays.map { "\($0)d" })
        list.add(p + "object_lock", b.objectLockDays.map { "\($0)d" })
        if t.kind == .s3 {
            list.add(p + "storage_class", b.storageClass.rawValue)
            let rules = b.lifecycle.map { "{after: \($0.afterDays)d, class: \($0.storageClass.rawValue)}" }
            list.add(p + "lifecycle", "[" + rules.joined(separator: ", ") + "]")
        }
        list.add(p + "poll_interval", duration(b.pollInterval.value))
    }

    static func target(_ t: Target, into list: inout SettingList) {
        let p = "targets.\(t.name)."
        list.add(p + "kind", t.kind.rawValue)
        list.add(p + "capacity", t.capacity.map { size($0.bytes) })
        if t.kind == .minio {
            list.add(p + "drives", String(t.drives))
            list.add(p + "parity", String(t.parity))
        }
        if t.kind == .cluster { list.add(p + "replicas", String(t.replicas)) }
        list.add(p + "monthly_cost", number(t.monthlyCost.amount))
        if t.kind == .s3 {
            list.add(p + "region", t.region)
            if let prices = t.prices {
                let tiers = prices.storageTiers.map { tier in
                    (tier.upToGB.map { "up to \(number($0)) GB: " } ?? "") + number(tier.price.amount)
                }
                list.add(p + "prices.storage_gb_month", tiers.joined(separator: "; "))
                list.add(p + "prices.put_per_1000", number(prices.putPer1000.amount))
            }
        }
        if t.usable != nil { list.add(p + "alert", percent(t.alert.fraction)) }
        if !t.replicates.isEmpty { list.add(p + "replicates", "[" + t.replicates.joined(separator: ", ") + "]") }
    }

    /// A size in the largest IEC or SI unit that writes it exactly, else bytes.
    public static func size(_ bytes: Double) -> String { Format.exactSize(bytes) }

    static func rate(_ r: Rate) -> String {
        switch r {
        case .absolute(let b):
            if b == 0 { return "0" }
            return (b < 0 ? "-" : "") + size(abs(b)) + "/day"
        case .relative(let f, let period):
            let names: [(Double, String)] = [(1, "day"), (7, "week"), (365.25 / 12, "month"), (365.25, "year")]
            if let name = names.first(where: { $0.0 == period })?.1 { return number(f * 100) + "%/" + name }
            return number(f / period * 100) + "%/day"
        }
    }

    /// A duration in the largest units that write it exactly: `30d`, `12h`, `5min`, `1d2h`.
    public static func duration(_ seconds: Double) -> String { Format.exactDuration(seconds) }

    static func compression(_ c: Compression) -> String {
        switch c {
        case .algorithm(let a): return a.rawValue
        case .ratio(let r): return number(r)
        }
    }

    static func percent(_ f: Double) -> String { number(f * 100) + "%" }

    /// A number without trailing zeros (up to 6 decimals).
    public static func number(_ x: Double) -> String { Format.plain(x) }

    /// A stable 64-bit FNV-1a hash of the resolved settings, as 16 hex digits: two runs of
    /// the same resolved scenario have the same hash, whatever the file's layout.
    public static func hash(_ s: Scenario) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for (path, value) in flatten(s) {
            for byte in (path + "=" + value + "\n").utf8 {
                h ^= UInt64(byte)
                h = h &* 0x0000_0100_0000_01B3
            }
        }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
