@testable import PlanCore

/// Random version 2 scenarios: the jobs and workloads of `RandomScenario.make`, with
/// horizons of up to 120 days and every object-store target's bucket drawn at random
/// (model.md "Version 2: the object store as billed"): versioning with and without
/// `noncurrent_expiry`, `object_lock`, `storage_class` and a `lifecycle` that obeys S3's
/// waterfall (each class strictly colder, whole days strictly increasing, at least 30 days
/// into `standard-ia` and `onezone-ia`, no `onezone-ia` → `glacier-ir`), `poll_interval`,
/// and `snapshot_target` on some Longhorn backup jobs.
extension RandomScenario {
    /// us-east-1's class prices (PlanIO's `S3Prices.builtInClasses`), written out.
    static let classPrices: [StorageClass: ClassPrices] = {
        func c(_ storage: Double, _ put: Double, _ get: Double, _ retrieval: Double, _ transition: Double, _ restore: Double = 0) -> ClassPrices {
            ClassPrices(
                storageGBMonth: Money(storage), putPer1000: Money(put), getPer1000: Money(get), retrievalGB: Money(retrieval),
                transitionPer1000: Money(transition), restorePer1000: Money(restore))
        }
        return [
            .standardIA: c(0.0125, 0.01, 0.001, 0.01, 0.01), .onezoneIA: c(0.01, 0.01, 0.001, 0.01, 0.01),
            .glacierIR: c(0.004, 0.02, 0.01, 0.03, 0.02), .glacierFlexible: c(0.0036, 0.03, 0.0004, 0.01, 0.03, 0.05),
            .deepArchive: c(0.00099, 0.05, 0.0004, 0.02, 0.05, 0.10),
        ]
    }()

    static func makeVersion2(seed: UInt64) -> Scenario {
        var s = make(seed: seed)
        var g = SplitMix(state: seed ^ 0xA5A5_5A5A_0F0F_F0F0)
        func pick<T>(_ xs: [T]) -> T { xs[Int.random(in: 0..<xs.count, using: &g)] }
        s.version = 2
        s.horizonDays = Int.random(in: 20...120, using: &g)
        for i in s.targets.indices where s.targets[i].kind != .cluster {
            var b = BucketSettings()
            b.versioning = Int.random(in: 0..<3, using: &g) > 0
            if b.versioning {
                b.noncurrentExpiryDays = pick([nil, 1, 2, 5, 10, 30])
                b.objectLockDays = pick([nil, nil, 1, 3, 7, 20, 45])
            }
            b.pollInterval = Seconds(pick([300.0, 0, 3600, 7000, 86_400]))
            if s.targets[i].kind == .s3 {
                b.storageClass = pick([.standard, .standard, .standard, .standardIA, .onezoneIA, .glacierIR, .glacierFlexible])
                b.lifecycle = lifecycle(from: b.storageClass, using: &g)
                var prices = S3Prices(
                    storageTiers: [PriceTier(upToGB: pick([5.0, 50]), price: Money(0.023)), PriceTier(upToGB: nil, price: Money(0.021))],
                    putPer1000: Money(0.005), getPer1000: Money(0.0004), egressGB: Money(0.09), classes: classPrices)
                prices.putPer1000 = Money(pick([0.005, 0.0055]))
                s.targets[i].prices = prices
                s.targets[i].monthlyCost = Money(pick([0.0, 7.5]))
            }
            s.targets[i].bucket = b
        }
        for j in s.longhorn.indices where s.longhorn[j].task == .backup && Bool.random(using: &g) {
            s.longhorn[j].snapshotTarget = "c"
        }
        return s
    }

    /// Zero to three transitions after `upload`, each valid for S3.
    static func lifecycle(from upload: StorageClass, using g: inout SplitMix) -> [LifecycleRule] {
        var rules: [LifecycleRule] = []
        var previous = (days: 0, storageClass: upload)
        for _ in 0..<Int.random(in: 0...3, using: &g) {
            let colder = StorageClass.allCases.filter { c in
                c > previous.storageClass && !(previous.storageClass == .onezoneIA && c == .glacierIR)
            }
            guard !colder.isEmpty else { break }
            let c = colder[Int.random(in: 0..<colder.count, using: &g)]
            let least = max(previous.days + 1, c == .standardIA || c == .onezoneIA ? 30 : 1)
            let days = least + Int.random(in: 0...(rules.isEmpty ? 20 : 40), using: &g)
            rules.append(LifecycleRule(afterDays: days, storageClass: c))
            previous = (days, c)
        }
        return rules
    }
}
