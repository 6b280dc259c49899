import PlanCore

/// A scenario file parsed once into its YAML tree (with positions), from which scenarios
/// are validated with any set of overrides. `plan tune` parses once and validates each
/// distinct value; `ScenarioLoader.load` does both in one call.
public struct ScenarioDocument: Sendable {
    let root: YAMLNode
    /// Problems the YAML reader found that still let it build a tree.
    let problems: [Diagnostic]
    public let file: String

    /// Parses `text`; fails when no tree can be built (empty file, YAML syntax errors, a
    /// top level that is not a mapping).
    public static func parse(text original: String, file: String) -> Result<ScenarioDocument, Diagnostics> {
        // A UTF-8 byte-order mark (some editors on Windows write one) is not part of the YAML.
        let text = original.hasPrefix("\u{FEFF}") ? String(original.unicodeScalars.dropFirst()) : original
        func fileDiagnostic(_ failure: YAMLReadFailure) -> Diagnostic {
            Diagnostic(
                at: .file(path: file, line: failure.line, column: failure.column), path: failure.path, failure.message,
                suggestion: failure.suggestion)
        }
        let outcome = YAMLReader.read(text) { mark in
            .file(line: mark?.line ?? 1, column: mark?.column ?? 1)
        }
        switch outcome {
        case .empty:
            return .failure(
                Diagnostics([
                    Diagnostic(
                        at: .file(path: file, line: 1, column: 1), path: "",
                        "the scenario is empty; it needs at least 'workloads', 'backups' and 'targets'")
                ]))
        case .failure(let failure):
            return .failure(Diagnostics([fileDiagnostic(failure)]))
        case .tree(let node, let problems):
            guard node.pairs != nil else {
                let at = ScenarioValidator.location(of: node, file: file, overrides: [])
                return .failure(
                    Diagnostics([
                        Diagnostic(
                            at: at, path: "",
                            "the top level must be a mapping of keys (version, name, workloads, backups, targets, …), found \(node.found)"
                        )
                    ]))
            }
            return .success(ScenarioDocument(root: node, problems: problems.map(fileDiagnostic), file: file))
        }
    }

    /// Applies `options.overrides` and validates: a `Scenario`, or every problem found.
    public func scenario(options: LoadOptions) -> Result<Scenario, Diagnostics> {
        var root = self.root
        var diagnostics = problems
        diagnostics += ScenarioLoader.apply(options.overrides, to: &root)
        var validator = ScenarioValidator(options: options)
        let scenario = validator.validate(root)
        diagnostics += validator.diagnostics
        diagnostics = ScenarioLoader.ordered(ScenarioLoader.relocated(diagnostics, overrides: options.overrides))
        if let scenario, !diagnostics.contains(where: { $0.severity == .error }) {
            return .success(scenario)
        }
        return .failure(Diagnostics(diagnostics))
    }
}
