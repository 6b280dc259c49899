import ArgumentParser
import Foundation
import PlanCore
import PlanIO

/// What `--format` prints on standard output.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}

extension Plan {
    /// `plan simulate [SCENARIO]`: runs one scenario, prints a summary, writes the CSV files
    /// and records the run in the run store.
    struct Simulate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run one scenario: print a summary, write the five CSV files and record the run.",
            discussion: """
                Without SCENARIO the built-in example runs (the same as scenarios/seed.yaml).
                Files: DIR/NAME/{daily,workloads,targets,monthly,kpis}.csv, written atomically.
                The run is recorded in the run store (--db, default output/plan.sqlite): see
                plan runs, plan show and plan compare. When the store cannot be written, the
                summary and the files are still produced, and the exit code is 2.
                Exit codes: 0 success, 1 invalid scenario or option value, 2 I/O failure,
                3 --fail-on-kpi and a KPI failed, 64 malformed command line.
                """)

        @Argument(help: ArgumentHelp("A scenario file (YAML). Default: the built-in example.", valueName: "SCENARIO"))
        var scenario: String?

        @OptionGroup var options: ScenarioOptions

        @Option(help: ArgumentHelp("Where the CSV files go: DIR/NAME/.", valueName: "DIR"))
        var out: String = "output"

        @Option(help: "What standard output shows: table (summary), json (one document), csv (monthly.csv).")
        var format: OutputFormat = .table

        @Flag(help: "No colour (also off when standard output is not a terminal or NO_COLOR is set).")
        var noColor = false

        @Flag(help: "Exit 3 when any KPI fails (for CI pipelines that gate a retention change).")
        var failOnKpi = false

        @OptionGroup var store: StoreOptions

        @Flag(help: "Do not record the run in the run store.")
        var noRecord = false

        func run() throws {
            let now = Date()
            let s = try ScenarioInput.load(path: scenario, arguments: options.overrideArguments, today: ScenarioInput.today(now))
            let dir = (out as NSString).appendingPathComponent(s.name)

            // Simulate inside the run's transaction, so that the daily rows stream into the
            // store as they stream into the CSV files. A store that cannot be opened or
            // written costs the run its record, not its output.
            var output: (result: SimulationResult, json: JSONRows?)? = nil
            var recordedID: Int64? = nil
            var storeFailure: PlanIOError? = nil
            if !noRecord {
                let header = RunHeader(
                    scenario: s, scenarioPath: scenario, overrides: options.overrideArguments,
                    createdAt: Summary.timestamp(now), filesDirectory: dir + "/", storePath: store.db)
                do {
                    if let runStore = try RunStore.open(path: store.db, create: true) {
                        recordedID = try runStore.record(header) { recorder in
                            output = try simulate(s, into: dir, also: recorder)
                            return output?.result
                        }
                    }
                } catch let failure as PlanIOError {
                    storeFailure = failure
                }
            }
            let (result, json) = try output ?? simulate(s, into: dir, also: NullSink())

            switch format {
            case .table:
                StandardOutput.print(
                    Summary.text(
                        result, files: dir + "/", recorded: recordedID.map { ($0, store.db) },
                        color: Summary.color(noColor: noColor)))
            case .json:
                StandardOutput.print(JSONRenderer.render(result, rows: json ?? JSONRows()))
            case .csv:
                StandardOutput.print(CSVRenderer.monthly(result.monthly))
            }
            if let storeFailure {
                StandardError.print(storeFailure.description)
                StandardError.print("note: the run was not recorded; its summary and CSV files are complete")
                throw ExitStatus.io
            }
            if failOnKpi && result.kpis.contains(where: { $0.status == .fail }) {
                throw ExitStatus.kpiFailed
            }
        }

        /// Simulates into the CSV files of `dir` and `also`; prints problems and throws the
        /// exit code of cli.md.
        func simulate<Also: SimulationSink>(_ s: Scenario, into dir: String, also: Also) throws -> (
            result: SimulationResult, json: JSONRows?
        ) {
            var files: RunFiles
            do {
                files = try RunFiles(directory: dir, keepJSONRows: format == .json)
            } catch {
                StandardError.print(error.description)
                throw ExitStatus.io
            }
            var sink = TeeSink(files, also)
            let result: SimulationResult
            switch Engine.simulate(s, into: &sink) {
            case .success(let r): result = r
            case .failure(let d):
                sink.first.abort()
                ScenarioInput.report(d.items)
                throw ExitStatus.invalid
            }
            files = sink.first
            do {
                try files.finish(result)
            } catch {
                StandardError.print(error.description)
                throw ExitStatus.io
            }
            return (result, files.jsonRows)
        }
    }
}
