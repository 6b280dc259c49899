/// One Longhorn job (model.md "Longhorn"): an incremental image chain per volume, kept to
/// the newest `retain` points; a `backup` uploads to its target, a `snapshot` stays on the
/// cluster's disks (on every replica) and offers no restore.
struct LonghornSim {
    /// One volume of the job and its restore points.
    struct Volume {
        /// Index of the workload in the scenario.
        var workload: Int
        /// The volume's value row.
        var row: Int
        var chain = ImageChain()
        /// Version 2, `snapshot_target`: the row of the snapshot the job keeps on the
        /// cluster's disks.
        var snapshotRow: Int? = nil
    }

    /// Run times, seconds since start, UTC; `next` is the first not yet simulated.
    var fires: [Double]
    var next = 0
    /// Points kept per volume.
    let retain: Int
    /// Stored bytes per raw byte (1 for a snapshot).
    let ratio: Double
    /// Bytes rewritten per byte of churn (block amplification).
    let amplification: Double
    /// `task: snapshot`.
    let snapshot: Bool
    /// The target's replica count: a snapshot's pinned blocks are on each replica.
    let replicas: Double
    /// Version 2: the replica count of the `snapshot_target` (1 without one).
    var snapshotReplicas = 1.0
    /// Version 2 faults: where the job deletes nothing (a run there keeps every older point).
    var retentionStops: FaultWindows.Windows? = nil
    var volumes: [Volume]

    /// Simulates the runs before `now` (seconds since start, a day's end) and writes the
    /// day's rows; a backup offers its newest point to the RTO (`size / bandwidth`,
    /// bandwidth in bytes per second). True when the job ran.
    ///
    /// - Complexity: O(volumes × (1 + runs of the day)), no allocation once the chains are sized.
    mutating func advance(
        now: Double, models: [WorkloadModel], rows: inout [JobDayValues], rto: inout [Double?], bandwidth: Double
    ) -> Bool {
        var ran = false
        for v in volumes.indices {
            rows[volumes[v].row].uploaded = 0
            rows[volumes[v].row].putRequests = 0
        }
        while next < fires.count && fires[next] < now {
            let t = fires[next]
            next += 1
            ran = true
            for v in volumes.indices {
                let w = volumes[v].workload
                let model = models[w]
                let size = model.size(at: t)
                let a = amplification
                let raw = volumes[v].chain.run(t: t, size: size) { a * model.churn($0, t) }
                if retentionStops?.contains(t) != true {
                    while volumes[v].chain.points.count > retain { volumes[v].chain.dropOldest() }
                }
                if !snapshot {
                    let r = volumes[v].row
                    rows[r].uploaded += raw * ratio
                    rows[r].putRequests += (raw / longhornBlock).rounded(.up)
                }
            }
        }
        for v in volumes.indices {
            let chain = volumes[v].chain
            let r = volumes[v].row
            rows[r].restorePoints = Double(chain.points.count)
            if snapshot {
                // Only the old block versions the kept snapshots pin, on every replica.
                let pinned = chain.pinnedSum * replicas
                rows[r].stored = pinned
                rows[r].raw = pinned
                rows[r].objects = 0
            } else {
                let raw = chain.storedRaw
                rows[r].raw = raw
                rows[r].stored = raw * ratio
                rows[r].objects = (raw / longhornBlock).rounded(.up)
                if !chain.points.isEmpty {
                    lower(&rto[volumes[v].workload], chain.points.last.size / bandwidth)
                }
            }
            if let s = volumes[v].snapshotRow { snapshotDay(s, chain: chain, model: models[volumes[v].workload], now: now, rows: &rows) }
        }
        return ran
    }

    /// model.md "A Longhorn backup job's own snapshot": at the day's end, with `K` the newest
    /// run, `min(a · C(t_K, now), size(t_K)) × replicas` (the old block versions the snapshot
    /// pins since the last backup, ratio 1), one restore point, no upload; 0 before the first run.
    @inline(__always)
    func snapshotDay(_ r: Int, chain: ImageChain, model: WorkloadModel, now: Double, rows: inout [JobDayValues]) {
        rows[r].uploaded = 0
        rows[r].putRequests = 0
        rows[r].objects = 0
        guard !chain.points.isEmpty else {
            rows[r].stored = 0
            rows[r].raw = 0
            rows[r].restorePoints = 0
            return
        }
        let k = chain.points.last
        let pinned = min(amplification * model.churn(k.t, now), k.size) * snapshotReplicas
        rows[r].stored = pinned
        rows[r].raw = pinned
        rows[r].restorePoints = 1
    }
}
