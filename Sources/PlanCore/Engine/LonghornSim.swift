struct LonghornSim {
    struct Volume {
        var workload: Int
        var row: Int
        var chain = ImageChain()
    }

    var fires: [Double]
    var next = 0
    let retain: Int
    let ratio: Double
    let amplification: Double
    let snapshot: Bool
    let replicas: Double
    var volumes: [Volume]

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
                while volumes[v].chain.points.count > retain { volumes[v].chain.dropOldest() }
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
        }
        return ran
    }
}

// MARK: Velero
