import PlanCore

extension ScenarioValidator {
    /// `targets.NAME`.
    mutating func target(_ entry: YAMLPair, references: References, defaultAlert: Share) -> Target? {
        let name = entry.key
        let path = "targets." + name
        guard
            let f = fields(entry.value, anchor: entry.keyNode, path: path, allowed: Schema.targetKeys, what: "target keys")
        else { return nil }
        for key in Schema.requiredKeys(Schema.targetEntryKeys) { required(f, key) }
        let kind = word(f, "kind", among: Schema.targetKinds).flatMap(TargetKind.init(rawValue:))

        func applies(_ key: String, to kinds: [TargetKind], _ validator: inout ScenarioValidator) -> Bool {
            validator.applies(f, kind: kind, key, to: kinds)
        }

        var capacity: ByteCount?
        if kind == .s3, let pair = f["capacity"] {
            error(pair.keyNode, f.path("capacity"), "an s3 target has no capacity limit", suggestion: "remove 'capacity'")
        } else {
            if let kind, kind != .s3 { required(f, "capacity", " (the raw capacity of a \(kind.rawValue) target)") }
            capacity = size(f, "capacity")
            if let value = capacity, value.bytes <= 0, let node = f["capacity"]?.value {
                error(node, f.path("capacity"), "expected a size above 0, found \(node.found)")
            }
        }
        let drives = applies("drives", to: [.minio], &self) ? int(f, "drives", atLeast: 1) ?? ScenarioDefaults.drives : ScenarioDefaults.drives
        var parity: Int?
        if applies("parity", to: [.minio], &self), let value = int(f, "parity", atLeast: 0), let node = f["parity"]?.value {
            if value * 2 > drives {
                error(
                    node, f.path("parity"),
                    "parity '\(value)' is more than half of \(drives) drive\(drives == 1 ? "" : "s"); MinIO allows at most half the drives as parity",
                    suggestion: "use at most \(drives / 2)")
            } else {
                parity = value
            }
        }
        let replicas =
            applies("replicas", to: [.cluster], &self) ? int(f, "replicas", atLeast: 1) ?? ScenarioDefaults.replicas : ScenarioDefaults.replicas
        let monthlyCost = money(f, "monthly_cost") ?? ScenarioDefaults.monthlyCost
        let region =
            applies("region", to: [.s3], &self)
            ? text(f, "region", expected: "an AWS region such as 'us-east-1'")?.0 ?? ScenarioDefaults.region : ScenarioDefaults.region
        var prices: S3Prices?
        let pricesGiven = applies("prices", to: [.s3], &self)
        if kind == .s3 { prices = s3Prices(f, region: region, given: pricesGiven) }
        let alert = percent(f, "alert") ?? defaultAlert
        let replicates = applies("replicates", to: [.minio, .s3], &self) ? replicatedJobs(f, target: name, references: references) : []
        let bucket = bucketSettings(f, kind: kind, prices: prices, region: region)
        let series = targetSeries(f, kind: kind)
        guard let kind else { return nil }
        return Target(
            name: name, kind: kind, capacity: capacity, drives: drives, parity: parity, replicas: replicas,
            monthlyCost: monthlyCost, region: region, prices: prices, alert: alert, replicates: replicates, bucket: bucket, series: series)
    }

    /// False (and reported at the key) when `key` is given for a kind it does not apply to.
    mutating func applies(_ f: Fields, kind: TargetKind?, _ key: String, to kinds: [TargetKind], why: String? = nil) -> Bool {
        guard let pair = f[key] else { return false }
        guard let kind, !kinds.contains(kind) else { return true }
        let label = Self.oneOf(kinds.map(\.rawValue))
        let reason = why.map { " (\($0))" } ?? ""
        error(
            pair.keyNode, f.path(key), "'\(key)' applies only to \(label) targets, and this one is \(kind.rawValue)\(reason)",
            suggestion: "remove it")
        return false
    }

    /// An S3 target's prices: the region's built-in list with `prices` applied. A region
    /// without built-in prices must give `storage_gb_month` and `put_per_1000`.
    mutating func s3Prices(_ f: Fields, region: String, given: Bool) -> S3Prices? {
        let builtIn = S3Prices.builtIn(region: region)
        var p: Fields?
        if given, let pair = f["prices"] {
            p = fields(pair.value, anchor: pair.keyNode, path: f.path("prices"), allowed: Schema.prices, what: "price keys")
        }
        if builtIn == nil {
            let missing = ["storage_gb_month", "put_per_1000"].filter { p?[$0] == nil }
            if !missing.isEmpty, let node = f["region"]?.value {
                error(
                    node, f.path("region"),
                    "region '\(region)' has no built-in prices; give \(missing.map { "prices." + $0 }.joined(separator: " and "))",
                    suggestion: "or use one of \(S3Prices.builtInRegions.joined(separator: ", "))")
            }
        }
        var tiers = builtIn?.storageTiers
        var put = builtIn?.putPer1000
        var get = builtIn?.getPer1000 ?? .zero
        var egress = builtIn?.egressGB
        if let p {
            if p["storage_gb_month"] != nil { tiers = storageTiers(p) }
            if p["put_per_1000"] != nil { put = money(p, "put_per_1000") }
            if let value = money(p, "get_per_1000") { get = value }
            if let value = money(p, "egress_gb") { egress = value }
        }
        var classes = builtIn?.classes ?? [:]
        if let p, let pair = p["classes"] {
            classPrices(pair, path: p.path("classes"), into: &classes)
        }
        guard let tiers, let put else { return nil }
        return S3Prices(storageTiers: tiers, putPer1000: put, getPer1000: get, egressGB: egress, classes: classes)
    }

