import PlanCore

/// Where a workload's series are in Prometheus: the labels its metrics carry.
public struct WorkloadSelector: Sendable, Hashable {
    /// The Kubernetes namespace (`namespace` label); nil: any namespace.
    public var namespace: String?
    /// The PVC name (`persistentvolumeclaim`, Longhorn's `pvc`), for a `volume` workload.
    public var pvc: String
    /// The CNPG cluster name, for a `postgres` workload that a CNPG job protects: its
    /// instance pods and data PVCs are `CLUSTER-N`.
    public var cluster: String?

    /// The PVC names as a regular expression: `CLUSTER-[0-9]+` for a CNPG cluster (its
    /// instances' data volumes, not `-wal`), else the PVC name.
    public var pvcPattern: String { cluster.map { PromQL.regexQuote($0) + "-[0-9]+" } ?? PromQL.regexQuote(pvc) }

    /// The instance pods of the cluster as a regular expression, `CLUSTER-[0-9]+`.
    public var podPattern: String? { cluster.map { PromQL.regexQuote($0) + "-[0-9]+" } }
}

/// Where a target's series are: its buckets (`bucket` label of MinIO's usage metrics).
public struct TargetSelector: Sendable, Hashable {
    /// nil: every bucket of the deployment (a `minio` target is one deployment whose
    /// capacity all its buckets share).
    public var buckets: [String]?
}

/// The one place that maps scenario names to series labels.
public enum AlertSeries {
    /// A workload's series: `workloads.NAME.series: {namespace, pvc, cluster}` where it is
    /// set (plan import writes it); otherwise the workload's name is the PVC name, and the
    /// CNPG cluster name of a `postgres` workload that a CNPG job protects, in any namespace.
    public static func workload(_ name: String, in s: Scenario) -> WorkloadSelector {
        let workload = s.workloads.first { $0.name == name }
        let isCluster = workload?.kind == .postgres && s.cnpg.contains { $0.workload == name }
        let series = workload?.series
        let cluster = series?.cluster ?? (isCluster ? name : nil)
        return WorkloadSelector(namespace: series?.namespace, pvc: series?.pvc ?? cluster ?? name, cluster: cluster)
    }

    /// A target's series: `targets.NAME.series: {buckets: [...]}` where it is set;
    /// otherwise every bucket counts when the scenario has one MinIO target (one
    /// deployment), and the bucket named after the target when it has several.
    public static func target(_ name: String, in s: Scenario) -> TargetSelector {
        if let buckets = s.targets.first(where: { $0.name == name })?.series?.buckets { return TargetSelector(buckets: buckets) }
        return s.targets.filter { $0.kind == .minio }.count > 1 ? TargetSelector(buckets: [name]) : TargetSelector(buckets: nil)
    }
}
