/// Fire times of every job and the row layout, computed once before the daily loop.
struct Prepared {
    let scenario: Scenario
    let layout: RowLayout
    let models: [WorkloadModel]
    var longhorn: [LonghornSim]
    var velero: [VeleroSim]
    var cnpg: [CNPGSim]
    /// Per target: the value rows whose stored bytes it holds (own jobs and replicas).
    let targetSources: [[Int]]
    /// Value rows on their own object-store target (efficiency).
    let efficiencyRows: [Int]
    let rowCount: Int
    /// Per workload: protected by at least one job (RPO/RTO), and which jobs protect it.
    let protected: [Bool]
    let rpo: [Double]
    let warnings: [String]
    /// Per job (`TIER/NAME`, sorted), its own-target value rows.
    let jobGroups: [(job: String, target: String, rows: [Int])]

    /// Fire times in `[0, H)` as seconds, with a run at 0 added for `immediate`; one more
    /// than `Engine.maximumRunsPerJob` when the schedule fires too often.
    static func fireTimes(_ schedule: CronSchedule, start: CivilDate, horizonDays: Int, immediate: Bool) -> [Double] {
        var times = schedule.fireTimes(start: start, horizonSeconds: Int64(horizonDays) * 86_400, limit: Engine.maximumRunsPerJob)
        if immediate && times.first != 0 { times.insert(0, at: 0) }
        return times.map(Double.init)
    }

