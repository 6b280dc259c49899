/// One S3 storage price tier: GB-months up to `upTo` (cumulative, in GB of 2^30 bytes;
/// `nil` for the last tier) cost `price` each.
public struct PriceTier: Sendable, Hashable {
    public var upToGB: Double?
    public var price: Money
    public init(upToGB: Double?, price: Money) {
        self.upToGB = upToGB
        self.price = price
    }
}

/// S3 prices: storage tiers per GB-month and PUT requests per 1,000.
public struct S3Prices: Sendable, Hashable {
    public var storageTiers: [PriceTier]
    public var putPer1000: Money
    public var getPer1000: Money
    /// Data transfer out per GB; nil when neither the region nor `prices.egress_gb` gives one.
    public var egressGB: Money?
    /// Version 2: the prices of the classes other than `standard` (built-in for the
    /// region, with `prices.classes` applied).
    public var classes: [StorageClass: ClassPrices]
    public init(
        storageTiers: [PriceTier], putPer1000: Money, getPer1000: Money = .zero, egressGB: Money? = nil,
        classes: [StorageClass: ClassPrices] = [:]
    ) {
        self.storageTiers = storageTiers
        self.putPer1000 = putPer1000
        self.getPer1000 = getPer1000
        self.egressGB = egressGB
        self.classes = classes
    }
}
