/// One alerting rule of a Prometheus rule file, with the `promtool test rules` case that
/// proves it (gitops-facts.md Part 3).
public struct AlertRule: Sendable, Hashable {
    public var alert: String
    public var expr: String
    /// `for`, seconds.
    public var pending: Double
    /// In order: `severity`, `scenario`, then the subject.
    public var labels: [Label]
    public var summary: String
    public var description: String
    /// The promtool tests that prove it: at least one where it fires and one where it stays quiet.
    public var tests: [RuleTest]

    public struct Label: Sendable, Hashable {
        public var name: String
        public var value: String
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }
}

/// A group of rules (`groups[]`).
public struct RuleGroup: Sendable, Hashable {
    public var name: String
    public var rules: [AlertRule]
}

/// One `tests[]` entry of a promtool test file: input series and, at chosen times, the
/// alerts that must be firing (none: the rule stays quiet).
public struct RuleTest: Sendable, Hashable {
    /// Sample interval of the series, seconds.
    public var interval: Double = 60
    public var series: [Series]
    public var checks: [Check]

    public struct Series: Sendable, Hashable {
        /// `metric{labels}`.
        public var selector: String
        /// promtool's expanding notation: `a+bxn` segments separated by spaces.
        public var values: String
    }

    public struct Check: Sendable, Hashable {
        /// Seconds from the start of the test.
        public var time: Double
        /// Per expected alert, its labels besides the rule's own (the series' labels).
        public var firing: [[AlertRule.Label]]
        /// What the check shows, written as a comment above it.
        public var why: String
    }
}
