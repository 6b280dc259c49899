import ArgumentParser
import PlanIO

extension Plan {
    /// `plan schema`: the scenario format as a JSON Schema, or its key tables in Markdown.
    struct Schema: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "schema",
            abstract: "Print the JSON Schema of the scenario format (for yaml-language-server), or its key tables.",
            discussion: """
                Save it and point an editor at it: `plan schema > scenario.schema.json`, then \
                `# yaml-language-server: $schema=scenario.schema.json` at the top of a scenario. \
                --markdown prints the key tables of scenarios/README.md instead.
                """)

        @Flag(help: "Print the key tables of scenarios/README.md (Markdown) instead.")
        var markdown = false

        func run() {
            StandardOutput.print(markdown ? ScenarioReference.markdownTables() : ScenarioReference.jsonSchema())
        }
    }
}
