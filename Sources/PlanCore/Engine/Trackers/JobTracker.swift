/// The peak stored bytes and the uploads of each job (cli.md summary, per job).
struct JobTracker {
    /// Per job (`TIER/NAME`, sorted): its target and its own-target value rows.
    let groups: [(job: String, target: String, rows: [Int])]
    /// Per job: the most bytes stored at a day's end, over its own-target rows.
    var peak: [Double]
    /// Per job: bytes uploaded since start.
    var uploaded: [Double]

    /// `groups`' rows as one flat list, read by the day loop.
    let rows: Ragged

    init(groups: [(job: String, target: String, rows: [Int])]) {
        self.groups = groups
        rows = Ragged(groups.map(\.rows))
        peak = Array(repeating: 0, count: groups.count)
        uploaded = Array(repeating: 0, count: groups.count)
    }

    /// Records a day from its job rows.
    ///
    /// - Complexity: O(own-target rows), no allocation.
    @inline(__always)
    mutating func record(jobs: [JobDayValues]) {
        for g in 0..<rows.count {
            var stored = 0.0
            var up = uploaded[g]
            for i in rows.range(g) {
                let r = rows.flat[i]
                stored += jobs[r].stored
                up += jobs[r].uploaded
            }
            uploaded[g] = up
            if stored > peak[g] { peak[g] = stored }
        }
    }

    /// One summary per job: peak stored, mean upload a day over `horizonDays`, and the
    /// fewest restore points any of its rows holds on the last day (`jobs`).
    func summaries(horizonDays: Int, lastDay jobs: [JobDayValues]) -> [JobSummary] {
        groups.indices.map { g in
            JobSummary(
                job: groups[g].job, target: groups[g].target, peakStored: ByteCount(peak[g]),
                meanDailyUpload: ByteCount(uploaded[g] / Double(horizonDays)),
                finalRestorePoints: Int(groups[g].rows.map { jobs[$0].restorePoints }.min() ?? 0))
        }
    }
}
