import ArgumentParser
import Foundation
import PlanCore
import PlanIO

/// `plan`: storage-cost and capacity planning for Kubernetes backup stacks.
@main
struct Plan: ParsableCommand {
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
        subcommands: [
            Simulate.self, Report.self, Validate.self, Tune.self, Runs.self, Show.self, Compare.self, Import.self, Lint.self, Calibrate.self,
            Alerts.self, Schema.self, Explain.self,
        ],
        defaultSubcommand: nil
    )

    /// Runs the command line; a first word that names no command but is close to one gets
    /// a "did you mean" (`plan simualte`), exit 64 as every malformed command line.
    ///
    /// Synchronous: a command whose `run` is synchronous (`simulate`, `show`, …) runs on the
    /// main thread, and only `import`, `calibrate` and `tune` start Swift's concurrency
    /// runtime (`AsyncCommand`). With an `async` main, every command ran on a worker thread
    /// of Dispatch, which a system that refuses threads left waiting for ever.
    static func main() {
        // An output folder a command replaces is removed while it prints (OutputSet).
        OutputSet.removeReplacedFoldersInBackground()
        let arguments = Array(CommandLine.arguments.dropFirst())
        let names = configuration.subcommands.map { $0._commandName } + ["help"]
        if let first = arguments.first, !first.hasPrefix("-"), !names.contains(first),
            let close = Suggest.closest(to: first, among: names)
        {
            StandardError.print("error: unknown command '\(first)'; did you mean '\(close)'?")
            StandardError.print("Usage: plan <subcommand>; see 'plan --help' for the commands")
            Foundation.exit(64)
        }
        do {
            // The synchronous parse: an option given an `async` custom completion would need
            // `asyncParseAsRoot` here (the synchronous one answers it "Invalid state").
            var command = try parseAsRoot(arguments)
            if let asynchronous = command as? any AsyncParsableCommand {
                try AsyncCommand.run(asynchronous)
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
