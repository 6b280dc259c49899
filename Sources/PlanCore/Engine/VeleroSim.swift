/// One Velero job (model.md "Velero"): a resources backup per run, and a Kopia file-system
/// backup of each volume, incremental (an image chain) or `mode: full`.
struct VeleroSim {
    /// One volume of the job and its restore points.
    struct Volume {
        /// Index of the workload in the scenario.
        var workload: Int
        /// The volume's value row.
        var row: Int
        /// The incremental points kept (`mode: incremental`).
        var chain = ImageChain()
        /// `mode: full`: every stored run's time (seconds since start) and whole size (bytes).
        var full = PointQueue<(t: Double, size: Double)>()
        /// Σ size over `full`, bytes.
        var fullSum = 0.0
    }

    /// Run times, seconds since start, UTC; `next` is the first not yet simulated.
    var fires: [Double]
    var next = 0
    /// A restore point's lifetime, seconds; it is restorable while `t + ttl > now`.
    let ttl: Double
    /// `ttl + reclaim_delay`, seconds: how long a point's data stays stored.
    let keep: Double
    /// The resources backup of one run, bytes.
    let resources: Double
    /// Stored bytes per raw byte (Kopia compression).
    let ratio: Double
    /// Bytes rewritten per byte of churn (block amplification).
    let amplification: Double
    /// `mode: full`: every run uploads the whole volume.
    let fullMode: Bool
    /// The job's resources row.
    let resourcesRow: Int
    /// The times of the resources backups still restorable, seconds since start.
    var resourceRuns = PointQueue<Double>()
    var volumes: [Volume]
    /// Version 2 faults: deletions postponed to the end of a `retention-stops` window, and
    /// volume-data deletions to the end of a `maintenance-stops` window (model.md).
    var retentionStops: FaultWindows.Windows? = nil
    var maintenanceStops: FaultWindows.Windows? = nil

    /// When run `tk`'s resources are deleted: at `tk + ttl`, or the end of a
    /// `retention-stops` window it falls in.
    @inline(__always) func resourcesGone(_ tk: Double) -> Double {
        retentionStops?.postponed(tk + ttl) ?? tk + ttl
    }

    /// When run `tk`'s volume data is deleted: `ttl + reclaim_delay` after it, the expiry
    /// postponed by `retention-stops`, then the deletion by `maintenance-stops`.
    @inline(__always) func dataGone(_ tk: Double) -> Double {
        guard retentionStops != nil || maintenanceStops != nil else { return tk + keep }
        let expiry = resourcesGone(tk)
        let deletion = expiry + (keep - ttl)
        return maintenanceStops?.postponed(deletion) ?? deletion
    }

    /// Simulates the runs before `now` (seconds since start, a day's end) and writes the
    /// day's rows; offers each volume's newest restorable point to its workload's RTO
    /// (`size / bandwidth`, bandwidth in bytes per second). True when the job ran.
    ///
    /// - Complexity: O(volumes + runs of the day + points expired), no allocation once the
    ///   queues are sized.
    mutating func advance(
        now: Double, models: [WorkloadModel], rows: inout [JobDayValues], rto: inout [Double?], bandwidth: Double
    ) -> Bool {
        var ran = false
        rows[resourcesRow].uploaded = 0
        rows[resourcesRow].putRequests = 0
        for v in volumes.indices {
            rows[volumes[v].row].uploaded = 0
            rows[volumes[v].row].putRequests = 0
        }
        while next < fires.count && fires[next] < now {
            let t = fires[next]
            next += 1
            ran = true
            resourceRuns.push(t)
            rows[resourcesRow].uploaded += resources
            rows[resourcesRow].putRequests += 10
            for v in volumes.indices {
                let model = models[volumes[v].workload]
                let size = model.size(at: t)
                let storedUpload: Double
                if fullMode {
                    expireFull(&volumes[v], at: t)
                    volumes[v].full.push((t, size))
                    volumes[v].fullSum += size
                    storedUpload = size * ratio
                } else {
                    // Expiries at equal times come first: data kept until t_j + ttl + reclaim.
                    while !volumes[v].chain.points.isEmpty && dataGone(volumes[v].chain.points.first.t) <= t {
                        volumes[v].chain.dropOldest()
                    }
                    let a = amplification
                    let raw = volumes[v].chain.run(t: t, size: size) { a * model.churn($0, t) }
                    storedUpload = raw * ratio
                }
                let r = volumes[v].row
                rows[r].uploaded += storedUpload
                rows[r].putRequests += (storedUpload / kopiaPack).rounded(.up) + 2
            }
        }
        report(now: now, rows: &rows, rto: &rto, bandwidth: bandwidth)
        return ran
    }

    /// Writes the job's rows at `now` (seconds since start, a day's end), after expiring
    /// what is no longer kept, and offers the newest restorable points to the RTO.
    @inline(__always)
    private mutating func report(now: Double, rows: inout [JobDayValues], rto: inout [Double?], bandwidth: Double) {
        // Resources: stored until deleted (t_k + ttl, or postponed), restorable while t_k + ttl > now.
        while !resourceRuns.isEmpty && resourcesGone(resourceRuns.first) <= now { resourceRuns.popFirst() }
        let points = Double(resourceRuns.count)
        var expired = 0
        while expired < resourceRuns.count && resourceRuns[expired] + ttl <= now { expired += 1 }
        rows[resourcesRow].restorePoints = points - Double(expired)
        rows[resourcesRow].stored = points * resources
        rows[resourcesRow].raw = points * resources
        rows[resourcesRow].objects = 10 * points
        for v in volumes.indices {
            let r = volumes[v].row
            var storedPoints = 0
            var restorePoints = 0
            var raw = 0.0
            var newest: (t: Double, size: Double)? = nil
            if fullMode {
                expireFull(&volumes[v], at: now)
                let q = volumes[v].full
                storedPoints = q.count
                raw = volumes[v].fullSum
                for i in 0..<q.count where q[i].t + ttl > now { restorePoints += 1 }
                if storedPoints > 0 { newest = q.last }
            } else {
                while !volumes[v].chain.points.isEmpty && dataGone(volumes[v].chain.points.first.t) <= now {
                    volumes[v].chain.dropOldest()
                }
                let q = volumes[v].chain.points
                storedPoints = q.count
                raw = volumes[v].chain.storedRaw
                var i = 0
                while i < q.count && q[i].t + ttl <= now { i += 1 }
                restorePoints = q.count - i
                if storedPoints > 0 { newest = (q.last.t, q.last.size) }
            }
            let stored = raw * ratio
            rows[r].restorePoints = Double(restorePoints)
            rows[r].raw = raw
            rows[r].stored = stored
            rows[r].objects = (stored / kopiaPack).rounded(.up) + 2 * Double(storedPoints)
            // The newest restore point, if it has not expired (t + ttl > now).
            if let n = newest, n.t + ttl > now {
                lower(&rto[volumes[v].workload], n.size / bandwidth)
            }
        }
    }

    /// Deletes the `mode: full` points of `v` whose data is no longer kept at `t`
    /// (`t_k + keep ≤ t`).
    private func expireFull(_ v: inout Volume, at t: Double) {
        while !v.full.isEmpty && dataGone(v.full.first.t) <= t {
            let p = v.full.popFirst()
            v.fullSum = v.full.isEmpty ? 0 : v.fullSum - p.size
        }
    }
}
