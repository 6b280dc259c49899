/// The day loop of a sweep's variant (`plan tune`): only the summary is wanted, so the
/// traces are read where they lie instead of being copied into the day's rows.
extension Prepared {
    /// Whether a run can take `summaryDays`: its rows go to no one (`NullSink`), it is
    /// version 1 without a bucket book, drills or faults (whose day reads every row), and
    /// the per-job totals and the volumes' tracker come from the traces.
    func takesSummaryDays<S: SimulationSink>(_ sink: S.Type, state: DayState, recordJobs: Bool, recordVolumes: Bool) -> Bool {
        S.self == NullSink.self && state.bucket == nil && state.drills == nil && state.faults == nil && !recordJobs && !recordVolumes
    }

    /// `replayDays` without the day's rows: each day sums the values every target, the
    /// efficiency and the RTOs need straight from the traces (`plan`), in the same order as
    /// `endDay`, so every tracker ends where `replayDays` leaves it. The last day's rows
    /// are copied once, for the job summaries' final restore points; the other fields of
    /// `state.rows` are left as they were (no sink reads them). False, with nothing
    /// changed, when a layout row has no trace (then `replayDays` runs instead).
    ///
    /// - Complexity: O(H × (target rows + efficiency rows + offers)), no allocation in the loop.
    func summaryDays(state: inout DayState, trackers: inout KPITrackers, plan: CopyPlan.Buffers) -> Bool {
        var byRow = [CopyPlan.Row?](repeating: nil, count: rowCount)
        for c in plan.rows { byRow[c.row] = c }
        let targetRows = targetSources.flat.compactMap { byRow[$0] }
        let efficiencyRows = trackers.efficiency.rows.compactMap { byRow[$0] }
        guard targetRows.count == targetSources.flat.count, efficiencyRows.count == trackers.efficiency.rows.count else { return false }
        let workloads = state.rto.count
        var next = 0
        targetRows.withUnsafeBufferPointer { targetRows in
            efficiencyRows.withUnsafeBufferPointer { efficiencyRows in
                for d in 0..<scenario.horizonDays {
                    let date = d == 0 ? scenario.start : state.rows.date.nextDay
                    trackers.costs.beginDay(d, date: date)
                    state.rows.day = d
                    state.rows.date = date
                    state.rto.withUnsafeMutableBufferPointer { rto in
                        for w in 0..<workloads { rto[w] = nil }
                        for c in plan.offers {
                            let v = c.source[d * c.stride]
                            if !v.isNaN { lower(&rto[c.workload], v) }
                        }
                    }
                    while next < plan.firstRuns.count && plan.firstRuns[next].day == d {
                        state.ranYet[plan.firstRuns[next].workload] = true
                        next += 1
                    }
                    trackers.rto.record(day: d, rto: state.rto, ranYet: state.ranYet)
                    for t in 0..<targetSources.count {
                        var used = 0.0
                        var puts = 0.0
                        for i in targetSources.range(t) {
                            let c = targetRows[i]
                            let v = c.source + d * c.stride
                            used += v.pointee.stored
                            puts += v.pointee.putRequests
                        }
                        trackers.costs.add(target: t, used: used, puts: puts)
                        trackers.capacity.record(day: d, target: t, used: used)
                    }
                    trackers.costs.endDay()
                    var stored = 0.0
                    var raw = 0.0
                    for c in efficiencyRows {
                        let v = c.source + d * c.stride
                        stored += v.pointee.stored
                        raw += v.pointee.raw
                    }
                    trackers.efficiency.record(day: d, stored: stored, raw: raw)
                }
            }
        }
        if scenario.horizonDays > 0 {
            let last = scenario.horizonDays - 1
            for c in plan.rows { state.rows.jobs[c.row] = c.source[last * c.stride] }
        }
        return true
    }
}
