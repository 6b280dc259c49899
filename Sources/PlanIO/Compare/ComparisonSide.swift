import PlanCore

/// One side of `plan compare`: what was simulated and what came out.
public struct ComparisonSide: Sendable {
    /// Says where the side comes from: `run 12: seed (scenarios/seed.yaml) …` or a file
    /// and its overrides.
    public var label: String
    /// The run id, when the side is a recorded run read back from the store.
    public var runID: Int64?
    /// The scenario file; nil for the built-in example.
    public var scenarioPath: String?
    /// The `--set` overrides applied to the file.
    public var overrides: [String]
    public var contentHash: String
    public var settings: [Setting]
    public var result: SimulationResult

    public init(
        label: String, runID: Int64?, scenarioPath: String?, overrides: [String], contentHash: String,
        settings: [Setting], result: SimulationResult
    ) {
        self.label = label
        self.runID = runID
        self.scenarioPath = scenarioPath
        self.overrides = overrides
        self.contentHash = contentHash
        self.settings = settings
        self.result = result
    }

    /// A side simulated now (not read from the store): its hash and settings from `scenario`.
    public init(simulated scenario: Scenario, result: SimulationResult, label: String, scenarioPath: String?, overrides: [String]) {
        self.init(
            label: label, runID: nil, scenarioPath: scenarioPath, overrides: overrides, contentHash: ScenarioSettings.hash(scenario),
            settings: ScenarioSettings.flatten(scenario).map { Setting(path: $0.path, value: $0.value) }, result: result)
    }
}
