import PlanCore

/// What `plan calibrate` was asked to do, from its options (gitops.md "plan calibrate").
public struct CalibrationRequest: Sendable {
    /// Where the samples come from.
    public enum Metrics: Sendable {
        /// Saved `query_range` documents (or `promtool query range -o json` matrices).
        case files([String])
        /// A Prometheus base URL (`http://prometheus:9090`).
        case prometheus(String)
    }

    public var scenarioPath: String
    public var metrics: Metrics
    /// `--range`, seconds.
    public var range: Seconds
    /// `--end`, milliseconds since 1970; nil: now (Prometheus) or the last sample (files).
    public var end: Int64?
    /// `--step`, whole seconds; nil: the smallest that keeps each series under 11,000 points.
    public var step: Int?
    public var growth: GrowthMode
    /// `--write FILE` or, with `--in-place`, the scenario's own path.
    public var writePath: String?
    /// The time the command started, milliseconds since 1970 (read once by the executable).
    public var now: Int64
    /// `--check`: compare the targets with their buckets, with this `--tolerance`; nil: no check.
    public var check: Share?

    public init(
        scenarioPath: String, metrics: Metrics, range: Seconds, end: Int64?, step: Int?, growth: GrowthMode, writePath: String?,
        now: Int64, check: Share? = nil
    ) {
        self.check = check
        self.scenarioPath = scenarioPath
        self.metrics = metrics
        self.range = range
        self.end = end
        self.step = step
        self.growth = growth
        self.writePath = writePath
        self.now = now
    }

    /// Prometheus' limit on the points of one series in a range query (`web/api/v1/api.go`).
    public static let maximumPoints = 11_000

    /// `--tolerance`'s default: a drift of more than 20% is a finding (gitops.md).
    public static let defaultTolerance = Share(0.2)

    /// The smallest whole step in seconds that keeps `range` within the limit as Prometheus
    /// checks it, range ÷ step ≤ 11,000 (so at most 11,001 points; 30 days: 236 s; 90 days:
    /// 707 s). Prometheus 2.42 refuses a larger ratio with HTTP 400 "exceeded maximum
    /// resolution of 11,000 points per timeseries".
    public static func defaultStep(range: Seconds) -> Int {
        max(1, Int((range.value / Double(maximumPoints)).rounded(.up)))
    }

    /// `--end` as milliseconds: a date is its 00:00 UTC, a date-time its instant (UTC).
    public static func end(_ text: String) -> Result<Int64, ValueError> {
        ValueSyntax.dateTime(text).map { Int64($0.date.daysSinceEpoch) * 86_400_000 + Int64($0.second) * 1_000 }
    }
}
