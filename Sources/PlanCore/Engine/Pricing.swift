/// S3 storage pricing by cumulative tiers.
public enum Pricing {
    /// The cost of `gbMonths` GB-months under `tiers` (cumulative `up_to`, the last open).
    public static func storageCost(gbMonths: Double, tiers: [PriceTier]) -> Double {
        var cost = 0.0
        var below = 0.0
        for tier in tiers {
            let top = tier.upToGB ?? .infinity
            if gbMonths <= below { break }
            cost += (Swift.min(gbMonths, top) - below) * tier.price.amount
            below = top
        }
        return cost
    }
}
