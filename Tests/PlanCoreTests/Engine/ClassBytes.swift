@testable import PlanCore

/// Each daily row's bytes by storage class, as the engine's `BucketBook` places them: a
/// book with one target per row (the row's own target's settings) fed the run's days with
/// no objects, so that its billed bytes are the plain bytes (density 0: no minimum object
/// size, no archive overhead).
enum ClassBytes {
    /// `[day][layout row]`: the row's bytes by class (`StorageClass.rank`), current plus
    /// noncurrent; nil for the rows under a cluster target (never billed by class).
    static func perRow(_ s: Scenario, layout: RowLayout, days: [DayRows]) -> [[[Double]?]] {
        var entries: [BucketBook.Entry] = []
        var plans: [BucketBook.TargetPlan] = []
        var entryOfRow: [Int: Int] = [:]
        for (k, key) in layout.jobRows.enumerated() {
            guard let target = s.targets.first(where: { $0.name == key.target }), target.kind != .cluster else { continue }
            entryOfRow[k] = entries.count
            entries.append(BucketBook.Entry(target: plans.count, source: key.source, layoutRow: k))
            plans.append(
                BucketBook.TargetPlan(kind: target.kind, bucket: target.bucket, segments: ClassSegments(target.bucket), prices: nil, poll: nil))
        }
        var book = BucketBook(entries: entries, targets: plans, rows: layout.jobRows.count, horizonDays: s.horizonDays)
        var out: [[[Double]?]] = []
        for rows in days {
            var jobs = rows.jobs
            for i in jobs.indices { jobs[i].objects = 0 }
            book.endDay(rows.day, jobs: jobs, daysInMonth: Double(CivilDate.daysIn(year: rows.date.year, month: rows.date.month)))
            out.append(layout.jobRows.indices.map { k in entryOfRow[k].map { book.billed[$0] } })
        }
        return out
    }
}
