/// The peak stored bytes and the uploads of each job (cli.md summary, per job).
struct JobTracker {
    /// Per job (`TIER/NAME`, sorted): its target and its own-target value rows.
    let groups: [(job: String, target: String, rows: [Int])]
    /// Per job: the most bytes stored at a day's end, over its own-target rows.
    var peak: [Double]
    /// Per job: bytes uploaded since start.
    var uploaded: [Double]

    init(groups: [(job: String, target: String, rows: [Int])]) {
        self.groups = groups
        peak = Array(repeating: 0, count: groups.count)
        uploaded = Array(repeating: 0, count: groups.count)
    }

    /// Records a day from its job rows.
    ///
    /// - Complexity: O(own-target rows), no allocation.
    @inline(__always)
    mutating func record(jobs: [JobDayValues]) {
        for g in groups.indices {
            var stored = 0.0
            for r in groups[g].rows {
                stored += jobs[r].stored
                uploaded[g] += jobs[r].uploaded
            }
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
