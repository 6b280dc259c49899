/// One `jobs.csv` row (version 2): a daily row's share of its target's month (README "Cost
/// per job"). One per month per `daily.csv` row key (job, target, workload).
///
/// Every cost is a whole number of printed units (`CostSplit`): over the rows of one target
/// and month, each cost column sums exactly to that column of the target's monthly.csv row.
public struct JobCostRow: Sendable, Hashable {
    /// `YYYY-MM`.
    public var month: String
    /// `TIER/NAME`.
    public var job: String
    public var tier: Tier
    public var target: String
    /// The volume's workload; empty for a Velero resources row.
    public var workload: String
    /// The row's GB-months on the target (current plus noncurrent bytes), as monthly.csv's.
    public var gbMonths: Double
    public var putRequests: Double
    public var fixedCost: Money = .zero
    public var storageCost: Money = .zero
    public var requestCost: Money = .zero
    public var egressCost: Money = .zero
    public var retrievalCost: Money = .zero
    public var earlyDeleteCost: Money = .zero
    public var transitionCost: Money = .zero
    public var totalCost: Money = .zero

    public init(month: String, job: String, tier: Tier, target: String, workload: String, gbMonths: Double, putRequests: Double) {
        self.month = month
        self.job = job
        self.tier = tier
        self.target = target
        self.workload = workload
        self.gbMonths = gbMonths
        self.putRequests = putRequests
    }
}
