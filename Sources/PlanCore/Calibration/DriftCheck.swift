/// `plan calibrate --check` (gitops.md "plan calibrate"): the scenario simulated over the
/// measured range, each object-store target's simulated `used` (the engine's day-end
/// `targetUsed`, `targets.csv` `used_bytes`) set beside the bucket usage MinIO measured.
///
/// The simulation is the scenario as it stands, moved onto the range: `start` = the date of
/// the range's start (its 00:00 UTC), `horizon` = the days from there to the day the range
/// ends in, so the last simulated day ends at (or just after) the range's end. It runs
/// through `Engine.simulate`, the path `plan simulate` takes. Like any simulation it starts
/// with empty targets, so a range at least as long as the longest retention lets the plan
/// reach the level it keeps.
///
/// Per target, with M the measured and S the simulated bytes at the range's end:
///
///     drift = (M − S) / S              (0 when both are 0; +∞ when only S is 0)
///
/// M is the last sample of the bucket sum in the range (MinIO reports the usage its scanner
/// last counted, so the last sample is the newest figure); S the last simulated day's used
/// bytes. Slopes are ordinary least-squares lines (`LinearFit`, as `deriv`), in bytes per
/// day: of the bucket sum over the range, and of the simulated day-end values at their
/// day-end times. A drift past the tolerance (either way) is a finding; when the measured
/// slope is positive and the simulated one flat or falling (it changes the simulated bytes
/// by less than 1% over the range, or it is negative) the finding says "retention is set,
/// but the bucket keeps growing", the most common real failure of these tools.
public enum DriftCheck {
    /// A simulated slope that moves the simulated bytes by less than this share of S over
    /// the whole range is flat.
    public static let flatShare = 0.01

    /// The scenario moved onto `window`: its start date and horizon in days.
    public static func span(_ window: CalibrationWindow) -> (start: CivilDate, days: Int) {
        let first = Int(floorDivide(window.start, 86_400_000))
        let last = Int(floorDivide(window.end - 1, 86_400_000))
        return (CivilDate(daysSinceEpoch: first), max(1, last - first + 1))
    }

    static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    /// Simulates `scenario` over `window` and compares each object-store target with its
    /// buckets in `series`; fails only when the moved scenario cannot be simulated.
    public static func run(
        scenario: Scenario, series: [LabeledSeries], window: CalibrationWindow, tolerance: Share
    ) -> Result<DriftOutcome, Diagnostics> {
        var moved = scenario
        let span = span(window)
        moved.start = span.start
        moved.horizonDays = span.days
        var sink = TargetUsedSink()
        if case .failure(let d) = Engine.simulate(moved, into: &sink) { return .failure(d) }
        let simulated = Dictionary(uniqueKeysWithValues: zip(sink.targets, sink.used))
        return .success(
            compare(
                targets: scenario.targets, simulated: simulated, start: span.start, series: series, window: window,
                tolerance: tolerance))
    }

