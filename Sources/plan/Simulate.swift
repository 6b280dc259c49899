import ArgumentParser
import Foundation
import PlanCore
import PlanIO

/// What `--format` prints on standard output.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}

extension Plan {
    /// `plan simulate [SCENARIO]`: runs one scenario, prints a summary, writes the CSV files.
    struct Simulate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run one scenario: print a summary and write the five CSV files.",
            discussion: """
                Without SCENARIO the built-in example runs (the same as scenarios/seed.yaml).

                Files: DIR/NAME/{daily,workloads,targets,monthly,kpis}.csv, written atomically; \
                with --report also DIR/NAME/report.html (as `plan report` writes it).

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

        func run() throws {
            let s = try ScenarioInput.load(path: scenario, options: options, today: ScenarioInput.today())
            let dir = (out as NSString).appendingPathComponent(s.name)
            var files: RunFiles
            do {
                files = try RunFiles(directory: dir, keepJSONRows: format == .json)
            } catch {
                StandardError.print(error.description)
                throw ExitStatus.io
            }
            let simulation: Result<SimulationResult, Diagnostics>
            var reportData: ReportData? = nil
            if report {
                // One run feeds both the CSV files and the report's chart data.
                var pair = SinkPair(files, ReportCollector(horizonDays: s.horizonDays))
                simulation = Engine.simulate(s, into: &pair)
                files = pair.first
                reportData = pair.second.data
            } else {
                simulation = Engine.simulate(s, into: &files)
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
            var written = [dir + "/"]
            if let reportData {
                written.append(try ReportFile.write(scenario: s, result: result, data: reportData, directory: dir))
            }
            switch format {
            case .table:
                let color = !noColor && StandardOutput.isTerminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
                StandardOutput.print(TableRenderer(color: color).render(result, files: written))
            case .json:
                StandardOutput.print(JSONRenderer.render(result, rows: files.jsonRows ?? JSONRows()))
            case .csv:
                StandardOutput.print(CSVRenderer.monthly(result.monthly))
            }
            let failing = result.kpis.filter { $0.status == .fail }
            if failOnKpi && !failing.isEmpty {
                let first = failing.min { ($0.firstFailure ?? result.start) < ($1.firstFailure ?? result.start) }!
                StandardError.print(
                    "plan: \(failing.count) KPI check\(failing.count == 1 ? "" : "s") failed (first: \(first.kpi.rawValue) \(first.subject) on \(first.firstFailure?.description ?? "?")); exit 3 (--fail-on-kpi)")
                throw ExitStatus.kpiFailed
            }
        }
    }
}
