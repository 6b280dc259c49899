/// The jobs of one run with a trace cache: each job's days are copied from its cached trace
/// when there is one, else simulated and recorded for the next run (`TraceCache`).
struct TraceReplay {
    /// Per job, in loop order (Longhorn, Velero, CNPG): what its trace depends on.
    let keys: [TraceKey]
    /// Per job: its cached trace, nil when it must be simulated.
    let cached: [TraceCache.Entry?]
    /// Per job: the trace being recorded, nil when it is copied from `cached`.
    var recording: [TraceCache.Entry?]
    /// Per job: its value rows, in trace order.
    let rowsOf: Ragged
    /// Per job: the workloads whose RTO it offers (its slots), in trace order.
    let slotsOf: Ragged
    /// Per job: the workloads it protects (a run marks their first backup).
    let protectsOf: Ragged
    /// Per workload: one recorded job's own RTO offers of the day, seconds (nil: none).
    var scratch: [Double?]

    /// The traces of a run of `p`: looked up in `traces`, or buffers sized to record them.
    init(_ p: borrowing Prepared, traces: TraceSession) {
        let days = p.scenario.horizonDays
        // Per job, in loop order: its value rows (a Longhorn backup job's `snapshot_target`
        // rows too), its RTO slots and the workloads it protects, flattened as they are made.
        let jobs = p.jobCount
        var rows = Ragged(lists: jobs, elements: p.rowCount)
        var slots = Ragged(lists: jobs, elements: p.rowCount)
        var protects = Ragged(lists: jobs, elements: p.rowCount)
        func endJob() {
            rows.endList()
            slots.endList()
            protects.endList()
        }
        for sim in p.longhorn {
            for v in sim.volumes { rows.append(v.row) }
            for v in sim.volumes { if let r = v.snapshotRow { rows.append(r) } }
            for v in sim.volumes {
                slots.append(v.workload)
                if !sim.snapshot { protects.append(v.workload) }
            }
            endJob()
        }
        for sim in p.velero {
            rows.append(sim.resourcesRow)
            for v in sim.volumes {
                rows.append(v.row)
                slots.append(v.workload)
                protects.append(v.workload)
            }
            endJob()
        }
        for sim in p.cnpg {
            rows.append(sim.row)
            slots.append(sim.workload)
            protects.append(sim.workload)
            endJob()
        }
        let keys = Self.keys(p)
        self.keys = keys
        let cached = keys.indices.map { traces.entry(keys[$0], job: $0) }
        self.cached = cached
        recording = keys.indices.map { j in
            guard cached[j] == nil else { return nil }
            var entry = TraceCache.Entry(values: [], rto: [], ran: [])
            entry.values.reserveCapacity(rows.range(j).count * days)
            entry.rto.reserveCapacity(slots.range(j).count * days)
            entry.ran.reserveCapacity(days)
            return entry
        }
        rowsOf = rows
        slotsOf = slots
        protectsOf = protects
        scratch = Array(repeating: nil, count: p.scenario.workloads.count)
    }

    /// The trace key of every job of `p`, in loop order (Longhorn, Velero, CNPG).
    static func keys(_ p: borrowing Prepared) -> [TraceKey] {
        let s = p.scenario
        var keys: [TraceKey] = []
        keys.reserveCapacity(p.jobCount)
        for (i, j) in s.longhorn.enumerated() {
            let sim = p.longhorn[i]
            let snapshots = sim.volumes.contains { $0.snapshotRow != nil } ? sim.snapshotReplicas : nil
            keys.append(
                TraceKey(
                    job: .longhorn(j, replicas: s.targets.first { $0.name == j.target }?.replicas ?? 1, snapshotReplicas: snapshots),
                    workloads: sim.volumes.map { s.workloads[$0.workload] },
                    restore: s.restore, start: s.start, horizonDays: s.horizonDays))
        }
        for (i, j) in s.velero.enumerated() {
            keys.append(
                TraceKey(
                    job: .velero(j), workloads: p.velero[i].volumes.map { s.workloads[$0.workload] }, restore: s.restore, start: s.start,
                    horizonDays: s.horizonDays))
        }
        // `Prepared.make` simulates only the CNPG jobs of a known workload (a validated
        // scenario has no other): `p.cnpg[k]` is the k-th of those, not of `s.cnpg`.
        let simulated = s.cnpg.filter { j in s.workloads.contains { $0.name == j.workload } }
        for (j, sim) in zip(simulated, p.cnpg) {
            keys.append(
                TraceKey(
                    job: .cnpg(j), workloads: [s.workloads[sim.workload]], restore: s.restore, start: s.start, horizonDays: s.horizonDays))
        }
        return keys
    }

