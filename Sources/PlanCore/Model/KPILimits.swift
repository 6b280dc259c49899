/// `kpis`: limits the plan must meet (`nil`: not set, reported as `info`).
public struct KPILimits: Sendable, Hashable {
    public var monthlyBudget: Money?
    public var rpo: Seconds?
    public var rto: Seconds?
    public var efficiency: Share?
    public var capacityAlert: Share
    public var volumeAlert: Share
    public init(
        monthlyBudget: Money? = nil, rpo: Seconds? = nil, rto: Seconds? = nil, efficiency: Share? = nil,
        capacityAlert: Share = ScenarioDefaults.capacityAlert, volumeAlert: Share = ScenarioDefaults.volumeAlert
    ) {
        self.monthlyBudget = monthlyBudget
        self.rpo = rpo
        self.rto = rto
        self.efficiency = efficiency
        self.capacityAlert = capacityAlert
        self.volumeAlert = volumeAlert
    }
}