    static func make(_ s: Scenario, schedules: ScheduleCache? = nil) -> Result<Prepared, Diagnostics> {
        let horizon = Int64(s.horizonDays) * 86_400
        var errors: [Diagnostic] = []
        func fires(_ schedule: CronSchedule, path: String, immediate: Bool = false) -> [Double] {
            let times =
                schedules?.fires(schedule, start: s.start, horizonDays: s.horizonDays, immediate: immediate)
                ?? fireTimes(schedule, start: s.start, horizonDays: s.horizonDays, immediate: immediate)
            if times.count > Engine.maximumRunsPerJob {
                errors.append(
                    Diagnostic(
                        at: .none, path: path,
                        "'\(schedule.text)' fires more than \(Format.grouped(Engine.maximumRunsPerJob)) times within the horizon; at most \(Format.grouped(Engine.maximumRunsPerJob)) runs per job are simulated",
                        suggestion: "use a less frequent schedule or a shorter horizon"))
            }
            return times
        }
        let workloadIndex = Dictionary(uniqueKeysWithValues: s.workloads.enumerated().map { ($1.name, $0) })
        let targetIndex = Dictionary(uniqueKeysWithValues: s.targets.enumerated().map { ($1.name, $0) })
        let models = s.workloads.map(WorkloadModel.init)

        var keys: [JobRowKey] = []
        var protectedBy = Array(repeating: [Double](), count: s.workloads.count)  // RPO candidates
        var protected = Array(repeating: false, count: s.workloads.count)
        var jobTarget: [String: String] = [:]
        var jobRows: [String: [Int]] = [:]
        var warnings: [String] = []
        let horizonSeconds = Double(horizon)

        func neverFires(_ f: [Double], _ schedule: CronSchedule, _ path: String) {
            if f.isEmpty { warnings.append("\(path): '\(schedule.text)' never fires within the horizon: the job takes no backup") }
        }
        func longestGap(_ f: [Double]) -> Double {
            guard f.count >= 2 else { return horizonSeconds }
            var gap = 0.0
            for i in 1..<f.count { gap = max(gap, f[i] - f[i - 1]) }
            return gap
        }
        func addRow(_ job: String, _ tier: Tier, _ target: String, _ workload: String) -> Int {
            let i = keys.count
            keys.append(JobRowKey(job: job, tier: tier, target: target, workload: workload, source: i, isReplica: false))
            jobRows[job, default: []].append(i)
            return i
        }

        var lh: [LonghornSim] = []
        for j in s.longhorn {
            let id = "longhorn/\(j.name)"
            jobTarget[id] = j.target
            let f = fires(j.schedule, path: "backups.longhorn.\(j.name).schedule")
            neverFires(f, j.schedule, "backups.longhorn.\(j.name).schedule")
            if j.volumes.isEmpty { warnings.append("backups.longhorn.\(j.name): volumes is empty: the job backs up nothing") }
            let vols = j.volumes.compactMap { workloadIndex[$0] }.map { w in
                LonghornSim.Volume(workload: w, row: addRow(id, .longhorn, j.target, s.workloads[w].name))
            }
            let replicas = targetIndex[j.target].map { Double(s.targets[$0].replicas) } ?? 1
            lh.append(
                LonghornSim(
                    fires: f, retain: j.retain, ratio: j.task == .snapshot ? 1 : j.compression.dataRatio,
                    amplification: j.blockAmplification, snapshot: j.task == .snapshot, replicas: replicas, volumes: vols))
            if j.task == .backup {
                let gap = longestGap(f)
                for v in vols {
                    protected[v.workload] = true
                    protectedBy[v.workload].append(gap)
                }
            }
        }
        var ve: [VeleroSim] = []
        for j in s.velero {
            let id = "velero/\(j.name)"
            jobTarget[id] = j.target
            let f = fires(j.schedule, path: "backups.velero.\(j.name).schedule")
            neverFires(f, j.schedule, "backups.velero.\(j.name).schedule")
            let resourcesRow = addRow(id, .velero, j.target, "")
            let vols = j.volumes.compactMap { workloadIndex[$0] }.map { w in
                VeleroSim.Volume(workload: w, row: addRow(id, .velero, j.target, s.workloads[w].name))
            }
            ve.append(
                VeleroSim(
                    fires: f, ttl: j.ttl.value, keep: j.ttl.value + j.reclaimDelay.value, resources: j.resources.bytes,
                    ratio: j.compressionRatio, amplification: j.blockAmplification, fullMode: j.mode == .full,
                    resourcesRow: resourcesRow, volumes: vols))
            let gap = longestGap(f)
            for v in vols {
                protected[v.workload] = true
                protectedBy[v.workload].append(gap)
            }
            // At `ttl == gap` the old point expires at the instant of the next run (expiries
            // come first at equal times) and is gone at a day's end (`e > now` keeps it).
            if j.ttl.value <= gap {
                warnings.append(
                    "backups.velero.\(j.name): ttl \(Format.duration(j.ttl.value)) is \(j.ttl.value < gap ? "shorter than" : "as long as") the longest gap between runs (\(Format.duration(gap))): all its restore points can expire before the next run"
                )
            }
        }
        var cn: [CNPGSim] = []
        for j in s.cnpg {
            let id = "cnpg/\(j.name)"
            jobTarget[id] = j.target
            guard let w = workloadIndex[j.workload] else { continue }
            let f = fires(j.schedule, path: "backups.cnpg.\(j.name).schedule", immediate: j.immediate)
            neverFires(f, j.schedule, "backups.cnpg.\(j.name).schedule")
            let row = addRow(id, .cnpg, j.target, j.workload)
            let walRatio = j.walCompression.walRatio
            let check: Double?
            switch j.retentionCheck {
            case .afterBackup: check = nil
            case .every(let d): check = d.value
            }
            cn.append(
                CNPGSim(
                    fires: f, workload: w, row: row, ratio: j.compression.dataRatio, walRatio: walRatio,
                    paddingRatio: walRatio == 1 ? 1 : 0.01,
                    segmentsFloor: j.archiveTimeout.value > 0 ? 86_400 / j.archiveTimeout.value : 0,
                    retention: Double(j.retentionDays) * 86_400, checkInterval: check))
            protected[w] = true
            protectedBy[w].append(f.isEmpty ? .infinity : j.archiveTimeout.value)
            if let warning = j.schedule.cnpgFiveFieldWarning {
                warnings.append("backups.cnpg.\(j.name).schedule: \(warning)")
            }
            if case .algorithm(.none) = j.walCompression {
                warnings.append(
                    "backups.cnpg.\(j.name): wal_compression is none: every forced segment switch (archive_timeout \(Format.duration(j.archiveTimeout.value))) archives a whole 16 MiB file, up to \(Format.bytes(86_400 / max(j.archiveTimeout.value, 1) * walSegment)) a day however little the database writes"
                )
            }
        }
        if !errors.isEmpty { return .failure(Diagnostics(errors)) }

        // Replica rows repeat their original's values under the replicating target.
        let rowCount = keys.count
        for t in s.targets {
            for job in t.replicates {
                for r in jobRows[job] ?? [] {
                    var k = keys[r]
                    k.target = t.name
                    k.isReplica = true
                    keys.append(k)
                }
            }
        }
        var targetSources = Array(repeating: [Int](), count: s.targets.count)
        for k in keys {
            if let t = targetIndex[k.target] { targetSources[t].append(k.source) }
        }
        let efficiencyRows = keys.filter { k in
            !k.isReplica && (targetIndex[k.target].map { s.targets[$0].isObjectStore } ?? false)
                && !(k.tier == .longhorn && s.longhorn.first { "longhorn/\($0.name)" == k.job }?.task == .snapshot)
        }.map(\.source)
        var groups: [String: (target: String, rows: [Int])] = [:]
        for k in keys where !k.isReplica { groups[k.job, default: (k.target, [])].rows.append(k.source) }
        let jobGroups = groups.keys.sorted().map { (job: $0, target: groups[$0]!.target, rows: groups[$0]!.rows) }
        keys.sort { a, b in
            (a.job, a.target, a.workload) < (b.job, b.target, b.workload)
        }

        // Static warnings.
        let cnpgWorkloads = Set(s.cnpg.map(\.workload))
        for (i, w) in s.workloads.enumerated() {
            if !protected[i] {
                warnings.append("workloads.\(w.name): no backup job protects it (snapshots stay on the cluster's own disks)")
            }
            if w.kind == .postgres, let walRate = w.wal {
                let walPerDay = WorkloadModel.affine(walRate).0 + WorkloadModel.affine(walRate).1 * w.size.bytes
                let growthPerDay = WorkloadModel.affine(w.growth).0 + WorkloadModel.affine(w.growth).1 * w.size.bytes
                if walPerDay < growthPerDay {
                    warnings.append(
                        "workloads.\(w.name): wal (\(Format.exactSize(walPerDay))/day) is below growth (\(Format.exactSize(growthPerDay))/day): inserted data is written to the WAL first, so WAL is at least the growth; the figure is probably a guess"
                    )
                }
            }
        }
        for j in s.velero {
            for v in j.volumes where cnpgWorkloads.contains(v) && s.workloads.first(where: { $0.name == v })?.kind == .postgres {
                warnings.append(
                    "backups.velero.\(j.name): file-system backup of '\(v)', which CNPG also protects: a file copy of a running database is not consistent, and it doubles the storage"
                )
            }
        }
        let written = Set(jobTarget.values).union(s.targets.filter { !$0.replicates.isEmpty }.map(\.name))
        for t in s.targets where !written.contains(t.name) {
            warnings.append("targets.\(t.name): no job writes to it or replicates to it")
        }

        let rpo = protectedBy.map { $0.min() ?? .infinity }
        return .success(
            Prepared(
                scenario: s, layout: RowLayout(jobRows: keys, workloads: s.workloads, targets: s.targets), models: models,
                longhorn: lh, velero: ve, cnpg: cn, targetSources: targetSources, efficiencyRows: efficiencyRows,
                rowCount: rowCount, protected: protected, rpo: rpo, warnings: warnings, jobGroups: jobGroups))
    }
}
