/// `kpis`: limits the plan must meet (`nil`: not set, reported as `info`).
public struct KPILimits: Sendable, Hashable {
    public var monthlyBudget: Money?
    public var rpo: Seconds?
    public var rto: Seconds?
    public var efficiency: Share?
    /// Version 2: the mean restore time over all drills.
    public var mttr: Seconds?
    public var capacityAlert: Share
    public var volumeAlert: Share
    public init(
        monthlyBudget: Money? = nil, rpo: Seconds? = nil, rto: Seconds? = nil, efficiency: Share? = nil, mttr: Seconds? = nil,
        capacityAlert: Share = ScenarioDefaults.capacityAlert, volumeAlert: Share = ScenarioDefaults.volumeAlert
    ) {
        self.monthlyBudget = monthlyBudget
        self.rpo = rpo
        self.rto = rto
        self.efficiency = efficiency
        self.mttr = mttr
        self.capacityAlert = capacityAlert
        self.volumeAlert = volumeAlert
    }
}