    /// Advances every job to the end of day `d`: copies a cached job's values and RTO
    /// offers of the day from `buffers` (its trace), or simulates the job in `p` and records
    /// them.
    ///
    /// - Complexity: O(rows + runs of the day), no allocation once the queues are sized
    ///   (the recordings were reserved for the whole horizon).
    @inline(__always)
    mutating func advance(_ p: inout Prepared, day d: Int, state: inout DayState, buffers: [TraceBuffers?]) {
        let dayStart = Double(d) * 86_400
        let now = dayStart + 86_400
        for j in keys.indices {
            let ran: Bool
            if let trace = buffers[j] {
                ran = copy(job: j, day: d, from: trace, into: &state)
            } else {
                // The job's own RTO offers, kept apart to be recorded.
                ran = p.advanceJob(
                    j, dayStart: dayStart, now: now, walToday: state.walToday, rows: &state.rows.jobs, rto: &scratch,
                    bandwidth: state.bandwidth)
                for i in rowsOf.range(j) { recording[j]?.values.append(state.rows.jobs[rowsOf.flat[i]]) }
                for i in slotsOf.range(j) {
                    let w = slotsOf.flat[i]
                    recording[j]?.rto.append(scratch[w] ?? .nan)
                    if let v = scratch[w] { lower(&state.rto[w], v) }
                    scratch[w] = nil
                }
                recording[j]?.ran.append(ran)
            }
            if ran { for i in protectsOf.range(j) { state.ranYet[protectsOf.flat[i]] = true } }
        }
    }

    /// Every job has a cached trace: the run simulates nothing (`Prepared.replayDays`).
    var copiesEveryJob: Bool { cached.allSatisfy { $0 != nil } }

    /// The copies of a run that copies every job (`copiesEveryJob`), flattened once from
    /// `buffers` (none nil) so that a day is one pass over each list rather than a loop over
    /// jobs, their row and slot ranges and their run flags.
    ///
    /// - Complexity: O(rows + slots + workloads log workloads), plus each job's days until
    ///   its first run.
    func copyPlan(_ buffers: [TraceBuffers?]) -> CopyPlan {
        var plan = CopyPlan()
        var firstRun: [Int: Int] = [:]
        for j in keys.indices {
            guard let trace = buffers[j] else { continue }
            let rr = rowsOf.range(j)
            if let values = trace.values.baseAddress {
                for i in rr { plan.rows.append(.init(source: values + (i - rr.lowerBound), stride: rr.count, row: rowsOf.flat[i])) }
            }
            let sr = slotsOf.range(j)
            if let rto = trace.rto.baseAddress {
                for i in sr { plan.offers.append(.init(source: rto + (i - sr.lowerBound), stride: sr.count, workload: slotsOf.flat[i])) }
            }
            // A workload's flag is set on the first day any job protecting it ran, and stays set.
            guard let first = trace.ran.firstIndex(of: true) else { continue }
            for i in protectsOf.range(j) { firstRun[protectsOf.flat[i]] = min(firstRun[protectsOf.flat[i]] ?? first, first) }
        }
        plan.firstRuns = firstRun.map { CopyPlan.FirstRun(day: $0.value, workload: $0.key) }.sorted { ($0.day, $0.workload) < ($1.day, $1.workload) }
        return plan
    }

    /// Copies every job's day `d` by `plan` (`copyPlan`): the day's rows, its RTO offers
    /// lowered into the day's, and the first-run flags of the workloads whose first run is
    /// that day (`next`: the first of `plan.firstRuns` not set yet, advanced past them).
    ///
    /// - Complexity: O(rows + slots), no allocation.
    @inline(__always)
    static func copy(day d: Int, plan: CopyPlan.Buffers, next: inout Int, state: inout DayState) {
        state.rows.jobs.withUnsafeMutableBufferPointer { jobs in
            for c in plan.rows { jobs[c.row] = c.source[d * c.stride] }
        }
        state.rto.withUnsafeMutableBufferPointer { rto in
            for c in plan.offers {
                let v = c.source[d * c.stride]
                if !v.isNaN { lower(&rto[c.workload], v) }
            }
        }
        while next < plan.firstRuns.count && plan.firstRuns[next].day == d {
            state.ranYet[plan.firstRuns[next].workload] = true
            next += 1
        }
    }

    /// Copies job `j`'s day `d` from its trace: its rows, and its RTO offers (NaN: none)
    /// lowered into the day's; true when it ran that day.
    @inline(__always)
    func copy(job j: Int, day d: Int, from trace: TraceBuffers, into state: inout DayState) -> Bool {
        // Through buffers: one uniqueness check per array, not one per element written.
        withDayBuffers(&state) { copy(job: j, day: d, from: trace, into: $0) }
    }

    /// The day's rows, RTO offers and first-run flags of `state`, and the row and slot
    /// lists, as buffers for `body`.
    @inline(__always)
    private func withDayBuffers<R>(_ state: inout DayState, _ body: (DayBuffers) -> R) -> R {
        rowsOf.flat.withUnsafeBufferPointer { rowsFlat in
            slotsOf.flat.withUnsafeBufferPointer { slotsFlat in
                state.rows.jobs.withUnsafeMutableBufferPointer { jobs in
                    state.rto.withUnsafeMutableBufferPointer { rto in
                        state.ranYet.withUnsafeMutableBufferPointer { ranYet in
                            body(DayBuffers(rowsFlat: rowsFlat, slotsFlat: slotsFlat, jobs: jobs, rto: rto, ranYet: ranYet))
                        }
                    }
                }
            }
        }
    }

