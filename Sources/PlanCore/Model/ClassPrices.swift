/// The prices of one S3 storage class other than `standard` (model.md "Version 2
/// defaults"): per GB-month, per 1,000 requests, and per GB retrieved.
public struct ClassPrices: Sendable, Hashable {
    public var storageGBMonth: Money
    public var putPer1000: Money
    public var getPer1000: Money
    public var retrievalGB: Money
    public var transitionPer1000: Money
    /// Glacier's RestoreObject at the Standard tier; zero for the classes without one.
    public var restorePer1000: Money

    public init(
        storageGBMonth: Money, putPer1000: Money, getPer1000: Money, retrievalGB: Money, transitionPer1000: Money,
        restorePer1000: Money = .zero
    ) {
        self.storageGBMonth = storageGBMonth
        self.putPer1000 = putPer1000
        self.getPer1000 = getPer1000
        self.retrievalGB = retrievalGB
        self.transitionPer1000 = transitionPer1000
        self.restorePer1000 = restorePer1000
    }
}
