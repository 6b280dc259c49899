import PlanCore
import Yams

/// What `ScenarioLoader` needs besides the file's bytes.
public struct LoadOptions: Sendable {
    /// The file's path as messages show it (`scenarios/lab.yaml`).
    public var file: String
    /// The file name without `.yaml`: the scenario's `name` when the file gives none.
    public var defaultName: String
    /// Today (UTC), the default `start`; read once by the executable.
    public var today: CivilDate
    /// `--set PATH=VALUE` overrides, applied in order before validation.
    public var overrides: [Override]

    public init(file: String, defaultName: String, today: CivilDate, overrides: [Override] = []) {
        self.file = file
        self.defaultName = defaultName
        self.today = today
        self.overrides = overrides
    }
}
