/// The day loop: workloads, jobs, targets, months and KPI trackers, one day at a time.
extension Prepared {
    /// Simulates every day of the horizon, handing each day's rows to `sink`, and returns
    /// the summary. With `traces`, a job whose trace is cached is copied rather than
    /// simulated, and the others are recorded into it (`TraceReplay`).
    ///
    /// - Complexity: O(H × rows + runs), H the horizon in days; no allocation per day
    ///   once the restore-point queues have reached their working size.
    mutating func run<S: SimulationSink>(into sink: inout S, traces: TraceSession? = nil) -> SimulationResult {
        sink.begin(layout)
        var state = DayState(self)
        var trackers = KPITrackers(self)
        if let traces, jobCount > 0 {
            var replay = TraceReplay(self, traces: traces)
            let days = workloadDays(traces)
            // The workloads' sizes are the same whatever the jobs: with the same alert share,
            // their tracker is the one recorded with the days (VolumeTracker).
            let volumesKnown = days.volumes.alertShare == trackers.volumes.alertShare
            if volumesKnown { trackers.volumes = days.volumes }
            days.size.withUnsafeBufferPointer { size in
                days.wal.withUnsafeBufferPointer { wal in
                    TraceReplay.withBuffers(replay.cached) { buffers in
                        let workloads = WorkloadDayBuffers(size: size, wal: wal, recordVolumes: !volumesKnown)
                        if replay.copiesEveryJob {
                            let totals = replay.ownTotals(groups: trackers.jobs.rows)
                            let summary = takesSummaryDays(S.self, state: state, recordJobs: totals == nil, recordVolumes: !volumesKnown)
                            replay.copyPlan(buffers).withBuffers { plan in
                                if summary, summaryDays(state: &state, trackers: &trackers, plan: plan) {
                                    traces.summaryRuns += 1
                                    return
                                }
                                replayDays(
                                    into: &sink, state: &state, trackers: &trackers, plan: plan, workloads: workloads, recordJobs: totals == nil)
                            }
                            if let totals {
                                for (g, t) in totals.enumerated() {
                                    trackers.jobs.peak[g] = t.peak
                                    trackers.jobs.uploaded[g] = t.uploaded
                                }
                            }
                        } else {
                            runDays(into: &sink, state: &state, trackers: &trackers, replay: &replay, buffers: buffers, workloads: workloads)
                        }
                    }
                }
            }
            replay.store(in: traces.cache, groups: trackers.jobs.rows)
        } else {
            for d in 0..<scenario.horizonDays {
                beginDay(d, &state, &trackers)
                advanceJobs(day: d, state: &state)
                endDay(d, &state, &trackers)
                sink.day(state.rows)
            }
        }
        trackers.costs.finish()
        return summarize(trackers, lastDay: state)
    }

    /// The day loop of a run with a trace cache, `buffers` holding the cached traces.
    ///
    /// Its own function, called once from inside `TraceReplay.withBuffers`, rather than the
    /// closure's body: the loop then reads its state through parameters, not through a
    /// closure's captures, which the optimiser would otherwise retain on every access (in a
    /// sweep, from every worker at once).
    ///
    /// - Complexity: O(H × rows + runs), no allocation per day.
    private mutating func runDays<S: SimulationSink>(
        into sink: inout S, state: inout DayState, trackers: inout KPITrackers, replay: inout TraceReplay, buffers: [TraceBuffers?],
        workloads: WorkloadDayBuffers
    ) {
        for d in 0..<scenario.horizonDays {
            beginDay(d, &state, &trackers, workloads: workloads)
            replay.advance(&self, day: d, state: &state, buffers: buffers)
            endDay(d, &state, &trackers)
            sink.day(state.rows)
        }
    }

    /// The day loop of a run whose every job is copied from its trace (most variants of a
    /// sweep): `runDays` without the simulators, on a `self` it does not change, so the
    /// loop does not make the simulators' arrays unique again every day. Without
    /// `recordJobs`, the per-job peaks and uploads are left to the caller (the traces'
    /// `own` totals, the same sums).
    ///
    /// - Complexity: O(H × rows), no allocation.
    private func replayDays<S: SimulationSink>(
        into sink: inout S, state: inout DayState, trackers: inout KPITrackers, plan: CopyPlan.Buffers, workloads: WorkloadDayBuffers,
        recordJobs: Bool
    ) {
        var next = 0
        if recordJobs {
            for d in 0..<scenario.horizonDays {
                beginDay(d, &state, &trackers, workloads: workloads)
                TraceReplay.copy(day: d, plan: plan, next: &next, state: &state)
                endDay(d, &state, &trackers)
                sink.day(state.rows)
            }
        } else {
            for d in 0..<scenario.horizonDays {
                beginDay(d, &state, &trackers, workloads: workloads)
                TraceReplay.copy(day: d, plan: plan, next: &next, state: &state)
                endDay(d, &state, &trackers, recordJobs: false)
                sink.day(state.rows)
            }
        }
    }

