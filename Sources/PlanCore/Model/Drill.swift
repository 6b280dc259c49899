/// `drills.NAME` (version 2): a scheduled restore test (model.md "Drills").
public struct Drill: Sendable, Hashable {
    public var name: String
    /// 5 fields, as Velero and Longhorn read them.
    public var schedule: CronSchedule
    /// The workload restored.
    public var workload: String
    /// The job restored from, as `TIER/NAME`.
    public var job: String
    /// The target read: the job's own, or one that replicates the job.
    public var target: String

    public init(name: String, schedule: CronSchedule, workload: String, job: String, target: String) {
        self.name = name
        self.schedule = schedule
        self.workload = workload
        self.job = job
        self.target = target
    }
}
