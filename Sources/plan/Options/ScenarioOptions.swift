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
    func parsedOverrides() -> Result<[Override], Diagnostics> {
        var out: [Override] = []
        var problems: [Diagnostic] = []
        for a in overrides {
            switch Override.parse(a) {
            case .success(let o): out.append(o)
            case .failure(let d): problems.append(d)
            }
        }
        if let horizon { out.append(.shortcut("--horizon", path: "horizon", value: horizon)) }
        if let start { out.append(.shortcut("--start", path: "start", value: start)) }
        return problems.isEmpty ? .success(out) : .failure(Diagnostics(problems))
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
    static func load(path: String?, options scenarioOptions: ScenarioOptions, today: CivilDate) throws -> Scenario {
        switch scenarioOptions.parsedOverrides() {
        case .success(let o): return try load(path: path, overrides: o, today: today)
        case .failure(let d):
            report(d.items)
            throw ExitStatus.invalid
        }
    }

    /// The same with `--set` arguments given as strings (`plan compare`'s sides).
    static func load(path: String?, arguments: [String], today: CivilDate) throws -> Scenario {
        var overrides: [Override] = []
        var problems: [Diagnostic] = []
        for a in arguments {
            switch Override.parse(a) {
            case .success(let o): overrides.append(o)
            case .failure(let d): problems.append(d)
            }
        }
        if !problems.isEmpty {
            report(problems)
            throw ExitStatus.invalid
        }
        return try load(path: path, overrides: overrides, today: today)
    }

    static func load(path: String?, overrides: [Override], today: CivilDate) throws -> Scenario {
        let bytes: [UInt8]
        let file: String
        if let path {
            do {
                bytes = try StreamingFile.read(path)
            } catch {
                StandardError.print(error.description)
                throw ExitStatus.io
            }
            file = path
        } else {
            bytes = Array(BuiltInScenario.seedYAML.utf8)
            file = BuiltInScenario.fileName
        }
        let name = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        let options = LoadOptions(file: file, defaultName: name, today: today, overrides: overrides)
        switch ScenarioLoader.load(bytes: bytes, options: options) {
        case .success(let s): return s
        case .failure(let d):
            report(d.items)
            throw ExitStatus.invalid
        }
    }

    static func report(_ diagnostics: [Diagnostic]) {
        for d in diagnostics { StandardError.print(d.description) }
    }

    /// Today's date in UTC, read once.
    static func today(_ now: Date = Date()) -> CivilDate {
        let days = Int((now.timeIntervalSince1970 / 86_400).rounded(.down))
        return CivilDate(daysSinceEpoch: days)
    }
}
