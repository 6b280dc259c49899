import ArgumentParser
import Foundation
import PlanCore
import PlanIO

extension Plan {
    /// `plan report [SCENARIO]`: runs one scenario and writes `DIR/NAME/report.html`.
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
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
        var out: String = OutputLayout.defaultRoot

        func run() throws {
            let s = try ScenarioInput.load(path: scenario, options: options, today: ScenarioSource.today(Date()))
            let (result, path) = try ExitStatus.check(ReportFile.run(s, directory: try outputLayout(out).directory(for: s.name)))
            StandardOutput.print(ReportFile.verdict(result) + "\nWrote \(path)\n")
        }
    }
}
