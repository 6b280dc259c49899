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
            let fires = d.schedule.fireTimes(start: s.start, horizonSeconds: Int64(s.horizonDays) * 86_400, limit: Engine.maximumRunsPerJob)
                .map(Double.init)
            var p = plan(name: d.name, fires: fires, job: d.job, target: d.target, workload: d.workload, entry: entry)
            p?.archiveDown = windows?.archiveDown[d.job]
            p?.targetDown = windows?.targetDown[d.target]
            return p
        }
    }

    /// The reading of `job`'s newest point of `workload` on `target`, fired at `fires`.
    func plan(
        name: String, fires: [Double], job: String, target: String, workload: String, entry: (String, String, String) -> Int?
    ) -> DrillPlan? {
        let s = scenario
        guard let w = workloadIndex[workload], let t = targetIndex[target] else { return nil }
        let parts = job.split(separator: "/", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return nil }
        let d = (name: name, job: job, target: target, workload: workload)
        let volume = entry(job, target, workload)
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

    /// Per workload, the reading of the newest point of every job that protects it on its
    /// own target, when one of those targets uses an archive class (the daily RTO then
    /// includes each job's retrieval delay); empty for the other workloads and version 1.
    func rtoPlans(layout: [JobRowKey], book: BucketBook?) -> [[DrillPlan]] {
        let s = scenario
        var out = Array(repeating: [DrillPlan](), count: s.workloads.count)
        guard let book, s.version >= 2 else { return out }
        var entryOfRow: [Int: Int] = [:]
        for (k, e) in book.entries.enumerated() { entryOfRow[e.layoutRow] = k }
        func entry(_ job: String, _ target: String, _ workload: String) -> Int? {
            layout.firstIndex { $0.job == job && $0.target == target && $0.workload == workload }.flatMap { entryOfRow[$0] }
        }
        let archive = Set(
            s.targets.filter { t in ([t.bucket.storageClass] + t.bucket.lifecycle.map(\.storageClass)).contains { $0.isArchive } }.map(\.name))
        guard !archive.isEmpty else { return out }
        for (w, workload) in s.workloads.enumerated() {
            var jobs: [(String, String)] = []
            for j in s.longhorn where j.task == .backup && j.volumes.contains(workload.name) { jobs.append(("longhorn/\(j.name)", j.target)) }
            for j in s.velero where j.volumes.contains(workload.name) { jobs.append(("velero/\(j.name)", j.target)) }
            for j in s.cnpg where j.workload == workload.name { jobs.append(("cnpg/\(j.name)", j.target)) }
            guard jobs.contains(where: { archive.contains($0.1) }) else { continue }
            out[w] = jobs.compactMap { job, target in
                var p = plan(name: "", fires: [], job: job, target: target, workload: workload.name, entry: entry)
                p?.archiveDown = windows?.archiveDown[job]
                return p
            }
        }
        return out
    }
}
