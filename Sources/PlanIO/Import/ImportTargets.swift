import PlanCore

/// The targets of an import (gitops.md): one `minio` target per MinIO deployment (its
/// capacity is shared by all its buckets), one `s3` target per bucket, and the cluster's
/// Longhorn disks for snapshots; each object-store target lists its buckets in `series`.
struct ImportTargets: Sendable {
    typealias Entry = ImportedScenario.Entry

    struct Store: Sendable {
        var name: String
        var entries: [Entry]
        var buckets: Set<String> = []
    }

    private(set) var stores: [String: Store] = [:]
    /// S3 targets in a region without built-in prices, written with guessed prices.
    private(set) var guessedPrices: Set<String> = []

    /// The target for `bucket`: MinIO when `minio` is set, else S3 in `region`.
    mutating func objectStore(bucket: String, region: String?, regionSource: String?, minio: ImportMinIO?) -> String {
        if let minio {
            if stores[minio.name] == nil {
                stores[minio.name] = Store(name: minio.name, entries: minio.entries)
            }
            stores[minio.name]?.buckets.insert(bucket)
            return minio.name
        }
        let name = ImportNames.valid("s3-" + bucket)
        if stores[name] == nil {
            var entries = [Entry("kind", .scalar("s3"))]
            if let region, let regionSource {
                entries.append(Entry("region", .scalar(region), .manifest(regionSource)))
                if S3Prices.builtIn(region: region) == nil {
                    // plan has no price list for it: us-east-1's S3 Standard prices, marked.
                    entries.append(
                        Entry(
                            "prices",
                            .map([
                                Entry("storage_gb_month", .scalar("0.023"), .guess("us-east-1's price; plan has no price list for \(region)")),
                                Entry("put_per_1000", .scalar("0.005"), .guess("us-east-1's price")),
                            ])))
                    guessedPrices.insert(name)
                }
            } else {
                entries.append(Entry("region", .scalar("us-east-1"), .note("no region in the manifests: plan's default")))
            }
            stores[name] = Store(name: name, entries: entries)
        }
        stores[name]?.buckets.insert(bucket)
        return name
    }

    /// Adds `entry` to target `name` unless it has that key already.
    mutating func add(_ entry: Entry, to name: String) {
        guard var store = stores[name], !store.entries.contains(where: { $0.key == entry.key }) else { return }
        store.entries.append(entry)
        stores[name] = store
    }

    /// The cluster's Longhorn disks (Longhorn snapshots and the snapshot each backup keeps).
    mutating func longhornDisks(replicas: (String, ImportedScenario.Origin)) -> String {
        let name = "longhorn-disks"
        if stores[name] == nil {
            stores[name] = Store(
                name: name,
                entries: [
                    Entry("kind", .scalar("cluster")),
                    Entry("capacity", .scalar("1Ti"), .guess("the nodes' Longhorn disks are not in the manifests")),
                    Entry("replicas", .scalar(replicas.0), replicas.1),
                ])
        }
        return name
    }

    func entries() -> [Entry] {
        stores.values.sorted { $0.name < $1.name }.map { store in
            var entries = store.entries
            if !store.buckets.isEmpty {
                entries.append(Entry("series", .map([Entry("buckets", .list(store.buckets.sorted()))])))
            }
            return Entry(store.name, .map(entries))
        }
    }
}

/// A MinIO deployment read from an Operator `Tenant` or the `minio` chart's HelmRelease.
struct ImportMinIO: Sendable {
    var name: String
    var entries: [ImportedScenario.Entry]
}
