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

extension PreparedBuilder {
    /// The drills of a version 2 scenario, each with its job's runs and the book entries it
    /// reads (`book` built for `layout`); empty for version 1.
    func drillPlans(layout: [JobRowKey], book: BucketBook?) -> [DrillPlan] {
        let s = scenario
        guard let book, s.version >= 2 else { return [] }
        var entryOfRow: [Int: Int] = [:]
        for (k, e) in book.entries.enumerated() { entryOfRow[e.layoutRow] = k }
        func entry(_ job: String, _ target: String, _ workload: String) -> Int? {
            layout.firstIndex { $0.job == job && $0.target == target && $0.workload == workload }.flatMap { entryOfRow[$0] }
        }
        return s.drills.compactMap { d in
            guard let w = workloadIndex[d.workload], let t = targetIndex[d.target] else { return nil }
            let parts = d.job.split(separator: "/", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { return nil }
            let fires = d.schedule.fireTimes(start: s.start, horizonSeconds: Int64(s.horizonDays) * 86_400, limit: Engine.maximumRunsPerJob)
                .map(Double.init)
            let volume = entry(d.job, d.target, d.workload)
            switch parts[0] {
            case "longhorn":
                guard let j = s.longhorn.firstIndex(where: { $0.name == parts[1] }) else { return nil }
                return DrillPlan(
                    name: d.name, fires: fires, runs: longhorn[j].fires, source: .longhorn(ratio: longhorn[j].ratio), job: d.job,
                    workload: w, target: t, entries: [volume].compactMap { $0 })
            case "velero":
                guard let j = s.velero.firstIndex(where: { $0.name == parts[1] }) else { return nil }
                let v = velero[j]
                return DrillPlan(
                    name: d.name, fires: fires, runs: v.fires, source: .velero(ratio: v.ratio, ttl: v.ttl, resources: v.resources),
                    job: d.job, workload: w, target: t, entries: [volume, entry(d.job, d.target, "")].compactMap { $0 })
            case "cnpg":
                guard let c = cnpg.firstIndex(where: { $0.workload == w && keys[$0.row].job == d.job }) else { return nil }
                let sim = cnpg[c]
                return DrillPlan(
                    name: d.name, fires: fires, runs: sim.fires,
                    source: .cnpg(ratio: sim.ratio, walRatio: sim.walRatio, paddingRatio: sim.paddingRatio, segmentsFloor: sim.segmentsFloor),
                    job: d.job, workload: w, target: t, entries: [volume].compactMap { $0 })
            default:
                return nil
            }
        }
    }
}