    /// The comparison alone: `simulated[target]` are the day-end used bytes of the days from
    /// `start` (day i ends at `start + i + 1`, 00:00 UTC).
    public static func compare(
        targets: [Target], simulated: [String: [Double]], start: CivilDate, series: [LabeledSeries], window: CalibrationWindow,
        tolerance: Share
    ) -> DriftOutcome {
        var outcome = DriftOutcome(start: start, days: simulated.values.first?.count ?? 0, tolerance: tolerance)
        let buckets = series.filter {
            ($0.name == CalibrationMetric.bucketUsageV2 || $0.name == CalibrationMetric.bucketUsageV3) && $0.labels["bucket"] != nil
        }.map { LabeledSeries(labels: $0.labels, samples: $0.samples.filter(window.contains)) }
        let minioCount = targets.filter { $0.kind == .minio }.count
        for target in targets where target.isObjectStore {
            let listed = target.series?.buckets
            if listed == nil && !(target.kind == .minio && minioCount == 1) {
                if target.kind == .minio {
                    outcome.problems.append(
                        DriftProblem(
                            target: target.name, key: nil,
                            message: "cannot be checked: \(minioCount) minio targets and this one lists no buckets",
                            suggestion: "set targets.\(target.name).series.buckets to the buckets it stands for"))
                } else {
                    outcome.notes.append("targets.\(target.name): not checked (an s3 target with no series.buckets)")
                }
                continue
            }
            let wanted = listed.map(Set.init)
            let mine = buckets.filter { s in wanted.map { $0.contains(s.labels["bucket"] ?? "") } ?? true }
            let byBucket = Dictionary(grouping: mine) { $0.labels["bucket"] ?? "" }
            var perBucket: [[MetricSample]] = []
            var metrics: Set<String> = []
            for bucket in byBucket.keys.sorted() {
                let pieces = byBucket[bucket] ?? []
                // MinIO v3 where it is scraped, else v2: the same figure under two names.
                let v3 = pieces.filter { $0.name == CalibrationMetric.bucketUsageV3 }
                let chosen =
                    v3.contains { $0.samples.contains { $0.value.isFinite } } ? v3 : pieces.filter { $0.name == CalibrationMetric.bucketUsageV2 }
                if let name = chosen.first?.name { metrics.insert(name) }
                perBucket.append(CounterSeries.concatenated(chosen.map { $0.samples.filter { $0.value.isFinite } }))
            }
            let missing = (listed ?? []).filter { byBucket[$0] == nil }
            if !missing.isEmpty || byBucket.isEmpty {
                let names = missing.isEmpty ? "any bucket" : missing.map { "'\($0)'" }.joined(separator: ", ")
                outcome.problems.append(
                    DriftProblem(
                        target: target.name, key: listed == nil ? nil : "series.buckets",
                        message:
                            "cannot be checked: no series \(CalibrationMetric.bucketUsageV2) or \(CalibrationMetric.bucketUsageV3) for \(names) in the range",
                        suggestion: "check the bucket names (MinIO v2 reports only the first 100 buckets) and --range"))
                continue
            }
            let summed = CounterSeries.summed(perBucket)
            guard let last = summed.last, let measuredFit = LinearFit.fit(summed) else {
                outcome.problems.append(
                    DriftProblem(
                        target: target.name, key: listed == nil ? nil : "series.buckets",
                        message:
                            "cannot be checked: \(summed.count) sample\(summed.count == 1 ? "" : "s") of the bucket usage in the range; a slope needs at least 2",
                        suggestion: "check --range and --step"))
                continue
            }
            let days = simulated[target.name] ?? []
            let points = days.enumerated().map { i, used in
                MetricSample(milliseconds: Int64(start.daysSinceEpoch + i + 1) * 86_400_000, value: used)
            }
            let s = days.last ?? 0
            let simulatedSlope = (LinearFit.fit(points)?.slope ?? 0) * 86_400
            let drift = TargetDrift(
                target: target.name, buckets: byBucket.keys.sorted(), allBuckets: listed == nil, metrics: metrics.sorted(),
                simulated: s, measured: last.value, measuredAt: last.milliseconds, simulatedSlope: simulatedSlope,
                measuredSlope: measuredFit.slope * 86_400, samples: summed.count, rangeDays: Double(window.end - window.start) / 86_400_000)
            outcome.targets.append(drift)
        }
        return outcome
    }
}

/// One target checked: the simulated and measured bytes at the range's end and their slopes.
public struct TargetDrift: Sendable, Hashable {
    public var target: String
    /// The buckets summed (those found).
    public var buckets: [String]
    /// True when the target lists no `series.buckets` and every bucket was taken.
    public var allBuckets: Bool
    /// The MinIO metrics read (`minio_bucket_usage_total_bytes`, the v3 name, or both).
    public var metrics: [String]
    /// Bytes used at the end of the last simulated day.
    public var simulated: Double
    /// The bucket sum's last sample in the range, bytes.
    public var measured: Double
    /// That sample's time, milliseconds since 1970.
    public var measuredAt: Int64
    /// Bytes per day.
    public var simulatedSlope: Double
    /// Bytes per day.
    public var measuredSlope: Double
    /// Samples of the bucket sum fitted.
    public var samples: Int
    /// The range's length in days.
    public var rangeDays: Double

    /// (measured − simulated) / simulated; 0 when both are 0, +∞ when only simulated is.
    public var drift: Double {
        if simulated > 0 { return (measured - simulated) / simulated }
        return measured > 0 ? .infinity : 0
    }

