import PlanCore

/// `plan explain PATH`: one key of the format, as the reference tables describe it.
extension ScenarioReference {
    /// The explanation of `path` (`backups.cnpg.NAME.retention`, `backups.cnpg.*.retention`,
    /// `targets.minio.capacity`: any name, `NAME` or `*` stands for a user's name, and
    /// `lifecycle[]` or `lifecycle` for a list's items), or an unknown-path error with the
    /// nearest known path.
    public static func explain(_ path: String) -> Result<String, CommandFailure> {
        let segments = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        var node = Schema.root
        var walked: [String] = []
        var key: SchemaKey?
        var version = 1
        for raw in segments {
            let segment = raw.hasSuffix("[]") ? String(raw.dropLast(2)) : raw
            if case .list(let entry) = node { node = entry }
            switch node {
            case .named(_, let entry):
                walked.append("NAME")
                node = entry
                key = nil
                continue
            case .keys(let keys):
                // `CLASS` or `*` for one of the mappings of the same keys (`prices.classes`).
                if segment == "CLASS" || segment == "*", let first = keys.first, case .keys = first.node,
                    keys.allSatisfy({ $0.node.keyNames == first.node.keyNames })
                {
                    walked.append("CLASS")
                    key = first
                    node = first.node
                    continue
                }
                guard let found = node.key(segment) else { return .failure(unknown(path, walked: walked, segment: segment, in: node)) }
                walked.append(found.name + (raw.hasSuffix("[]") ? "[]" : ""))
                if found.isVersion2 { version = 2 }
                key = found
                node = found.node
            case .value, .list:
                return .failure(unknown(path, walked: walked, segment: segment, in: node))
            }
        }
        return .success(render(walked.joined(separator: "."), key: key, node: node, version: version))
    }

    static func unknown(_ path: String, walked: [String], segment: String, in node: SchemaNode) -> CommandFailure {
        let here = walked.joined(separator: ".")
        let names = node.keyNames
        var suggestion: String?
        if let close = Suggest.closest(to: segment, among: names) {
            suggestion = "did you mean '\(join(here, close))'?"
        } else if !names.isEmpty {
            suggestion = (here.isEmpty ? "the top-level keys are " : "the keys of '\(here)' are ") + names.joined(separator: ", ")
        } else if let close = Suggest.closest(to: path, among: entries.map(\.path)) {
            suggestion = "did you mean '\(close)'?"
        }
        let message = here.isEmpty ? "unknown key '\(segment)'" : "'\(here)' has no key '\(segment)'"
        return .invalid([Diagnostic(at: .none, path: path, message, suggestion: suggestion)])
    }

    static func render(_ path: String, key: SchemaKey?, node: SchemaNode, version: Int) -> String {
        var lines: [(String, String)] = []
        if let key {
            lines.append(("meaning", plain(key.meaning)))
            lines.append(("type", plain(key.type.label)))
            lines.append(("default", plain(key.fallback.label)))
            lines.append(("forms", key.type.forms))
        } else if case .keys = node {
            lines.append(("meaning", path.isEmpty ? "a scenario file" : "one entry, under a name of your choosing"))
            lines.append(("type", "map"))
        }
        lines.append(("version", version == 2 ? "2 (needs version: 2)" : "1 and 2"))
        if let key {
            lines.append(("model", key.rule.map { "\($0.title) (scenarios/README.md#\($0.anchor))" } ?? "none: it changes no number"))
        }
        var n = node
        if case .list(let entry) = n { n = entry }
        if case .named(let noun, let entry) = n {
            lines.append(("entries", "\(noun)s by name; each takes " + entry.keyNames.joined(separator: ", ")))
        } else if !n.keyNames.isEmpty {
            lines.append(("keys", n.keyNames.joined(separator: ", ")))
        }
        let width = lines.map(\.0.count).max() ?? 0
        let body = lines.map { "  " + $0.0 + ":" + String(repeating: " ", count: width - $0.0.count + 1) + $0.1 }
        return ([path.isEmpty ? "(top level)" : path] + body).joined(separator: "\n") + "\n"
    }
}