    /// `prices.classes` (version 2): per class, overrides of its built-in prices; a class
    /// the region has no built-in prices for needs every price but `restore_per_1000`
    /// (which only the archive classes need).
    mutating func classPrices(_ pair: YAMLPair, path: String, into classes: inout [StorageClass: ClassPrices]) {
        let names = Schema.priceClasses
        guard let byClass = fields(pair.value, anchor: pair.keyNode, path: path, allowed: names, what: "storage classes") else { return }
        for name in names {
            guard let entry = byClass[name], let c = StorageClass(rawValue: name),
                let f = fields(entry.value, anchor: entry.keyNode, path: byClass.path(name), allowed: Schema.classPrices, what: "class price keys")
            else { continue }
            let base = classes[c]
            if base == nil {
                let needed =
                    ["storage_gb_month", "put_per_1000", "get_per_1000", "retrieval_gb", "transition_per_1000"]
                    + (c.isArchive ? ["restore_per_1000"] : [])
                for key in needed { required(f, key, " (the region has no built-in \(name) prices)") }
            }
            let storage = money(f, "storage_gb_month") ?? base?.storageGBMonth
            let put = money(f, "put_per_1000") ?? base?.putPer1000
            let get = money(f, "get_per_1000") ?? base?.getPer1000
            let retrieval = money(f, "retrieval_gb") ?? base?.retrievalGB
            let transition = money(f, "transition_per_1000") ?? base?.transitionPer1000
            let restore = money(f, "restore_per_1000") ?? base?.restorePer1000 ?? .zero
            guard let storage, let put, let get, let retrieval, let transition else { continue }
            classes[c] = ClassPrices(
                storageGBMonth: storage, putPer1000: put, getPer1000: get, retrievalGB: retrieval, transitionPer1000: transition,
                restorePer1000: restore)
        }
    }

    /// `storage_gb_month`: one price, or `{up_to: size, price: money}` tiers with a
    /// cumulative, increasing `up_to` (converted to GB of 2^30 bytes), the last without one.
    mutating func storageTiers(_ p: Fields) -> [PriceTier]? {
        guard let pair = p["storage_gb_month"] else { return nil }
        let path = p.path("storage_gb_month")
        let example = "[{up_to: 50Ti, price: 0.023}, {price: 0.022}]"
        switch pair.value.content {
        case .scalar:
            return money(p, "storage_gb_month").map { [PriceTier(upToGB: nil, price: $0)] }
        case .mapping:
            error(pair.value, path, "expected a price per GB-month or a list of tiers such as \(example), found a mapping")
            return nil
        case .sequence(let items):
            guard !items.isEmpty else {
                error(pair.value, path, "expected at least one price tier, as in \(example)")
                return nil
            }
            var tiers: [PriceTier] = []
            var complete = true
            var previous: Double?
            for (index, item) in items.enumerated() {
                let isLast = index == items.count - 1
                guard let t = fields(item, anchor: item, path: path, allowed: Schema.priceTier, what: "tier keys") else {
                    complete = false
                    continue
                }
                for key in Schema.requiredKeys(Schema.priceTierKeys) { required(t, key) }
                if !isLast { required(t, "up_to", " (every tier but the last needs one)") }
                let price = money(t, "price")
                var upToGB: Double?
                if isLast, let upTo = t["up_to"] {
                    error(
                        upTo.keyNode, t.path("up_to"),
                        "the last tier must not have 'up_to': it prices everything above the tier before it",
                        suggestion: "add a last tier with only a price")
                    complete = false
                } else if let bytes = size(t, "up_to"), let node = t["up_to"]?.value {
                    let gb = bytes.bytes / ByteCount.giB
                    if gb <= (previous ?? 0) {
                        let bound = previous == nil ? "0" : "the previous tier's up_to"
                        error(
                            node, t.path("up_to"), "up_to \(node.found) is not above \(bound); up_to is cumulative")
                        complete = false
                    }
                    previous = gb
                    upToGB = gb
                }
                guard let price, isLast || upToGB != nil else {
                    complete = false
                    continue
                }
                tiers.append(PriceTier(upToGB: upToGB, price: price))
            }
            return complete ? tiers : nil
        }
    }

    /// `replicates`: `TIER/NAME` of existing jobs that write to another target.
    mutating func replicatedJobs(_ f: Fields, target: String, references: References) -> [String] {
        guard let items = list(f, "replicates", of: "jobs", example: "[cnpg/app-postgres]") else { return [] }
        var jobs: [String] = []
        for (text, node) in items {
            let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2, Schema.tiers.contains(parts[0]) else {
                error(
                    node, f.path("replicates"), "expected a job as TIER/NAME such as 'cnpg/app-postgres', found '\(text)'",
                    suggestion: "TIER is one of \(Schema.tiers.joined(separator: ", "))")
                continue
            }
            guard let job = references.jobs[text] else {
                let names = references.jobs.keys.filter { $0.hasPrefix(parts[0] + "/") }.map { String($0.dropFirst(parts[0].count + 1)) }
                    .sorted()
                error(
                    node, f.path("replicates"), "no \(parts[0]) job named '\(parts[1])'",
                    suggestion: Suggest.suggestion(for: parts[1], among: names, listing: "the \(parts[0]) jobs are"))
                continue
            }
            if job.isSnapshot {
                error(
                    node, f.path("replicates"),
                    "'\(text)' is a snapshot job; snapshots stay on the cluster's disks and cannot be replicated")
                continue
            }
            if job.target == target {
                error(
                    node, f.path("replicates"),
                    "'\(text)' already writes to '\(target)'; a target cannot hold a replica of its own job")
                continue
            }
            jobs.append(text)
        }
        return jobs
    }
}
