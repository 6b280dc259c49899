import PlanCore

/// The `series` keys (scenario.md, both versions): where a workload's or a target's metrics
/// are in the cluster's Prometheus. `plan import` writes them; `plan calibrate` and
/// `plan alerts` read them. They never change the numbers.
extension ScenarioValidator {
    /// `workloads.NAME.series: {namespace, pvc, cluster}`, each a non-empty text.
    mutating func workloadSeries(_ f: Fields) -> WorkloadMetricSeries? {
        guard let pair = f["series"] else { return nil }
        guard
            let s = fields(pair.value, anchor: pair.keyNode, path: f.path("series"), allowed: Schema.workloadSeries, what: "series keys")
        else { return nil }
        let series = WorkloadMetricSeries(namespace: label(s, "namespace"), pvc: label(s, "pvc"), cluster: label(s, "cluster"))
        if series.namespace == nil, series.pvc == nil, series.cluster == nil {
            error(pair.value, f.path("series"), "expected at least one of namespace, pvc, cluster", suggestion: "remove 'series' or name the PVC")
            return nil
        }
        return series
    }

    /// `targets.NAME.series: {buckets: [NAME, …]}`, for `minio` and `s3` targets.
    mutating func targetSeries(_ f: Fields, kind: TargetKind?) -> TargetMetricSeries? {
        guard applies(f, kind: kind, "series", to: [.minio, .s3]), let pair = f["series"] else { return nil }
        guard
            let s = fields(pair.value, anchor: pair.keyNode, path: f.path("series"), allowed: Schema.targetSeries, what: "series keys")
        else { return nil }
        for key in Schema.requiredKeys(Schema.targetSeriesKeys) { required(s, key) }
        guard let buckets = list(s, "buckets", of: "bucket names", example: "[longhorn-backups]") else { return nil }
        return TargetMetricSeries(buckets: buckets.map(\.0))
    }

    /// A Kubernetes label value: non-empty text.
    private mutating func label(_ f: Fields, _ key: String) -> String? {
        guard let (text, node) = text(f, key, expected: "a name such as 'gitea'") else { return nil }
        guard !text.isEmpty else {
            error(node, f.path(key), "expected a name, found an empty text")
            return nil
        }
        return text
    }
}
