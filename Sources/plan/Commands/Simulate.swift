import ArgumentParser
import Foundation
import PlanCore
import PlanIO
import PlanStore

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

                Files: DIR/NAME/{daily,workloads,targets,monthly,kpis}.csv, written atomically; \
                with --report also DIR/NAME/report.html (as `plan report` writes it).

                The run is recorded in the run store (--db, default output/plan.sqlite): see \
                `plan runs`, `plan show` and `plan compare`. When the store cannot be used, the \
                summary and the files are still produced, and the exit code is 2.

                Exit codes: 0 success, 1 invalid scenario or option value, 2 I/O failure, \
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

        @Flag(help: "Also write DIR/NAME/report.html, the HTML report with charts of `plan report`.")
        var report = false

        @OptionGroup var store: StoreOptions

        @Flag(help: "Do not record the run in the run store.")
        var noRecord = false

        func run() throws {
            let now = Date()
            let s = try ScenarioInput.load(path: scenario, options: options, today: ScenarioInput.today(now))
            let dir = (out as NSString).appendingPathComponent(s.name)
            // What the summary's `Wrote` line lists.
            let written = [dir + "/"] + (report ? [(dir as NSString).appendingPathComponent(ReportFile.name)] : [])

            // The output folder first: a run that cannot write its files creates no store.
            let files: RunFiles
            do {
                files = try RunFiles(directory: dir, keepJSONRows: format == .json)
            } catch {
                StandardError.print(error.description)
                throw ExitStatus.io
            }

            // Simulate inside the run's transaction, so that the daily rows stream into the
            // store as they stream into the CSV files. A store that cannot be opened or
            // written costs the run its record, not its output.
            var output: (result: SimulationResult, json: JSONRows?)? = nil
            var recordedID: Int64? = nil
            var storeFailure: PlanIOError? = nil
            if !noRecord {
                let header = RunHeader(
                    scenario: s, scenarioPath: scenario, overrides: options.arguments, createdAt: Summary.timestamp(now),
                    filesWritten: written.joined(separator: ", "), storePath: store.db)
                do {
                    if let runStore = try RunStore.open(path: store.db, create: true) {
                        recordedID = try runStore.record(header) { recorder in
                            output = try simulate(s, into: files, also: recorder)
                            return output?.result
                        }
                    }
                } catch let failure as PlanIOError {
                    storeFailure = failure
                }
            }
            let (result, json) = try output ?? simulate(s, into: files, also: NullSink())

            switch format {
            case .table:
                StandardOutput.print(
                    Summary.text(
                        result, files: written.joined(separator: ", "), recorded: recordedID.map { ($0, store.db) },
                        color: Summary.color(noColor: noColor)))
            case .json:
                StandardOutput.print(JSONRenderer.render(result, rows: json ?? JSONRows()))
            case .csv:
                StandardOutput.print(CSVRenderer.monthly(result.monthly))
            }
            if format != .table, let id = recordedID {
                // Standard output holds only the document; say where the run went on standard error.
                StandardError.print("plan: recorded as run \(id) in \(store.db)")
            }
            if let storeFailure {
                StandardError.print(storeFailure.description)
                StandardError.print("note: the run was not recorded; its summary and files are complete")
                throw ExitStatus.io
            }
            let failing = result.kpis.filter { $0.status == .fail }
            if failOnKpi && !failing.isEmpty {
                let first = failing.min { ($0.firstFailure ?? result.start) < ($1.firstFailure ?? result.start) }!
                StandardError.print(
                    "plan: \(failing.count) KPI check\(failing.count == 1 ? "" : "s") failed (first: \(first.kpi.rawValue) \(first.subject) on \(first.firstFailure?.description ?? "?")); exit 3 (--fail-on-kpi)"
                )
                throw ExitStatus.kpiFailed
            }
        }

        /// Simulates into the CSV files (and the report's chart data with `--report`) and
        /// into `also`, then writes the files; prints problems and throws the exit code of
        /// cli.md.
        func simulate<Also: SimulationSink>(_ s: Scenario, into files: RunFiles, also: Also) throws -> (
            result: SimulationResult, json: JSONRows?
        ) {
            var files = files
            // One run feeds the CSV files, the report's chart data and `also`.
            let simulation: Result<SimulationResult, Diagnostics>
            var reportData: ReportData? = nil
            if report {
                var sinks = SinkPair(SinkPair(files, ReportCollector(horizonDays: s.horizonDays)), also)
                simulation = Engine.simulate(s, into: &sinks)
                files = sinks.first.first
                reportData = sinks.first.second.data
            } else {
                var sinks = SinkPair(files, also)
                simulation = Engine.simulate(s, into: &sinks)
                files = sinks.first
            }
            let result: SimulationResult
            switch simulation {
            case .success(let r): result = r
            case .failure(let d):
                files.abort()
                ScenarioInput.report(d.items)
                throw ExitStatus.invalid
            }
            do {
                try files.finish(result)
            } catch {
                StandardError.print(error.description)
                throw ExitStatus.io
            }
            if let reportData {
                _ = try ReportFile.write(scenario: s, result: result, data: reportData, directory: files.directory)
            }
            return (result, files.jsonRows)
        }
    }
}