    /// The number of jobs simulated (Longhorn, Velero, CNPG).
    var jobCount: Int { longhorn.count + velero.count + cnpg.count }

    /// Every workload's size and WAL on every day of the horizon: from `traces` when another
    /// run with the same workloads, start and horizon computed them, else computed here (the
    /// same functions `beginDay` calls, so the same values) and kept there.
    ///
    /// - Complexity: O(H × workloads) the first time, O(workloads) lookups afterwards.
    func workloadDays(_ traces: TraceSession) -> TraceCache.WorkloadDays {
        let key = TraceCache.WorkloadKey(workloads: scenario.workloads, start: scenario.start, horizonDays: scenario.horizonDays)
        if let days = traces.workloadDays(key) { return days }
        let n = models.count
        var days = TraceCache.WorkloadDays(size: [], wal: [], volumes: VolumeTracker(scenario))
        days.size.reserveCapacity(n * scenario.horizonDays)
        days.wal.reserveCapacity(n * scenario.horizonDays)
        for d in 0..<scenario.horizonDays {
            let dayStart = Double(d) * 86_400
            let now = dayStart + 86_400
            for w in models.indices {
                let size = models[w].size(at: now)
                days.size.append(size)
                days.wal.append(scenario.workloads[w].kind == .postgres ? models[w].wal(dayStart, now) : 0)
                days.volumes.record(day: d, workload: w, size: size)
            }
        }
        traces.cache.insert(key, days)
        return days
    }

    /// Starts day `d`: the month, the date, and every workload at the day's end (size, WAL,
    /// volume fill), read from `workloads` when given (`workloadDays`), else computed;
    /// clears the RTO offers. The volume fill is not recorded when `workloads` says the run
    /// took its tracker from them.
    ///
    /// - Complexity: O(workloads), no allocation (but O(targets) rows on the 1st of a month).
    @inline(__always)
    func beginDay(_ d: Int, _ state: inout DayState, _ trackers: inout KPITrackers, workloads days: WorkloadDayBuffers? = nil) {
        // Day 0 is the start; each later day follows the one before (`state` holds it).
        let date = d == 0 ? scenario.start : state.rows.date.nextDay
        trackers.costs.beginDay(d, date: date)
        state.rows.day = d
        state.rows.date = date
        let dayStart = Double(d) * 86_400
        let now = dayStart + 86_400
        let base = d * models.count
        for w in models.indices {
            let size = days.map { $0.size[base + w] } ?? models[w].size(at: now)
            state.rows.workloads[w].size = size
            if scenario.workloads[w].kind == .postgres {
                let wal = days.map { $0.wal[base + w] } ?? models[w].wal(dayStart, now)
                state.walToday[w] = wal
                state.rows.workloads[w].wal = wal
            }
            state.rto[w] = nil
            if days?.recordVolumes ?? true { trackers.volumes.record(day: d, workload: w, size: size) }
        }
    }

    /// Advances every job to the end of day `d`, each tier's loop calling its jobs directly
    /// (the generic loop of `advanceJob` costs about 25 ns more per job-day).
    ///
    /// - Complexity: O(rows + runs of the day), no allocation once the queues are sized.
    @inline(__always)
    mutating func advanceJobs(day d: Int, state: inout DayState) {
        let dayStart = Double(d) * 86_400
        let now = dayStart + 86_400
        for j in longhorn.indices {
            if longhorn[j].advance(now: now, models: models, rows: &state.rows.jobs, rto: &state.rto, bandwidth: state.bandwidth),
                !longhorn[j].snapshot
            {
                for v in longhorn[j].volumes.indices { state.ranYet[longhorn[j].volumes[v].workload] = true }
            }
        }
        for j in velero.indices {
            if velero[j].advance(now: now, models: models, rows: &state.rows.jobs, rto: &state.rto, bandwidth: state.bandwidth) {
                for v in velero[j].volumes.indices { state.ranYet[velero[j].volumes[v].workload] = true }
            }
        }
        for j in cnpg.indices {
            let w = cnpg[j].workload
            if cnpg[j].advance(
                dayStart: dayStart, now: now, walToday: state.walToday[w], model: models[w], rows: &state.rows.jobs, rto: &state.rto[w],
                restore: scenario.restore)
            {
                state.ranYet[w] = true
            }
        }
    }

