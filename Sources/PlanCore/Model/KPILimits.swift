/// `kpis`: limits the plan must meet (`nil`: not set, reported as `info`).
public struct KPILimits: Sendable, Hashable {
    public var monthlyBudget: Money?
    public var rpo: Seconds?
    public var rto: Seconds?
    public var efficiency: Share?
    /// Version 2: the mean restore time over all drills.
    public var mttr: Seconds?
    /// Version 2, faults: successful ÷ scheduled runs, per job.
    public var successRate: Share?
    /// Version 2, faults: the archive outage each WAL volume must hold.
    public var walTolerance: Seconds?
    public var capacityAlert: Share
    public var volumeAlert: Share
    public init(
        monthlyBudget: Money? = nil, rpo: Seconds? = nil, rto: Seconds? = nil, efficiency: Share? = nil, mttr: Seconds? = nil,
        successRate: Share? = nil, walTolerance: Seconds? = nil,
        capacityAlert: Share = ScenarioDefaults.capacityAlert, volumeAlert: Share = ScenarioDefaults.volumeAlert
    ) {
        self.monthlyBudget = monthlyBudget
        self.rpo = rpo
        self.rto = rto
        self.efficiency = efficiency
        self.mttr = mttr
        self.successRate = successRate
        self.walTolerance = walTolerance
        self.capacityAlert = capacityAlert
        self.volumeAlert = volumeAlert
    }
}
