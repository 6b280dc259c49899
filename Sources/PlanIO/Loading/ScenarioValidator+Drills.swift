import PlanCore

/// `drills.NAME` (version 2): the restore tests, each checked against the jobs and targets
/// it names (scenario.md "Version 2 errors").
extension ScenarioValidator {
    mutating func drills(_ top: Fields, scenario s: Scenario, references: References) -> [Drill] {
        var drills: [Drill] = []
        for entry in namedEntries(top, "drills", noun: "drill") ?? [] {
            if let drill = drill(entry, scenario: s, references: references) { drills.append(drill) }
        }
        return drills
    }

    mutating func drill(_ entry: YAMLPair, scenario s: Scenario, references: References) -> Drill? {
        let path = "drills." + entry.key
        guard let f = fields(entry.value, anchor: entry.keyNode, path: path, allowed: Schema.drill, what: "drill keys") else { return nil }
        for key in Schema.requiredKeys(Schema.drillKeys) { required(f, key) }
        let schedule = cron(f, "schedule", dialect: .standard, default: nil)
        let workload = workloadReference(f, "workload", references: references, postgresOnly: false)
        guard let (job, jobNode) = text(f, "job", expected: "a job as TIER/NAME such as 'cnpg/app-postgres'") else { return nil }
        guard let own = references.jobs[job] else {
            error(
                jobNode, f.path("job"), "no job '\(job)'",
                suggestion: Suggest.suggestion(for: job, among: references.jobs.keys.sorted(), listing: "the jobs are"))
            return nil
        }
        if let workload, !Self.job(job, in: s, protects: workload) {
            let node = f["workload"]?.value ?? jobNode
            error(
                node, f.path("workload"), "'\(job)' does not protect '\(workload)'",
                suggestion: own.isSnapshot ? "a Longhorn snapshot job restores nothing off the cluster" : "name a workload the job backs up")
            return nil
        }
        var target = own.target
        if let (text, node) = self.text(f, "target", expected: "a target name") {
            let replicas = s.targets.filter { $0.replicates.contains(job) }.map(\.name)
            guard text == own.target || replicas.contains(text) else {
                let options = ([own.target].compactMap { $0 } + replicas).joined(separator: ", ")
                error(node, f.path("target"), "'\(text)' holds no copy of '\(job)'", suggestion: "read from \(options)")
                return nil
            }
            target = text
        }
        if let target, let t = s.targets.first(where: { $0.name == target }), t.kind == .s3, t.prices?.egressGB == nil {
            let node = f["target"]?.value ?? entry.keyNode
            error(
                node, f.path("target"), "s3 target '\(target)' in region '\(t.region)' has no built-in egress price",
                suggestion: "give targets.\(target).prices.egress_gb")
        }
        guard let schedule, let workload, let target else { return nil }
        return Drill(name: entry.key, schedule: schedule, workload: workload, job: job, target: target)
    }

    /// True when `job` (`TIER/NAME`) backs up `workload` to an object store.
    static func job(_ job: String, in s: Scenario, protects workload: String) -> Bool {
        let parts = job.split(separator: "/", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return false }
        switch parts[0] {
        case "cnpg": return s.cnpg.contains { $0.name == parts[1] && $0.workload == workload }
        case "velero": return s.velero.contains { $0.name == parts[1] && $0.volumes.contains(workload) }
        case "longhorn": return s.longhorn.contains { $0.name == parts[1] && $0.task == .backup && $0.volumes.contains(workload) }
        default: return false
        }
    }
}
