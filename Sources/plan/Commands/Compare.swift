import ArgumentParser
import Foundation
import PlanCore
import PlanIO
import PlanStore

extension Plan {
    /// `plan compare A B`: two runs side by side, with what moved and by how much.
    struct Compare: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "compare",
            abstract: "Compare two runs side by side: settings, targets, monthly cost and KPIs, with deltas.",
            discussion: """
                Each side is a run id (digits, as plan runs lists it) or a scenario file,
                which is then simulated (nothing is written or recorded).
                --set-a and --set-b override values of one side; on a run id, the run's
                scenario file is simulated again with its own overrides and these.
                --what-if PATH=VALUE makes B from A: the same source and overrides plus
                this one (repeatable). For example:
                  plan compare scenarios/seed.yaml \\
                    --what-if backups.cnpg.gitea-postgres.retention=14d
                Δ is B − A; Δ% is (B − A) / |A|.
                The headline (--headline above the table; always in markdown and json):
                total and peak-month cost, each target's full date, the KPIs that change status.
                --format markdown prints a pull-request comment: a verdict, a summary table,
                the details folded.
                --fail-on CONDITION (repeatable) exits 3 when B regresses against A, after
                printing: kpi (a KPI fails in B and not in A), cost:+10% or cost:+25 (the
                total cost rises by more than a share of A's or an amount), peak:+10% or
                peak:+25 (the same for the peak month). For example, in CI:
                  plan compare main.yaml pr.yaml --format markdown --fail-on kpi --fail-on cost:+10%
                Exit codes: 0 success, 1 invalid scenario or value, or no such run,
                2 I/O failure, 3 a --fail-on condition is met, 64 malformed command line.
                """)

        @Argument(help: ArgumentHelp("Side A: a run id or a scenario file.", valueName: "A"))
        var a: String

        @Argument(help: ArgumentHelp("Side B: a run id or a scenario file (none with --what-if).", valueName: "B"))
        var b: String?

        @Option(
            name: .customLong("set-a"),
            help: ArgumentHelp("Override one value of side A (repeatable).", valueName: "PATH=VALUE"))
        var setA: [String] = []

        @Option(
            name: .customLong("set-b"),
            help: ArgumentHelp("Override one value of side B (repeatable).", valueName: "PATH=VALUE"))
        var setB: [String] = []

        @Option(
            name: .customLong("what-if"),
            help: ArgumentHelp("B is A with this override too (repeatable); then give no B.", valueName: "PATH=VALUE"))
        var whatIf: [String] = []

        @Option(help: "What standard output shows: table, json (one document), csv (one table) or markdown (a PR comment).")
        var format: Format = .table

        @Flag(help: "Print the headline (verdict, total and peak-month cost, full dates, KPI status changes) above the table.")
        var headline = false

        @Option(
            name: .customLong("fail-on"),
            help: ArgumentHelp(
                "Exit 3 when B regresses (repeatable): kpi, cost:+P%, cost:+AMOUNT, peak:+P% or peak:+AMOUNT.",
                valueName: "CONDITION"))
        var failOn: [String] = []

        @OptionGroup var color: ColorOptions

        @OptionGroup var store: StoreOptions

        func validate() throws {
            if b == nil && whatIf.isEmpty {
                throw ValidationError("missing B: give a run id or a scenario file, or --what-if PATH=VALUE")
            }
            if b != nil && !whatIf.isEmpty {
                throw ValidationError("--what-if makes B from A: give either B or --what-if, not both")
            }
        }

        /// What standard output shows.
        enum Format: String, ExpressibleByArgument, CaseIterable {
            case table, json, csv, markdown
        }

        func run() throws {
            // Bad conditions are refused before anything is simulated.
            let conditions = try ExitStatus.check(FailCondition.parse(all: failOn))
            let today = ScenarioSource.today(Date())
            let sideA = try resolve(Source(a), overrides: setA, today: today)
            let sideB = try resolve(Source(b ?? a), overrides: b == nil ? setA + whatIf + setB : setB, today: today)
            let comparison = RunComparison(a: sideA, b: sideB)
            let renderer = ComparisonRenderer(color: color.enabled)
            switch format {
            case .table: StandardOutput.print((headline ? renderer.headline(comparison) + "\n" : "") + renderer.table(comparison))
            case .json: StandardOutput.print(ComparisonRenderer.json(comparison))
            case .csv: StandardOutput.print(ComparisonRenderer.csv(comparison))
            case .markdown: StandardOutput.print(ComparisonRenderer.markdown(comparison))
            }
            let met = try ExitStatus.check(FailCondition.met(conditions, in: comparison.headline))
            if !met.isEmpty {
                for line in met { StandardError.print("plan: " + line) }
                StandardError.print("plan: \(met.count) --fail-on condition\(met.count == 1 ? "" : "s") met; exit 3")
                throw ExitStatus.conditionMet
            }
        }

        /// Where a side comes from.
        enum Source {
            case run(Int64)
            case file(String)

            /// Digits are a run id; anything else is a scenario file.
            init(_ text: String) {
                if !text.isEmpty, text.allSatisfy(\.isASCII), text.allSatisfy(\.isNumber), let id = Int64(text) {
                    self = .run(id)
                } else {
                    self = .file(text)
                }
            }
        }

        /// Reads a recorded run back, or simulates a scenario file; prints problems and
        /// throws the exit code of cli.md.
        func resolve(_ source: Source, overrides: [String], today: CivilDate) throws -> ComparisonSide {
            switch source {
            case .file(let path):
                return try simulate(path: path, overrides: overrides, label: path, today: today)
            case .run(let id):
                let record = try ExitStatus.check(RunStore.lookUp(id, in: try store.path)).record
                if overrides.isEmpty {
                    let h = record.header
                    let from = h.scenarioPath.map { "\(h.scenario) (\($0))" } ?? "\(h.scenario) (built-in)"
                    let set = h.overrides.map { " --set " + TableRenderer.shellQuoted($0) }.joined()
                    return ComparisonSide(
                        label: "run \(id): \(from)\(set), recorded \(h.createdAt)", runID: id, scenarioPath: h.scenarioPath,
                        overrides: h.overrides, contentHash: h.contentHash, settings: h.settings, result: record.result)
                }
                // Simulate the run's scenario again, on its own start date, with its overrides
                // and these; say so when the file no longer resolves to what was recorded.
                let h = record.header
                if let p = h.scenarioPath, !FileManager.default.fileExists(atPath: p) {
                    // The path was recorded as typed, relative to where that run was started.
                    StandardError.print(
                        "error: run \(id)'s scenario '\(p)' is not there from this directory; run plan compare where "
                            + "run \(id) was recorded, or give the scenario file instead of the run id")
                    throw ExitStatus.io
                }
                let base = ["start=\(h.start)"] + h.overrides
                let now = try ScenarioInput.load(path: h.scenarioPath, arguments: base, today: today)
                if ScenarioSettings.hash(now) != h.contentHash {
                    StandardError.print(
                        "warning: '\(h.scenarioPath ?? "built-in example")' has changed since run \(id) was recorded; "
                            + "it is simulated as it is now")
                }
                let label = "run \(id)'s scenario (\(h.scenarioPath ?? "built-in"))"
                return try simulate(
                    path: h.scenarioPath, overrides: base + overrides, shownOverrides: h.overrides + overrides, label: label,
                    today: today)
            }
        }

        func simulate(path: String?, overrides: [String], shownOverrides: [String]? = nil, label: String, today: CivilDate) throws
            -> ComparisonSide
        {
            let s = try ScenarioInput.load(path: path, arguments: overrides, today: today)
            let result = try ExitStatus.check(Engine.simulate(s).mapError { CommandFailure.invalid($0.items) })
            let shown = shownOverrides ?? overrides
            return ComparisonSide(
                simulated: s, result: result, label: label + shown.map { " --set " + TableRenderer.shellQuoted($0) }.joined(),
                scenarioPath: path, overrides: shown)
        }
    }
}
