/// The scenario `plan import` writes, as a tree of keys in the order a reader expects, each
/// value with the comment that says where it came from (gitops.md "Every value says where it
/// came from"); rendered as YAML by `yaml`, as JSON by `json`.
struct ImportedScenario: Sendable {
    /// Where a value came from: a manifest line, the real tool's default, or a guess.
    enum Origin: Sendable, Hashable {
        case manifest(String)
        case toolDefault(String)
        case guess(String)
        case note(String)

        var comment: String {
            switch self {
            case .manifest(let s): return s
            case .toolDefault(let s): return s
            case .guess(let s): return "guess: " + s
            case .note(let s): return s
            }
        }
    }

    indirect enum Value: Sendable {
        case scalar(String)
        /// A string written in double quotes (a cron, a name that YAML would read otherwise).
        case quoted(String)
        case list([String])
        case map([Entry])
    }

    struct Entry: Sendable {
        var key: String
        var value: Value
        var origin: Origin?

        init(_ key: String, _ value: Value, _ origin: Origin? = nil) {
            self.key = key
            self.value = value
            self.origin = origin
        }
    }

    /// Lines above the top level: what was read, and how to use the file.
    var header: [String]
    var entries: [Entry]

    /// Block YAML, two spaces per level, a trailing `# …` comment on each value that has one.
    var yaml: String {
        var out = header.map { "# " + $0 }.joined(separator: "\n")
        if !out.isEmpty { out += "\n" }
        Self.render(entries, indent: 0, into: &out)
        return out
    }

    private static func render(_ entries: [Entry], indent: Int, into out: inout String) {
        let pad = String(repeating: " ", count: indent)
        for entry in entries {
            let comment = entry.origin.map { "  # " + $0.comment } ?? ""
            switch entry.value {
            case .scalar(let s):
                out += "\(pad)\(entry.key): \(s)\(comment)\n"
            case .quoted(let s):
                out += "\(pad)\(entry.key): \(quote(s))\(comment)\n"
            case .list(let items):
                out += "\(pad)\(entry.key): [\(items.map(plainOrQuoted).joined(separator: ", "))]\(comment)\n"
            case .map(let children):
                if children.isEmpty {
                    out += "\(pad)\(entry.key): {}\(comment)\n"
                } else {
                    out += "\(pad)\(entry.key):\(comment)\n"
                    render(children, indent: indent + 2, into: &out)
                }
            }
        }
    }

    /// A double-quoted scalar: a JSON string literal, which YAML reads the same, so the
    /// YAML and the JSON output quote alike.
    static func quote(_ s: String) -> String { JSONRenderer.string(s) }

    /// A name (`a-z0-9-`) as it is; anything else quoted.
    static func plainOrQuoted(_ s: String) -> String {
        let plain =
            !s.isEmpty && s.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "/" }
            && !["true", "false", "null", "yes", "no", "on", "off"].contains(s) && s.first?.isNumber == false
        return plain ? s : quote(s)
    }

    /// JSON with the same keys and values (numbers and booleans stay text, as the loader reads them).
    var json: String {
        var out = ""
        Self.renderJSON(.map(entries), indent: 0, into: &out)
        return out + "\n"
    }

    private static func renderJSON(_ value: Value, indent: Int, into out: inout String) {
        let pad = String(repeating: "  ", count: indent + 1)
        switch value {
        case .scalar(let s), .quoted(let s):
            out += quote(s)
        case .list(let items):
            out += "[" + items.map(quote).joined(separator: ", ") + "]"
        case .map(let entries):
            guard !entries.isEmpty else {
                out += "{}"
                return
            }
            out += "{\n"
            for (i, e) in entries.enumerated() {
                out += pad + quote(e.key) + ": "
                renderJSON(e.value, indent: indent + 1, into: &out)
                out += i == entries.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: "  ", count: indent) + "}"
        }
    }
}