    /// The simulated bytes fall, or move by less than `DriftCheck.flatShare` of S over the range.
    public var simulatedFlat: Bool {
        simulatedSlope <= 0 || simulatedSlope * rangeDays < DriftCheck.flatShare * simulated
    }

    public func exceeds(_ tolerance: Share) -> Bool { Swift.abs(drift) > tolerance.fraction }

    /// "retention is set, but the bucket keeps growing": the bucket rises while the plan
    /// stays flat or falls.
    public var keepsGrowing: Bool { measuredSlope > 0 && simulatedFlat }
}

/// A target that cannot be checked, located by the caller on `targets.NAME[.KEY]`.
public struct DriftProblem: Sendable, Hashable {
    public var target: String
    /// `series.buckets`, or nil for the target itself.
    public var key: String?
    public var message: String
    public var suggestion: String?

    public var path: String { "targets.\(target)" + (key.map { ".\($0)" } ?? "") }
}

/// What `--check` found.
public struct DriftOutcome: Sendable, Hashable {
    /// The simulation's start and horizon (days).
    public var start: CivilDate
    public var days: Int
    public var tolerance: Share
    public var targets: [TargetDrift] = []
    public var problems: [DriftProblem] = []
    /// Targets left out on purpose (an `s3` target without buckets).
    public var notes: [String] = []

    public init(start: CivilDate, days: Int, tolerance: Share) {
        self.start = start
        self.days = days
        self.tolerance = tolerance
    }

    /// The targets whose drift passes the tolerance.
    public var drifted: [TargetDrift] { targets.filter { $0.exceeds(tolerance) } }
}

/// Keeps each target's day-end used bytes (targets in `RowLayout` order, by name).
struct TargetUsedSink: SimulationSink {
    var targets: [String] = []
    var used: [[Double]] = []

    mutating func begin(_ layout: RowLayout) {
        targets = layout.targets.map(\.name)
        used = Array(repeating: [], count: targets.count)
    }

    mutating func day(_ rows: DayRows) {
        for (i, u) in rows.targetUsed.enumerated() where i < used.count { used[i].append(u) }
    }
}

extension TargetDrift {
    /// The finding of a drift past `tolerance`, or nil: the message and the likely fix.
    public func finding(_ tolerance: Share) -> (message: String, suggestion: String)? {
        guard exceeds(tolerance) else { return nil }
        let figures =
            "measured \(Format.bytes(measured)) against the plan's \(Format.bytes(simulated)) at the range's end, a drift of \(DriftCheck.percent(drift)) (more than \(DriftCheck.percent(tolerance.fraction, signed: false))); measured slope \(DriftCheck.perDay(measuredSlope)), simulated \(DriftCheck.perDay(simulatedSlope))"
        if keepsGrowing {
            return (
                "retention is set, but the bucket keeps growing: " + figures,
                "check that old backups are really deleted: CNPG applies retentionPolicy on the plugin's retention check (or after each backup in-tree), Velero deletes at ttl and Kopia frees the data only after maintenance, Longhorn keeps 'retain' points per volume, and a versioned bucket keeps noncurrent versions until a lifecycle rule expires them"
            )
        }
        return (
            (drift > 0 ? "the bucket holds more than the plan: " : "the bucket holds less than the plan: ") + figures,
            "refit the workloads' figures (plan calibrate --write) and check which jobs write to these buckets"
        )
    }
}

extension DriftCheck {
    /// `+30.0%`, `-12.5%`, `+∞%`; unsigned (a tolerance) without a trailing `.0`: `20%`.
    public static func percent(_ share: Double, signed: Bool = true) -> String {
        guard share.isFinite else { return share > 0 ? "+∞%" : "-∞%" }
        var text = Format.fixed(share * 100, 1)
        if !signed && text.hasSuffix(".0") { text.removeLast(2) }
        return (signed && share >= 0 ? "+" : "") + text + "%"
    }

    /// `+100 MiB/day`, `0 B/day`, `-1.50 GiB/day`.
    public static func perDay(_ bytes: Double) -> String {
        (bytes > 0 ? "+" : "") + Format.bytes(bytes) + "/day"
    }
}
