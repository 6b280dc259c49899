/// The faults of a version 2 run (model.md "Version 2: faults"): per job its scheduled and
/// failed runs by day (faults.csv), the `success_rate` KPI, and per `postgres` workload with
/// a CNPG job the occupancy of its WAL volume (`wal_volume_full`, `wal_tolerance`).
struct FaultTracker {
    /// One job: its scheduled runs and which failed, seconds since start.
    struct Job {
        let name: String
        /// The CNPG job's workload (faults.csv `workload`); nil for Longhorn and Velero.
        let workload: Int?
        let scheduled: [Double]
        let failed: [Bool]
        /// CNPG: segments forced a day by `archive_timeout`.
        let segmentsFloor: Double
        /// CNPG: where archiving is down.
        var archiveDown: FaultWindows.Windows? = nil
        /// CNPG: the segment bytes generated since the start of the outage still going on at
        /// the end of the last day (pg_wal's backlog).
        var backlog = 0.0
        var next = 0
        var successes = 0
        var runs = 0
        /// The day of the first run after which the running rate was below the limit.
        var firstBelow: Int?
    }

    var jobs: [Job]
    /// Per workload with a CNPG job and a WAL volume (its own `wal_volume`, or `volume`
    /// shared with the data): the volume, bytes; nil otherwise.
    let walVolume: [Double?]
    /// Per workload: pg_wal shares `volume` with the data.
    let shared: [Bool]
    /// Per workload: `max_wal_size`, bytes.
    let base: [Double]
    /// Per workload: the largest daily occupancy, its first day over the volume, and the
    /// smallest daily outage tolerance with its first day below the limit.
    var peakOccupancy: [Double]
    var firstFull: [Int?]
    var worstTolerance: [Double]
    var firstShort: [Int?]
    /// Per workload: the day's largest backlog over its CNPG jobs, bytes (reset each day).
    var peakBacklog: [Double]
    let successLimit: Double?
    let toleranceLimit: Double?

    /// The tracker of `s`: every job (sorted by `TIER/NAME`) with its scheduled runs and
    /// which fail in `windows`.
    init(_ s: Scenario, scheduled: JobSchedules, windows: FaultWindows) {
        let index = Dictionary(uniqueKeysWithValues: s.workloads.enumerated().map { ($1.name, $0) })
        var jobs: [Job] = []
        func add(_ name: String, _ workload: Int?, _ fires: [Double], floor: Double = 0) {
            jobs.append(
                Job(name: name, workload: workload, scheduled: fires, failed: fires.map { windows.fails(name, at: $0) }, segmentsFloor: floor))
        }
        for (j, f) in zip(s.longhorn, scheduled.longhorn) { add("longhorn/\(j.name)", nil, f) }
        for (j, f) in zip(s.velero, scheduled.velero) { add("velero/\(j.name)", nil, f) }
        for (j, f) in zip(s.cnpg, scheduled.cnpg) {
            guard let f, let w = index[j.workload] else { continue }
            add("cnpg/\(j.name)", w, f, floor: j.archiveTimeout.value > 0 ? 86_400 / j.archiveTimeout.value : 0)
            jobs[jobs.count - 1].archiveDown = windows.archiveDown["cnpg/\(j.name)"]
        }
        self.init(jobs: jobs.sorted { $0.name < $1.name }, scenario: s)
    }

    init(jobs: [Job], scenario s: Scenario) {
        self.jobs = jobs
        let cnpgWorkloads = Set(jobs.compactMap(\.workload))
        walVolume = s.workloads.enumerated().map { w, workload in
            guard cnpgWorkloads.contains(w), workload.kind == .postgres else { return nil }
            return (workload.walVolume ?? workload.volume)?.bytes
        }
        shared = s.workloads.map { $0.walVolume == nil }
        base = s.workloads.map { $0.maxWALSize.bytes }
        peakOccupancy = Array(repeating: 0, count: s.workloads.count)
        firstFull = Array(repeating: nil, count: s.workloads.count)
        worstTolerance = Array(repeating: .infinity, count: s.workloads.count)
        firstShort = Array(repeating: nil, count: s.workloads.count)
        peakBacklog = Array(repeating: 0, count: s.workloads.count)
        successLimit = s.kpis.successRate?.fraction
        toleranceLimit = s.kpis.walTolerance?.value
    }

