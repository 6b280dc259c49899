import PlanCore

/// Edits values of a scenario file in place, keeping its comments and layout: a value that
/// is in the file is replaced where it stands; a key left at its default is added to its
/// mapping, after the mapping's last key, at the same indentation (`plan tune --write-best`).
public enum ScenarioEditor {
    /// One change to the text: at `line` (0-based), replace `remove` scalars from `column`
    /// with `insert`, or insert `insert` as a new line before `line`.
    struct Change {
        var line: Int
        var column: Int
        var remove: Int
        var insert: String
        var newLine: Bool
    }

    /// Returns the new text, or a message when an edit cannot be made in place.
    public static func apply(_ edits: [(path: String, value: String)], to text: String) -> Result<String, ValueError> {
        apply(edits.map { ScenarioEdit(path: $0.path, value: $0.value) }, to: text)
    }

    /// The same, each edit with an optional trailing comment that replaces the line's own
    /// (`plan calibrate`: `size: 2.13GiB  # measured: …`).
    public static func apply(_ edits: [ScenarioEdit], to text: String) -> Result<String, ValueError> {
        let document: ScenarioDocument
        switch ScenarioDocument.parse(text: text, file: "") {
        case .success(let d): document = d
        case .failure(let d): return .failure(ValueError(d.description))
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array(String($0).unicodeScalars) }
        var changes: [Change] = []
        for edit in edits {
            switch change(for: edit, in: document, lines: lines) {
            case .success(let c?): changes.append(c)
            case .success(nil): continue
            case .failure(let e): return .failure(e)
            }
        }
        // Applied from the end, so that earlier positions stay valid.
        for change in changes.sorted(by: { ($0.line, $0.column) > ($1.line, $1.column) }) {
            if change.newLine {
                lines.insert(Array(change.insert.unicodeScalars), at: change.line)
            } else {
                lines[change.line].replaceSubrange(change.column..<(change.column + change.remove), with: Array(change.insert.unicodeScalars))
            }
        }
        return .success(lines.map { String(String.UnicodeScalarView($0)) }.joined(separator: "\n"))
    }

    /// The change one edit makes: a replacement where the key is in the file, else an
    /// addition to its mapping; nil when the node has no place in the text.
    static func change(for edit: ScenarioEdit, in document: ScenarioDocument, lines: [[Unicode.Scalar]]) -> Result<Change?, ValueError> {
        let parts = edit.path.split(separator: ".").map(String.init)
        guard let key = parts.last else { return .success(nil) }
        var node = document.root
        var parent = document.root
        var found = true
        for (i, part) in parts.enumerated() {
            guard let pairs = node.pairs else { return .failure(ValueError("'\(parts[..<i].joined(separator: "."))' is not a mapping")) }
            if let pair = pairs.first(where: { $0.key == part }) {
                parent = node
                node = pair.value
            } else if i == parts.count - 1 {
                found = false
                parent = node
            } else {
                return .failure(ValueError("'\(parts[...i].joined(separator: "."))' is not in the file; add it by hand"))
            }
        }
        return found
            ? replacement(of: node, path: edit.path, value: edit.value, comment: edit.comment, lines: lines)
            : addition(of: key, value: edit.value, comment: edit.comment, to: parent, lines: lines)
    }

    /// Replaces a value where it stands, in its own quotes; a trailing comment keeps its
    /// column: `retain: 48   # two days` → `retain: 12   # …`. With `comment`, the line's
    /// comment is replaced by it (at the old comment's column, or two spaces after the value).
    static func replacement(
        of node: YAMLNode, path: String, value: String, comment: String? = nil, lines: [[Unicode.Scalar]]
    ) -> Result<Change?, ValueError> {
        guard case .file(let line, let column) = node.origin else { return .success(nil) }
        let l = line - 1, c = column - 1
        guard l < lines.count, c <= lines[l].count else { return .failure(ValueError("cannot find '\(path)' in the file")) }
        let rest = Array(lines[l][c...])
        let length: Int
        var quote: Character? = nil
        switch rest.first {
        case "\"":
            quote = "\""
            length = closing(rest, "\"")
        case "'":
            quote = "'"
            length = closing(rest, "'")
        case "[", "{":
            length = FlowScanner.collectionLength(rest)
        default:
            length = node.scalarText.map { $0.unicodeScalars.count } ?? 0
            if node.pairs != nil || (node.scalarText == nil) {
                return .failure(ValueError("'\(path)' is a block collection; edit it by hand"))
            }
        }
        var insert = render(value, quote: quote)
        var remove = length
        let after = lines[l].dropFirst(c + length)
        let spaces = after.prefix { $0 == " " }.count
        let commented = spaces > 0 && after.dropFirst(spaces).first == "#"
        // A comment only where the value ends its line (not inside a flow mapping).
        if let comment, commented || after.dropFirst(spaces).isEmpty {
            let width = insert.unicodeScalars.count
            insert += String(repeating: " ", count: commented ? max(2, length + spaces - width) : 2) + "# " + comment
            remove = lines[l].count - c
        } else if commented {
            let width = insert.unicodeScalars.count
            insert += String(repeating: " ", count: max(1, length + spaces - width))
            remove += spaces
        }
        return .success(Change(line: l, column: c, remove: remove, insert: insert, newLine: false))
    }

