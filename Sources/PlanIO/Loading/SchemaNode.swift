import PlanCore

/// The keys of scenario.md, versions 1 and 2, as a tree: which keys each mapping allows,
/// which mappings are keyed by the user's names (workloads, jobs, targets), and, per key,
/// its reference entry (`SchemaKey`). Unknown-key checks, `--set` paths, `plan schema`,
/// `plan explain` and scenarios/README.md all read it.
indirect enum SchemaNode: Sendable {
    /// A value: scalar, list, or a structure read by its own rules.
    case value
    /// A value that may be a list of mappings with fixed keys (a price tier list, a
    /// lifecycle): `--set` replaces it whole, like any value.
    case list(SchemaNode)
    /// A mapping with a fixed set of keys, in the order of scenario.md.
    case keys([SchemaKey])
    /// A mapping keyed by names the user chooses; `noun` names one entry in messages.
    case named(noun: String, entry: SchemaNode)

    var keyNames: [String] {
        if case .keys(let keys) = self { return keys.map(\.name) }
        return []
    }

    func child(_ name: String) -> SchemaNode? {
        key(name)?.node
    }

    func key(_ name: String) -> SchemaKey? {
        if case .keys(let keys) = self { return keys.first { $0.name == name } }
        return nil
    }

    /// True for a value (a `--set` path ends here).
    var isValue: Bool {
        switch self {
        case .value, .list: return true
        case .keys, .named: return false
        }
    }

    /// True when this node or one below it is keyed by names (a `--set` cannot replace it,
    /// since that could create names).
    var holdsNames: Bool {
        switch self {
        case .value, .list: return false
        case .named: return true
        case .keys(let keys): return keys.contains { $0.node.holdsNames }
        }
    }
}
