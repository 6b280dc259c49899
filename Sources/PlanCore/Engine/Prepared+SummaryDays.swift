/// The day loop of a sweep's variant (`plan tune`): only the summary is wanted, so the
/// traces are read where they lie instead of being copied into each day's rows.
extension Prepared {
    /// Whether a run can take `summaryDays`: its rows go to no one (`NullSink`), it is
    /// version 1 without a bucket book, drills or faults (whose day reads every row), and
    /// the per-job totals and the volumes' tracker come from the traces.
    func takesSummaryDays<S: SimulationSink>(_ sink: S.Type, state: DayState, recordJobs: Bool, recordVolumes: Bool) -> Bool {
        S.self == NullSink.self && state.bucket == nil && state.drills == nil && state.faults == nil && !recordJobs && !recordVolumes
    }

    /// `replayDays` without the day's rows, in two passes over the horizon.
    ///
    /// 1. Every day's sums, a trace row at a time: each target's used bytes and PUTs, and the
    ///    stored and raw bytes the efficiency counts. A day's sum still adds its rows in
    ///    `endDay`'s order, starting from 0, so each is `endDay`'s to the bit; the days are
    ///    independent, so the adds no longer wait for one another.
    /// 2. The trackers, each over the whole horizon (the costs a month at a time), in day
    ///    order: the same comparisons and sums as day by day.
    ///
    /// The last day's rows are copied once, for the job summaries' final restore points,
    /// and the first-run flags set; the other fields of `state.rows` but the day and date
    /// are left as they were (no sink reads them). False, with nothing changed, when a
    /// layout row has no trace (then `replayDays` runs instead).
    ///
    /// - Complexity: O(H × (target rows + efficiency rows + offers)); O(H × targets) memory.
    func summaryDays(state: inout DayState, trackers: inout KPITrackers, plan: CopyPlan.Buffers) -> Bool {
        var byRow = [CopyPlan.Row?](repeating: nil, count: rowCount)
        for c in plan.rows { byRow[c.row] = c }
        let targetRows = targetSources.flat.compactMap { byRow[$0] }
        let efficiencyRows = trackers.efficiency.rows.compactMap { byRow[$0] }
        guard targetRows.count == targetSources.flat.count, efficiencyRows.count == trackers.efficiency.rows.count else { return false }
        let h = scenario.horizonDays
        guard h > 0 else { return true }
        let targets = targetSources.count
        var used = [Double](repeating: 0, count: targets * h)
        var puts = used
        var stored = [Double](repeating: 0, count: h)
        var raw = stored
        used.withUnsafeMutableBufferPointer { used in
            puts.withUnsafeMutableBufferPointer { puts in
                for t in 0..<targets {
                    for i in targetSources.range(t) {
                        let c = targetRows[i]
                        var v = c.source
                        for d in t * h..<(t + 1) * h {
                            used[d] += v.pointee.stored
                            puts[d] += v.pointee.putRequests
                            v += c.stride
                        }
                    }
                }
            }
        }
        stored.withUnsafeMutableBufferPointer { stored in
            raw.withUnsafeMutableBufferPointer { raw in
                for c in efficiencyRows {
                    var v = c.source
                    for d in 0..<h {
                        stored[d] += v.pointee.stored
                        raw[d] += v.pointee.raw
                        v += c.stride
                    }
                }
            }
        }
        used.withUnsafeBufferPointer { used in
            puts.withUnsafeBufferPointer { puts in
                var d = 0
                var date = scenario.start
                while d < h {
                    trackers.costs.beginDay(d, date: date)
                    // To the month's end; at least the day itself, as `nextDay` steps from a
                    // day past its month's end (a date no file can give) to the next 1st.
                    let n = min(h - d, max(1, date.daysInMonth - date.day + 1))
                    for t in 0..<targets {
                        let days = t * h + d..<t * h + d + n
                        trackers.costs.add(
                            target: t, used: UnsafeBufferPointer(rebasing: used[days]), puts: UnsafeBufferPointer(rebasing: puts[days]))
                    }
                    trackers.costs.endDays(n)
                    d += n
                    date = date.nextMonthStart
                }
                for t in 0..<targets { trackers.capacity.record(target: t, from: 0, used: UnsafeBufferPointer(rebasing: used[t * h..<(t + 1) * h])) }
            }
        }
        stored.withUnsafeBufferPointer { stored in raw.withUnsafeBufferPointer { raw in trackers.efficiency.record(stored: stored, raw: raw) } }
        judgeRTO(&trackers.rto, ranYet: &state.ranYet, plan: plan)
        state.rows.day = h - 1
        state.rows.date = scenario.start.adding(days: h - 1)
        for c in plan.rows { state.rows.jobs[c.row] = c.source[(h - 1) * c.stride] }
        return true
    }

    /// The RTO of every protected workload on each day from its first run on (the least of
    /// the day's offers in `plan`, ∞ without one), judged by `rto`; sets the first-run flags.
    ///
    /// - Complexity: O(H × offers).
    private func judgeRTO(_ rto: inout RTOTracker, ranYet: inout [Bool], plan: CopyPlan.Buffers) {
        let h = scenario.horizonDays
        var firstRun = [Int?](repeating: nil, count: ranYet.count)
        for f in plan.firstRuns { firstRun[f.workload] = f.day }
        var day = [Double](repeating: 0, count: h)
        for w in ranYet.indices {
            guard let first = firstRun[w], first < h else { continue }
            ranYet[w] = true
            guard rto.protected[w] else { continue }
            day.withUnsafeMutableBufferPointer { day in
                for d in first..<h { day[d] = .infinity }
                // An offer at a time, each day keeping the least (NaN, no offer, is never less):
                // `lower` over the day's offers in `plan` order, then ∞ for none.
                for c in plan.offers where c.workload == w {
                    var v = c.source + first * c.stride
                    for d in first..<h {
                        if v.pointee < day[d] { day[d] = v.pointee }
                        v += c.stride
                    }
                }
                rto.judge(workload: w, from: first, rto: UnsafeBufferPointer(rebasing: day[first..<h]))
            }
        }
    }
}
