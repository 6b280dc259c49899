/// One `workloads.csv` row's values.
public struct WorkloadDayValues: Sendable, Hashable {
    /// End-of-day size, bytes.
    public var size: Double = 0
    /// WAL generated that day (postgres only), bytes.
    public var wal: Double? = nil
    /// The day's RTO in seconds (`.infinity`: no restore possible yet); `nil` when no job protects it.
    public var rto: Double? = nil
    public init() {}
}
