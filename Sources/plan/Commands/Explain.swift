import ArgumentParser
import PlanIO

extension Plan {
    /// `plan explain PATH`: what one key of the scenario format means.
    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "explain",
            abstract: "Explain a key of the scenario format: meaning, type, default, accepted forms, version, model rule.",
            discussion: """
                PATH is a dotted key path as --set takes it; a name of yours, NAME or * stands \
                for any name: `plan explain backups.cnpg.NAME.retention`, \
                `plan explain targets.minio.capacity`.
                """)

        @Argument(help: ArgumentHelp("A dotted key path.", valueName: "PATH"))
        var path: String

        func run() throws {
            switch ScenarioReference.explain(path) {
            case .success(let text):
                StandardOutput.print(text)
            case .failure(let failure):
                for line in failure.lines { StandardError.print(line) }
                throw ExitStatus.code(failure)
            }
        }
    }
}
