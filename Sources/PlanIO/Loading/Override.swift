import PlanCore

/// One `--set PATH=VALUE` of the command line (cli.md): a value that replaces, or adds, the
/// key at a dotted path of scenario.md before the scenario is validated.
public struct Override: Sendable, Hashable {
    /// The dotted key path, `backups.velero.nightly.ttl`.
    public var path: String
    /// The text after the first `=`, read as a YAML flow value (`336h`, `[gitea-db]`).
    public var value: String
    /// The argument as the user typed it, for messages (`--set 'PATH=VALUE': error: …`).
    public var argument: String
    /// The option that gave it: `--set`, or a shortcut such as `--horizon` (then `argument`
    /// is the shortcut's value, and messages say `--horizon '0d': error: …`).
    public var option: String

    public init(path: String, value: String, argument: String? = nil, option: String = "--set") {
        self.path = path
        self.value = value
        self.argument = argument ?? path + "=" + value
        self.option = option
    }

    /// A shortcut option for one path: `--horizon 730d` is `--set horizon=730d`.
    public static func shortcut(_ option: String, path: String, value: String) -> Override {
        Override(path: path, value: value, argument: value, option: option)
    }

    /// Where messages about this override point.
    public var location: Diagnostic.Location {
        option == "--set" ? .commandLine(argument: argument) : .option(name: option, value: argument)
    }

    /// Parses `PATH=VALUE`, split at the first `=`. A missing `=` or an empty path is a
    /// diagnostic located at the argument itself.
    public static func parse(_ argument: String) -> Result<Override, Diagnostic> {
        guard let equals = argument.firstIndex(of: "=") else {
            return .failure(
                Diagnostic(
                    at: .commandLine(argument: argument), path: "",
                    "expected PATH=VALUE, found no '='",
                    suggestion: "write it as in 'backups.velero.nightly.ttl=336h'"))
        }
        let path = argument[..<equals].trimmingSpaces()
        let value = String(argument[argument.index(after: equals)...])
        guard !path.isEmpty else {
            return .failure(
                Diagnostic(
                    at: .commandLine(argument: argument), path: "",
                    "expected PATH=VALUE, found nothing before '='",
                    suggestion: "write it as in 'backups.velero.nightly.ttl=336h'"))
        }
        return .success(Override(path: path, value: value, argument: argument))
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let first = s.first, first == " " || first == "\t" { s = s.dropFirst() }
        while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
        return String(s)
    }
}
