import PlanCore

/// Why a command stops before it finishes: what the user is told, and which exit code of
/// cli.md follows. The frontends return it; the executable prints it and exits, in one
/// place (`ExitStatus`).
public enum CommandFailure: Error, Sendable {
    /// Problems in the user's input (a scenario, an option's value): every diagnostic is
    /// printed, and the exit code is 1.
    case invalid([Diagnostic])
    /// A problem in the input that has no location, printed as it is; exit 1.
    case invalidMessage(String)
    /// No run of that id in the run store; exit 1.
    case unknownRun(String)
    /// A failure of the environment (a file cannot be read or written, the store cannot be
    /// used); exit 2.
    case io(PlanIOError)
    /// A failure of the environment that is not a `PlanIOError`, printed as it is; exit 2.
    case ioMessage(String)

    /// The lines printed on standard error, in order.
    public var lines: [String] {
        switch self {
        case .invalid(let items): return items.map(\.description)
        case .invalidMessage(let text), .unknownRun(let text), .ioMessage(let text): return [text]
        case .io(let error): return [error.description]
        }
    }

    /// The located problems of an `.invalid` failure; empty for any other.
    public var diagnostics: [Diagnostic] {
        if case .invalid(let items) = self { return items }
        return []
    }

    /// True for the failures of the environment (exit 2), false for the user's input (exit 1).
    public var isEnvironment: Bool {
        switch self {
        case .io, .ioMessage: return true
        case .invalid, .invalidMessage, .unknownRun: return false
        }
    }
}

extension Result where Failure == CommandFailure {
    /// The value, or the failure thrown: lets a frontend chain steps with `try`.
    @inlinable public func value() throws(CommandFailure) -> Success {
        switch self {
        case .success(let v): return v
        case .failure(let f): throw f
        }
    }
}
