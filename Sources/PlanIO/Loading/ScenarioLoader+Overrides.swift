import PlanCore
import Yams

extension ScenarioLoader {
    /// Applies `--set` overrides to the document tree, in order, before validation (cli.md).
    ///
    /// A path is known when scenario.md defines its key under names present in the file: a
    /// key the file leaves at its default can be set (it is added), a new workload, job or
    /// target cannot. Returns one diagnostic per override that could not be applied.
    static func apply(_ overrides: [Override], to root: inout YAMLNode) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (index, override) in overrides.enumerated() {
            let origin = NodeOrigin.override(index: index)
            func problem(_ message: String, suggestion: String? = nil) {
                diagnostics.append(
                    Diagnostic(
                        at: override.location, path: override.path, message,
                        suggestion: suggestion))
            }
            let segments = override.path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            if segments.contains(where: \.isEmpty) {
                problem("unknown path: a key in the path is empty", suggestion: "separate keys with single dots")
                continue
            }
            if let (message, suggestion) = resolve(segments, in: root) {
                problem(message, suggestion: suggestion)
                continue
            }
            let value: YAMLNode
            switch readValue(override.value, origin: origin) {
            case .success(let node): value = node
            case .failure(let failure):
                problem(failure.message, suggestion: failure.suggestion)
                continue
            }
            set(segments[...], in: &root, to: value, origin: origin)
        }
        return diagnostics
    }

    /// Reads VALUE as a YAML flow value. A value that is not valid YAML but does not look
    /// like a flow collection or a quoted string (`*/5 * * * *`, `@daily`) is taken as the
    /// plain text it is, since that is what a shell user means.
    static func readValue(_ text: String, origin: NodeOrigin) -> Result<YAMLNode, YAMLReadFailure> {
        switch YAMLReader.read(text, origin: { _ in origin }) {
        case .empty:
            return .success(YAMLNode(content: .scalar("", isNull: true), origin: origin))
        case .tree(let node, let problems):
            if let first = problems.first { return .failure(first) }
            return .success(node)
        case .failure(let failure):
            let start = text.trimmingSpaces().first
            if let start, "[{\"'".contains(start) || failure.message.contains("alias bomb") {
                var failure = failure
                failure.message = "the value is not a YAML flow value: " + failure.message
                return .failure(failure)
            }
            return .success(YAMLNode(content: .scalar(text.trimmingSpaces(), isNull: false), origin: origin))
        }
    }

    /// Checks a path against the schema and the names in the file: `nil` when it is known,
    /// else the message and suggestion of an unknown path.
    static func resolve(_ segments: [String], in root: YAMLNode) -> (String, String?)? {
        var schema = Schema.root
        var node: YAMLNode? = root
        var walked: [String] = []
        for segment in segments {
            let here = walked.joined(separator: ".")
            if schema.isValue {
                return ("unknown path: '\(here)' is a value, with no key '\(segment)' under it", nil)
            }
            if let node, node.pairs == nil, !node.isNull {
                return ("unknown path: '\(here)' is \(node.found) in the file, not a mapping", nil)
            }
            let present = node?.pairs ?? []
            switch schema {
            case .value, .list:
                return nil
            case .keys(let keys):
                guard let child = schema.child(segment) else {
                    let names = keys.map(\.name)
                    let place = here.isEmpty ? "the top level has" : "'\(here)' has"
                    return (
                        "unknown path: \(place) no key '\(segment)'; its keys are \(names.joined(separator: ", "))",
                        Suggest.closest(to: segment, among: names).map { "did you mean '\($0)'?" }
                    )
                }
                schema = child
            case .named(let noun, let entry):
                let names = present.map(\.key)
                guard names.contains(segment) else {
                    let existing =
                        names.isEmpty
                        ? "the file has none under '\(here)'"
                        : "the \(noun)s under '\(here)' are \(names.joined(separator: ", "))"
                    return (
                        "unknown path: no \(noun) named '\(segment)' in the file (--set cannot add one); \(existing)",
                        Suggest.closest(to: segment, among: names).map { "did you mean '\($0)'?" }
                    )
                }
                schema = entry
            }
            node = present.first { $0.key == segment }?.value
            walked.append(segment)
        }
        if schema.holdsNames {
            return (
                "cannot replace '\(walked.joined(separator: "."))' whole: it holds names, and --set cannot add or remove one",
                "set a key under an existing name instead"
            )
        }
        return nil
    }

    /// Puts `value` at the path, adding the mappings and the key the file leaves out.
    static func set(_ segments: ArraySlice<String>, in node: inout YAMLNode, to value: YAMLNode, origin: NodeOrigin) {
        guard let key = segments.first else { return }
        var pairs = node.pairs ?? []
        if node.pairs == nil { node.origin = origin }
        let rest = segments.dropFirst()
        if let index = pairs.firstIndex(where: { $0.key == key }) {
            if rest.isEmpty {
                pairs[index].value = value
            } else {
                set(rest, in: &pairs[index].value, to: value, origin: origin)
            }
        } else {
            var child = value
            if !rest.isEmpty {
                child = YAMLNode(content: .mapping([]), origin: origin)
                set(rest, in: &child, to: value, origin: origin)
            }
            let keyNode = YAMLNode(content: .scalar(key, isNull: false), origin: origin)
            pairs.append(YAMLPair(key: key, keyNode: keyNode, value: child))
        }
        node.content = .mapping(pairs)
    }
}
