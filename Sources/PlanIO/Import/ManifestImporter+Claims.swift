import PlanCore

/// The cluster's volumes: PVCs, StatefulSet `volumeClaimTemplates` (one PVC per replica,
/// `TEMPLATE-STATEFULSET-N`), and the CNPG operator's own PVCs (`CLUSTER-N`, `CLUSTER-N-wal`),
/// which are not in Git and are inferred from `instances`, `storage` and `walStorage`.
extension ManifestImporter {
    mutating func collectClaims() {
        for o in inventory.claims {
            add(claim(o, root: o.root, path: "spec.resources.requests.storage", name: o.name, namespace: o.namespace, labels: o.labels()))
        }
        for o in inventory.podOwners where o.kind == "StatefulSet" {
            let replicas = Int(o.text("spec.replicas") ?? "1") ?? 1
            for (i, template) in (o.node("spec.volumeClaimTemplates")?.items ?? []).enumerated() {
                let base = template.descendant("metadata.name")?.scalarText ?? "data"
                for r in 0..<max(replicas, 0) {
                    var c = claim(
                        o, root: template, path: "spec.resources.requests.storage", name: "\(base)-\(o.name)-\(r)", namespace: o.namespace,
                        labels: [:])
                    c.source = o.source(
                        of: template.descendant("spec.resources.requests.storage"),
                        path: "spec.volumeClaimTemplates[\(i)].spec.resources.requests.storage")
                    c.labels = template.descendant("metadata.labels").textMap
                    add(c)
                }
            }
        }
        for o in inventory.clusters {
            let instances = Int(o.text("spec.instances") ?? "1") ?? 1
            // The operator labels its PVCs and pods with the cluster's name.
            let labels = o.node("spec.inheritedMetadata.labels").textMap.merging(["cnpg.io/cluster": o.name]) { a, _ in a }
            for n in 1...max(instances, 1) {
                for (suffix, storage) in [("", "spec.storage"), ("-wal", "spec.walStorage")] {
                    guard o.node(storage) != nil else { continue }
                    let sizePath = o.node(storage + ".size") != nil ? storage + ".size" : storage + ".pvcTemplate.resources.requests.storage"
                    var c = claim(o, root: o.root, path: sizePath, name: "\(o.name)-\(n)\(suffix)", namespace: o.namespace, labels: labels)
                    c.storageClass = o.text(storage + ".storageClass") ?? o.text(storage + ".pvcTemplate.storageClassName")
                    c.cnpgCluster = o.name
                    add(c)
                }
            }
        }
    }

    private mutating func add(_ c: ImportClaim) {
        claims[c.id] = c
    }

    private func claim(_ o: ManifestObject, root: YAMLNode, path: String, name: String, namespace: String, labels: [String: String]) -> ImportClaim {
        let node = root.descendant(path)
        let text = node?.scalarText ?? ""
        return ImportClaim(
            name: name, namespace: namespace, sizeText: text, bytes: ImportFigures.quantity(text),
            storageClass: root.descendant("spec.storageClassName")?.scalarText, labels: labels, source: o.source(of: node, path: path))
    }

    /// Claims in `namespace` (all namespaces when nil), sorted by name.
    func claims(in namespaces: Set<String>?, excluding excluded: Set<String>) -> [ImportClaim] {
        claims.values.filter { c in (namespaces.map { $0.contains(c.namespace) } ?? true) && !excluded.contains(c.namespace) }
            .sorted { ($0.namespace, $0.name) < ($1.namespace, $1.name) }
    }

    /// "a PVC no job protects" (gitops.md lint): every PVC in Git that no job covers.
    mutating func reportUnprotected() {
        for o in inventory.claims where !protected.contains(o.namespace + "/" + o.name) {
            finding(
                .warning, o, o.nameNode, "metadata.name",
                "no backup job covers this volume: no Velero schedule includes namespace '\(o.namespace)' with file-system backup of it, and no Longhorn recurring job selects it",
                fix: "add its namespace to a Velero schedule, or label it for a Longhorn recurring job")
        }
    }
}
