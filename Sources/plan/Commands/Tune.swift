import ArgumentParser
import Foundation
import PlanCore
import PlanIO
import Synchronization

/// Set by Ctrl-C during a sweep: workers take no new variants, and what finished is kept.
let interruptRequested = Atomic<Bool>(false)
/// Set by SIGTERM: the same, and the exit code says so (143).
let terminateRequested = Atomic<Bool>(false)
/// Set once the sweep starts: before it, Ctrl-C and SIGTERM end the command at once (there
/// are no finished variants to keep; validating a million values took minutes).
let sweepStarted = Atomic<Bool>(false)
/// A SIGINT or SIGTERM that came before Dispatch's handler for it was in place (its number;
/// 0: none), kept by `plan`'s own handler and handled once the sources are registered.
let earlySignal = Atomic<Int32>(0)

extension Plan {
    /// `plan tune SCENARIO --vary PATH=VALUES …`: the cheapest settings that meet every KPI.
    struct Tune: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "tune",
            abstract: "Sweep settings and find the cheapest variant that meets every KPI.",
            discussion: """
                Every combination of the --vary values is simulated with the full model (the last --vary \
                changes fastest; variants are numbered from 1 in that order). A variant is feasible when \
                every monthly_budget, rpo, rto, efficiency and capacity_full row with a limit passes, and \
                every --require holds. All variants go to DIR/NAME/tune.csv.

                VALUES: a list (7d,14d,30d), a range with a step (7d..60d/7d, 3..30/1), or names \
                (none,lz4,gzip,zstd).

                --require 'METRIC OP NUMBER': OP is < <= > >= ==; METRIC is a KPI row kpi(subject) by its \
                worst value (rto(gitea-db), capacity_alert(minio)), restore_points(JOB), peak_used(TARGET), \
                total_cost or peak_monthly_cost; NUMBER in the scenario's value syntax (800GB, 20min, 70%).

                Sharding: --shard K/N runs a contiguous slice (K from 0 to N-1, as an Indexed Job's \
                JOB_COMPLETION_INDEX); plan tune --merge FILE... combines the shards' tune.csv files into \
                the file a single run writes, each checked against the tune.sweep written beside it (the \
                sweep it belongs to, its rows' checksum), and every variant present exactly once.
                """)

        @Argument(help: ArgumentHelp("A scenario file (YAML).", valueName: "SCENARIO"))
        var scenario: String?

        @Option(name: .customLong("vary"), help: ArgumentHelp("A path and its values (repeatable).", valueName: "PATH=VALUES"))
        var vary: [String] = []

        @OptionGroup var options: ScenarioOptions

        @Option(name: .customLong("require"), help: ArgumentHelp("A constraint every feasible variant meets (repeatable).", valueName: "EXPR"))
        var requirements: [String] = []

        @Option(help: ArgumentHelp("What to minimise: total-cost, peak-monthly-cost or peak-used:TARGET.", valueName: "OBJECTIVE"))
        var objective: String = "total-cost"

        @Option(help: "How many of the best feasible variants to show.")
        var top: Int = 10

        @Option(help: "Refuse sweeps with more variants than this.")
        var maxVariants: Int = 100_000

        @Option(help: ArgumentHelp("Run only slice K of N (K from 0).", valueName: "K/N"))
        var shard: String?

        @Option(
            name: .customLong("merge"), parsing: .upToNextOption,
            help: ArgumentHelp("Combine the tune.csv files of shards instead of running a sweep.", valueName: "FILE"))
        var merge: [String] = []

        @Option(help: ArgumentHelp("Write the scenario file with the best variant's values edited in place.", valueName: "FILE"))
        var writeBest: String?

        @Option(help: ArgumentHelp("Where tune.csv goes: DIR/NAME/.", valueName: "DIR"))
        var out: String = OutputLayout.defaultRoot

        @Option(help: "What standard output shows: table (summary), json, csv (tune.csv).")
        var format: OutputFormat = .table

        @OptionGroup var color: ColorOptions

        @Option(help: "Parallel workers (default: the number of cores).")
        var jobs: Int?

        func validate() throws {
            if merge.isEmpty && scenario == nil { throw ValidationError("a SCENARIO is required (or --merge FILE...)") }
            if merge.isEmpty && vary.isEmpty { throw ValidationError("at least one --vary PATH=VALUES is required") }
        }

        func run() async throws {
            // Values out of range: an invalid option value (exit 1), not a malformed command line.
            if top < 1 { try failInvalid("error: --top '\(top)': must be at least 1") }
            if maxVariants < 1 { try failInvalid("error: --max-variants '\(maxVariants)': must be at least 1") }
            if let jobs, jobs < 1 { try failInvalid("error: --jobs '\(jobs)': must be at least 1") }
            if !merge.isEmpty { return try runMerge() }
            try await runSweep()
        }
    }
}
