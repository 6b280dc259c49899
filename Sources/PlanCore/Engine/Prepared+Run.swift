/// The daily loop: jobs, workloads, targets, months and KPI trackers, one day at a time.
extension Prepared {
    /// The trace key of every job, in loop order (Longhorn, Velero, CNPG).
    func traceKeys() -> [TraceKey] {
        let s = scenario
        let replicas = Dictionary(uniqueKeysWithValues: s.targets.map { ($0.name, $0.replicas) })
        var keys: [TraceKey] = []
        for (i, j) in s.longhorn.enumerated() {
            keys.append(
                TraceKey(
                    job: .longhorn(j, replicas: replicas[j.target] ?? 1), workloads: longhorn[i].volumes.map { s.workloads[$0.workload] },
                    restore: s.restore, start: s.start, horizonDays: s.horizonDays))
        }
        for (i, j) in s.velero.enumerated() {
            keys.append(
                TraceKey(
                    job: .velero(j), workloads: velero[i].volumes.map { s.workloads[$0.workload] }, restore: s.restore, start: s.start,
                    horizonDays: s.horizonDays))
        }
        for (i, j) in s.cnpg.enumerated() {
            keys.append(
                TraceKey(job: .cnpg(j), workloads: [s.workloads[cnpg[i].workload]], restore: s.restore, start: s.start, horizonDays: s.horizonDays))
        }
        return keys
    }

