/// The Prometheus metrics `plan calibrate` reads (gitops-facts.md Part 2), named once.
public enum CalibrationMetric {
    /// CNPG, per database (`datname`), per instance pod: bytes.
    public static let databaseSize = "cnpg_pg_database_size_bytes"
    /// CNPG, PostgreSQL ≥ 14 `pg_stat_wal`: cumulative WAL bytes (a gauge that behaves as a counter).
    public static let walBytes = "cnpg_collector_wal_bytes"
    /// CNPG, primary only: WAL segments archived (a counter), the fallback for WAL.
    public static let archivedCount = "cnpg_pg_stat_archiver_archived_count"
    /// kubelet, per PVC (`namespace`, `persistentvolumeclaim`): bytes used.
    public static let volumeUsed = "kubelet_volume_stats_used_bytes"
    /// MinIO v2, per bucket: bytes.
    public static let bucketUsageV2 = "minio_bucket_usage_total_bytes"
    /// MinIO v3, per bucket: bytes.
    public static let bucketUsageV3 = "minio_cluster_usage_buckets_total_bytes"
    /// The WAL segment size CNPG clusters use unless `initdb.walSegmentSize` says otherwise.
    public static let walSegmentBytes = 16.0 * 1_048_576
}

/// How growth is measured: the slope of the size (bytes per day) or of its logarithm (a
/// share of the size per day, compounding).
public enum GrowthMode: String, Sendable, Hashable, CaseIterable {
    case absolute, relative
}

/// Which figure of a workload a fit replaces.
public enum CalibratedFigure: String, Sendable, Hashable, CaseIterable {
    case size, growth, wal
}

/// A fitted figure's new value, in the scenario's units.
public enum CalibratedValue: Sendable, Hashable {
    case size(ByteCount)
    case rate(Rate)
}

/// One figure measured: which workload and key, from which series, the fit and the value.
public struct FigureFit: Sendable, Hashable {
    public var workload: String
    public var figure: CalibratedFigure
    /// The metric as the report names it (`cnpg_collector_wal_bytes`, `log(kubelet_volume_stats_used_bytes)`).
    public var metric: String
    /// The instance or PVC the samples came from (`pod gitea-db-1, 2 databases`).
    public var source: String
    public var fit: LinearFit
    public var value: CalibratedValue
    /// Counter resets taken out (WAL only).
    public var resets: Int
    /// NaN or ±Inf samples left out.
    public var skipped: Int

    /// The scenario key: `workloads.NAME.FIGURE`.
    public var path: String { "workloads.\(workload).\(figure.rawValue)" }
}

/// A figure that cannot be measured, located on its scenario key by the caller.
public struct CalibrationProblem: Sendable, Hashable {
    public var workload: String
    /// The key the problem is about: `size`, `growth`, `wal`, or nil for the workload itself.
    public var figure: CalibratedFigure?
    public var message: String
    public var suggestion: String?

    public init(workload: String, figure: CalibratedFigure?, message: String, suggestion: String? = nil) {
        self.workload = workload
        self.figure = figure
        self.message = message
        self.suggestion = suggestion
    }

    /// `workloads.NAME.FIGURE`, or `workloads.NAME`.
    public var path: String { "workloads.\(workload)" + (figure.map { ".\($0.rawValue)" } ?? "") }
}

/// Which series a workload was matched to, and how (`series:` or its name), for the report.
public struct SeriesMatch: Sendable, Hashable {
    public var workload: String
    public var text: String
}

/// Everything a calibration found: the fits in scenario order, the matches, the problems.
public struct CalibrationOutcome: Sendable, Hashable {
    public var fits: [FigureFit] = []
    public var matches: [SeriesMatch] = []
    public var problems: [CalibrationProblem] = []
    public init() {}
}

/// The samples a fit uses: those after `start` up to and including `end` (Prometheus'
/// range selector `[RANGE]` evaluated at `end`, left-open and right-closed).
public struct CalibrationWindow: Sendable, Hashable {
    /// Milliseconds since 1970, exclusive.
    public var start: Int64
    /// Milliseconds since 1970, inclusive: where `size` is read off the line.
    public var end: Int64

    public init(start: Int64, end: Int64) {
        self.start = start
        self.end = end
    }

    public func contains(_ s: MetricSample) -> Bool { s.milliseconds > start && s.milliseconds <= end }
}