    /// What `copy` writes into and reads its positions from, valid inside `withDayBuffers`.
    private struct DayBuffers {
        let rowsFlat: UnsafeBufferPointer<Int>
        let slotsFlat: UnsafeBufferPointer<Int>
        let jobs: UnsafeMutableBufferPointer<JobDayValues>
        let rto: UnsafeMutableBufferPointer<Double?>
        let ranYet: UnsafeMutableBufferPointer<Bool>
    }

    @inline(__always)
    private func copy(job j: Int, day d: Int, from trace: TraceBuffers, into days: DayBuffers) -> Bool {
        let rr = rowsOf.range(j)
        var k = d * rr.count
        for i in rr {
            days.jobs[days.rowsFlat[i]] = trace.values[k]
            k += 1
        }
        let sr = slotsOf.range(j)
        k = d * sr.count
        for i in sr {
            let v = trace.rto[k]
            if !v.isNaN { lower(&days.rto[days.slotsFlat[i]], v) }
            k += 1
        }
        return trace.ran[d]
    }

    /// Keeps the traces recorded in this run in `traces` (within its budget), each with its
    /// job's own totals over `groups` (`JobTracker`) when its group's rows begin its rows.
    func store(in traces: TraceCache, groups: Ragged) {
        for (j, entry) in recording.enumerated() {
            guard var entry else { continue }
            if let g = group(of: j, in: groups) {
                let n = rowsOf.range(j).count
                let k = groups.range(g).count
                var peak = 0.0
                var up = 0.0
                for d in 0..<entry.ran.count {
                    var stored = 0.0
                    for i in 0..<k {
                        stored += entry.values[d * n + i].stored
                        up += entry.values[d * n + i].uploaded
                    }
                    if stored > peak { peak = stored }
                }
                entry.own = TraceCache.Entry.OwnTotals(rows: k, peak: peak, uploaded: up)
            }
            traces.insert(keys[j], entry)
        }
    }

    /// The `JobTracker` group of job `j`: the one whose rows are the first rows of `j`'s;
    /// nil when none is.
    ///
    /// - Complexity: O(groups + rows).
    func group(of j: Int, in groups: Ragged) -> Int? {
        let mine = rowsOf.range(j)
        guard let first = mine.first else { return nil }
        for g in 0..<groups.count {
            let theirs = groups.range(g)
            guard let start = theirs.first, groups.flat[start] == rowsOf.flat[first] else { continue }
            guard theirs.count <= mine.count else { return nil }
            for (a, b) in zip(theirs, mine) where groups.flat[a] != rowsOf.flat[b] { return nil }
            return g
        }
        return nil
    }

    /// Per `JobTracker` group, the totals of the cached job it is the first rows of, when
    /// every group has one (a run that copies every job then skips `JobTracker.record`).
    ///
    /// - Complexity: O(groups × (groups + rows)).
    func ownTotals(groups: Ragged) -> [TraceCache.Entry.OwnTotals]? {
        var totals: [TraceCache.Entry.OwnTotals?] = Array(repeating: nil, count: groups.count)
        for j in keys.indices {
            guard let g = group(of: j, in: groups), let own = cached[j]?.own, own.rows == groups.range(g).count else { continue }
            totals[g] = own
        }
        let found = totals.compactMap { $0 }
        return found.count == totals.count ? found : nil
    }
}

/// What a run that copies every job reads each day (`TraceReplay.copyPlan`): pointers into
/// the cached traces, valid only inside the `TraceReplay.withBuffers` call that made them.
struct CopyPlan {
    /// A value row: its value on day `d` is `source[d × stride]`.
    struct Row {
        let source: UnsafePointer<JobDayValues>
        let stride: Int
        let row: Int
    }
    /// An RTO offer: on day `d`, `source[d × stride]` seconds for `workload` (NaN: none).
    struct Offer {
        let source: UnsafePointer<Double>
        let stride: Int
        let workload: Int
    }
    /// The first day a job protecting `workload` ran.
    struct FirstRun {
        let day: Int
        let workload: Int
    }

    var rows: [Row] = []
    var offers: [Offer] = []
    /// By day, then workload.
    var firstRuns: [FirstRun] = []

    /// The lists as buffers for the day loop.
    struct Buffers {
        let rows: UnsafeBufferPointer<Row>
        let offers: UnsafeBufferPointer<Offer>
        let firstRuns: UnsafeBufferPointer<FirstRun>
    }

    /// Calls `body` with the lists as buffers.
    func withBuffers<R>(_ body: (Buffers) -> R) -> R {
        rows.withUnsafeBufferPointer { r in
            offers.withUnsafeBufferPointer { o in firstRuns.withUnsafeBufferPointer { f in body(Buffers(rows: r, offers: o, firstRuns: f)) } }
        }
    }
}
