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

    /// The protection of every workload of `s`, from the jobs' successful runs `fires` and,
    /// with faults, their `scheduled` runs (model.md "Failed runs": the longest gap of the
    /// list first scheduled run, successful runs, last scheduled run; infinite when every
    /// scheduled run failed).
    ///
    /// - Complexity: O(runs + jobs × volumes).
    init(_ s: Scenario, fires: JobSchedules, scheduled: JobSchedules? = nil, windows: FaultWindows? = nil) {
        let index = Dictionary(uniqueKeysWithValues: s.workloads.enumerated().map { ($1.name, $0) })
        let horizon = Double(Int64(s.horizonDays) * 86_400)
        var offered = Array(repeating: [Double](), count: s.workloads.count)
        func gap(_ successful: [Double], _ all: [Double]?) -> Double {
            guard let all, all.count != successful.count else { return JobSchedules.longestGap(successful, horizon: horizon) }
            if successful.isEmpty { return all.isEmpty ? horizon : .infinity }
            guard let first = all.first, let last = all.last, all.count >= 2 else { return horizon }
            return JobSchedules.longestGap([first] + successful + [last], horizon: horizon)
        }
        // Without faults every run succeeds, so the gap is that of the times, kept with them
        // when they came from a sweep's `ScheduleCache` (`fires.gaps`).
        for (i, (j, f)) in zip(s.longhorn, fires.longhorn).enumerated() where j.task == .backup {
            let g = fires.gaps?.longhorn[i] ?? gap(f, scheduled?.longhorn[i])
            for w in j.volumes.compactMap({ index[$0] }) { offered[w].append(g) }
        }
        for (i, (j, f)) in zip(s.velero, fires.velero).enumerated() {
            let g = fires.gaps?.velero[i] ?? gap(f, scheduled?.velero[i])
            for w in j.volumes.compactMap({ index[$0] }) { offered[w].append(g) }
        }
        for (j, f) in zip(s.cnpg, fires.cnpg) {
            guard let f, let w = index[j.workload] else { continue }
            // With an archive outage, a loss of the primary loses every unarchived segment:
            // max(archive_timeout, the longest outage, clipped to the horizon).
            let outage = windows?.archiveDown["cnpg/\(j.name)"]?.spans.map { min($0.until, horizon) - max($0.from, 0) }.max() ?? 0
            offered[w].append(f.isEmpty ? .infinity : max(j.archiveTimeout.value, outage))
        }
        protected = offered.map { !$0.isEmpty }
        rpo = offered.map { $0.min() ?? .infinity }
    }
}
