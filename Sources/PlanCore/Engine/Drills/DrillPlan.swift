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

    /// The restore point at `t` (runs at `t` first): its time, and what it holds at `t`,
    /// read with `model`; nil when there is none.
    func point(at t: Double, model: WorkloadModel) -> (time: Double, bytes: Double, gets: Double, wal: Double)? {
        // The last run at or before t.
        var lo = 0, hi = runs.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if runs[mid] <= t { lo = mid + 1 } else { hi = mid }
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
}
