import Foundation
import PlanCore
import Testing

@testable import PlanIO

/// `plan calibrate --check` offline: a scenario whose simulated used bytes are worked by
/// hand, run through the engine, beside saved `query_range` answers of MinIO's bucket usage.
@Suite struct CalibrationCheckTests {
    static let mib = 1_048_576.0
    static let gib = 1_073_741_824.0
    /// 2025-07-01T00:00:00Z, seconds.
    static let end = 1_751_328_000
    static var start: Int { end - 30 * 86_400 }

    /// Two Longhorn jobs on two MinIO deployments. A volume with no growth and no churn is
    /// backed up whole on day 0 (02:00) and never again changes: each later run uploads
    /// max(0, size − size) + min(1 · 0, size) = 0 (model.md "Incremental image accounting"),
    /// and the chain stores size(newest) + Σ pinned = size + 0. Uncompressed, so `minio`
    /// holds 10 GiB and `minio-b` 4 GiB at the end of every day: flat plans.
    static let scenario = """
        version: 1
        name: drift
        start: 2026-01-01
        horizon: 365d
        workloads:
          media:
            kind: volume
            size: 10GiB
            growth: 0
            volume: 50Gi
          photos:
            kind: volume
            size: 4GiB
            growth: 0
            volume: 50Gi
        backups:
          longhorn:
            nightly-media:
              schedule: "0 2 * * *"
              retain: 7
              volumes: [media]
              compression: none
              target: minio
            nightly-photos:
              schedule: "0 2 * * *"
              retain: 7
              volumes: [photos]
              compression: none
              target: minio-b
        targets:
          minio:
            kind: minio
            capacity: 1TB
            series:
              buckets: [longhorn-media]
          minio-b:
            kind: minio
            capacity: 1TB
            series:
              buckets: [photos-a, photos-b]

        """

    /// A `query_range` document as `curl` saves it: one series per (metric, bucket, values).
    static func answer(_ series: [(metric: String, bucket: String, value: (Int) -> Double)], every step: Int = 3_600) -> String {
        let result = series.map { s in
            let values = stride(from: start + step, through: end, by: step).map { t in "[\(t),\"\(String(format: "%.17g", s.value(t)))\"]" }
            return "{\"metric\":{\"__name__\":\"\(s.metric)\",\"bucket\":\"\(s.bucket)\",\"server\":\"minio-0:9000\"},\"values\":["
                + values.joined(separator: ",") + "]}"
        }
        return "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[" + result.joined(separator: ",") + "]}}"
    }

    /// `longhorn-media` holds 10 GiB + 102.4 MiB·d (d = days since the range's start); so
    /// 13 GiB at d = 30. `photos-a` 2 GiB, `photos-b` 2.2 GiB (v3): 4.2 GiB.
    static func saved() -> String {
        func d(_ t: Int) -> Double { Double(t - start) / 86_400 }
        return answer([
            (CalibrationMetric.bucketUsageV2, "longhorn-media", { 10 * gib + 102.4 * mib * d($0) }),
            (CalibrationMetric.bucketUsageV2, "photos-a", { _ in 2 * gib }),
            (CalibrationMetric.bucketUsageV3, "photos-b", { _ in 2.2 * gib }),
        ])
    }

    static func folder() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("plan-check-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    static func run(_ dir: String, tolerance: Double = 0.2, write: String? = nil) async throws -> CalibrationRun {
        try scenario.write(toFile: dir + "/drift.yaml", atomically: true, encoding: .utf8)
        try saved().write(toFile: dir + "/minio.json", atomically: true, encoding: .utf8)
        let request = CalibrationRequest(
            scenarioPath: dir + "/drift.yaml", metrics: .files([dir + "/minio.json"]), range: Seconds(30 * 86_400), end: nil, step: nil,
            growth: .absolute, writePath: write, now: 0, check: Share(tolerance))
        return try await CalibrationPipeline.run(request).get()
    }

