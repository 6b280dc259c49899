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
            commandName: "simulate",
            abstract: "Run one scenario: print a summary, write the CSV files and record the run.",
            discussion: """
                Without SCENARIO the built-in example runs (the same as scenarios/seed.yaml).

                Files: DIR/NAME/{daily,workloads,targets,monthly,kpis}.csv (version 2: and drills.csv, jobs.csv), written atomically; \
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
        var out: String = OutputLayout.defaultRoot

        @Option(help: "What standard output shows: table (summary), json (one document), csv (monthly.csv).")
        var format: OutputFormat = .table

        @OptionGroup var color: ColorOptions

        @Flag(help: "Exit 3 when any KPI fails (for CI pipelines that gate a retention change).")
        var failOnKpi = false

        @Flag(help: "Also write DIR/NAME/report.html, the HTML report with charts of `plan report`.")
        var report = false

        @OptionGroup var store: StoreOptions

        @Flag(help: "Do not record the run in the run store.")
        var noRecord = false

        func run() throws {
            let now = Date()
            let storePath = noRecord ? nil : try store.path
            // A store with runs opens beside the loading: the writer thread, which sets a
            // recording's pace, starts once it is open.
            let opening = StoreOpening.start(path: storePath)
            defer { opening?.cancel() }
            let s = try ScenarioInput.load(path: scenario, options: options, today: ScenarioSource.today(now))
            let job = SimulationJob(scenario: s, layout: try outputLayout(out), withReport: report, keepJSONRows: format == .json)
            let written = job.written.joined(separator: ", ")
            let header = RunHeader(
                scenario: s, scenarioPath: scenario, overrides: options.arguments, createdAt: RunHeader.timestamp(now),
                filesWritten: written, storePath: store.db)
            let run = try ExitStatus.check(job.run(recordingAt: storePath, opening: opening, header: header))
            let result = run.output.result

            switch format {
            case .table:
                StandardOutput.print(
                    TableRenderer(color: color.enabled).summary(
                        result, files: written, recorded: run.recordedID.map { ($0, store.db) }))
            case .json:
                StandardOutput.write(pieces: { JSONRenderer.write(result, rows: run.output.jsonRows ?? JSONRows(), to: $0) })
            case .csv:
                StandardOutput.print(CSVRenderer.monthly(result.monthly))
            }
            for notice in result.overflowNotices { StandardError.print("notice: " + notice) }
            if format != .table, let id = run.recordedID {
                // Standard output holds only the document; say where the run went on standard error.
                StandardError.print("plan: recorded as run \(id) in \(store.db)")
            }
            if let storeFailure = run.storeFailure {
                StandardError.print(storeFailure.description)
                StandardError.print("note: the run was not recorded; its summary and files are complete")
                throw ExitStatus.io
            }
            let failing = result.failingKPIs
            if failOnKpi, let first = failing.first {
                StandardError.print(
                    "plan: \(failing.count) KPI check\(failing.count == 1 ? "" : "s") failed (first: \(first.kpi.rawValue) \(first.subject) on \(first.firstFailure?.description ?? "?")); exit 3 (--fail-on-kpi)"
                )
                throw ExitStatus.kpiFailed
            }
        }
    }
}
