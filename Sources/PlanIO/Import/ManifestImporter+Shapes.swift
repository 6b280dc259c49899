import PlanCore

/// The shape of a field plan reads, as the object's schema (the CRD, or Kubernetes' own)
/// has it: a field of another shape is refused by the API server, and plan would read
/// nothing from it (a `storage.size: [20Gi]` became "no storage size" without a word).
enum FieldShape {
    case text
    case integer
    case boolean
    case mapping
    case list

    var noun: String {
        switch self {
        case .text: return "a value"
        case .integer: return "a whole number"
        case .boolean: return "true or false"
        case .mapping: return "a mapping"
        case .list: return "a list"
        }
    }

    /// YAML 1.1's other spellings of true and false, which Kubernetes' YAML reader
    /// (sigs.k8s.io/yaml, go-yaml v2) takes as booleans and plan reads only as text.
    static let yaml11Booleans: [String: Bool] = Dictionary(
        uniqueKeysWithValues: ["y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "True", "TRUE"].map { ($0, true) }
            + ["n", "N", "no", "No", "NO", "off", "Off", "OFF", "False", "FALSE"].map { ($0, false) })

    /// Whether `node` has this shape. A `${VAR}` substitution stands for any scalar.
    func admits(_ node: YAMLNode) -> Bool {
        if node.isNull { return true }
        switch (self, node.content) {
        case (.mapping, .mapping), (.list, .sequence): return true
        case (.text, .scalar): return true
        case (.integer, .scalar(let t, _)): return t.contains("${") || Int(t) != nil
        case (.boolean, .scalar(let t, _)): return t.contains("${") || t == "true" || t == "false" || Self.yaml11Booleans[t] != nil
        default: return false
        }
    }
}

extension ManifestImporter {
    /// The fields plan reads, with their shapes, per kind (gitops.md "What is read").
    static var shapes: [(kinds: KeyPath<ManifestInventory, [ManifestObject]>, fields: [(String, FieldShape)])] {
        [
            (
                \.clusters,
                [
                    ("spec", .mapping), ("spec.instances", .integer), ("spec.storage", .mapping), ("spec.storage.size", .text),
                    ("spec.storage.pvcTemplate", .mapping), ("spec.walStorage", .mapping), ("spec.walStorage.size", .text),
                    ("spec.postgresql", .mapping), ("spec.postgresql.parameters", .mapping), ("spec.backup", .mapping),
                    ("spec.backup.retentionPolicy", .text), ("spec.backup.barmanObjectStore", .mapping),
                    ("spec.backup.barmanObjectStore.destinationPath", .text), ("spec.backup.barmanObjectStore.endpointURL", .text),
                    ("spec.backup.barmanObjectStore.data", .mapping), ("spec.backup.barmanObjectStore.data.compression", .text),
                    ("spec.backup.barmanObjectStore.wal", .mapping), ("spec.backup.barmanObjectStore.wal.compression", .text),
                    ("spec.plugins", .list),
                ]
            ),
            (
                \.scheduledBackups,
                [
                    ("spec", .mapping), ("spec.schedule", .text), ("spec.immediate", .boolean), ("spec.suspend", .boolean),
                    ("spec.cluster", .mapping), ("spec.cluster.name", .text),
                ]
            ),
            (
                \.objectStores,
                [
                    ("spec", .mapping), ("spec.retentionPolicy", .text), ("spec.configuration", .mapping),
                    ("spec.instanceSidecarConfiguration", .mapping),
                    ("spec.instanceSidecarConfiguration.retentionPolicyIntervalSeconds", .integer),
                ]
            ),
            (
                \.schedules,
                [
                    ("spec", .mapping), ("spec.schedule", .text), ("spec.paused", .boolean), ("spec.template", .mapping),
                    ("spec.template.ttl", .text), ("spec.template.includedNamespaces", .list),
                    ("spec.template.excludedNamespaces", .list), ("spec.template.labelSelector", .mapping),
                    ("spec.template.labelSelector.matchLabels", .mapping), ("spec.template.defaultVolumesToFsBackup", .boolean),
                    ("spec.template.storageLocation", .text),
                ]
            ),
            (
                \.storageLocations,
                [
                    ("spec", .mapping), ("spec.objectStorage", .mapping), ("spec.objectStorage.bucket", .text), ("spec.config", .mapping),
                    ("spec.default", .boolean),
                ]
            ),
            (
                \.recurringJobs,
                [
                    ("spec", .mapping), ("spec.task", .text), ("spec.cron", .text), ("spec.retain", .integer), ("spec.groups", .list),
                ]
            ),
            (
                \.claims,
                [
                    ("spec", .mapping), ("spec.resources", .mapping), ("spec.resources.requests", .mapping),
                    ("spec.resources.requests.storage", .text), ("spec.storageClassName", .text),
                ]
            ),
            (\.tenants, [("spec", .mapping), ("spec.pools", .list)]),
        ]
    }

    /// Every field plan reads that has the wrong shape: an error each, at the field.
    mutating func reportShapes() {
        for (kinds, fields) in Self.shapes {
            for o in inventory[keyPath: kinds] {
                for (path, shape) in [("metadata.labels", .mapping), ("metadata.annotations", .mapping)] + fields {
                    guard let node = o.node(path) else { continue }
                    if shape == .boolean, let t = node.scalarText, let truth = FieldShape.yaml11Booleans[t] {
                        finding(
                            .warning, o, node, path,
                            "'\(t)' is not 'true' or 'false', the two plan reads (Kubernetes' YAML reader takes a plain '\(t)' as \(truth))",
                            fix: "write \(truth)")
                        continue
                    }
                    guard !shape.admits(node) else { continue }
                    finding(
                        .error, o, node, path, "expected \(shape.noun), found \(node.found): the API server refuses the object",
                        fix: "write it as \(o.kind)'s schema has it; plan reads nothing from this field")
                }
            }
        }
    }
}
