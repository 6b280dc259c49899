public enum WorkloadKind: String, Sendable, Hashable, CaseIterable {
    case postgres, volume
}

/// `workloads.NAME`.
public struct Workload: Sendable, Hashable {
    public var name: String
    public var kind: WorkloadKind
    /// Logical size on day 0.
    public var size: ByteCount
    public var growth: Rate
    public var churn: Rate
    /// `nil`: WAL is growth + churn (model.md "WAL default"). Only for `postgres`.
    public var wal: Rate?
    /// Capacity of the PVC, if given.
    public var volume: ByteCount?
    /// Version 2, `postgres`: the WAL PVC (CNPG `walStorage.size`); nil: pg_wal shares `volume`.
    public var walVolume: ByteCount?
    /// Version 2, `postgres`: PostgreSQL `max_wal_size`, the steady content of pg_wal.
    public var maxWALSize: ByteCount
    /// Where the cluster's metrics for it are (`plan calibrate`, `plan alerts`); no effect on the numbers.
    public var series: WorkloadMetricSeries?

    public init(
        name: String, kind: WorkloadKind, size: ByteCount, growth: Rate = ScenarioDefaults.growth, churn: Rate = ScenarioDefaults.churn,
        wal: Rate? = nil, volume: ByteCount? = nil, walVolume: ByteCount? = nil, maxWALSize: ByteCount = ScenarioDefaults.maxWALSize,
        series: WorkloadMetricSeries? = nil
    ) {
        self.name = name
        self.kind = kind
        self.size = size
        self.growth = growth
        self.churn = churn
        self.wal = wal
        self.volume = volume
        self.walVolume = walVolume
        self.maxWALSize = maxWALSize
        self.series = series
    }
}
