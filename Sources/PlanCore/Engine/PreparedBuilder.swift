/// Builds a `Prepared` tier by tier: each job's simulator and its value rows, then the
/// replica rows and the per-target, per-job and efficiency row lists read by the day loop.
struct PreparedBuilder {
    let scenario: Scenario
    /// Workload name → index in `scenario.workloads`.
    let workloadIndex: [String: Int]
    /// Target name → index in `scenario.targets`.
    let targetIndex: [String: Int]
    /// Every value row so far, in creation order (a row's `source` is its index).
    var keys: [JobRowKey] = []
    /// Per job (`TIER/NAME`): its own-target value rows, in creation order.
    var jobRows: [String: [Int]] = [:]
    var longhorn: [LonghornSim] = []
    var velero: [VeleroSim] = []
    var cnpg: [CNPGSim] = []
    /// Version 2 with fault keys: the runs that fail and the WAL volumes, before day 0.
    var faults: FaultTracker?
    /// Version 2 with fault keys: the windows of the faults, by effect.
    var windows: FaultWindows?

    init(_ s: Scenario) {
        scenario = s
        workloadIndex = Dictionary(uniqueKeysWithValues: s.workloads.enumerated().map { ($1.name, $0) })
        targetIndex = Dictionary(uniqueKeysWithValues: s.targets.enumerated().map { ($1.name, $0) })
    }

    /// Adds a value row of `job` on its own target; returns its index.
    mutating func addRow(_ job: String, _ tier: Tier, _ target: String, _ workload: String) -> Int {
        let i = keys.count
        keys.append(JobRowKey(job: job, tier: tier, target: target, workload: workload, source: i, isReplica: false))
        jobRows[job, default: []].append(i)
        return i
    }

    /// Adds Longhorn job `j` firing at `fires` (seconds since start): one row per volume.
    /// A snapshot stores its images uncompressed on the cluster (ratio 1).
    mutating func addLonghorn(_ j: LonghornJob, fires: [Double]) {
        let id = "longhorn/\(j.name)"
        var volumes = j.volumes.compactMap { workloadIndex[$0] }.map { w in
            LonghornSim.Volume(workload: w, row: addRow(id, .longhorn, j.target, scenario.workloads[w].name))
        }
        let replicas = targetIndex[j.target].map { Double(scenario.targets[$0].replicas) } ?? 1
        var sim = LonghornSim(
            fires: fires, retain: j.retain, ratio: j.task == .snapshot ? 1 : j.compression.dataRatio,
            amplification: j.blockAmplification, snapshot: j.task == .snapshot, replicas: replicas, volumes: volumes)
        if scenario.version >= 2, j.task == .backup, let target = j.snapshotTarget {
            // The snapshot's rows: under the cluster target, outside the job's own rows (no
            // replica copies them, and they count for neither RPO, RTO nor efficiency).
            for v in volumes.indices {
                let i = keys.count
                keys.append(
                    JobRowKey(
                        job: id, tier: .longhorn, target: target, workload: scenario.workloads[volumes[v].workload].name, source: i, isReplica: false)
                )
                volumes[v].snapshotRow = i
            }
            sim.volumes = volumes
            sim.snapshotReplicas = targetIndex[target].map { Double(scenario.targets[$0].replicas) } ?? 1
        }
        longhorn.append(sim)
    }

    /// Adds Velero job `j` firing at `fires` (seconds since start): the resources row, then
    /// one row per volume. A point is kept `ttl + reclaim_delay` seconds.
    mutating func addVelero(_ j: VeleroJob, fires: [Double]) {
        let id = "velero/\(j.name)"
        let resourcesRow = addRow(id, .velero, j.target, "")
        let volumes = j.volumes.compactMap { workloadIndex[$0] }.map { w in
            VeleroSim.Volume(workload: w, row: addRow(id, .velero, j.target, scenario.workloads[w].name))
        }
        velero.append(
            VeleroSim(
                fires: fires, ttl: j.ttl.value, keep: j.ttl.value + j.reclaimDelay.value, resources: j.resources.bytes,
                ratio: j.compressionRatio, amplification: j.blockAmplification, fullMode: j.mode == .full,
                resourcesRow: resourcesRow, volumes: volumes))
    }

    /// Adds CNPG job `j` firing at `fires` (seconds since start): one row. A job of an
    /// unknown workload (never in a validated scenario) is skipped.
    ///
    /// Uncompressed WAL pads every forced segment switch to 16 MiB (padding ratio 1);
    /// compressed padding shrinks to 1 %. `archive_timeout` forces at least
    /// `86 400 / archive_timeout` segments a day.
    mutating func addCNPG(_ j: CNPGJob, fires: [Double]) {
        guard let w = workloadIndex[j.workload] else { return }
        let row = addRow("cnpg/\(j.name)", .cnpg, j.target, j.workload)
        let walRatio = j.walCompression.walRatio
        let check: Double?
        switch j.retentionCheck {
        case .afterBackup: check = nil
        case .every(let d): check = d.value
        }
        cnpg.append(
            CNPGSim(
                fires: fires, workload: w, row: row, ratio: j.compression.dataRatio, walRatio: walRatio,
                paddingRatio: walRatio == 1 ? 1 : 0.01,
                segmentsFloor: j.archiveTimeout.value > 0 ? 86_400 / j.archiveTimeout.value : 0,
                retention: Double(j.retentionDays) * 86_400, checkInterval: check))
    }
}
