/// The version 2 columns of a `monthly.csv` row (cli.md "Version 2 columns"): the requests
/// beyond PUTs, the bytes read by drills, the costs of model.md "Monthly cost (version 2)"
/// and the GB-months of noncurrent bytes.
public struct MonthlyBilling: Sendable, Hashable {
    /// GET-class requests: drill reads and the Longhorn poll's HEADs.
    public var getRequests: Double = 0
    /// LIST requests of the Longhorn poll.
    public var listRequests: Double = 0
    /// Bytes read by drills (all leave the store).
    public var egressBytes: Double = 0
    public var egressCost: Money = .zero
    public var retrievalCost: Money = .zero
    public var earlyDeleteCost: Money = .zero
    public var transitionCost: Money = .zero
    /// GB-months (2^30 bytes) of noncurrent versions.
    public var noncurrentGBMonths: Double = 0

    public init() {}

    /// The sum of two rows' columns (the `total` row).
    public static func + (a: MonthlyBilling, b: MonthlyBilling) -> MonthlyBilling {
        var s = MonthlyBilling()
        s.getRequests = a.getRequests + b.getRequests
        s.listRequests = a.listRequests + b.listRequests
        s.egressBytes = a.egressBytes + b.egressBytes
        s.egressCost = a.egressCost + b.egressCost
        s.retrievalCost = a.retrievalCost + b.retrievalCost
        s.earlyDeleteCost = a.earlyDeleteCost + b.earlyDeleteCost
        s.transitionCost = a.transitionCost + b.transitionCost
        s.noncurrentGBMonths = a.noncurrentGBMonths + b.noncurrentGBMonths
        return s
    }
}
