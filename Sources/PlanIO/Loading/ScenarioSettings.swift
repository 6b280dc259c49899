import PlanCore

/// The resolved settings of a scenario as dotted paths and values in scenario syntax
/// (`backups.cnpg.gitea-postgres.retention` → `30d`), defaults filled in. Used to show what
/// differs between two runs, to list a report's settings, and to hash a run's content.
public enum ScenarioSettings {
    /// Every setting, in a fixed order (top level, workloads, jobs by tier, targets,
    /// restore, kpis; names sorted).
    public static func flatten(_ s: Scenario) -> [(path: String, value: String)] {
        var out: [(String, String)] = []
        func add(_ path: String, _ value: String?) { if let value { out.append((path, value)) } }
        add("version", "1")
        add("name", s.name)
        add("description", s.description)
        add("start", s.start.description)
        add("horizon", "\(s.horizonDays)d")
        add("currency", s.currency)
        for w in s.workloads {
            let p = "workloads.\(w.name)."
            add(p + "kind", w.kind.rawValue)
            add(p + "size", size(w.size.bytes))
            add(p + "growth", rate(w.growth))
            add(p + "churn", rate(w.churn))
            if w.kind == .postgres { add(p + "wal", w.wal.map(rate) ?? "growth + churn") }
            add(p + "volume", w.volume.map { size($0.bytes) })
        }
        for j in s.cnpg {
            let p = "backups.cnpg.\(j.name)."
            add(p + "workload", j.workload)
            add(p + "schedule", j.schedule.text)
            add(p + "immediate", j.immediate ? "true" : "false")
            add(p + "retention", "\(j.retentionDays)d")
            switch j.retentionCheck {
            case .afterBackup: add(p + "retention_check", "after-backup")
            case .every(let d): add(p + "retention_check", duration(d.value))
            }
            add(p + "compression", compression(j.compression))
            add(p + "wal_compression", compression(j.walCompression))
            add(p + "archive_timeout", duration(j.archiveTimeout.value))
            add(p + "target", j.target)
        }
        for j in s.velero {
            let p = "backups.velero.\(j.name)."
            add(p + "schedule", j.schedule.text)
            add(p + "ttl", duration(j.ttl.value))
            add(p + "resources", size(j.resources.bytes))
            add(p + "volumes", "[" + j.volumes.joined(separator: ", ") + "]")
            add(p + "mode", j.mode.rawValue)
            add(p + "compression", j.compressionRatio == 1 ? "none" : number(j.compressionRatio))
            add(p + "block_amplification", number(j.blockAmplification))
            add(p + "reclaim_delay", duration(j.reclaimDelay.value))
            add(p + "target", j.target)
        }
        for j in s.longhorn {
            let p = "backups.longhorn.\(j.name)."
            add(p + "task", j.task.rawValue)
            add(p + "schedule", j.schedule.text)
            add(p + "retain", String(j.retain))
            add(p + "volumes", "[" + j.volumes.joined(separator: ", ") + "]")
            add(p + "compression", compression(j.compression))
            add(p + "block_amplification", number(j.blockAmplification))
            add(p + "target", j.target)
        }
        for t in s.targets {
            let p = "targets.\(t.name)."
            add(p + "kind", t.kind.rawValue)
            add(p + "capacity", t.capacity.map { size($0.bytes) })
            if t.kind == .minio {
                add(p + "drives", String(t.drives))
                add(p + "parity", String(t.parity))
            }
            if t.kind == .cluster { add(p + "replicas", String(t.replicas)) }
            add(p + "monthly_cost", number(t.monthlyCost.amount))
            if t.kind == .s3 {
                add(p + "region", t.region)
                if let prices = t.prices {
                    let tiers = prices.storageTiers.map { tier in
                        (tier.upToGB.map { "up to \(number($0)) GB: " } ?? "") + number(tier.price.amount)
                    }
                    add(p + "prices.storage_gb_month", tiers.joined(separator: "; "))
                    add(p + "prices.put_per_1000", number(prices.putPer1000.amount))
                }
            }
            if t.usable != nil { add(p + "alert", percent(t.alert.fraction)) }
            if !t.replicates.isEmpty { add(p + "replicates", "[" + t.replicates.joined(separator: ", ") + "]") }
        }
        add("restore.bandwidth", size(s.restore.bandwidthBytesPerSecond) + "/s")
        add("restore.wal_replay", size(s.restore.walReplayBytesPerSecond) + "/s")
        add("kpis.monthly_budget", s.kpis.monthlyBudget.map { number($0.amount) })
        add("kpis.rpo", s.kpis.rpo.map { duration($0.value) })
        add("kpis.rto", s.kpis.rto.map { duration($0.value) })
        add("kpis.efficiency", s.kpis.efficiency.map { percent($0.fraction) })
        add("kpis.capacity_alert", percent(s.kpis.capacityAlert.fraction))
        add("kpis.volume_alert", percent(s.kpis.volumeAlert.fraction))
        return out.map { (path: $0.0, value: $0.1) }
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
