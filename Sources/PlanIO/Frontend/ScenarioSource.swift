import Foundation
import PlanCore

/// Where a command's scenario comes from: a YAML file, or the built-in example when no
/// path is given; read, overridden and validated in one call.
public enum ScenarioSource {
    /// Parses `--set` arguments (`PATH=VALUE`); every malformed one is reported at once.
    public static func overrides(_ arguments: [String]) -> Result<[Override], CommandFailure> {
        var out: [Override] = []
        var problems: [Diagnostic] = []
        for a in arguments {
            switch Override.parse(a) {
            case .success(let o): out.append(o)
            case .failure(let d): problems.append(d)
            }
        }
        return problems.isEmpty ? .success(out) : .failure(.invalid(problems))
    }

    /// The scenario name a file gives when it sets no `name`: its file name without `.yaml`.
    public static func defaultName(_ path: String) -> String {
        ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    }

    /// Reads `path` (nil: the built-in example), applies `overrides` and validates.
    /// - Parameter today: UTC, read once by the executable: the default `start`.
    public static func load(path: String?, overrides: [Override], today: CivilDate) -> Result<Scenario, CommandFailure> {
        let bytes: [UInt8]
        let file: String
        if let path {
            do {
                bytes = try StreamingFile.read(path)
            } catch {
                return .failure(.io(error))
            }
            file = path
        } else {
            bytes = Array(BuiltInScenario.seedYAML.utf8)
            file = BuiltInScenario.fileName
        }
        let options = LoadOptions(file: file, defaultName: defaultName(file), today: today, overrides: overrides)
        return ScenarioLoader.load(bytes: bytes, options: options).mapError { .invalid($0.items) }
    }

    /// The same with `--set` arguments given as strings (`plan compare`'s sides).
    public static func load(path: String?, arguments: [String], today: CivilDate) -> Result<Scenario, CommandFailure> {
        overrides(arguments).flatMap { load(path: path, overrides: $0, today: today) }
    }

    /// Today's date in UTC at `now`.
    public static func today(_ now: Date) -> CivilDate {
        let days = Int((now.timeIntervalSince1970 / 86_400).rounded(.down))
        return CivilDate(daysSinceEpoch: days)
    }
}
