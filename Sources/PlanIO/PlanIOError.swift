/// Failures of the environment (not of the user's input): exit code 2 (cli.md).
public enum PlanIOError: Error, Sendable, CustomStringConvertible {
    case cannotRead(path: String, reason: String)
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotRead(let path, let reason): return "error: cannot read '\(path)': \(reason)"
        case .cannotWrite(let path, let reason): return "error: cannot write '\(path)': \(reason)"
        }
    }
}
