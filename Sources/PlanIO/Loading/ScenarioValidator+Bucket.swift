import PlanCore

/// The version 2 keys of a target (scenario.md `targets.NAME`, *v2*): versioning, object
/// lock, storage class, lifecycle and the Longhorn poll, with the errors of "Version 2
/// errors".
extension ScenarioValidator {
    mutating func bucketSettings(_ f: Fields, kind: TargetKind?, prices: S3Prices?, region: String) -> BucketSettings {
        var b = BucketSettings()
        let objectStores: [TargetKind] = [.minio, .s3]
        let minioWhy = "MinIO's own lifecycle transitions move data to another store, which the model does not simulate"
        if applies(f, kind: kind, "versioning", to: objectStores), let v = bool(f, "versioning") { b.versioning = v }
        if applies(f, kind: kind, "noncurrent_expiry", to: objectStores) {
            b.noncurrentExpiryDays = wholeDays(f, "noncurrent_expiry")
            needsVersioning(f, "noncurrent_expiry", b)
        }
        if applies(f, kind: kind, "object_lock", to: objectStores) {
            b.objectLockDays = wholeDays(f, "object_lock")
            needsVersioning(f, "object_lock", b)
        }
        if applies(f, kind: kind, "storage_class", to: [.s3], why: minioWhy), let c = storageClass(f, "storage_class") {
            b.storageClass = c
        }
        if applies(f, kind: kind, "lifecycle", to: [.s3], why: minioWhy) {
            b.lifecycle = lifecycle(f, from: b.storageClass) ?? []
        }
        if applies(f, kind: kind, "poll_interval", to: objectStores), let p = duration(f, "poll_interval") { b.pollInterval = p }
        if kind == .s3 { checkClassPrices(f, classes: [b.storageClass] + b.lifecycle.map(\.storageClass), prices: prices, region: region) }
        return b
    }

    /// `object_lock` and `noncurrent_expiry` act on noncurrent versions: they need a versioned bucket.
    mutating func needsVersioning(_ f: Fields, _ key: String, _ b: BucketSettings) {
        guard !b.versioning, let pair = f[key] else { return }
        error(pair.keyNode, f.path(key), "'\(key)' needs a versioned bucket", suggestion: "add versioning: true")
    }

    /// A duration of whole days, at least 1 (lifecycle rules and object lock count days).
    mutating func wholeDays(_ f: Fields, _ key: String) -> Int? {
        guard let value = duration(f, key), let node = f[key]?.value else { return nil }
        let days = value.value / 86_400
        guard days >= 1, days == days.rounded(.down) else {
            error(node, f.path(key), "expected whole days of at least 1 such as '30d', found \(node.found)")
            return nil
        }
        return Int(days)
    }

    mutating func storageClass(_ f: Fields, _ key: String) -> StorageClass? {
        word(f, key, among: Schema.storageClasses).flatMap(StorageClass.init(rawValue:))
    }

    /// `lifecycle`: S3's waterfall — whole days, strictly increasing, each class colder than
    /// the one before (the first colder than the upload class), never `onezone-ia` to
    /// `glacier-ir`, and at least 30 days into `standard-ia` or `onezone-ia`.
    mutating func lifecycle(_ f: Fields, from upload: StorageClass) -> [LifecycleRule]? {
        guard let pair = f["lifecycle"] else { return nil }
        let path = f.path("lifecycle")
        let example = "[{after: 30d, class: standard-ia}]"
        if pair.value.isNull { return [] }
        guard case .sequence(let items) = pair.value.content else {
            error(pair.value, path, "expected a list of transitions such as \(example), found \(pair.value.found)")
            return nil
        }
        var rules: [LifecycleRule] = []
        var previous = (days: 0, storageClass: upload)
        var complete = true
        for item in items {
            guard let r = fields(item, anchor: item, path: path, allowed: Schema.lifecycleRule, what: "transition keys") else {
                complete = false
                continue
            }
            for key in Schema.requiredKeys(Schema.lifecycleRuleKeys) { required(r, key) }
            guard let days = wholeDays(r, "after"), let c = storageClass(r, "class"), let node = r["class"]?.value,
                let afterNode = r["after"]?.value
            else {
                complete = false
                continue
            }
            if c <= previous.storageClass {
                error(
                    node, r.path("class"), "'\(c.rawValue)' is not colder than '\(previous.storageClass.rawValue)'",
                    suggestion: "S3 transitions only to colder classes: \(StorageClass.allCases.map(\.rawValue).joined(separator: " → "))")
                complete = false
            } else if previous.storageClass == .onezoneIA && c == .glacierIR {
                error(node, r.path("class"), "S3 does not transition onezone-ia to glacier-ir", suggestion: "use glacier-flexible or deep-archive")
                complete = false
            }
            if days <= previous.days && !rules.isEmpty {
                error(afterNode, r.path("after"), "after \(afterNode.found) is not later than the transition before it (\(previous.days)d)")
                complete = false
            } else if days < c.minimumTransitionDays {
                error(
                    afterNode, r.path("after"), "S3 transitions to \(c.rawValue) only after at least \(c.minimumTransitionDays) days",
                    suggestion: "use after: \(c.minimumTransitionDays)d or more")
                complete = false
            }
            previous = (days, c)
            rules.append(LifecycleRule(afterDays: days, storageClass: c))
        }
        return complete ? rules : nil
    }

    /// Every class a target uses other than `standard` needs prices: the region's built-in
    /// ones or `prices.classes.CLASS`.
    mutating func checkClassPrices(_ f: Fields, classes: [StorageClass], prices: S3Prices?, region: String) {
        guard let prices else { return }
        for c in Set(classes).sorted() where c != .standard && prices.classes[c] == nil {
            let node = f["storage_class"]?.value ?? f["lifecycle"]?.value ?? f.anchor
            error(
                node, f.path(f["storage_class"] != nil ? "storage_class" : "lifecycle"),
                "region '\(region)' has no built-in prices for \(c.rawValue)", suggestion: "give prices.classes.\(c.rawValue)")
        }
    }
}
