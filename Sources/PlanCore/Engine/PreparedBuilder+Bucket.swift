/// The version 2 plan of the daily rows on their targets (`BucketBook`).
extension PreparedBuilder {
    /// For a version 2 scenario, the book's rows (every daily row, in layout order) and
    /// each target's settings, prices, class steps and Longhorn poll; nil for version 1.
    func bucketBook(layout: [JobRowKey]) -> BucketBook? {
        let s = scenario
        guard s.version >= 2 else { return nil }
        let entries = layout.enumerated().compactMap { i, k in
            targetIndex[k.target].map { BucketBook.Entry(target: $0, source: k.source, layoutRow: i) }
        }
        let plans = s.targets.enumerated().map { t, target in
            BucketBook.TargetPlan(
                kind: target.kind, bucket: target.bucket, segments: ClassSegments(target.bucket), prices: target.prices,
                poll: pollPlan(target: t))
        }
        return BucketBook(entries: entries, targets: plans, rows: layout.count, horizonDays: s.horizonDays)
    }

    /// The Longhorn poll of target `t`: the first run of each backup volume written to it by
    /// a Longhorn `backup` job (its own target, not a replica); nil without one or with
    /// `poll_interval: 0`.
    func pollPlan(target t: Int) -> PollPlan? {
        let target = scenario.targets[t]
        let interval = target.bucket.pollInterval.value
        guard target.isObjectStore, interval > 0 else { return nil }
        var first: [Int: Double] = [:]
        var writes = false
        for (j, job) in scenario.longhorn.enumerated() where job.task == .backup && job.target == target.name {
            writes = true
            guard let start = longhorn[j].fires.first else { continue }
            for v in longhorn[j].volumes { first[v.workload] = min(first[v.workload] ?? .infinity, start) }
        }
        guard writes else { return nil }
        return PollPlan(interval: interval, firstRuns: first.values.sorted())
    }
}
