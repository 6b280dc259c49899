/// Per-job simulation state for the three tiers. Each `advance(dayStart:now:…)` applies the
/// job's events with time `< now` in time order and writes the job's rows for the day's end.
/// Nothing here allocates per day once the queues have grown to their working size.

let mib = 1_048_576.0
let walSegment = 16 * mib
/// Kopia's maximum pack size.
let kopiaPack = 20 * mib
/// Longhorn's backup block size.
let longhornBlock = 2 * mib
/// barman-cloud multipart part size, `max(5 MiB, 2 × ⌊100 GiB / 10000⌋)`.
let barmanPart = 21_474_836.0
/// barman-cloud's largest tar file.
let barmanTar = 100 * 1_073_741_824.0

/// What a job contributes to a workload's RTO at the day's end: the minimum is taken.
@inline(__always) func lower(_ rto: inout Double?, _ value: Double) {
    if let r = rto, r <= value { return }
    rto = value
}

// MARK: Longhorn

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

struct CNPGSim {
    struct Base {
        var t: Double
        var raw: Double
        var stored: Double
        var objects: Double
    }

    struct WALGroup {
        /// End of the group's day, seconds.
        var dayEnd: Double
        var raw: Double
        var stored: Double
        var segments: Double
    }

    var fires: [Double]
    var next = 0
    let workload: Int
    let row: Int
    let ratio: Double
    let walRatio: Double
    let paddingRatio: Double
    let segmentsFloor: Double  // Δ / archive_timeout
    let retention: Double  // seconds
    let checkInterval: Double?  // nil: after each backup
    var lastCheck = 0.0
    var bases = PointQueue<Base>()
    var baseRaw = 0.0, baseStored = 0.0, baseObjects = 0.0
    var wal = PointQueue<WALGroup>()
    var walRaw = 0.0, walStored = 0.0, walSegments = 0.0

    mutating func advance(
        dayStart: Double, now: Double, walToday: Double, model: WorkloadModel, rows: inout [JobDayValues],
        rto: inout Double?, restore: RestoreSpeeds
    ) -> Bool {
        var ran = false
        var uploaded = 0.0
        var puts = 0.0
        while next < fires.count && fires[next] < now {
            let t = fires[next]
            next += 1
            ran = true
            if let d = checkInterval { intervalCheck(atOrBefore: t, every: d) }
            let raw = model.size(at: t)
            let stored = raw * ratio
            let objects = (stored / barmanTar).rounded(.up) + 1
            bases.push(Base(t: t, raw: raw, stored: stored, objects: objects))
            baseRaw += raw
            baseStored += stored
            baseObjects += objects
            uploaded += stored
            puts += (stored / barmanPart).rounded(.up) + 3
            if checkInterval == nil { check(now: t) }
        }
        if let d = checkInterval {
            // The latest check strictly before now (one at exactly now belongs to the next day).
            let k = (now / d).rounded(.up) - 1
            if k >= 1 { intervalCheck(atOrBefore: k * d, every: d) }
        }
        // The day's WAL group.
        let n = Swift.max(walToday / walSegment, segmentsFloor)
        let groupRaw = n * walSegment
        let groupStored = walToday * walRatio + (groupRaw - walToday) * paddingRatio
        wal.push(WALGroup(dayEnd: now, raw: groupRaw, stored: groupStored, segments: n))
        walRaw += groupRaw
        walStored += groupStored
        walSegments += n
        uploaded += groupStored
        puts += n

        rows[row].restorePoints = Double(bases.count)
        rows[row].stored = baseStored + walStored
        rows[row].raw = baseRaw + walRaw
        rows[row].objects = baseObjects + walSegments
        rows[row].uploaded = uploaded
        rows[row].putRequests = puts
        if !bases.isEmpty {
            let b = bases.last
            lower(&rto, b.raw / restore.bandwidthBytesPerSecond + model.wal(b.t, now) / restore.walReplayBytesPerSecond)
        }
        return ran
    }

    /// Applies the interval check at the largest multiple of `d` that is `≤ t`, if not yet
    /// applied. Between two runs only the latest check matters: each later check keeps a
    /// subset of what an earlier one kept, and deletes WAL up to its own oldest base.
    private mutating func intervalCheck(atOrBefore t: Double, every d: Double) {
        let c = (t / d).rounded(.down) * d
        if c >= d && c > lastCheck {
            lastCheck = c
            check(now: c)
        }
    }

    /// model.md: keep every base with `t_k ≥ now − retention` and the newest older one;
    /// when a base is deleted, delete the WAL groups whose day ended at or before the
    /// oldest kept base.
    private mutating func check(now: Double) {
        let cutoff = now - retention
        var i = 0
        while i < bases.count && bases[i].t < cutoff { i += 1 }
        let drop = i - 1
        guard drop > 0 else { return }
        for _ in 0..<drop {
            let b = bases.popFirst()
            baseRaw -= b.raw
            baseStored -= b.stored
            baseObjects -= b.objects
        }
        let oldest = bases.first.t
        while !wal.isEmpty && wal.first.dayEnd <= oldest {
            let g = wal.popFirst()
            walRaw -= g.raw
            walStored -= g.stored
            walSegments -= g.segments
        }
        if wal.isEmpty { (walRaw, walStored, walSegments) = (0, 0, 0) }
    }
}
