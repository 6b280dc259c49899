import Testing

@testable import PlanCore

/// `plan calibrate --check`'s comparison, on simulated days and bucket series written here,
/// every figure worked by hand.
@Suite struct DriftCheckTests {
    static let mib = 1_048_576.0
    static let gib = 1_073_741_824.0
    static let day: Int64 = 86_400_000
    /// 2025-06-01T00:00:00Z (20,240 days since 1970) to 2025-07-01T00:00:00Z.
    static let start: Int64 = 20_240 * day
    static let window = CalibrationWindow(start: start, end: start + 30 * day)

    static func series(_ metric: String, _ bucket: String, _ value: (Int) -> Double, extra: [String: String] = [:]) -> LabeledSeries {
        // One sample at each day's end, d = 1 … 30.
        LabeledSeries(
            labels: ["__name__": metric, "bucket": bucket].merging(extra) { a, _ in a },
            samples: (1...30).map { MetricSample(milliseconds: start + Int64($0) * day, value: value($0)) })
    }

    static let v2 = CalibrationMetric.bucketUsageV2
    static let v3 = CalibrationMetric.bucketUsageV3

    @Test func spanOfTheRange() {
        // (2025-06-01T00:00, 2025-07-01T00:00]: days 2025-06-01 … 2025-06-30, 30 of them.
        let aligned = DriftCheck.span(Self.window)
        #expect(aligned.start == CivilDate(year: 2025, month: 6, day: 1))
        #expect(aligned.days == 30)
        // Ending at 2025-07-01T06:00 the range reaches into 2025-07-01: 31 days, from
        // 2025-06-01T06:00's date.
        let shifted = DriftCheck.span(CalibrationWindow(start: Self.start + 6 * 3_600_000, end: Self.start + 30 * Self.day + 6 * 3_600_000))
        #expect(shifted.start == CivilDate(year: 2025, month: 6, day: 1))
        #expect(shifted.days == 31)
    }

