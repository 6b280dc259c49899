import ArgumentParser
import Foundation
import PlanCore
import PlanIO

extension Plan {
    /// `plan validate SCENARIO…`: checks files without simulating.
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "validate",
            abstract: "Check scenario files and write nothing: 'ok' and the model's warnings per file, or the errors.")

        @Argument(help: ArgumentHelp("Scenario files (YAML).", valueName: "SCENARIO"))
        var scenarios: [String]

        @OptionGroup var options: ScenarioOptions

        func run() throws {
            var worst: ExitCode? = nil
            let today = ScenarioSource.today(Date())
            for path in scenarios {
                do {
                    let s = try ScenarioInput.load(path: path, options: options, today: today)
                    // The model's warnings, from its checks alone: the horizon is not simulated.
                    switch Checks.warnings(for: s) {
                    case .success(let warnings):
                        StandardOutput.print("\(path): ok\n")
                        for w in warnings { StandardOutput.print("\(path): warning: \(w)\n") }
                    case .failure(let d):
                        for item in d.items { StandardError.print(item.description) }
                        worst = worst ?? ExitStatus.invalid
                    }
                } catch let code as ExitCode {
                    if code.rawValue > (worst?.rawValue ?? 0) { worst = code }
                }
            }
            if let worst { throw worst }
        }
    }
}
