/// What the day loop carries from one step of a day to the next: the day's rows and each
/// workload's RTO offers, WAL and first-run flag.
struct DayState {
    /// The rows of the day being simulated, handed to the sink at its end.
    var rows: DayRows
    /// Per workload: the shortest restore time any job offers at the day's end, seconds;
    /// nil while none does. Reset at the start of each day.
    var rto: [Double?]
    /// Per workload: the WAL it writes during the day, bytes (0 but for `postgres`).
    var walToday: [Double]
    /// Per workload: a job protecting it has run (its RTO is judged from then on).
    var ranYet: [Bool]
    /// The restore bandwidth, bytes per second (model.md "Restore").
    let bandwidth: Double
    /// Version 2: the rows' lots on their targets.
    var bucket: BucketBook?
    /// Version 2: the drills' firings so far.
    var drills: DrillTracker?
    /// Version 2 with fault keys: the runs and WAL volumes so far.
    var faults: FaultTracker?

    /// The state before day 0 of `p`: every value zero, nothing run yet.
    init(_ p: borrowing Prepared) {
        let s = p.scenario
        let workloads = s.workloads.count
        rows = DayRows(
            day: 0, date: s.start, jobs: Array(repeating: JobDayValues(), count: p.rowCount),
            workloads: Array(repeating: WorkloadDayValues(), count: workloads), targetUsed: Array(repeating: 0, count: s.targets.count))
        rto = Array(repeating: nil, count: workloads)
        walToday = Array(repeating: 0, count: workloads)
        ranYet = Array(repeating: false, count: workloads)
        bandwidth = s.restore.bandwidthBytesPerSecond
        bucket = p.bucket
        drills = p.bucket == nil ? nil : DrillTracker(plans: p.drills, egressFree: s.restore.egressFree.bytes)
        faults = p.faults
        if let f = p.faults { rows.faults = Array(repeating: FaultDayValues(), count: f.jobs.count) }
        if p.bucket != nil {
            rows.deleted = Array(repeating: 0, count: p.layout.jobRows.count)
            rows.noncurrent = rows.deleted
            rows.targetNoncurrent = Array(repeating: 0, count: s.targets.count)
        }
    }
}
