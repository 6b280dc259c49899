import PlanCore

/// What `plan tune` was asked, as typed: the frontend parses and checks every part.
public struct TuneRequest: Sendable {
    /// The scenario file.
    public var scenarioPath: String
    /// `--vary PATH=VALUES`, in order (the last changes fastest).
    public var vary: [String]
    /// `--set` (with `--horizon` and `--start` last), parsed; a failure holds the problems
    /// of malformed ones, reported together with those of the other options.
    public var overrides: Result<[Override], CommandFailure>
    /// The `--set` arguments as typed, for the labels of the comparison.
    public var setArguments: [String]
    /// `--require EXPR`.
    public var requirements: [String]
    /// `--objective`.
    public var objective: String
    /// `--shard K/N`.
    public var shard: String?
    /// `--top`: how many of the best feasible variants are kept.
    public var top: Int
    /// `--max-variants`.
    public var maximumVariants: Int
    /// `--write-best FILE`.
    public var writeBest: String?
    /// `--out DIR`.
    public var layout: OutputLayout
    /// UTC, read once by the executable: the default `start`.
    public var today: CivilDate

    public init(
        scenarioPath: String, vary: [String], overrides: Result<[Override], CommandFailure>, setArguments: [String], requirements: [String],
        objective: String, shard: String?, top: Int, maximumVariants: Int, writeBest: String?, layout: OutputLayout,
        today: CivilDate
    ) {
        self.scenarioPath = scenarioPath
        self.vary = vary
        self.overrides = overrides
        self.setArguments = setArguments
        self.requirements = requirements
        self.objective = objective
        self.shard = shard
        self.top = top
        self.maximumVariants = maximumVariants
        self.writeBest = writeBest
        self.layout = layout
        self.today = today
    }
}
