import PlanCore

/// What identifies a run before it is simulated: the scenario, where it came from, the
/// overrides and the moment it ran. The run store's `runs` row holds these fields.
public struct RunHeader: Sendable {
    /// The moment of the run, UTC, `YYYY-MM-DDTHH:MM:SSZ`.
    public var createdAt: String
    /// The scenario's `name`.
    public var scenario: String
    /// The scenario file as given on the command line; `nil` for the built-in example.
    public var scenarioPath: String?
    /// `ScenarioSettings.hash` of the resolved scenario.
    public var contentHash: String
    /// The `--set` arguments as given (`PATH=VALUE`), `--horizon` and `--start` last.
    public var overrides: [String]
    public var start: CivilDate
    public var horizonDays: Int
    public var currency: String
    /// What the summary's `Wrote` line lists (`output/seed/`, and the report with `--report`).
    public var filesWritten: String?
    /// The store as `plan simulate` named it in its summary (`output/plan.sqlite`).
    public var storePath: String?
    public var planVersion: String
    /// Every resolved setting (`ScenarioSettings.flatten`), in its fixed order.
    public var settings: [Setting]

    public init(
        scenario: Scenario, scenarioPath: String?, overrides: [String], createdAt: String, filesWritten: String?,
        storePath: String?
    ) {
        self.createdAt = createdAt
        self.scenario = scenario.name
        self.scenarioPath = scenarioPath
        self.contentHash = ScenarioSettings.hash(scenario)
        self.overrides = overrides
        self.start = scenario.start
        self.horizonDays = scenario.horizonDays
        self.currency = scenario.currency
        self.filesWritten = filesWritten
        self.storePath = storePath
        self.planVersion = PlanVersion.current
        self.settings = ScenarioSettings.flatten(scenario).map { Setting(path: $0.path, value: $0.value) }
    }

    public init(
        createdAt: String, scenario: String, scenarioPath: String?, contentHash: String, overrides: [String],
        start: CivilDate, horizonDays: Int, currency: String, filesWritten: String?, storePath: String?,
        planVersion: String, settings: [Setting]
    ) {
        self.createdAt = createdAt
        self.scenario = scenario
        self.scenarioPath = scenarioPath
        self.contentHash = contentHash
        self.overrides = overrides
        self.start = start
        self.horizonDays = horizonDays
        self.currency = currency
        self.filesWritten = filesWritten
        self.storePath = storePath
        self.planVersion = planVersion
        self.settings = settings
    }
}
