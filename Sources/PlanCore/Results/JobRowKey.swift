/// The fixed part of one `daily.csv` row: which job, volume and target it describes.
public struct JobRowKey: Sendable, Hashable {
    /// `TIER/NAME`.
    public var job: String
    public var tier: Tier
    public var target: String
    /// The volume's workload; empty for a Velero resources row.
    public var workload: String
    /// Index into `DayRows.jobs` of the values this row shows (a replica row repeats the
    /// values of its original).
    public var source: Int
    /// True for the copy under a target that `replicates` the job.
    public var isReplica: Bool
}
