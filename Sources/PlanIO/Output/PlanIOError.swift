/// Failures of the environment (not of the user's input): exit code 2 (cli.md).
public enum PlanIOError: Error, Sendable, CustomStringConvertible {
    case cannotRead(path: String, reason: String)
    case cannotWrite(path: String, reason: String)
    /// A file given as the run store that is not one (another program's database, not
    /// SQLite at all, or a store written by a newer `plan`). It is left untouched.
    case notARunStore(path: String, reason: String)
    /// A run store whose file is damaged (truncated, malformed). It is left untouched.
    case damagedRunStore(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotRead(let path, let reason): return "error: cannot read '\(path)': \(reason)"
        case .cannotWrite(let path, let reason): return "error: cannot write '\(path)': \(reason)"
        case .notARunStore(let path, let reason):
            return "error: '\(path)' is not a plan run store: \(reason); it was left untouched; "
                + "choose another file with --db PATH"
        case .damagedRunStore(let path, let reason):
            return "error: run store '\(path)' is damaged: \(reason); it was left untouched; "
                + "move it away (a new store is then created in its place) or choose another file with --db PATH"
        }
    }
}
