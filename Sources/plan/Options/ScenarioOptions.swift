import ArgumentParser
import Foundation
import PlanCore
import PlanIO

/// Options shared by every command that loads a scenario.
struct ScenarioOptions: ParsableArguments {
    @Option(
        name: .customLong("set"),
        help: ArgumentHelp(
            "Override one value before validation, by its dotted path (repeatable), e.g. backups.cnpg.gitea-postgres.retention=14d.",
            valueName: "PATH=VALUE"))
    var overrides: [String] = []

    @Option(help: ArgumentHelp("Shortcut for --set horizon=DURATION (e.g. 730d, 2y).", valueName: "DURATION"))
    var horizon: String?

    @Option(help: ArgumentHelp("Shortcut for --set start=DATE (YYYY-MM-DD).", valueName: "DATE"))
    var start: String?

    /// The overrides: every `--set`, then `--horizon` and `--start`; or the problems of
    /// `--set` arguments that are not `PATH=VALUE`.
    func parsedOverrides() -> Result<[Override], CommandFailure> {
        ScenarioSource.overrides(overrides).map { parsed in
            var out = parsed
            if let horizon { out.append(.shortcut("--horizon", path: "horizon", value: horizon)) }
            if let start { out.append(.shortcut("--start", path: "start", value: start)) }
            return out
        }
    }

    /// The overrides as `--set` takes them, `--horizon` and `--start` last: what the run
    /// store records, and what `plan compare` applies again.
    var arguments: [String] {
        overrides + (horizon.map { ["horizon=\($0)"] } ?? []) + (start.map { ["start=\($0)"] } ?? [])
    }
}

/// Loads a scenario file (or the built-in example) with overrides; prints diagnostics and
/// throws the exit code of cli.md on failure.
enum ScenarioInput {
    static func load(path: String?, options: ScenarioOptions, today: CivilDate) throws -> Scenario {
        try ExitStatus.check(options.parsedOverrides().flatMap { ScenarioSource.load(path: path, overrides: $0, today: today) })
    }

    /// The same with `--set` arguments given as strings (`plan compare`'s sides).
    static func load(path: String?, arguments: [String], today: CivilDate) throws -> Scenario {
        try ExitStatus.check(ScenarioSource.load(path: path, arguments: arguments, today: today))
    }
}
