import PlanCore
import Yams

/// What `ScenarioLoader` needs besides the file's bytes.
public struct LoadOptions: Sendable {
    /// The file's path as messages show it (`scenarios/lab.yaml`).
    public var file: String
    /// The file name without `.yaml`: the scenario's `name` when the file gives none.
    public var defaultName: String
    /// Today (UTC), the default `start`; read once by the executable.
    public var today: CivilDate
    /// `--set PATH=VALUE` overrides, applied in order before validation.
    public var overrides: [Override]

    public init(file: String, defaultName: String, today: CivilDate, overrides: [Override] = []) {
        self.file = file
        self.defaultName = defaultName
        self.today = today
        self.overrides = overrides
    }
}

/// Reads a scenario file (scenario.md, version 1) into a validated `Scenario`.
///
/// The YAML is composed into a node tree with positions (Yams), `--set` overrides edit the
/// tree, and one pass checks every key against scenario.md, collecting every problem of
/// the file rather than stopping at the first (STYLE.md "Errors a person reads").
public enum ScenarioLoader {
    /// Loads, applies overrides, validates: a `Scenario`, or every error found, in file
    /// order (problems of `--set` values first, in the order they were given).
    public static func load(bytes: [UInt8], options: LoadOptions) -> Result<Scenario, Diagnostics> {
        guard isValidUTF8(bytes) else {
            return .failure(Diagnostics([
                Diagnostic(
                    at: .file(path: options.file, line: 1, column: 1), path: "", "file is not UTF-8 text (a binary file?)")
            ]))
        }
        return load(text: String(decoding: bytes, as: UTF8.self), options: options)
    }

    /// Loads from text already decoded; see `load(bytes:options:)`.
    public static func load(text: String, options: LoadOptions) -> Result<Scenario, Diagnostics> {
        let file = options.file
        func fileDiagnostic(_ failure: YAMLReadFailure) -> Diagnostic {
            Diagnostic(
                at: .file(path: file, line: failure.line, column: failure.column), path: failure.path, failure.message,
                suggestion: failure.suggestion)
        }
        let outcome = YAMLReader.read(text) { mark in
            .file(line: mark?.line ?? 1, column: mark?.column ?? 1)
        }
        var root: YAMLNode
        var diagnostics: [Diagnostic] = []
        switch outcome {
        case .empty:
            return .failure(Diagnostics([
                Diagnostic(
                    at: .file(path: file, line: 1, column: 1), path: "",
                    "the scenario is empty; it needs at least 'workloads', 'backups' and 'targets'")
            ]))
        case .failure(let failure):
            return .failure(Diagnostics([fileDiagnostic(failure)]))
        case .tree(let node, let problems):
            root = node
            diagnostics = problems.map(fileDiagnostic)
        }
        guard root.pairs != nil else {
            let at = ScenarioValidator.location(of: root, file: file, overrides: [])
            return .failure(Diagnostics([
                Diagnostic(
                    at: at, path: "",
                    "the top level must be a mapping of keys (version, name, workloads, backups, targets, …), found \(root.found)"
                )
            ]))
        }
        diagnostics += apply(options.overrides, to: &root)
        var validator = ScenarioValidator(options: options)
        let scenario = validator.validate(root)
        diagnostics += validator.diagnostics
        diagnostics = ordered(relocated(diagnostics, overrides: options.overrides))
        if let scenario, !diagnostics.contains(where: { $0.severity == .error }) {
            return .success(scenario)
        }
        return .failure(Diagnostics(diagnostics))
    }

    /// A problem whose key path lies at or under an overridden path is reported at that
    /// `--set` (the last one that covers it), not at the file's position.
    static func relocated(_ diagnostics: [Diagnostic], overrides: [Override]) -> [Diagnostic] {
        diagnostics.map { diagnostic in
            guard case .file = diagnostic.location else { return diagnostic }
            let path = diagnostic.path
            for override in overrides.reversed() {
                let p = override.path
                if path == p || path.hasPrefix(p + ".") || path.hasPrefix(p + "[") {
                    var moved = diagnostic
                    moved.location = override.location
                    return moved
                }
            }
            return diagnostic
        }
    }

    /// Command-line problems first (in the order found), then the file's by line and column.
    static func ordered(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        func key(_ d: Diagnostic) -> (Int, Int, Int) {
            switch d.location {
            case .commandLine, .option, .none: return (0, 0, 0)
            case .file(_, let line, let column): return (1, line, column)
            }
        }
        return diagnostics.enumerated().sorted { a, b in
            let ka = key(a.element)
            let kb = key(b.element)
            return ka != kb ? ka < kb : a.offset < b.offset
        }.map(\.element)
    }

    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }
}
