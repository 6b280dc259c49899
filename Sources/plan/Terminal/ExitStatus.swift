import ArgumentParser
import Foundation
import PlanCore
import PlanIO

/// Exit codes of cli.md, mapped in one place.
enum ExitStatus {
    /// The scenario or an option's value is invalid.
    static let invalid = ExitCode(1)
    /// No run of that id in the run store (`plan show`, `plan compare`).
    static let unknownRun = ExitCode(1)
    /// An I/O failure.
    static let io = ExitCode(2)
    /// `--fail-on-kpi` and a KPI failed.
    static let kpiFailed = ExitCode(3)
    /// `plan compare --fail-on` and a condition is met (B regresses against A).
    static let conditionMet = ExitCode(3)
    /// `plan calibrate --check --fail-on-drift` and a target drifted past the tolerance.
    static let checkFailed = ExitCode(3)
    /// `plan tune` stopped by Ctrl-C (128 + SIGINT), or by SIGTERM (128 + 15).
    static let interrupted = ExitCode(130)
    static let terminated = ExitCode(143)

    /// The exit code of a frontend's failure.
    static func code(_ failure: CommandFailure) -> ExitCode {
        switch failure {
        case .invalid, .invalidMessage: return invalid
        case .unknownRun: return unknownRun
        case .io, .ioMessage: return io
        }
    }

    /// A frontend's value; on failure its lines go to standard error and its exit code is thrown.
    static func check<T>(_ result: Result<T, CommandFailure>) throws -> T {
        switch result {
        case .success(let value): return value
        case .failure(let failure):
            for line in failure.lines { StandardError.print(line) }
            throw code(failure)
        }
    }
}
