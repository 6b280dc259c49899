import ArgumentParser
import Foundation
import PlanCore

/// `plan`: storage-cost and capacity planning for Kubernetes backup stacks.
@main
struct Plan: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Storage-cost and capacity planning for Kubernetes backup stacks (CNPG, Velero, Longhorn over MinIO and S3).",
        discussion: """
            Simulates a scenario day by day: database growth, WAL, compression and retention across \
            the CNPG, Velero and Longhorn tiers, object-store capacity, monthly cost, and the KPIs \
            (budget, RPO, RTO, efficiency, capacity, volume fill). Start with `plan simulate`, which \
            runs the built-in example.
            """,
        version: PlanVersion.current,
        subcommands: [Simulate.self, Report.self, Validate.self, Tune.self, Runs.self, Show.self, Compare.self],
        defaultSubcommand: nil
    )
}

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

/// Standard error, unbuffered.
enum StandardError {
    static func print(_ s: String) {
        FileHandle.standardError.write(Data((s.hasSuffix("\n") ? s : s + "\n").utf8))
    }
}

/// Standard output.
enum StandardOutput {
    static func print(_ s: String) {
        FileHandle.standardOutput.write(Data(s.utf8))
    }
    static var isTerminal: Bool { isatty(STDOUT_FILENO) != 0 }
}
