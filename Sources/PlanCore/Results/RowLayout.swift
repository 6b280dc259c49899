/// The static layout of the daily rows, in `daily.csv` order.
public struct RowLayout: Sendable {
    /// Sorted by job, target, workload (empty first): the order of `daily.csv` within a day.
    public var jobRows: [JobRowKey]
    /// Workloads sorted by name.
    public var workloads: [Workload]
    /// Targets sorted by name.
    public var targets: [Target]
    /// The scenario's `version`: which columns the files have (cli.md "Version 2 columns").
    public var version: Int
    /// Version 2 with fault keys: the rows of `faults.csv` within a day, jobs by name (CNPG
    /// jobs with their workload); nil without fault keys (no `faults.csv`).
    public var faultJobs: [(job: String, workload: String?)]?
    public init(
        jobRows: [JobRowKey], workloads: [Workload], targets: [Target], version: Int = 1,
        faultJobs: [(job: String, workload: String?)]? = nil
    ) {
        self.jobRows = jobRows
        self.workloads = workloads
        self.targets = targets
        self.version = version
        self.faultJobs = faultJobs
    }
}

/// The rows of one simulated day. Arrays are indexed as in `RowLayout` (`jobs` by
/// `JobRowKey.source`).
public struct DayRows: Sendable {
    public var day: Int
    public var date: CivilDate
    public var jobs: [JobDayValues]
    public var workloads: [WorkloadDayValues]
    /// Used bytes per target at the day's end (version 2: current plus noncurrent).
    public var targetUsed: [Double]
    /// Version 2, per `RowLayout.jobRows` index: the row's deleted bytes of the day and its
    /// noncurrent bytes at the day's end; empty for version 1.
    public var deleted: [Double] = []
    public var noncurrent: [Double] = []
    /// Version 2, per target: the noncurrent part of `targetUsed`; empty for version 1.
    public var targetNoncurrent: [Double] = []
    /// Version 2 with fault keys, per `RowLayout.faultJobs` entry: the job's day.
    public var faults: [FaultDayValues] = []
}