    /// The hand-worked case. Target `minio` (bucket `longhorn-media`): the plan keeps 10 GiB
    /// every day (slope 0); the bucket holds 10 GiB + 102.4 MiB·d at the end of day d, so at
    /// d = 30 it holds 10 GiB + 3,072 MiB = 13 GiB:
    ///
    ///     drift = (13 − 10) / 10 = +30%   > 20%: a finding
    ///     measured slope = 102.4 MiB/day  > 0, simulated 0: "keeps growing"
    ///
    /// Target `minio-b` (buckets `photos-a`, `photos-b`): the plan keeps 4 GiB; `photos-a` is
    /// 2 GiB (v2), `photos-b` 2.2 GiB in v3 (its v2 series, 9 GiB, is not read: v3 wins), so
    /// 4.2 GiB: drift (4.2 − 4) / 4 = +5%, within 20%.
    @Test func handWorkedDrift() throws {
        let targets = [
            Target(name: "minio", kind: .minio, capacity: ByteCount(1e12), series: TargetMetricSeries(buckets: ["longhorn-media"])),
            Target(name: "minio-b", kind: .minio, capacity: ByteCount(1e12), series: TargetMetricSeries(buckets: ["photos-a", "photos-b"])),
        ]
        let series = [
            Self.series(Self.v2, "longhorn-media") { 10 * Self.gib + 102.4 * Self.mib * Double($0) },
            Self.series(Self.v2, "photos-a") { _ in 2 * Self.gib },
            Self.series(Self.v3, "photos-b") { _ in 2.2 * Self.gib },
            Self.series(Self.v2, "photos-b") { _ in 9 * Self.gib },
            Self.series(Self.v2, "someone-elses") { _ in 100 * Self.gib },
        ]
        let simulated = ["minio": Array(repeating: 10 * Self.gib, count: 30), "minio-b": Array(repeating: 4 * Self.gib, count: 30)]
        let outcome = DriftCheck.compare(
            targets: targets, simulated: simulated, start: CivilDate(year: 2025, month: 6, day: 1), series: series, window: Self.window,
            tolerance: Share(0.2))
        #expect(outcome.problems.isEmpty)
        #expect(outcome.targets.count == 2)
        let media = try #require(outcome.targets.first)
        #expect(media.measured == 13 * Self.gib)
        #expect(media.simulated == 10 * Self.gib)
        #expect(Swift.abs(media.drift - 0.3) < 1e-12)
        #expect(Swift.abs(media.measuredSlope - 102.4 * Self.mib) < 1e-3)
        #expect(media.simulatedSlope == 0)
        #expect(media.samples == 30)
        #expect(media.keepsGrowing)
        let finding = try #require(media.finding(Share(0.2)))
        #expect(
            finding.message
                == "retention is set, but the bucket keeps growing: measured 13.0 GiB against the plan's 10.0 GiB at the range's end, a drift of +30.0% (more than 20%); measured slope +102 MiB/day, simulated 0 B/day"
        )
        let photos = try #require(outcome.targets.last)
        #expect(photos.buckets == ["photos-a", "photos-b"])
        #expect(photos.metrics == [Self.v2, Self.v3])
        #expect(Swift.abs(photos.measured - 4.2 * Self.gib) < 1)
        #expect(Swift.abs(photos.drift - 0.05) < 1e-9)
        #expect(photos.finding(Share(0.2)) == nil)
        #expect(outcome.drifted.map(\.target) == ["minio"])
    }

    /// A bucket below the plan is a drift too, without the "keeps growing" words; a plan that
    /// rises (here 0.5 GiB a day from 1 GiB) is not flat.
    @Test func belowThePlanAndARisingPlan() throws {
        let targets = [Target(name: "minio", kind: .minio, capacity: ByteCount(1e12))]
        // Every bucket (the only minio target, no series): 5 GiB + 0.1 GiB·d; at d = 30, 8 GiB.
        let series = [
            Self.series(Self.v2, "a") { 4 * Self.gib + 0.1 * Self.gib * Double($0) }, Self.series(Self.v2, "b") { _ in 1 * Self.gib },
        ]
        // Day i (0 … 29) ends with 1 + 0.5·(i + 1) GiB: 16 GiB on the last day.
        let simulated = ["minio": (0..<30).map { (1 + 0.5 * Double($0 + 1)) * Self.gib }]
        let outcome = DriftCheck.compare(
            targets: targets, simulated: simulated, start: CivilDate(year: 2025, month: 6, day: 1), series: series, window: Self.window,
            tolerance: Share(0.2))
        let t = try #require(outcome.targets.first)
        #expect(t.allBuckets)
        #expect(t.measured == 8 * Self.gib)
        #expect(t.simulated == 16 * Self.gib)
        // (8 − 16) / 16 = −50%.
        #expect(t.drift == -0.5)
        #expect(Swift.abs(t.simulatedSlope - 0.5 * Self.gib) < 1e-3)
        #expect(!t.simulatedFlat)
        #expect(!t.keepsGrowing)
        let finding = try #require(t.finding(Share(0.2)))
        #expect(finding.message.hasPrefix("the bucket holds less than the plan: measured 8.00 GiB against the plan's 16.0 GiB"))
    }

    /// Targets that cannot be checked: a bucket listed but not found; two minio targets, one
    /// without buckets; an s3 target without buckets is left out with a note.
    @Test func targetsThatCannotBeChecked() {
        let targets = [
            Target(name: "a", kind: .minio, capacity: ByteCount(1e12), series: TargetMetricSeries(buckets: ["here", "gone"])),
            Target(name: "b", kind: .minio, capacity: ByteCount(1e12)),
            Target(name: "c", kind: .s3),
            Target(name: "disks", kind: .cluster, capacity: ByteCount(1e12)),
        ]
        let outcome = DriftCheck.compare(
            targets: targets, simulated: ["a": [1], "b": [1], "c": [1], "disks": [1]], start: CivilDate(year: 2025, month: 6, day: 1),
            series: [Self.series(Self.v2, "here") { _ in 1 }], window: Self.window, tolerance: Share(0.2))
        #expect(outcome.targets.isEmpty)
        #expect(outcome.problems.map(\.path) == ["targets.a.series.buckets", "targets.b"])
        #expect(outcome.problems.first?.message.contains("for 'gone' in the range") == true)
        #expect(outcome.problems.last?.message == "cannot be checked: 2 minio targets and this one lists no buckets")
        #expect(outcome.notes == ["targets.c: not checked (an s3 target with no series.buckets)"])
    }

    @Test func driftOfAnEmptyPlan() {
        func t(_ s: Double, _ m: Double) -> TargetDrift {
            TargetDrift(
                target: "t", buckets: [], allBuckets: false, metrics: [], simulated: s, measured: m, measuredAt: 0, simulatedSlope: 0,
                measuredSlope: 0, samples: 2, rangeDays: 30)
        }
        #expect(t(0, 0).drift == 0)
        #expect(t(0, 5).drift == .infinity)
        #expect(DriftCheck.percent(.infinity) == "+∞%")
        #expect(DriftCheck.percent(-0.125) == "-12.5%")
        #expect(DriftCheck.percent(0.2, signed: false) == "20%")
    }
}
