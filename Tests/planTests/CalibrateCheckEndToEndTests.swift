import Foundation
import Testing

/// `plan calibrate --check` against the real Prometheus of `CalibrationData`, whose MinIO
/// buckets are known: part of the serialized suite, so that one server runs at a time.
extension CalibrateEndToEndTests {
    /// Two Longhorn jobs on two MinIO deployments, volumes that neither grow nor churn: the
    /// plan keeps 10 GiB on `minio` and 4 GiB on `minio-b` every day (one full image each,
    /// every later run uploads nothing; CalibrationCheckTests works it through model.md).
    static let driftScenario = """
        version: 1
        name: drift
        start: 2026-01-01
        horizon: 365d
        workloads:
          media: {kind: volume, size: 10GiB, growth: 0, volume: 50Gi}
          photos: {kind: volume, size: 4GiB, growth: 0, volume: 50Gi}
        backups:
          longhorn:
            nightly-media: {schedule: "0 2 * * *", retain: 7, volumes: [media], compression: none, target: minio}
            nightly-photos: {schedule: "0 2 * * *", retain: 7, volumes: [photos], compression: none, target: minio-b}
        targets:
          minio: {kind: minio, capacity: 1TB, series: {buckets: [longhorn-media]}}
          minio-b: {kind: minio, capacity: 1TB, series: {buckets: [photos-a, photos-b]}}

        """

    /// Through the HTTP API, at the samples' own step (so the range's last point is the
    /// sample at 2025-07-01T00:00Z; 30 × 288 = 8,640 points): `minio` measured 10 GiB + 102.4 MiB × 30 = 13 GiB
    /// against 10 GiB simulated, (13 − 10) / 10 = +30% with a rising bucket and a flat
    /// plan: the finding, and exit 3 with --fail-on-drift. `minio-b`: v2 `photos-a` 2 GiB +
    /// v3 `photos-b` 2.2 GiB = 4.2 GiB against 4 GiB, +5%.
    @Test func checksTheBucketsAgainstARealPrometheus() throws {
        let sandbox = try Sandbox()
        let server = try PrometheusServer(openMetrics: CalibrationData.openMetrics(), directory: sandbox.root)
        defer { server.stop() }
        try sandbox.write("drift.yaml", Self.driftScenario)

        let run = try sandbox.plan(
            "calibrate", "drift.yaml", "--prometheus", server.url, "--end", "2025-07-01", "--step", "5min", "--check", "--fail-on-drift")
        run.expect(status: 3)
        #expect(run.stdout.contains("Check: simulated from 2025-06-01 for 30 days, beside the buckets' measured usage (tolerance 20%)"))
        #expect(
            run.stdout.contains("  minio     10.0 GiB  13.0 GiB  +30.0%          0 B/day    +102 MiB/day    8,640  longhorn-media"), "\(run.stdout)")
        #expect(
            run.stdout.contains(
                "  minio-b   4.00 GiB  4.20 GiB   +5.0%          0 B/day         0 B/day    8,640  photos-a, photos-b (minio_bucket_usage_total_bytes, minio_cluster_usage_buckets_total_bytes)"
            ), "\(run.stdout)")
        #expect(run.stderr.contains("drift.yaml:13:3: warning: targets.minio: retention is set, but the bucket keeps growing: "), "\(run.stderr)")
        #expect(run.stderr.contains("plan: 1 target drifted more than 20% (first: minio, +30.0%); exit 3 (--fail-on-drift)"))
        // Without --fail-on-drift the same findings exit 0; at 31% nothing drifts.
        try sandbox.plan("calibrate", "drift.yaml", "--prometheus", server.url, "--end", "2025-07-01", "--step", "5min", "--check")
            .expect(status: 0)
        let wide = try sandbox.plan(
            "calibrate", "drift.yaml", "--prometheus", server.url, "--end", "2025-07-01", "--step", "5min", "--check", "--tolerance", "31%",
            "--fail-on-drift")
        wide.expect(status: 0)
        #expect(wide.stdout.contains("  no target drifted more than 31%"))
    }
}
