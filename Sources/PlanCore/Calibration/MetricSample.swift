/// One sample of a Prometheus series: a time and a value, as `query_range` returns them.
public struct MetricSample: Sendable, Hashable {
    /// Milliseconds since 1970-01-01 UTC: Prometheus' own resolution (the API prints float
    /// seconds with three decimals), so that the fit's x values are exactly Prometheus' own.
    public var milliseconds: Int64
    /// The value; NaN and ±Inf are kept here and left out by the fit.
    public var value: Double

    public init(milliseconds: Int64, value: Double) {
        self.milliseconds = milliseconds
        self.value = value
    }

    /// Seconds since 1970-01-01 UTC.
    public var seconds: Double { Double(milliseconds) / 1_000 }
}

/// One series of a `query_range` answer: its labels (`__name__` included) and its samples in
/// time order.
public struct LabeledSeries: Sendable, Hashable {
    public var labels: [String: String]
    public var samples: [MetricSample]

    public init(labels: [String: String], samples: [MetricSample]) {
        self.labels = labels
        self.samples = samples
    }

    /// The metric name (`__name__`), or nil for the result of an expression.
    public var name: String? { labels["__name__"] }

    /// `name{a="1", b="2"}` with the labels sorted, for messages.
    public var selector: String {
        let rest = labels.filter { $0.key != "__name__" }.sorted { $0.key < $1.key }.map { "\($0.key)=\"\($0.value)\"" }
        return (name ?? "") + "{" + rest.joined(separator: ", ") + "}"
    }
}
