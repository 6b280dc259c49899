/// The row lists of a `Prepared`, once every job has its own-target rows.
extension PreparedBuilder {
    /// The prepared run: adds the replica rows, derives the row lists, sorts the layout.
    func build(protection: WorkloadProtection, warnings: [String]?) -> Prepared {
        let s = scenario
        let rowCount = keys.count
        let all = keys + replicaKeys()
        var targetSources = Array(repeating: [Int](), count: s.targets.count)
        for k in all {
            if let t = targetIndex[k.target] { targetSources[t].append(k.source) }
        }
        let sorted = all.sorted { a, b in
            (a.job, a.target, a.workload) < (b.job, b.target, b.workload)
        }
        let book = bucketBook(layout: sorted)
        return Prepared(
            scenario: s,
            layout: RowLayout(
                jobRows: sorted, workloads: s.workloads, targets: s.targets, version: s.version,
                faultJobs: faults?.jobs.map { (job: $0.name, workload: $0.workload.map { s.workloads[$0].name }) }),
            models: s.workloads.map(WorkloadModel.init), longhorn: longhorn, velero: velero, cnpg: cnpg,
            targetSources: Ragged(targetSources), efficiencyRows: efficiencyRows(all), rowCount: rowCount,
            protected: protection.protected, rpo: protection.rpo, warnings: warnings, jobGroups: jobGroups(),
            bucket: book, drills: drillPlans(layout: sorted, book: book), rtoPlans: rtoPlans(layout: sorted, book: book),
            faults: faults)
    }

    /// Replica rows repeat their original's values under each target that `replicates` its job.
    func replicaKeys() -> [JobRowKey] {
        var out: [JobRowKey] = []
        for t in scenario.targets {
            for job in t.replicates {
                for r in jobRows[job] ?? [] {
                    var k = keys[r]
                    k.target = t.name
                    k.isReplica = true
                    out.append(k)
                }
            }
        }
        return out
    }

    /// The value rows the `efficiency` KPI reads: own rows on an object-store target, but
    /// not Longhorn snapshots (which never leave the cluster).
    func efficiencyRows(_ all: [JobRowKey]) -> [Int] {
        let s = scenario
        // Per target, by index (reading the flag, not copying each `Target`, once per row).
        let objectStore = s.targets.map(\.isObjectStore)
        var snapshotJobs = Set<String>()
        for j in s.longhorn.indices where s.longhorn[j].task == .snapshot { snapshotJobs.insert("longhorn/\(s.longhorn[j].name)") }
        var rows: [Int] = []
        rows.reserveCapacity(all.count)
        for k in all where !k.isReplica {
            guard let t = targetIndex[k.target], objectStore[t] else { continue }
            if k.tier == .longhorn && snapshotJobs.contains(k.job) { continue }
            rows.append(k.source)
        }
        return rows
    }

    /// Per job (`TIER/NAME`, sorted): its target and its own-target value rows (not the
    /// rows of its replicas, nor of a Longhorn job's `snapshot_target`), in creation order:
    /// `jobRows` itself, whose every list holds at least one row on the job's target.
    func jobGroups() -> [(job: String, target: String, rows: [Int])] {
        jobRows.sorted { $0.key < $1.key }.map { (job: $0.key, target: keys[$0.value[0]].target, rows: $0.value) }
    }
}
