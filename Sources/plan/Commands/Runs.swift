import ArgumentParser
import Foundation
import PlanIO
import PlanStore

extension Plan {
    /// `plan runs`: the recorded runs, newest first.
    struct Runs: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "runs",
            abstract: "List the recorded runs, newest first.",
            discussion: """
                Every `plan simulate` records its run in the run store (--db, default \
                output/plan.sqlite). Use a run's id with `plan show` and `plan compare`.
                """)

        @Option(help: ArgumentHelp("Show at most N runs (0: all).", valueName: "N"))
        var limit: Int = 20

        @Option(help: ArgumentHelp("Only runs of the scenario of this name.", valueName: "NAME"))
        var scenario: String?

        @OptionGroup var store: StoreOptions

        func run() throws {
            if limit < 0 { try failInvalid("error: --limit '\(limit)': must be 0 (all) or more") }
            guard let runStore = try store.open(create: false) else {
                // An empty file is what a first run that was not recorded leaves.
                let exists = FileManager.default.fileExists(atPath: store.db)
                StandardOutput.print(
                    "no runs recorded: '\(store.db)' "
                        + (exists ? "is empty (plan simulate records its runs there)" : "does not exist yet (plan simulate creates it)") + "\n")
                return
            }
            let runs: [RunListing]
            do {
                runs = try runStore.runs(limit: limit == 0 ? nil : limit, scenario: scenario)
            } catch {
                StandardError.print(error.description)
                throw ExitStatus.io
            }
            if runs.isEmpty {
                let which = scenario.map { "no runs of scenario '\($0)'" } ?? "no runs"
                StandardOutput.print("\(which) recorded in '\(store.db)'\n")
                return
            }
            StandardOutput.print(TableRenderer.runs(runs))
        }
    }
}
