import PlanCore

/// The keys of scenario.md, version 1, as a tree: which keys each mapping allows, and
/// which mappings are keyed by the user's names (workloads, jobs, targets). Unknown-key
/// checks and `--set` paths both read it.
indirect enum SchemaNode: Sendable {
    /// A value: scalar, list, or a structure read by its own rules (a tier list).
    case value
    /// A mapping with a fixed set of keys, in the order of scenario.md.
    case keys([(String, SchemaNode)])
    /// A mapping keyed by names the user chooses; `noun` names one entry in messages.
    case named(noun: String, entry: SchemaNode)

    var keyNames: [String] {
        if case .keys(let keys) = self { return keys.map(\.0) }
        return []
    }

    func child(_ key: String) -> SchemaNode? {
        if case .keys(let keys) = self { return keys.first { $0.0 == key }?.1 }
        return nil
    }

    /// True when this node or one below it is keyed by names (a `--set` cannot replace it,
    /// since that could create names).
    var holdsNames: Bool {
        switch self {
        case .value: return false
        case .named: return true
        case .keys(let keys): return keys.contains { $0.1.holdsNames }
        }
    }
}
