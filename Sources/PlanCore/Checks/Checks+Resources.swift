/// The warnings about workloads and targets (model.md "Warnings").
extension Checks {
    /// A workload no job protects, or a `postgres` workload whose `wal` is below its growth.
    static func workloadWarnings(_ w: Workload, protected: Bool) -> [String] {
        var out: [String] = []
        if !protected {
            out.append("workloads.\(w.name): no backup job protects it (snapshots stay on the cluster's own disks)")
        }
        if w.kind == .postgres, let walRate = w.wal {
            let walPerDay = WorkloadModel.affine(walRate).0 + WorkloadModel.affine(walRate).1 * w.size.bytes
            let growthPerDay = WorkloadModel.affine(w.growth).0 + WorkloadModel.affine(w.growth).1 * w.size.bytes
            if walPerDay < growthPerDay {
                out.append(
                    "workloads.\(w.name): wal (\(Format.exactSize(walPerDay))/day) is below growth (\(Format.exactSize(growthPerDay))/day): inserted data is written to the WAL first, so WAL is at least the growth; the figure is probably a guess"
                )
            }
        }
        return out
    }

    /// A Velero file-system backup of a `postgres` workload that a CNPG job also protects.
    static func fileSystemCopyWarnings(_ s: Scenario) -> [String] {
        var out: [String] = []
        let cnpgWorkloads = Set(s.cnpg.map(\.workload))
        for j in s.velero {
            for v in j.volumes where cnpgWorkloads.contains(v) && s.workloads.first(where: { $0.name == v })?.kind == .postgres {
                out.append(
                    "backups.velero.\(j.name): file-system backup of '\(v)', which CNPG also protects: a file copy of a running database is not consistent, and it doubles the storage"
                )
            }
        }
        return out
    }

    /// A target that no job writes to and that replicates nothing.
    static func targetWarnings(_ s: Scenario) -> [String] {
        let jobTargets = s.longhorn.map(\.target) + s.velero.map(\.target) + s.cnpg.map(\.target) + s.longhorn.compactMap(\.snapshotTarget)
        let written = Set(jobTargets).union(s.targets.filter { !$0.replicates.isEmpty }.map(\.name))
        return s.targets.filter { !written.contains($0.name) }.map { "targets.\($0.name): no job writes to it or replicates to it" }
    }
}
