import PlanCore

// `ScenarioLoader.load` returns `Result<Scenario, [Diagnostic]>` and `Override.parse`
// returns `Result<Override, Diagnostic>`: every problem of a file at once, as values.
// `Result` needs its failure to be an `Error`, so a diagnostic, and a list of them, are.
extension Diagnostic: Error {}
extension Array: @retroactive Error where Element == Diagnostic {}
