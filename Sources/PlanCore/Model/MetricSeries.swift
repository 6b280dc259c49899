/// `workloads.NAME.series`: where the cluster's metrics for a workload are (gitops.md
/// "plan calibrate"). Written by `plan import`, read by `plan calibrate` and `plan alerts`;
/// it has no effect on the numbers.
public struct WorkloadMetricSeries: Sendable, Hashable {
    /// The Kubernetes namespace of the PVC or the CNPG cluster.
    public var namespace: String?
    /// The PersistentVolumeClaim (kubelet's `persistentvolumeclaim` label).
    public var pvc: String?
    /// The CNPG `Cluster` whose instance pods (`CLUSTER-N`) report the database metrics.
    public var cluster: String?

    public init(namespace: String? = nil, pvc: String? = nil, cluster: String? = nil) {
        self.namespace = namespace
        self.pvc = pvc
        self.cluster = cluster
    }
}

/// `targets.NAME.series`: the buckets a `minio` or `s3` target stands for (MinIO's
/// `bucket` label), for `plan calibrate --check`; no effect on the numbers.
public struct TargetMetricSeries: Sendable, Hashable {
    public var buckets: [String]

    public init(buckets: [String]) {
        self.buckets = buckets
    }
}
