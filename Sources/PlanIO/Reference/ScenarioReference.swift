import Foundation
import PlanCore

/// The reference of the scenario format, written from the loader's own schema tree
/// (`Schema.root`): the JSON Schema of `plan schema`, the key tables of scenarios/README.md
/// (`plan schema --markdown`), and `plan explain PATH`.
public enum ScenarioReference {
    /// One key of the format where it stands: its path with `NAME` for a user's name and
    /// `[]` for a list item (`backups.cnpg.NAME.retention`), and the version that allows it.
    struct Entry {
        let path: String
        let key: SchemaKey
        let version: Int
    }

    /// A mapping of the tree where it stands (`backups.cnpg.NAME`), with its keys.
    struct Mapping {
        let path: String
        let keys: [SchemaKey]
        let version: Int
    }

    /// Every mapping of the tree, depth first in the order of scenario.md.
    static var mappings: [Mapping] {
        var out: [Mapping] = []
        func walk(_ node: SchemaNode, path: String, version: Int) {
            switch node {
            case .value: return
            case .list(let entry): walk(entry, path: path + "[]", version: version)
            case .named(_, let entry): walk(entry, path: join(path, "NAME"), version: version)
            case .keys(let keys):
                out.append(Mapping(path: path, keys: keys, version: version))
                for key in keys { walk(key.node, path: join(path, key.name), version: key.isVersion2 ? 2 : version) }
            }
        }
        walk(Schema.root, path: "", version: 1)
        return out
    }

    /// Every key of the tree.
    static var entries: [Entry] {
        mappings.flatMap { m in
            m.keys.map { Entry(path: join(m.path, $0.name), key: $0, version: $0.isVersion2 ? 2 : m.version) }
        }
    }

    static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : path + "." + key }

    /// Markdown as plain text: no backticks, `\|` as `|`.
    static func plain(_ markdown: String) -> String {
        markdown.replacingOccurrences(of: "`", with: "").replacingOccurrences(of: "\\|", with: "|")
    }
}
