/// One drill of a version 2 scenario, prepared (model.md "Drills"): when it fires, which
/// rows of the book it reads, and how its job's newest restore point is found and sized.
struct DrillPlan {
    /// How the restore point of the drill's job is read.
    enum Source {
        /// Longhorn `backup`: the newest point `K`: `size(t_K) × ratio`, one GET per 2 MiB block.
        case longhorn(ratio: Double)
        /// Velero: the newest run `k` with `t_k + ttl > t`: `size(t_k) × ratio + resources`;
        /// GETs `ceil(size × ratio / 20 MiB) + 2 + 10`.
        case velero(ratio: Double, ttl: Double, resources: Double)
        /// CNPG: the newest base backup `b` plus the WAL since, each day's group uniform
        /// over its day.
        case cnpg(ratio: Double, walRatio: Double, paddingRatio: Double, segmentsFloor: Double)
    }

    let name: String
    /// Fire times, seconds since start, ascending.
    let fires: [Double]
    /// The job's runs, seconds since start, ascending.
    let runs: [Double]
    let source: Source
    let job: String
    let workload: Int
    let target: Int
    /// The book entries read: the volume row, then (Velero) the resources row.
    let entries: [Int]
    /// Version 2 faults, CNPG: where archiving is down (WAL read and replayed stops at `a`).
    var archiveDown: FaultWindows.Windows? = nil
    /// Version 2 faults: where the target read is down (the drill fails).
    var targetDown: FaultWindows.Windows? = nil

    /// The restore point at `t` (runs at `t` first; `endOfDay`: the state at a day's end
    /// `t`, whose runs at `t` belong to the next day): its time, and what it holds at `t`,
    /// read with `model`; nil when there is none.
    func point(at t: Double, model: WorkloadModel, endOfDay: Bool = false) -> (time: Double, bytes: Double, gets: Double, wal: Double)? {
        // The last run at or before t (before t at a day's end).
        var lo = 0, hi = runs.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if runs[mid] < t || (!endOfDay && runs[mid] == t) { lo = mid + 1 } else { hi = mid }
        }
        guard lo > 0 else { return nil }
        let tk = runs[lo - 1]
        switch source {
        case .longhorn(let ratio):
            let size = model.size(at: tk)
            return (tk, size * ratio, (size / longhornBlock).rounded(.up), 0)
        case .velero(let ratio, let ttl, let resources):
            guard tk + ttl > t else { return nil }
            let size = model.size(at: tk)
            return (tk, size * ratio + resources, (size * ratio / kopiaPack).rounded(.up) + 2 + 10, 0)
        case .cnpg(let ratio, let walRatio, let paddingRatio, let segmentsFloor):
            // Inside an outage WAL is archived only up to its start a.
            let t = archivedUpTo(t, endOfDay: endOfDay)
            let stored = model.size(at: tk) * ratio
            var bytes = stored
            var gets = (stored / barmanTar).rounded(.up) + 1
            // Each day's WAL group, the part of its day in [t_b, t).
            var day = (tk / 86_400).rounded(.down)
            while day * 86_400 < t {
                let start = day * 86_400, end = start + 86_400
                let share = (min(end, t) - max(start, tk)) / 86_400
                if share > 0 {
                    let written = model.wal(start, end)
                    let n = max(written / walSegment, segmentsFloor)
                    bytes += (written * walRatio + (n * walSegment - written) * paddingRatio) * share
                    gets += n * share
                }
                day += 1
            }
            return (tk, bytes, gets, model.wal(tk, t))
        }
    }

    /// The point's `bytes` by class, as read from `book` on day `d`: the volume row's newest
    /// lots (Velero: and the resources row's); `endOfDay`: classes at the day's end.
    func classBytes(_ bytes: Double, book: BucketBook, day d: Int, endOfDay: Bool = false) -> [Double] {
        if case .velero(_, _, let resources) = source, entries.count > 1 {
            let volume = book.classBytes(entry: entries[0], newest: bytes - resources, day: d, endOfDay: endOfDay)
            let res = book.classBytes(entry: entries[1], newest: resources, day: d, endOfDay: endOfDay)
            return zip(volume, res).map { $0 + $1 }
        }
        guard let k = entries.first else { return Array(repeating: 0, count: StorageClass.allCases.count) }
        return book.classBytes(entry: k, newest: bytes, day: d, endOfDay: endOfDay)
    }

    /// The retrieval delay of a read: the largest of the classes read, seconds.
    static func delay(_ byClass: [Double]) -> Double {
        var delay = 0.0
        for c in StorageClass.allCases where byClass[c.rank] > 0 { delay = max(delay, c.retrievalDelay.value) }
        return delay
    }

    /// The restore time of model.md "Restore" at the end of day `d` (`now`), plus the
    /// retrieval delay of the point's classes then; nil without a restore point.
    func rto(now: Double, day d: Int, model: WorkloadModel, restore: RestoreSpeeds, book: BucketBook) -> Double? {
        guard let point = point(at: now, model: model, endOfDay: true) else { return nil }
        var seconds = model.size(at: point.time) / restore.bandwidthBytesPerSecond
        if case .cnpg = source { seconds += point.wal / restore.walReplayBytesPerSecond }
        if case .velero(_, _, let resources) = source, entries.count > 1 {
            let volume = book.delay(entry: entries[0], newest: point.bytes - resources, day: d, endOfDay: true)
            return seconds + max(volume, book.delay(entry: entries[1], newest: resources, day: d, endOfDay: true))
        }
        return seconds + (entries.first.map { book.delay(entry: $0, newest: point.bytes, day: d, endOfDay: true) } ?? 0)
    }

    /// `t`, or the start `a` of the archive outage `t` is in (`a ≤ t < b`; at a day's end
    /// `t`, `a < t ≤ b`, since the release at `b` belongs to the next day).
    func archivedUpTo(_ t: Double, endOfDay: Bool) -> Double {
        guard let windows = archiveDown else { return t }
        for span in windows.spans where endOfDay ? (span.from < t && t <= span.until) : (span.from <= t && t < span.until) {
            return span.from
        }
        return t
    }
}
