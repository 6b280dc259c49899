struct VeleroSim {
    struct Volume {
        var workload: Int
        var row: Int
        var chain = ImageChain()
        /// `mode: full`: every stored run's whole size.
        var full = PointQueue<(t: Double, size: Double)>()
        var fullSum = 0.0
    }

    var fires: [Double]
    var next = 0
    let ttl: Double
    let keep: Double  // ttl + reclaim_delay
    let resources: Double
    let ratio: Double
    let amplification: Double
    let fullMode: Bool
    let resourcesRow: Int
    var resourceRuns = PointQueue<Double>()
    var volumes: [Volume]

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
                    while !volumes[v].chain.points.isEmpty && volumes[v].chain.points.first.t + keep <= t {
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
        // Resources: stored while t_k + ttl > now.
        while !resourceRuns.isEmpty && resourceRuns.first + ttl <= now { resourceRuns.popFirst() }
        let points = Double(resourceRuns.count)
        rows[resourcesRow].restorePoints = points
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
                while !volumes[v].chain.points.isEmpty && volumes[v].chain.points.first.t + keep <= now {
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
        return ran
    }

    private func expireFull(_ v: inout Volume, at t: Double) {
        while !v.full.isEmpty && v.full.first.t + keep <= t {
            let p = v.full.popFirst()
            v.fullSum = v.full.isEmpty ? 0 : v.fullSum - p.size
        }
    }
}

// MARK: CNPG