    mutating func run<S: SimulationSink>(into sink: inout S, traces: TraceCache? = nil) -> SimulationResult {
        let s = scenario
        let bandwidth = s.restore.bandwidthBytesPerSecond
        let nW = s.workloads.count, nT = s.targets.count
        sink.begin(layout)

        var rows = DayRows(
            day: 0, date: s.start, jobs: Array(repeating: JobDayValues(), count: rowCount),
            workloads: Array(repeating: WorkloadDayValues(), count: nW), targetUsed: Array(repeating: 0, count: nT))
        var rto = [Double?](repeating: nil, count: nW)
        var walToday = [Double](repeating: 0, count: nW)
        var ranYet = [Bool](repeating: false, count: nW)
        // Which workloads each job protects, to mark the first run.
        let lhProtects = longhorn.map { $0.snapshot ? [] : $0.volumes.map(\.workload) }
        let veProtects = velero.map { $0.volumes.map(\.workload) }

        // Traces: per job (loop order), its rows, the workloads whose RTO it offers, and a
        // cached trace to copy or a buffer to record one.
        let jobCount = longhorn.count + velero.count + cnpg.count
        let jobRows: [[Int]] =
            longhorn.map { $0.volumes.map(\.row) } + velero.map { [$0.resourcesRow] + $0.volumes.map(\.row) } + cnpg.map { [$0.row] }
        let jobProtects: [[Int]] = lhProtects + veProtects + cnpg.map { [$0.workload] }
        let jobSlots: [[Int]] = longhorn.map { $0.volumes.map(\.workload) } + velero.map { $0.volumes.map(\.workload) } + cnpg.map { [$0.workload] }
        let keys = traces == nil ? [] : traceKeys()
        let cached: [TraceCache.Entry?] = keys.map { traces?.entry($0) }
        var recording: [TraceCache.Entry?] = keys.indices.map { j in
            cached[j] == nil
                ? TraceCache.Entry(
                    values: {
                        var a = [JobDayValues](); a.reserveCapacity(jobRows[j].count * s.horizonDays); return a
                    }(),
                    rto: {
                        var a = [Double](); a.reserveCapacity(jobSlots[j].count * s.horizonDays); return a
                    }(),
                    ran: {
                        var a = [Bool](); a.reserveCapacity(s.horizonDays); return a
                    }())
                : nil
        }
        var scratch = [Double?](repeating: nil, count: nW)
        // The day loop reads these through flat lists and raw buffers: a cached trace is shared
        // by every worker of a sweep, and retaining its arrays each day from two cores at once
        // would make them contend on its reference count.
        let rowsOf = Ragged(jobRows), slotsOf = Ragged(jobSlots), protectsOf = Ragged(jobProtects)
        let traceValues: [UnsafeBufferPointer<JobDayValues>?] = cached.map { $0?.values.withUnsafeBufferPointer { $0 } }
        let traceRTO: [UnsafeBufferPointer<Double>?] = cached.map { $0?.rto.withUnsafeBufferPointer { $0 } }
        let traceRan: [UnsafeBufferPointer<Bool>?] = cached.map { $0?.ran.withUnsafeBufferPointer { $0 } }
        defer { withExtendedLifetime(cached) {} }

        // Trackers.
        var rtoWorst = [Double](repeating: -.infinity, count: nW)
        var rtoFirstFail = [Int?](repeating: nil, count: nW)
        var sizePeak = [Double](repeating: 0, count: nW)
        var volAlert = [Int?](repeating: nil, count: nW), volFull = [Int?](repeating: nil, count: nW)
        var usedPeak = [Double](repeating: 0, count: nT), usedPeakDay = [Int?](repeating: nil, count: nT)
        var capAlert = [Int?](repeating: nil, count: nT), capFull = [Int?](repeating: nil, count: nT)
        var jobPeak = [Double](repeating: 0, count: jobGroups.count)
        var jobUploaded = [Double](repeating: 0, count: jobGroups.count)
        var effWorst: Double? = nil
        var effFirstFail: Int? = nil
        let usable = s.targets.map { $0.usable?.bytes }
        let alertLimit = s.targets.map { t in t.usable.map { $0.bytes * t.alert.fraction } }

        var months = MonthAccumulator(targets: s.targets)
        var monthly: [MonthlyRow] = []
        var monthFirstDay: [Int] = []  // first simulated day of each month, parallel to month totals
        var monthScaledTotals: [Double] = []

        for d in 0..<s.horizonDays {
            let dayStart = Double(d) * 86_400
            let now = dayStart + 86_400
            let date = s.start.adding(days: d)
            if d > 0 && date.day == 1 {
                months.flush(into: &monthly, firstDay: &monthFirstDay, scaled: &monthScaledTotals)
            }
            if months.days == 0 { months.begin(date: date, day: d) }
            rows.day = d
            rows.date = date

            // Workloads at the day's end.
            for w in 0..<nW {
                let m = models[w]
                let size = m.size(at: now)
                rows.workloads[w].size = size
                if s.workloads[w].kind == .postgres {
                    let wal = m.wal(dayStart, now)
                    walToday[w] = wal
                    rows.workloads[w].wal = wal
                }
                rto[w] = nil
                if size > sizePeak[w] || d == 0 { sizePeak[w] = size }
                if let v = s.workloads[w].volume?.bytes {
                    if volAlert[w] == nil && size > s.kpis.volumeAlert.fraction * v { volAlert[w] = d }
                    if volFull[w] == nil && size > v { volFull[w] = d }
                }
            }

            // Jobs. Without a trace cache (a single run), each tier's loop calls its jobs
            // directly: the generic loop below costs about 25 ns more per job-day.
            if keys.isEmpty {
                for j in longhorn.indices {
                    if longhorn[j].advance(now: now, models: models, rows: &rows.jobs, rto: &rto, bandwidth: bandwidth) {
                        for w in lhProtects[j] { ranYet[w] = true }
                    }
                }
                for j in velero.indices {
                    if velero[j].advance(now: now, models: models, rows: &rows.jobs, rto: &rto, bandwidth: bandwidth) {
                        for w in veProtects[j] { ranYet[w] = true }
                    }
                }
                for j in cnpg.indices {
                    let w = cnpg[j].workload
                    if cnpg[j].advance(
                        dayStart: dayStart, now: now, walToday: walToday[w], model: models[w], rows: &rows.jobs, rto: &rto[w],
                        restore: s.restore)
                    {
                        ranYet[w] = true
                    }
                }
            }
            // With a cache: copied from a trace, or simulated and recorded.
            for j in 0..<(keys.isEmpty ? 0 : jobCount) {
                if let values = cached.isEmpty ? nil : traceValues[j], let rtos = traceRTO[j], let ranDays = traceRan[j] {
                    let rr = rowsOf.range(j)
                    var k = d * rr.count
                    for i in rr {
                        rows.jobs[rowsOf.flat[i]] = values[k]
                        k += 1
                    }
                    let sr = slotsOf.range(j)
                    k = d * sr.count
                    for i in sr {
                        let v = rtos[k]
                        if !v.isNaN { lower(&rto[slotsOf.flat[i]], v) }
                        k += 1
                    }
                    if ranDays[d] { for i in protectsOf.range(j) { ranYet[protectsOf.flat[i]] = true } }
                    continue
                }
                let record = !recording.isEmpty && recording[j] != nil
                let ran: Bool
                if record {
                    // The job's own RTO contributions, kept apart to be recorded.
                    ran = advanceJob(j, dayStart: dayStart, now: now, walToday: walToday, rows: &rows.jobs, rto: &scratch, bandwidth: bandwidth)
                    for i in rowsOf.range(j) { recording[j]!.values.append(rows.jobs[rowsOf.flat[i]]) }
                    for i in slotsOf.range(j) {
                        let w = slotsOf.flat[i]
                        recording[j]!.rto.append(scratch[w] ?? .nan)
                        if let v = scratch[w] { lower(&rto[w], v) }
                        scratch[w] = nil
                    }
                    recording[j]!.ran.append(ran)
                } else {
                    ran = advanceJob(j, dayStart: dayStart, now: now, walToday: walToday, rows: &rows.jobs, rto: &rto, bandwidth: bandwidth)
                }
                if ran { for i in protectsOf.range(j) { ranYet[protectsOf.flat[i]] = true } }
            }

            // RTO of the day.
            for w in 0..<nW {
                if protected[w] {
                    let value = rto[w] ?? .infinity
                    rows.workloads[w].rto = value
                    if ranYet[w] {
                        if value > rtoWorst[w] { rtoWorst[w] = value }
                        if let limit = s.kpis.rto?.value, value > limit, rtoFirstFail[w] == nil { rtoFirstFail[w] = d }
                    }
                }
            }

            // Targets.
            for t in 0..<nT {
                var used = 0.0
                var puts = 0.0
                for r in targetSources[t] {
                    used += rows.jobs[r].stored
                    puts += rows.jobs[r].putRequests
                }
                rows.targetUsed[t] = used
                months.add(target: t, used: used, puts: puts)
                if used > usedPeak[t] || usedPeakDay[t] == nil {
                    usedPeak[t] = used
                    usedPeakDay[t] = d
                }
                if let a = alertLimit[t], capAlert[t] == nil, used > a { capAlert[t] = d }
                if let u = usable[t], capFull[t] == nil, used > u { capFull[t] = d }
            }
            months.days += 1

            // Per job: peak stored and uploads.
            for g in jobGroups.indices {
                var stored = 0.0
                for r in jobGroups[g].rows {
                    stored += rows.jobs[r].stored
                    jobUploaded[g] += rows.jobs[r].uploaded
                }
                if stored > jobPeak[g] { jobPeak[g] = stored }
            }

            // Efficiency over bytes on their own object-store targets.
            var stored = 0.0, raw = 0.0
            for r in efficiencyRows {
                stored += rows.jobs[r].stored
                raw += rows.jobs[r].raw
            }
            if raw > 0 {
                let e = 1 - stored / raw
                if effWorst == nil || e < effWorst! { effWorst = e }
                if let limit = s.kpis.efficiency?.fraction, e < limit, effFirstFail == nil { effFirstFail = d }
            }

            sink.day(rows)
        }
        months.flush(into: &monthly, firstDay: &monthFirstDay, scaled: &monthScaledTotals)
        if let traces {
            for (j, entry) in recording.enumerated() { if let entry { traces.insert(keys[j], entry) } }
        }

        let jobs = jobGroups.indices.map { g in
            JobSummary(
                job: jobGroups[g].job, target: jobGroups[g].target, peakStored: ByteCount(jobPeak[g]),
                meanDailyUpload: ByteCount(jobUploaded[g] / Double(s.horizonDays)),
                finalRestorePoints: Int(jobGroups[g].rows.map { rows.jobs[$0].restorePoints }.min() ?? 0))
        }
        return summarize(
            jobs: jobs, monthly: monthly, monthFirstDay: monthFirstDay, monthScaled: monthScaledTotals, rtoWorst: rtoWorst,
            rtoFirstFail: rtoFirstFail, ranYet: ranYet, sizePeak: sizePeak, volAlert: volAlert, volFull: volFull,
            usedPeak: usedPeak, usedPeakDay: usedPeakDay, capAlert: capAlert, capFull: capFull, effWorst: effWorst,
            effFirstFail: effFirstFail)
    }
}

extension Prepared {
    /// Advances job `j` (loop order: Longhorn, Velero, CNPG) to the day's end; true when it ran.
    @inline(__always)
    mutating func advanceJob(
        _ j: Int, dayStart: Double, now: Double, walToday: [Double], rows: inout [JobDayValues], rto: inout [Double?], bandwidth: Double
    ) -> Bool {
        if j < longhorn.count {
            return longhorn[j].advance(now: now, models: models, rows: &rows, rto: &rto, bandwidth: bandwidth)
        }
        let v = j - longhorn.count
        if v < velero.count {
            return velero[v].advance(now: now, models: models, rows: &rows, rto: &rto, bandwidth: bandwidth)
        }
        let c = v - velero.count
        let w = cnpg[c].workload
        return cnpg[c].advance(
            dayStart: dayStart, now: now, walToday: walToday[w], model: models[w], rows: &rows, rto: &rto[w], restore: scenario.restore)
    }
}
