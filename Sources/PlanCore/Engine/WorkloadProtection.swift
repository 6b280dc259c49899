/// Which jobs protect each workload, and the RPO they give it (model.md "KPIs": `rpo`).
///
/// A workload is protected by a Longhorn job of task `backup` or a Velero job that lists it
/// in `volumes`, or by a CNPG job of that workload; Longhorn snapshots stay on the cluster's
/// own disks and protect nothing.
struct WorkloadProtection {
    /// Per workload, in scenario order: protected by at least one job.
    var protected: [Bool]
    /// Per workload, in scenario order: the worst time between two restore points of its best
    /// job, seconds; `.infinity` when nothing protects it.
    ///
    /// A Longhorn or Velero job offers its longest gap between runs (the whole horizon
    /// when it runs fewer than twice); a CNPG job offers its `archive_timeout` (WAL is
    /// archived continuously), or `.infinity` when it never takes a base backup.
    var rpo: [Double]

    /// The protection of every workload of `s`, from the jobs' fire times `fires`.
    ///
    /// - Complexity: O(runs + jobs × volumes).
    init(_ s: Scenario, fires: JobSchedules) {
        let index = Dictionary(uniqueKeysWithValues: s.workloads.enumerated().map { ($1.name, $0) })
        let horizon = Double(Int64(s.horizonDays) * 86_400)
        var offered = Array(repeating: [Double](), count: s.workloads.count)
        for (j, f) in zip(s.longhorn, fires.longhorn) where j.task == .backup {
            let gap = JobSchedules.longestGap(f, horizon: horizon)
            for w in j.volumes.compactMap({ index[$0] }) { offered[w].append(gap) }
        }
        for (j, f) in zip(s.velero, fires.velero) {
            let gap = JobSchedules.longestGap(f, horizon: horizon)
            for w in j.volumes.compactMap({ index[$0] }) { offered[w].append(gap) }
        }
        for (j, f) in zip(s.cnpg, fires.cnpg) {
            guard let f, let w = index[j.workload] else { continue }
            offered[w].append(f.isEmpty ? .infinity : j.archiveTimeout.value)
        }
        protected = offered.map { !$0.isEmpty }
        rpo = offered.map { $0.min() ?? .infinity }
    }
}
