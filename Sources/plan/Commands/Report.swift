import ArgumentParser
import Foundation
import PlanCore
import PlanIO

extension Plan {
    /// `plan report [SCENARIO]`: runs one scenario and writes `DIR/NAME/report.html`.
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run one scenario and write a self-contained HTML report with charts.",
            discussion: """
                Without SCENARIO the built-in example runs (the same as scenarios/seed.yaml).

                Writes DIR/NAME/report.html atomically: one file with inline CSS and SVG, no \
                scripts, readable offline and printable. `plan simulate --report` writes it \
                beside the CSV files.

                Exit codes: 0 success, 1 invalid scenario or option value, 2 I/O failure, \
                64 malformed command line.
                """)

        @Argument(help: ArgumentHelp("A scenario file (YAML). Default: the built-in example.", valueName: "SCENARIO"))
        var scenario: String?

        @OptionGroup var options: ScenarioOptions

        @Option(help: ArgumentHelp("Where the report goes: DIR/NAME/report.html.", valueName: "DIR"))
        var out: String = "output"

        func run() throws {
            let s = try ScenarioInput.load(path: scenario, options: options, today: ScenarioInput.today())
            let dir = (out as NSString).appendingPathComponent(s.name)
            var collector = ReportCollector(horizonDays: s.horizonDays)
            let result: SimulationResult
            switch Engine.simulate(s, into: &collector) {
            case .success(let r): result = r
            case .failure(let d):
                ScenarioInput.report(d.items)
                throw ExitStatus.invalid
            }
            let path = try ReportFile.write(scenario: s, result: result, data: collector.data, directory: dir)
            StandardOutput.print(ReportFile.verdict(result) + "\nWrote \(path)\n")
        }
    }
}

/// Writing `report.html`, shared by `plan report` and `plan simulate --report`.
enum ReportFile {
    static let name = "report.html"

    /// Renders the report and writes it atomically to `directory/report.html`; the path
    /// written. An I/O failure is printed and thrown as exit code 2.
    static func write(scenario: Scenario, result: SimulationResult, data: ReportData, directory: String) throws -> String {
        let path = (directory as NSString).appendingPathComponent(name)
        let html = HTMLReport(scenario: scenario, result: result, data: data, generator: "plan \(PlanVersion.current)").render()
        do {
            try StreamingFile.makeDirectory(directory)
            try StreamingFile.write(html, to: path)
        } catch {
            StandardError.print(error.description)
            throw ExitStatus.io
        }
        return path
    }

    /// One line: the scenario, its horizon and whether every KPI passes.
    static func verdict(_ r: SimulationResult) -> String {
        let failing = r.kpis.filter { $0.status == .fail }
        let checks = r.kpis.filter { $0.status != .info }.count
        var line =
            "plan report: \(r.scenarioName)  \(r.start) … \(r.start.adding(days: r.horizonDays - 1)) (\(r.horizonDays) day\(r.horizonDays == 1 ? "" : "s")): "
        if let first = failing.min(by: { ($0.firstFailure ?? r.start) < ($1.firstFailure ?? r.start) }) {
            line +=
                "\(failing.count) of \(checks) KPI checks fail; first: \(first.kpi.rawValue) \(first.subject) on \(first.firstFailure?.description ?? "?")"
        } else if checks > 0 {
            line += "every KPI passes"
        } else {
            line += "no KPI has a limit"
        }
        return line
    }
}
