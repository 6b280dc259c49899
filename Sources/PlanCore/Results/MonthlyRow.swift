/// One `monthly.csv` row.
public struct MonthlyRow: Sendable, Hashable {
    /// `YYYY-MM`.
    public var month: String
    /// A target name, or `total`.
    public var target: String
    public var days: Int
    public var fixedCost: Money
    public var storageCost: Money
    public var requestCost: Money
    public var totalCost: Money
    public var gbMonths: Double
    public var putRequests: Double
    /// Version 2: the appended columns; nil for a version 1 scenario.
    public var billing: MonthlyBilling?

    public init(
        month: String, target: String, days: Int, fixedCost: Money, storageCost: Money, requestCost: Money,
        totalCost: Money, gbMonths: Double, putRequests: Double, billing: MonthlyBilling? = nil
    ) {
        self.month = month
        self.target = target
        self.days = days
        self.fixedCost = fixedCost
        self.storageCost = storageCost
        self.requestCost = requestCost
        self.totalCost = totalCost
        self.gbMonths = gbMonths
        self.putRequests = putRequests
        self.billing = billing
    }
}
