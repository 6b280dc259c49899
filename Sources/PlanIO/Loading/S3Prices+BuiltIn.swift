import PlanCore

extension S3Prices {
    /// Regions with built-in S3 Standard prices (model.md, the table at the end).
    public static let builtInRegions = ["us-east-1", "us-east-2", "us-west-1", "us-west-2", "eu-central-1"]

    /// The built-in S3 Standard prices of `region`, or `nil` for a region not in model.md's
    /// table. Storage tiers per GB-month (GB = 2^30 bytes): the first 50 TiB (51,200 GB),
    /// the next 450 TiB (up to 512,000 GB), and above; requests per 1,000.
    public static func builtIn(region: String) -> S3Prices? {
        func prices(_ t1: Double, _ t2: Double, _ t3: Double, put: Double, get: Double) -> S3Prices {
            S3Prices(
                storageTiers: [
                    PriceTier(upToGB: 51_200, price: Money(t1)),
                    PriceTier(upToGB: 512_000, price: Money(t2)),
                    PriceTier(upToGB: nil, price: Money(t3)),
                ],
                putPer1000: Money(put), getPer1000: Money(get))
        }
        switch region {
        case "us-east-1", "us-east-2", "us-west-2": return prices(0.023, 0.022, 0.021, put: 0.005, get: 0.0004)
        case "us-west-1": return prices(0.026, 0.0245, 0.0235, put: 0.0055, get: 0.00044)
        case "eu-central-1": return prices(0.0245, 0.0235, 0.0225, put: 0.0054, get: 0.00043)
        default: return nil
        }
    }
}
