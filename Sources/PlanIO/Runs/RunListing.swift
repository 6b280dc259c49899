import PlanCore

/// One line of `plan runs`: a run's header fields and its headline figures.
public struct RunListing: Sendable {
    public var id: Int64
    public var createdAt: String
    public var scenario: String
    public var scenarioPath: String?
    public var contentHash: String
    public var overrides: [String]
    public var horizonDays: Int
    public var currency: String
    public var totalCost: Double
    public var peakMonthlyCost: Double
    /// KPI rows that fail, and rows with a limit (pass or fail).
    public var kpisFailed: Int
    public var kpisChecked: Int

    public init(
        id: Int64, createdAt: String, scenario: String, scenarioPath: String?, contentHash: String, overrides: [String], horizonDays: Int,
        currency: String, totalCost: Double, peakMonthlyCost: Double, kpisFailed: Int, kpisChecked: Int
    ) {
        self.id = id
        self.createdAt = createdAt
        self.scenario = scenario
        self.scenarioPath = scenarioPath
        self.contentHash = contentHash
        self.overrides = overrides
        self.horizonDays = horizonDays
        self.currency = currency
        self.totalCost = totalCost
        self.peakMonthlyCost = peakMonthlyCost
        self.kpisFailed = kpisFailed
        self.kpisChecked = kpisChecked
    }
}
