import PlanCore

/// One Kubernetes object read from a manifest file (gitops.md "plan import"): its kind,
/// name and namespace, and its YAML tree with every node's line and column, so that each
/// imported value and each lint finding can name the place it came from.
struct ManifestObject: Sendable {
    /// The file as the user named it (`clusters/minikube/gitea/cluster.yaml`, or `-`).
    var file: String
    var apiVersion: String
    var kind: String
    var name: String
    /// `metadata.namespace`, empty when not set.
    var namespace: String
    var root: YAMLNode

    /// `KIND/NAME`, as findings name an object.
    var reference: String { "\(kind)/\(name)" }

    /// The API group of `apiVersion` (`postgresql.cnpg.io` of `postgresql.cnpg.io/v1`).
    var group: String {
        guard let slash = apiVersion.firstIndex(of: "/") else { return "" }
        return String(apiVersion[..<slash])
    }

    /// The node at a dotted path of mapping keys (`spec.backup.retentionPolicy`).
    func node(_ path: String) -> YAMLNode? {
        root.descendant(path)
    }

    /// The scalar text at `path`, if it is a non-null scalar; nil for a Flux `${VAR}`
    /// substitution, whose value is not in Git (`substitutions` reports them).
    func text(_ path: String) -> String? {
        guard let n = node(path), !n.isNull, let t = n.scalarText, !t.contains("${") else { return nil }
        return t
    }

    /// Every `${VAR}` value below the root: (dotted path, node).
    var substitutions: [(String, YAMLNode)] {
        var out: [(String, YAMLNode)] = []
        func walk(_ n: YAMLNode, _ path: String) {
            switch n.content {
            case .scalar(let t, _): if t.contains("${") { out.append((path, n)) }
            case .mapping(let pairs): for p in pairs { walk(p.value, path.isEmpty ? p.key : path + "." + p.key) }
            case .sequence(let items): for (i, item) in items.enumerated() { walk(item, "\(path)[\(i)]") }
            }
        }
        walk(root, "")
        return out
    }

    /// Where `node` stands in the manifest.
    func location(_ node: YAMLNode?) -> Diagnostic.Location {
        if case .file(let line, let column)? = node?.origin {
            return .file(path: file, line: line, column: column)
        }
        if case .file(let line, let column) = root.origin {
            return .file(path: file, line: line, column: column)
        }
        return .file(path: file, line: 1, column: 1)
    }

    /// The source comment of a value: `clusters/minikube/gitea/cluster.yaml:23 spec.backup.retentionPolicy`.
    func source(_ path: String) -> String {
        source(of: node(path), path: path)
    }

    func source(of node: YAMLNode?, path: String) -> String {
        if case .file(let line, _)? = node?.origin { return "\(file):\(line) \(path)" }
        return "\(file) \(reference) \(path)"
    }

    /// The line of `metadata.name`, for findings about the whole object.
    var nameNode: YAMLNode? { node("metadata.name") ?? node("kind") }
}

extension Optional where Wrapped == YAMLNode {
    /// The scalar values of a mapping by key (labels, annotations); empty for anything else.
    var textMap: [String: String] {
        var out: [String: String] = [:]
        for pair in self?.pairs ?? [] {
            if let v = pair.value.scalarText { out[pair.key] = v }
        }
        return out
    }
}

extension YAMLNode {
    /// The value of `key` in this mapping.
    func child(_ key: String) -> YAMLNode? {
        pairs?.first { $0.key == key }?.value
    }

    /// The pair of `key` in this mapping (for the key's own position).
    func pair(_ key: String) -> YAMLPair? {
        pairs?.first { $0.key == key }
    }

    /// The node at a dotted path of mapping keys.
    func descendant(_ path: String) -> YAMLNode? {
        var node: YAMLNode? = self
        for key in path.split(separator: ".") {
            node = node?.child(String(key))
        }
        return node
    }

    /// The items of a sequence; empty for anything else.
    var items: [YAMLNode] {
        if case .sequence(let items) = content { return items }
        return []
    }

    /// The scalar texts of a sequence of scalars.
    var texts: [String] {
        items.compactMap { $0.isNull ? nil : $0.scalarText }
    }
}