    /// Ends day `d` once every job has advanced: RTO, target use, monthly sums, per-job
    /// peaks and efficiency.
    ///
    /// - Complexity: O(rows + targets + workloads), no allocation.
    @inline(__always)
    func endDay(_ d: Int, _ state: inout DayState, _ trackers: inout KPITrackers, recordJobs: Bool = true) {
        if state.bucket != nil {
            // Version 2: the book first, since a restore point in an archive class adds its
            // retrieval delay to the day's RTO.
            endBucketDay(d, &state, &trackers)
            trackers.rto.record(day: d, rto: state.rto, ranYet: state.ranYet, into: &state.rows.workloads)
        } else {
            trackers.rto.record(day: d, rto: state.rto, ranYet: state.ranYet, into: &state.rows.workloads)
            for t in 0..<targetSources.count {
                var used = 0.0
                var puts = 0.0
                for i in targetSources.range(t) {
                    let r = targetSources.flat[i]
                    used += state.rows.jobs[r].stored
                    puts += state.rows.jobs[r].putRequests
                }
                state.rows.targetUsed[t] = used
                trackers.costs.add(target: t, used: used, puts: puts)
                trackers.capacity.record(day: d, target: t, used: used)
            }
        }
        trackers.costs.endDay()
        if recordJobs { trackers.jobs.record(jobs: state.rows.jobs) }
        trackers.efficiency.record(day: d, jobs: state.rows.jobs)
    }

    /// The targets of a version 2 day: the book's accounting of every row, then each
    /// target's `used` (current plus noncurrent), billed bytes, charges and requests.
    ///
    /// - Complexity: O(rows × classes + targets), no allocation.
    func endBucketDay(_ d: Int, _ state: inout DayState, _ trackers: inout KPITrackers) {
        guard var book = state.bucket else { return }
        state.bucket = nil  // keep the book uniquely referenced while it changes
        let date = state.rows.date
        book.endDay(d, jobs: state.rows.jobs, daysInMonth: Double(CivilDate.daysIn(year: date.year, month: date.month)))
        if var faults = state.faults {
            state.faults = nil
            faults.record(day: d, workloads: state.rows.workloads, walToday: state.walToday, into: &state.rows.faults)
            state.faults = faults
        }
        let now = Double(d + 1) * 86_400
        for w in rtoPlans.indices where !rtoPlans[w].isEmpty {
            // model.md "KPIs (version 2)": each protecting job's value with its own delay, the least.
            var best: Double? = nil
            for plan in rtoPlans[w] {
                if let v = plan.rto(now: now, day: d, model: models[w], restore: scenario.restore, book: book) { lower(&best, v) }
            }
            state.rto[w] = best
        }
        if var drills = state.drills {
            state.drills = nil
            drills.run(
                day: d, date: date, book: book, models: models, scenario: scenario, mttrLimit: scenario.kpis.mttr?.value, costs: &trackers.costs)
            state.drills = drills
        }
        trackers.costs.addRows(held: book.rowHeld, jobs: state.rows.jobs)
        for t in 0..<targetSources.count {
            var puts = 0.0
            for i in targetSources.range(t) { puts += state.rows.jobs[targetSources.flat[i]].putRequests }
            let used = book.held[t]
            state.rows.targetUsed[t] = used
            trackers.costs.add(target: t, used: used, puts: puts)
            trackers.costs.addBilling(
                target: t, billed: book.billed[t], noncurrent: book.noncurrent[t], earlyDelete: book.earlyDelete[t],
                transition: book.transition[t], lists: book.lists[t], heads: book.heads[t])
            trackers.capacity.record(day: d, target: t, used: used)
        }
        // Swapped, not copied: the book overwrites every entry the next day.
        swap(&state.rows.deleted, &book.rowDeleted)
        swap(&state.rows.noncurrent, &book.rowNoncurrent)
        swap(&state.rows.targetNoncurrent, &book.noncurrent)
        state.bucket = book
    }

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