    /// The hand-worked case through the engine: simulated from 2025-06-01 for 30 days,
    /// `minio` 10 GiB flat against 13 GiB measured, (13 − 10) / 10 = +30%: past 20%, and the
    /// bucket rises 102.4 MiB/day while the plan stays flat: "retention is set, but the
    /// bucket keeps growing". `minio-b`: (4.2 − 4) / 4 = +5%, within.
    @Test func handWorkedThroughTheEngine() async throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let run = try await Self.run(dir)
        let check = try #require(run.check)
        #expect(check.start == CivilDate(year: 2025, month: 6, day: 1))
        #expect(check.days == 30)
        #expect(run.problems.isEmpty)
        // No kubelet series for the two volumes: with --check and nothing written, warnings.
        #expect(run.figureWarnings.count == 4)
        #expect(run.figureWarnings.allSatisfy { $0.severity == .warning })
        let media = try #require(check.targets.first { $0.target == "minio" })
        #expect(media.simulated == 10 * Self.gib)
        #expect(media.measured == 13 * Self.gib)
        #expect(Swift.abs(media.drift - 0.3) < 1e-12)
        #expect(media.simulatedSlope == 0)
        #expect(Swift.abs(media.measuredSlope - 102.4 * Self.mib) < 1)
        #expect(media.samples == 720)
        let photos = try #require(check.targets.first { $0.target == "minio-b" })
        #expect(photos.simulated == 4 * Self.gib)
        #expect(Swift.abs(photos.drift - 0.05) < 1e-9)
        #expect(check.drifted.map(\.target) == ["minio"])

        let finding = try #require(run.findings.first)
        #expect(run.findings.count == 1)
        #expect(finding.description.hasPrefix("\(dir)/drift.yaml:31:3: warning: targets.minio: retention is set, but the bucket keeps growing: "))

        let report = CalibrationReport.render(run, source: "minio.json")
        #expect(report.contains("Check: simulated from 2025-06-01 for 30 days, beside the buckets' measured usage (tolerance 20%)"))
        #expect(report.contains("  minio     10.0 GiB  13.0 GiB  +30.0%"), "\(report)")
        #expect(report.contains("1 of 2 targets drifted more than 20%: minio (retention is set, but the bucket keeps growing)"))
    }

    /// At a tolerance of 31% neither target drifts (+30% and +5% are within it).
    @Test func withinALargerTolerance() async throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let run = try await Self.run(dir, tolerance: 0.31)
        #expect(run.check?.drifted.isEmpty == true)
        #expect(run.findings.isEmpty)
        #expect(CalibrationReport.render(run, source: "minio.json").contains("  no target drifted more than 31%"))
    }

    /// Writing with --check: a figure that cannot be measured blocks the write again (exit 1).
    @Test func writingStillNeedsEveryFigure() async throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let run = try await Self.run(dir, write: dir + "/out.yaml")
        #expect(run.problems.count == 4)
        #expect(run.written == nil)
        #expect(!FileManager.default.fileExists(atPath: dir + "/out.yaml"))
    }

    /// The Prometheus queries --check adds: the buckets the targets list, in both names.
    @Test func bucketQueries() {
        let listed = [
            Target(name: "m", kind: .minio, series: TargetMetricSeries(buckets: ["b.x", "a"])), Target(name: "c", kind: .cluster),
        ]
        #expect(
            CalibrationPipeline.bucketQueries(listed).map(\.text) == [
                "minio_bucket_usage_total_bytes{bucket=~\"a|b\\\\.x\"}", "minio_cluster_usage_buckets_total_bytes{bucket=~\"a|b\\\\.x\"}",
            ])
        #expect(
            CalibrationPipeline.bucketQueries([Target(name: "m", kind: .minio)]).map(\.text) == [
                "minio_bucket_usage_total_bytes", "minio_cluster_usage_buckets_total_bytes",
            ])
        #expect(CalibrationPipeline.bucketQueries([Target(name: "s", kind: .s3)]).isEmpty)
    }
}
