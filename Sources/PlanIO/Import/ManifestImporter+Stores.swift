import Foundation
import PlanCore

/// Which object store a job writes to: an endpoint that is not AWS is the cluster's MinIO
/// (gitops.md "MinIO"); without one, S3.
extension ManifestImporter {
    /// True when `endpoint` names a store other than AWS S3 (a MinIO service).
    static func isMinIO(endpoint: String?) -> Bool {
        guard let e = endpoint?.trimmingCharacters(in: .whitespaces), !e.isEmpty else { return false }
        return !e.contains("amazonaws.com")
    }

    /// The AWS region in an S3 endpoint (`https://s3.eu-central-1.amazonaws.com`).
    static func awsRegion(endpoint: String?) -> String? {
        guard let e = endpoint, let range = e.range(of: "s3.") ?? e.range(of: "s3-") else { return nil }
        let rest = e[range.upperBound...]
        guard let dot = rest.firstIndex(of: "."), rest[dot...].hasPrefix(".amazonaws.com") else { return nil }
        return String(rest[..<dot])
    }

    /// `s3://BUCKET/path` → BUCKET.
    static func bucket(ofURL url: String) -> String? {
        guard url.hasPrefix("s3://") else { return nil }
        let rest = url.dropFirst(5)
        let bucket = rest.prefix { $0 != "/" && $0 != "@" }
        return bucket.isEmpty ? nil : String(bucket)
    }

    /// The cluster's MinIO deployment as a `minio` target: its raw capacity and erasure set
    /// from a Tenant or the chart's values; a guess when the manifests hold neither.
    func minioDeployment() -> ImportMinIO {
        if let t = inventory.tenants.first {
            var raw = 0.0
            var drives = 0
            var sources: [String] = []
            for (i, pool) in (t.node("spec.pools")?.items ?? []).enumerated() {
                let servers = Int(pool.child("servers")?.scalarText ?? "") ?? 0
                let perServer = Int(pool.child("volumesPerServer")?.scalarText ?? "") ?? 0
                let sizeNode = pool.descendant("volumeClaimTemplate.spec.resources.requests.storage")
                let size = ImportFigures.quantity(sizeNode?.scalarText ?? "") ?? 0
                raw += Double(servers * perServer) * size
                if i == 0 { drives = servers * perServer }
                sources.append(t.source(of: sizeNode, path: "spec.pools[\(i)]"))
            }
            return ImportMinIO(
                name: ImportNames.valid(t.name),
                entries: minioEntries(raw: raw, drives: drives, source: "\(sources.joined(separator: ", ")): servers × volumesPerServer × size"))
        }
        if let h = inventory.minioRelease {
            let mode = h.text("spec.values.mode") ?? "distributed"
            let replicas = Int(h.text("spec.values.replicas") ?? "16") ?? 16
            let perNode = Int(h.text("spec.values.drivesPerNode") ?? "1") ?? 1
            let pools = Int(h.text("spec.values.pools") ?? "1") ?? 1
            let sizeText = h.text("spec.values.persistence.size") ?? "500Gi"
            let size = ImportFigures.quantity(sizeText) ?? 0
            let count = mode == "standalone" ? 1 : pools * replicas * perNode
            let defaults = h.node("spec.values.persistence.size") == nil ? " (minio chart defaults)" : ""
            return ImportMinIO(
                name: ImportNames.valid(h.name),
                entries: minioEntries(
                    raw: Double(count) * size, drives: mode == "standalone" ? 1 : replicas * perNode,
                    source: "\(h.source("spec.values")): \(mode), \(count) drives × \(sizeText)\(defaults)"))
        }
        return ImportMinIO(
            name: "minio",
            entries: [
                Entry("kind", .scalar("minio")),
                Entry("capacity", .scalar("1Ti"), .guess("no MinIO Tenant or minio chart in the manifests")),
                Entry("drives", .scalar("1"), .guess("no MinIO Tenant or minio chart in the manifests")),
                Entry("monthly_cost", .scalar("0"), .guess("hardware amortisation and power per month")),
            ])
    }

    private func minioEntries(raw: Double, drives: Int, source: String) -> [Entry] {
        guard raw > 0, drives >= 1 else {
            return [
                Entry("kind", .scalar("minio")),
                Entry("capacity", .scalar("1Ti"), .guess("the MinIO manifest gives no usable size (\(source))")),
                Entry("drives", .scalar("1"), .guess("the MinIO manifest gives no drive count")),
                Entry("monthly_cost", .scalar("0"), .guess("hardware amortisation and power per month")),
            ]
        }
        return [
            Entry("kind", .scalar("minio")),
            Entry("capacity", .scalar(ImportFigures.size(raw)), .manifest(source)),
            Entry(
                "drives", .scalar(String(Self.erasureSet(drives: drives))),
                .note(drives == 1 ? "a single drive" : "MinIO's erasure set of the \(drives) drives")),
            Entry("monthly_cost", .scalar("0"), .guess("hardware amortisation and power per month")),
        ]
    }

    /// MinIO's erasure set size for `drives` drives: the largest of 2…16 that divides them.
    static func erasureSet(drives: Int) -> Int {
        guard drives > 16 else { return max(drives, 1) }
        for size in stride(from: 16, through: 2, by: -1) where drives % size == 0 { return size }
        return 16
    }

    /// The target of a job writing `bucket` through `endpoint`; `endpointSource` is where
    /// the endpoint was read (the comment of a region read from it).
    mutating func objectTarget(
        bucket: String, endpoint: String?, region: String?, regionSource: String?, endpointSource: String? = nil
    ) -> String {
        let minio = Self.isMinIO(endpoint: endpoint) ? minioDeployment() : nil
        if minio != nil, !guesses.contains("targets.\(minio?.name ?? "").monthly_cost") {
            guess("targets.\(minio?.name ?? "").monthly_cost")
            if inventory.tenants.isEmpty && inventory.minioRelease == nil { guess("targets.\(minio?.name ?? "").capacity") }
        }
        return targets.objectStore(
            bucket: bucket, region: region ?? Self.awsRegion(endpoint: endpoint),
            regionSource: regionSource ?? endpointSource.map { $0 + " (the region of the endpoint)" },
            minio: minio)
    }
}
