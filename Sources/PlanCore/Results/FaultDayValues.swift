/// One `faults.csv` row's values (version 2, with the fault keys): a job's day.
public struct FaultDayValues: Sendable, Hashable {
    /// The job's scheduled runs that day, and those that failed.
    public var runsScheduled: Double = 0
    public var runsFailed: Double = 0
    /// CNPG: the unarchived segment bytes at the day's end; nil for other jobs.
    public var walHeld: Double?
    /// CNPG: `max_wal_size` + the day's largest backlog; nil for other jobs.
    public var pgWALPeak: Double?
    public init() {}
}