    /// Day `d`: each job's runs of the day into `rows` (in job order), the running success
    /// rates, and each WAL volume's occupancy and tolerance at the day's end.
    /// - Parameters:
    ///   - workloads: each workload's day (its size at the day's end, bytes).
    ///   - walToday: each workload's WAL written during the day, bytes.
    ///
    /// - Complexity: O(jobs + runs of the day), no allocation.
    mutating func record(day d: Int, workloads: [WorkloadDayValues], walToday: [Double], into rows: inout [FaultDayValues]) {
        let end = Double(d + 1) * 86_400
        for j in jobs.indices {
            var scheduled = 0.0, failed = 0.0
            while jobs[j].next < jobs[j].scheduled.count && jobs[j].scheduled[jobs[j].next] < end {
                let ok = !jobs[j].failed[jobs[j].next]
                jobs[j].next += 1
                scheduled += 1
                jobs[j].runs += 1
                if ok { jobs[j].successes += 1 } else { failed += 1 }
                if let limit = successLimit, jobs[j].firstBelow == nil, Double(jobs[j].successes) / Double(jobs[j].runs) < limit {
                    jobs[j].firstBelow = d
                }
            }
            rows[j].runsScheduled = scheduled
            rows[j].runsFailed = failed
            if let w = jobs[j].workload {
                let (held, peak) = backlog(j, day: d, walToday: walToday[w])
                rows[j].walHeld = held
                rows[j].pgWALPeak = base[w] + peak
                peakBacklog[w] = max(peakBacklog[w], peak)
            }
        }
        for w in walVolume.indices {
            guard let volume = walVolume[w] else { continue }
            let data = shared[w] ? workloads[w].size : 0
            let occupancy = data + base[w] + peakBacklog[w]
            peakBacklog[w] = 0
            if occupancy > peakOccupancy[w] { peakOccupancy[w] = occupancy }
            if firstFull[w] == nil, occupancy > volume { firstFull[w] = d }
            // The largest segment rate over the workload's CNPG jobs.
            var n = 0.0
            for job in jobs where job.workload == w { n = max(n, max(walToday[w] / walSegment, job.segmentsFloor)) }
            let tolerance = n > 0 ? max(0, volume - data - base[w]) / (n * walSegment / 86_400) : .infinity
            if tolerance < worstTolerance[w] { worstTolerance[w] = tolerance }
            if let limit = toleranceLimit, firstShort[w] == nil, tolerance < limit { firstShort[w] = d }
        }
    }

    /// Job `j`'s pg_wal backlog on day `d` (model.md "Archive outages"): the segment bytes
    /// `n × 16 MiB` generated since the start `a` of an outage, pro rata by time within each
    /// day. Returns the backlog at the day's end (0 unless archiving is down then: `a < now ≤
    /// b`) and the day's largest backlog (an outage meeting the day counts at `min(b, now)`).
    mutating func backlog(_ j: Int, day d: Int, walToday: Double) -> (held: Double, peak: Double) {
        guard let windows = jobs[j].archiveDown else { return (0, 0) }
        let start = Double(d) * 86_400, now = start + 86_400
        let rate = max(walToday / walSegment, jobs[j].segmentsFloor) * walSegment / 86_400
        var held = 0.0, peak = 0.0
        for span in windows.spans where span.from < now && span.until > start {
            let carried = span.from < start ? jobs[j].backlog : 0
            let atEnd = carried + rate * (min(span.until, now) - max(span.from, start))
            peak = max(peak, atEnd)
            if span.until >= now { held = atEnd }
        }
        jobs[j].backlog = held
        return (held, peak)
    }

    /// The `success_rate` rows (per job), then `wal_volume_full` and `wal_tolerance` (per
    /// workload with a WAL volume), in kpis.csv order.
    func kpiRows(_ s: Scenario) -> [KPIRow] {
        func date(_ d: Int?) -> CivilDate? { d.map { s.start.adding(days: $0) } }
        var rows: [KPIRow] = []
        for job in jobs {
            let rate: Double? = job.runs > 0 ? Double(job.successes) / Double(job.runs) : nil
            var row = KPIRow(kpi: .successRate, subject: job.name, limit: successLimit, worst: rate, unit: .share, status: .info)
            if let limit = successLimit, let rate {
                row.status = rate < limit ? .fail : .pass
                if row.status == .fail { row.firstFailure = date(job.firstBelow) }
            }
            rows.append(row)
        }
        for (w, workload) in s.workloads.enumerated() {
            guard let volume = walVolume[w] else { continue }
            rows.append(
                KPIRow(
                    kpi: .walVolumeFull, subject: workload.name, limit: volume, worst: peakOccupancy[w], unit: .bytes,
                    status: firstFull[w] == nil ? .pass : .fail, firstFailure: date(firstFull[w])))
        }
        for (w, workload) in s.workloads.enumerated() {
            guard walVolume[w] != nil else { continue }
            var row = KPIRow(
                kpi: .walTolerance, subject: workload.name, limit: toleranceLimit, worst: worstTolerance[w], unit: .seconds, status: .info)
            if toleranceLimit != nil {
                row.status = firstShort[w] == nil ? .pass : .fail
                row.firstFailure = date(firstShort[w])
            }
            rows.append(row)
        }
        return rows
    }
}
