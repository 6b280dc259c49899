import Foundation

/// A month of synthetic cluster metrics with known slopes, for `plan calibrate`'s tests:
/// the seed cluster's three workloads (`scenarios/seed.yaml`), sampled every 5 minutes over
/// the 30 days that end at 2025-07-01T00:00:00Z, written as OpenMetrics text for
/// `promtool tsdb create-blocks-from openmetrics`.
///
/// What the fit must find (d = days since the range's start, MiB = 2^20 B, GiB = 2^30 B):
/// - `gitea-db` (namespace `gitea`, instance pods `gitea-db-1`, the primary, and
///   `gitea-db-2`, a replica an hour behind): database `app` is 2 GiB + 1.5 GiB·d plus a daily
///   wave of ±50 MiB, database `postgres` a constant 8 MiB. Size at the end (d = 30):
///   2 + 45 GiB + 8 MiB = 47 GiB + 8 MiB; growth 1.5 GiB/day. WAL on the primary is
///   50 GiB + 600 MiB·(d − 0.5·(cos 2πd − 1)/2π) (a rate of 600 MiB/day ± 50% over the day),
///   reset to 0 at d = 20 (`pg_stat_reset_shared('wal')`, a new `stats_reset` label): slope
///   600 MiB/day; the replica's WAL grows 10 MiB/day (smaller, so not chosen).
/// - `coder-db` (namespace `coder`, one pod `coder-db-1`, PostgreSQL 13: no
///   `cnpg_collector_wal_bytes`): `app` 1 GiB + 512 MiB·d, `coder` 100 MiB + 10 MiB·d. Size at
///   the end: 16 GiB + 400 MiB; growth 522 MiB/day. 1,000 segments archived before the range
///   and one more every 20 minutes: 72 × 16 MiB = 1,152 MiB/day of WAL.
/// - `gitea-data` (PVC `gitea-data` in `gitea`): 10 GiB + 100 MiB·d ± 30 MiB daily; size at the
///   end 10 GiB + 3,000 MiB, growth 100 MiB/day. Three samples are NaN (a kubelet that could
///   not stat the volume), which the fit leaves out.
/// - MinIO buckets (for `--check`): `longhorn-media` (v2 `minio_bucket_usage_total_bytes`)
///   10 GiB + 102.4 MiB·d, so 13 GiB at the end; `photos-a` (v2) 2 GiB and `photos-b` (v3
///   `minio_cluster_usage_buckets_total_bytes`) 2.2 GiB, constant.
enum CalibrationData {
    static let mib = 1_048_576.0
    static let gib = 1_073_741_824.0
    /// 2025-07-01T00:00:00Z, seconds since 1970 (20,270 days).
    static let end = 1_751_328_000
    static let days = 30
    static let interval = 300
    static var start: Int { end - days * 86_400 }

    /// The expected figures, worked out above: bytes and bytes per day.
    enum Expected {
        static let giteaSize = 47 * gib + 8 * mib
        static let giteaGrowth = 1.5 * gib
        static let giteaWAL = 600 * mib
        static let coderSize = 16 * gib + 400 * mib
        static let coderGrowth = 522 * mib
        static let coderWAL = 1_152 * mib
        static let dataSize = 10 * gib + 3_000 * mib
        static let dataGrowth = 100 * mib
    }

    /// The OpenMetrics text, ending with `# EOF`.
    static func openMetrics() -> String {
        let times = stride(from: start, through: end, by: interval).map { $0 }
        func d(_ t: Int) -> Double { Double(t - start) / 86_400 }
        func wave(_ t: Int) -> Double { sin(2 * Double.pi * d(t)) }
        var out = ""
        func family(_ name: String, _ series: [(labels: String, value: (Int) -> Double?)]) {
            out += "# TYPE \(name) gauge\n"
            for s in series {
                for t in times {
                    guard let v = s.value(t) else { continue }
                    out += "\(name){\(s.labels)} \(text(v)) \(t)\n"
                }
            }
        }
        let app: (Int) -> Double = { 2 * gib + 1.5 * gib * d($0) + 50 * mib * wave($0) }
        family(
            "cnpg_pg_database_size_bytes",
            [
                ("datname=\"app\",namespace=\"gitea\",pod=\"gitea-db-1\"", { app($0) }),
                ("datname=\"postgres\",namespace=\"gitea\",pod=\"gitea-db-1\"", { _ in 8 * mib }),
                ("datname=\"app\",namespace=\"gitea\",pod=\"gitea-db-2\"", { app($0 - 3_600) }),
                ("datname=\"postgres\",namespace=\"gitea\",pod=\"gitea-db-2\"", { _ in 8 * mib }),
                ("datname=\"app\",namespace=\"coder\",pod=\"coder-db-1\"", { 1 * gib + 512 * mib * d($0) }),
                ("datname=\"coder\",namespace=\"coder\",pod=\"coder-db-1\"", { 100 * mib + 10 * mib * d($0) }),
            ])
        let resetAt = start + 20 * 86_400
        func wal(_ t: Int) -> Double { 600 * mib * (d(t) - 0.5 * (cos(2 * Double.pi * d(t)) - 1) / (2 * Double.pi)) }
        family(
            "cnpg_collector_wal_bytes",
            [
                ("namespace=\"gitea\",pod=\"gitea-db-1\",stats_reset=\"2025-01-01T00:00:00Z\"", { $0 < resetAt ? 50 * gib + wal($0) : nil }),
                ("namespace=\"gitea\",pod=\"gitea-db-1\",stats_reset=\"2025-06-21T00:00:00Z\"", { $0 >= resetAt ? wal($0) - wal(resetAt) : nil }),
                ("namespace=\"gitea\",pod=\"gitea-db-2\",stats_reset=\"2025-01-01T00:00:00Z\"", { 1 * gib + 10 * mib * d($0) }),
            ])
        family(
            "cnpg_pg_stat_archiver_archived_count",
            [("namespace=\"coder\",pod=\"coder-db-1\"", { 1_000 + Double(($0 - start) / 1_200) })])
        let nan: Set<Int> = [start + 5 * 86_400, start + 5 * 86_400 + interval, start + 17 * 86_400]
        family(
            "kubelet_volume_stats_used_bytes",
            [
                (
                    "namespace=\"gitea\",persistentvolumeclaim=\"gitea-data\"",
                    { nan.contains($0) ? .nan : 10 * gib + 100 * mib * d($0) + 30 * mib * wave($0) }
                )
            ])
        family(
            "minio_bucket_usage_total_bytes",
            [
                ("bucket=\"longhorn-media\",server=\"minio-0:9000\"", { 10 * gib + 102.4 * mib * d($0) }),
                ("bucket=\"photos-a\",server=\"minio-0:9000\"", { _ in 2 * gib }),
            ])
        family("minio_cluster_usage_buckets_total_bytes", [("bucket=\"photos-b\",server=\"minio-0:9000\"", { _ in 2.2 * gib })])
        return out + "# EOF\n"
    }

    /// A value as Go's ParseFloat reads it: `NaN`, or a decimal number.
    static func text(_ v: Double) -> String {
        v.isNaN ? "NaN" : String(format: "%.17g", v)
    }
}
