import Testing

@testable import PlanCore
@testable import PlanIO

/// Runs a scenario text through the loader, the engine and the CSV renderers, and reads
/// cells back by row and column as a user of the CSV files would.
struct ExampleRun {
    let result: SimulationResult
    let files: [String: String]

    init(_ yaml: String, overrides: [String] = [], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let parsed = try overrides.map { try Override.parse($0).get() }
        let options = LoadOptions(file: "example.yaml", defaultName: "example", today: CivilDate(year: 2026, month: 1, day: 1), overrides: parsed)
        let scenario: Scenario
        switch ScenarioLoader.load(text: yaml, options: options) {
        case .success(let s): scenario = s
        case .failure(let d):
            Issue.record("scenario does not load:\n\(d)", sourceLocation: sourceLocation)
            throw d
        }
        var sink = CSVCollector()
        result = try Engine.simulate(scenario, into: &sink).get()
        files = [
            "daily": sink.daily, "workloads": sink.workloads, "targets": sink.targets,
            "monthly": CSVRenderer.monthly(result.monthly), "kpis": CSVRenderer.kpis(result.kpis),
        ]
    }

    /// The rows of a file as dictionaries keyed by column.
    func rows(_ file: String) -> [[String: String]] {
        let lines = (files[file] ?? "").split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty }
        guard let header = lines.first?.split(separator: ",", omittingEmptySubsequences: false).map(String.init) else { return [] }
        return lines.dropFirst().map { line in
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return Dictionary(uniqueKeysWithValues: zip(header, cells))
        }
    }

    /// The one cell of `column` in the row matching every `key: value`; records an issue
    /// when no row or several rows match.
    func cell(_ file: String, _ match: [String: String], _ column: String, sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        let found = rows(file).filter { row in match.allSatisfy { row[$0.key] == $0.value } }
        guard found.count == 1 else {
            Issue.record("\(file).csv: \(found.count) rows match \(match)", sourceLocation: sourceLocation)
            return nil
        }
        return found[0][column]
    }
}
