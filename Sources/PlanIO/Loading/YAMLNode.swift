import PlanCore
import Yams

/// Where a node of the document came from: a place in the scenario file, or the value of
/// the `index`-th `--set` override.
enum NodeOrigin: Hashable, Sendable {
    case file(line: Int, column: Int)
    case override(index: Int)
}

/// The scenario document as a plain tree: Yams' `Node` with aliases expanded into copies,
/// keys as text, and each node's origin. Overrides edit this tree before validation.
struct YAMLNode: Sendable {
    enum Content: Sendable {
        /// A scalar's text; `isNull` for an empty plain scalar, `~` or `null`.
        case scalar(String, isNull: Bool)
        case mapping([YAMLPair])
        case sequence([YAMLNode])
    }

    var content: Content
    var origin: NodeOrigin

    var scalarText: String? {
        if case .scalar(let text, _) = content { return text }
        return nil
    }

    var isNull: Bool {
        if case .scalar(_, let isNull) = content { return isNull }
        return false
    }

    var pairs: [YAMLPair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    /// How a message names what was found: `'text'`, `no value`, `a mapping`, `a list`.
    var found: String {
        switch content {
        case .scalar(let text, let isNull): return isNull ? "no value" : "'\(text)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        }
    }
}

/// One `key: value` of a mapping; the key is kept as a node for its position.
struct YAMLPair: Sendable {
    var key: String
    var keyNode: YAMLNode
    var value: YAMLNode
}
