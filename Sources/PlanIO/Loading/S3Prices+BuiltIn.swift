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
                putPer1000: Money(put), getPer1000: Money(get), egressGB: Money(0.09), classes: builtInClasses(region: region))
        }
        switch region {
        case "us-east-1", "us-east-2", "us-west-2": return prices(0.023, 0.022, 0.021, put: 0.005, get: 0.0004)
        case "us-west-1": return prices(0.026, 0.0245, 0.0235, put: 0.0055, get: 0.00044)
        case "eu-central-1": return prices(0.0245, 0.0235, 0.0225, put: 0.0054, get: 0.00043)
        default: return nil
        }
    }

    /// The built-in prices of the classes other than `standard` (model.md "Version 2
    /// defaults", the class table): us-east-1, us-east-2, us-west-2 and us-west-1 have
    /// them; another region gets none, and a target using a class there must give
    /// `prices.classes.CLASS`. The us-west-1 figures and the IA, One Zone and Glacier IR
    /// request and transition prices are the usual published values, not confirmed
    /// against AWS's own text.
    public static func builtInClasses(region: String) -> [StorageClass: ClassPrices] {
        func c(_ storage: Double, _ put: Double, _ get: Double, _ retrieval: Double, _ transition: Double, _ restore: Double = 0)
            -> ClassPrices
        {
            ClassPrices(
                storageGBMonth: Money(storage), putPer1000: Money(put), getPer1000: Money(get), retrievalGB: Money(retrieval),
                transitionPer1000: Money(transition), restorePer1000: Money(restore))
        }
        switch region {
        case "us-east-1", "us-east-2", "us-west-2":
            return [
                .standardIA: c(0.0125, 0.01, 0.001, 0.01, 0.01), .onezoneIA: c(0.01, 0.01, 0.001, 0.01, 0.01),
                .glacierIR: c(0.004, 0.02, 0.01, 0.03, 0.02), .glacierFlexible: c(0.0036, 0.03, 0.0004, 0.01, 0.03, 0.05),
                .deepArchive: c(0.00099, 0.05, 0.0004, 0.02, 0.05, 0.10),
            ]
        case "us-west-1":
            return [
                .standardIA: c(0.019, 0.01, 0.001, 0.01, 0.01), .onezoneIA: c(0.0152, 0.01, 0.001, 0.01, 0.01),
                .glacierIR: c(0.005, 0.02, 0.01, 0.03, 0.02), .glacierFlexible: c(0.0045, 0.03, 0.0004, 0.01, 0.03, 0.05),
                .deepArchive: c(0.002, 0.05, 0.0004, 0.02, 0.05, 0.10),
            ]
        default:
            return [:]
        }
    }
}