    /// Adds `key: value` to a mapping: inside a one-line flow mapping before its `}`, or
    /// as a new line after the last pair of a block mapping, at the keys' indentation.
    static func addition(
        of key: String, value: String, comment: String? = nil, to parent: YAMLNode, lines: [[Unicode.Scalar]]
    ) -> Result<Change?, ValueError> {
        guard case .file(let line, let column) = parent.origin else { return .success(nil) }
        let l = line - 1, c = column - 1
        if lines[l].count > c, lines[l][c] == "{" {
            let close = c + FlowScanner.collectionLength(Array(lines[l][c...])) - 1
            guard close < lines[l].count, lines[l][close] == "}" else {
                return .failure(ValueError("cannot add '\(key)' to a flow mapping spanning lines; edit it by hand"))
            }
            let empty = (parent.pairs ?? []).isEmpty
            return .success(
                Change(line: l, column: close, remove: 0, insert: (empty ? "" : ", ") + key + ": " + render(value, quote: nil), newLine: false))
        }
        guard let last = parent.pairs?.last, case .file(let keyLine, let keyColumn) = last.keyNode.origin else {
            return .failure(ValueError("cannot add '\(key)' here; edit it by hand"))
        }
        // After the last pair's value: the lines indented deeper than the keys.
        var end = keyLine  // index of the line after the last key's line
        while end < lines.count {
            let s = String(String.UnicodeScalarView(lines[end]))
            let indent = s.prefix { $0 == " " }.count
            let blank = s.trimmingSpaces().isEmpty || s.trimmingSpaces().hasPrefix("#")
            if !blank && indent < keyColumn { break }
            if blank && indent < keyColumn - 1 { break }
            end += 1
        }
        while end > keyLine, String(String.UnicodeScalarView(lines[end - 1])).trimmingSpaces().isEmpty { end -= 1 }
        let insert =
            String(repeating: " ", count: keyColumn - 1) + key + ": " + render(value, quote: nil) + (comment.map { "  # " + $0 } ?? "")
        return .success(Change(line: end, column: 0, remove: 0, insert: insert, newLine: true))
    }

    /// The length of a quoted scalar including both quotes.
    static func closing(_ s: [Unicode.Scalar], _ q: Unicode.Scalar) -> Int {
        var i = 1
        while i < s.count {
            if q == "\"" && s[i] == "\\" {
                i += 2
                continue
            }
            if s[i] == q {
                if q == "'" && i + 1 < s.count && s[i + 1] == "'" {
                    i += 2
                    continue
                }
                return i + 1
            }
            i += 1
        }
        return s.count
    }

    /// The value as YAML text: in the original quotes, or quoted when plain text would not
    /// read back as the same string.
    static func render(_ value: String, quote: Character?) -> String {
        func doubleQuoted(_ v: String) -> String { "\"" + v.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"") + "\"" }
        if quote == "\"" { return doubleQuoted(value) }
        if quote == "'" { return "'" + value.replacingAll("'", with: "''") + "'" }
        if value.hasPrefix("[") || value.hasPrefix("{") { return value }
        let special: Set<Character> = ["*", "&", "!", "|", ">", "'", "\"", "%", "@", "`", "#", ",", "?", "-", ":"]
        if let first = value.first, special.contains(first) { return doubleQuoted(value) }
        if value.contains(": ") || value.contains(" #") || value != value.trimmingSpaces() || value.isEmpty { return doubleQuoted(value) }
        return value
    }
}

/// One value to write into a scenario file: its dotted path, its YAML text, and an optional
/// trailing comment (without the `# `).
public struct ScenarioEdit: Sendable, Hashable {
    public var path: String
    public var value: String
    public var comment: String?

    public init(path: String, value: String, comment: String? = nil) {
        self.path = path
        self.value = value
        self.comment = comment
    }
}

extension ScenarioDocument {
    /// Where `path` is in the file: its key's line and column, or, for a key the file leaves
    /// out, those of the deepest mapping key on the path that it has (1-based).
    public func location(of path: String) -> (line: Int, column: Int) {
        var node = root
        var found: (Int, Int) = (1, 1)
        for part in path.split(separator: ".").map(String.init) {
            guard let pair = node.pairs?.first(where: { $0.key == part }) else { break }
            if case .file(let line, let column) = pair.keyNode.origin { found = (line, column) }
            node = pair.value
        }
        return found
    }

    /// The scalar text at `path` as the file writes it (`2GiB`), or nil when it is not there.
    public func text(at path: String) -> String? {
        var node = root
        for part in path.split(separator: ".").map(String.init) {
            guard let pair = node.pairs?.first(where: { $0.key == part }) else { return nil }
            node = pair.value
        }
        return node.scalarText
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var out = ""
        var rest = Substring(self)
        while let r = rest.range(of: target) {
            out += rest[..<r.lowerBound]
            out += replacement
            rest = rest[r.upperBound...]
        }
        return out + rest
    }
}
