/// One `drills.csv` row (version 2): a drill firing and what its restore reads, costs and
/// takes (model.md "Drills").
public struct DrillRow: Sendable, Hashable {
    public var date: CivilDate
    /// Seconds after 00:00 UTC of `date`.
    public var secondOfDay: Int
    public var drill: String
    public var workload: String
    public var job: String
    /// The target read.
    public var target: String
    /// Stored bytes of the restore point read (they all leave the store).
    public var bytesRead: Double
    public var getRequests: Double
    public var egressBytes: Double
    /// After the month's free allowance; 0 on MinIO.
    public var egressCost: Money
    public var retrievalCost: Money
    /// The largest retrieval delay of the classes read, seconds.
    public var retrievalSeconds: Double
    /// The restore time, seconds; infinite without a restore point.
    public var restoreSeconds: Double

    public init(
        date: CivilDate, secondOfDay: Int, drill: String, workload: String, job: String, target: String, bytesRead: Double,
        getRequests: Double, egressBytes: Double, egressCost: Money, retrievalCost: Money, retrievalSeconds: Double,
        restoreSeconds: Double
    ) {
        self.date = date
        self.secondOfDay = secondOfDay
        self.drill = drill
        self.workload = workload
        self.job = job
        self.target = target
        self.bytesRead = bytesRead
        self.getRequests = getRequests
        self.egressBytes = egressBytes
        self.egressCost = egressCost
        self.retrievalCost = retrievalCost
        self.retrievalSeconds = retrievalSeconds
        self.restoreSeconds = restoreSeconds
    }
}
