import ArgumentParser
import Foundation
import PlanCore

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
}
