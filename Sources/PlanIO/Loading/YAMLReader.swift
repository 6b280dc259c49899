import PlanCore
import Yams

/// The YAML text could not be read into a tree.
struct YAMLReadFailure: Error {
    var line: Int
    var column: Int
    /// Dotted path of the top-level key concerned, or empty.
    var path: String
    var message: String
    var suggestion: String?
}

/// Most nodes a document may expand to, aliases expanded (scenario.md: a document that
/// expands past 100,000 nodes is refused).
let maximumNodeCount = 100_000

/// The longest text value (a scalar: a description, a name, a quoted string) a scenario may
/// hold, in UTF-8 bytes: far above any real one, so that a runaway value cannot make a
/// report of hundreds of megabytes or fill the run store.
let maximumTextBytes = 65_536

/// Converts Yams nodes into `YAMLNode`s, counting every node visited (aliases expanded)
/// and stopping past `maximumNodeCount`.
struct YAMLTreeBuilder {
    var origin: (Mark?) -> NodeOrigin
    /// How the text was composed (`YAMLReader.Resolution`): whether a plain null's tag
    /// tells an explicit `!!str`.
    let resolution: YAMLReader.Resolution
    /// Problems that do not stop the conversion: non-scalar keys, keys equal as text.
    var problems: [YAMLReadFailure] = []
    private(set) var count = 0
    private var depth = 0
    /// The top-level key being converted, to name in the alias-bomb message.
    private(set) var topLevelKey: (path: String, line: Int, column: Int)?

    init(_ resolution: YAMLReader.Resolution, origin: @escaping (Mark?) -> NodeOrigin) {
        self.resolution = resolution
        self.origin = origin
    }

    struct TooManyNodes: Error {}

    /// No value: a plain `~`, `null`, `Null`, `NULL` or nothing, unless tagged `!!str`.
    static func isNull(_ scalar: Node.Scalar, _ resolution: YAMLReader.Resolution) -> Bool {
        guard scalar.style == .plain || scalar.style == .any else { return false }
        switch scalar.string {
        case "": return true
        case "~", "null", "Null", "NULL":
            // Without a tag in the text, a `str` tag is Yams's rule-less resolution of a key
            // (or of the anchor an aliased key shares), not a `!!str`.
            // `!` (non-specific) makes a plain scalar a string too.
            return resolution == .untagged || (scalar.tag.rawValue != Tag.Name.str.rawValue && scalar.tag.rawValue != "!")
        default: return false
        }
    }

    mutating func convert(_ node: Node) throws(TooManyNodes) -> YAMLNode {
        count += 1
        if count > maximumNodeCount { throw TooManyNodes() }
        switch node {
        case .scalar(let scalar):
            return YAMLNode(content: .scalar(scalar.string, isNull: Self.isNull(scalar, resolution)), origin: origin(scalar.mark))
        case .alias(let alias):
            // Yams resolves aliases while composing; an unresolved one is an empty value.
            return YAMLNode(content: .scalar("", isNull: true), origin: origin(alias.mark))
        case .sequence(let sequence):
            var items: [YAMLNode] = []
            for item in sequence { items.append(try convert(item)) }
            return YAMLNode(content: .sequence(items), origin: origin(sequence.mark))
        case .mapping(let mapping):
            var pairs: [YAMLPair] = []
            var seen: [String: YAMLNode] = [:]
            depth += 1
            defer { depth -= 1 }
            for (key, value) in mapping {
                if depth == 1 { topLevelKey = (key.scalar?.string ?? "", key.mark?.line ?? 1, key.mark?.column ?? 1) }
                let keyNode = try convert(key)
                let valueNode = try convert(value)
                guard let text = keyNode.scalarText else {
                    problems.append(failure(at: keyNode, "a key must be a name, found \(keyNode.found)"))
                    continue
                }
                if let first = seen[text] {
                    problems.append(failure(at: keyNode, duplicateKeyMessage(text, first: first), suggestion: "keep one of them"))
                    continue
                }
                seen[text] = keyNode
                pairs.append(YAMLPair(key: text, keyNode: keyNode, value: valueNode))
            }
            return YAMLNode(content: .mapping(pairs), origin: origin(mapping.mark))
        }
    }

    private func failure(at node: YAMLNode, _ message: String, suggestion: String? = nil) -> YAMLReadFailure {
        if case .file(let line, let column) = node.origin {
            return YAMLReadFailure(line: line, column: column, path: "", message: message, suggestion: suggestion)
        }
        return YAMLReadFailure(line: 1, column: 1, path: "", message: message, suggestion: suggestion)
    }
}

func duplicateKeyMessage(_ key: String, first: YAMLNode?) -> String {
    if case .file(let line, _)? = first?.origin {
        return "duplicate key '\(key)' in this mapping (first at line \(line))"
    }
    return "duplicate key '\(key)' in this mapping"
}

/// Reads YAML text into a tree, or the one problem that stopped it, in the words of
/// scenario.md rather than libyaml's.
enum YAMLReader {
    /// How Yams resolves the scalars of a text. `plan` reads every scalar's text itself
    /// (`YAMLTreeBuilder.isNull`, then the typed readers), so a tag only matters to Yams's
    /// duplicate-key check and to telling a `!!str null` from a null.
    ///
    /// Yams's default resolver matches ICU regular expressions (bool, int, float, merge,
    /// null, timestamp, value) against every mapping key in that check; setting up ICU and
    /// compiling them was 1.4 ms of a short `plan simulate`, one rule alone 1 ms. So a text
    /// with no `!` (no tag can be written in it) is composed with no rules (`untagged`),
    /// which reads it as the default resolver does but for one thing: two keys of the same
    /// text that the default resolver keeps apart by type (`1` and `"1"`, `true` and
    /// `"true"`) are duplicates to Yams, which stops the read. That text is then read again
    /// with the default resolver (`tagged`), so `YAMLTreeBuilder` reports the pair beside
    /// the file's other problems, as before.
    enum Resolution: Equatable {
        case untagged
        case tagged

        /// The resolution a text is composed with first.
        static func first(for text: String) -> Resolution {
            text.utf8.contains(UInt8(ascii: "!")) ? .tagged : .untagged
        }

        var resolver: Resolver { self == .untagged ? .basic : .default }

        /// Whether `error` asks for the text to be read again with the default resolver.
        func retries(after error: Error) -> Bool {
            guard self == .untagged, case YamlError.duplicatedKeysInMapping = error else { return false }
            return true
        }
    }

    enum Outcome {
        case empty
        case tree(YAMLNode, problems: [YAMLReadFailure])
        case failure(YAMLReadFailure)
    }

    static func read(_ text: String, origin: @escaping (Mark?) -> NodeOrigin) -> Outcome {
        // Counted on libyaml's events first: the caps hold before any tree is built.
        if let at = YAMLEventCount.nodePast(maximumNodeCount, in: text, maximumScalarBytes: maximumTextBytes) {
            if let bytes = at.textBytes {
                return .failure(
                    YAMLReadFailure(
                        line: at.line, column: at.column, path: at.key,
                        message: "a value of \(bytes) bytes; a scenario's text values are at most 64 KiB (65,536 bytes)",
                        suggestion: "shorten it, or keep the long text in a file beside the scenario"))
            }
            return .failure(
                YAMLReadFailure(
                    line: at.line, column: at.column, path: at.key,
                    message: "the document has more than 100,000 nodes, far more than a scenario needs",
                    suggestion: "is this the right file?"))
        }
        let root: Node?
        var resolution = Resolution.first(for: text)
        do {
            // UTF-8 named here: Yams's default encoding reads the whole environment on every
            // parse (a sweep validates hundreds of values, each a parse) and, when
            // YAMS_DEFAULT_ENCODING is set, prints a line into plan's standard output.
            do {
                root = try Yams.compose(yaml: text, resolution.resolver, .default, .utf8)
            } catch let error where resolution.retries(after: error) {
                resolution = .tagged
                root = try Yams.compose(yaml: text, resolution.resolver, .default, .utf8)
            }
        } catch let error as YamlError {
            return .failure(translate(error, text: text))
        } catch {
            return .failure(YAMLReadFailure(line: 1, column: 1, path: "", message: "cannot read the YAML text"))
        }
        guard let root else { return .empty }
        if case .scalar(let scalar) = root, YAMLTreeBuilder.isNull(scalar, resolution) { return .empty }
        var builder = YAMLTreeBuilder(resolution, origin: origin)
        do {
            let node = try builder.convert(root)
            return .tree(node, problems: builder.problems)
        } catch {
            // Name the top-level key whose value expands too far.
            let at = builder.topLevelKey ?? ("", root.mark?.line ?? 1, root.mark?.column ?? 1)
            // Without an anchor there is no alias to expand: the file is simply too large.
            guard text.contains("&") else {
                return .failure(
                    YAMLReadFailure(
                        line: at.line, column: at.column, path: at.path,
                        message: "the document has more than 100,000 nodes, far more than a scenario needs",
                        suggestion: "is this the right file?"))
            }
            return .failure(aliasBomb(line: at.line, column: at.column, path: at.path))
        }
    }

    static func aliasBomb(line: Int, column: Int, path: String) -> YAMLReadFailure {
        YAMLReadFailure(
            line: line, column: column, path: path,
            message: "the document expands past 100,000 nodes (a YAML alias bomb?)",
            suggestion: "write the values out, or use fewer nested aliases")
    }

    /// libyaml's problem, said plainly, at the position it gives.
    static func translate(_ error: YamlError, text: String) -> YAMLReadFailure {
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            return translate(problem: problem, context: context, mark: mark, text: text)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? ""
            let first = context.mark
            let second = findDuplicate(key, after: first, in: text)
            let at = second ?? (first.line, first.column)
            return YAMLReadFailure(
                line: at.0, column: at.1, path: "",
                message: second == nil
                    ? "duplicate key '\(key)' in this mapping"
                    : "duplicate key '\(key)' in this mapping (first at line \(first.line))",
                suggestion: "keep one of them")
        case .reader(let problem, let offset, let value, _):
            let (line, column) = offset.map { position(ofCharacterOffset: $0, in: text) } ?? (1, 1)
            if problem.contains("control characters") {
                let code = String(UInt32(bitPattern: value), radix: 16, uppercase: true)
                let padded = String(repeating: "0", count: max(0, 4 - code.count)) + code
                return YAMLReadFailure(
                    line: line, column: column, path: "",
                    message: "control character U+\(padded) is not allowed in YAML text (a binary file?)")
            }
            return YAMLReadFailure(line: line, column: column, path: "", message: lowercasedFirst(problem))
        default:
            return YAMLReadFailure(line: 1, column: 1, path: "", message: "cannot read the YAML text")
        }
    }

    private static func translate(problem: String, context: YamlError.Context?, mark: Mark, text: String) -> YAMLReadFailure {
        let character = self.character(at: mark, in: text)
        var message = lowercasedFirst(problem)
        var suggestion: String?
        let started = context.map { " started at line \($0.mark.line), column \($0.mark.column)" } ?? ""
        switch problem {
        case "found character that cannot start any token":
            if character == "\t" {
                message = "found a tab character where indentation is expected; YAML indents with spaces"
            } else if let character {
                message = "'\(character)' cannot start a plain YAML value"
                suggestion = "quote the value, as in \"@daily\""
            }
        case "found a tab character that violates indentation", "found a tab character where an indentation space is expected":
            message = "found a tab character where indentation is expected; YAML indents with spaces"
        case "mapping values are not allowed in this context":
            message = "unexpected ':' here"
            suggestion = "quote a value that contains ': ', or check the indentation of this line"
        case "did not find expected key":
            message = "this line does not line up with the keys of the mapping\(started)"
            suggestion = "check its indentation"
        case "did not find expected '-' indicator":
            message = "expected a list item ('- ') here, as in the list\(started)"
            suggestion = "check the indentation of this line"
        case "found unexpected end of stream":
            if let context, context.text.contains("quoted scalar") {
                message = "the quoted value\(started) is never closed"
            } else {
                message = "the file ends in the middle of a value\(started)"
            }
        case "did not find expected ',' or ']'":
            message = "expected ',' or ']' in the list\(started)"
        case "did not find expected ',' or '}'":
            message = "expected ',' or '}' in the mapping\(started)"
        case _ where problem.hasPrefix("Maximum nesting level reached"):
            message = "the document nests deeper than 1,000 levels"
        case "found undefined alias":
            let name = aliasName(at: mark, in: text)
            message = "alias '*\(name)' refers to no anchor '&\(name)' defined before it"
        case "but found another document":
            message = "the file holds more than one YAML document; a scenario is one document"
            suggestion = "remove the '---' line and what follows, or split the file"
        default:
            if let context {
                message += " (\(lowercasedFirst(context.text))\(started))"
            }
        }
        return YAMLReadFailure(line: mark.line, column: mark.column, path: "", message: message, suggestion: suggestion)
    }

    private static func lowercasedFirst(_ s: String) -> String {
        guard let first = s.first else { return s }
        return first.lowercased() + s.dropFirst()
    }

    /// The lines of the text, as arrays of Unicode scalars (libyaml counts columns in scalars).
    private static func line(_ number: Int, in text: String) -> [Unicode.Scalar]? {
        var current = 1
        var scalars: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                if current == number { return scalars }
                current += 1
                continue
            }
            if current == number { scalars.append(scalar) }
        }
        return current == number ? scalars : nil
    }

    private static func character(at mark: Mark, in text: String) -> Character? {
        guard let line = line(mark.line, in: text), mark.column >= 1, mark.column <= line.count else { return nil }
        return Character(line[mark.column - 1])
    }

    private static func aliasName(at mark: Mark, in text: String) -> String {
        guard let line = line(mark.line, in: text), mark.column >= 1, mark.column <= line.count else { return "" }
        var name = ""
        for scalar in line[(mark.column - 1)...].dropFirst() {
            if scalar == " " || scalar == "," || scalar == "]" || scalar == "}" || scalar == "\r" { break }
            name.unicodeScalars.append(scalar)
        }
        return name
    }

    /// Yams reports a duplicate key at its first occurrence; the second one is the mistake
    /// a reader looks for. It is the next line that holds the same key at the same column
    /// (a block mapping); otherwise `nil`.
    static func findDuplicate(_ key: String, after first: Mark, in text: String) -> (Int, Int)? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard first.line >= 1, first.line <= lines.count else { return nil }
        for index in first.line..<lines.count {
            let scalars = Array(lines[index].unicodeScalars)
            let indent = scalars.prefix { $0 == " " }.count
            if indent < first.column - 1 && !scalars.allSatisfy({ $0 == " " || $0 == "\r" })
                && scalars.dropFirst(indent).first != "#"
            {
                return nil  // the mapping ended
            }
            guard indent == first.column - 1 else { continue }
            let rest = String(String.UnicodeScalarView(scalars[indent...]))
            for candidate in [key, "\"\(key)\"", "'\(key)'"] where rest.hasPrefix(candidate) {
                let after = rest.dropFirst(candidate.count).drop { $0 == " " }
                if after.hasPrefix(":") { return (index + 1, first.column) }
            }
        }
        return nil
    }

    /// Line and column (1-based, in Unicode scalars) of the `offset`-th character.
    static func position(ofCharacterOffset offset: Int, in text: String) -> (Int, Int) {
        var line = 1
        var column = 1
        var seen = 0
        for character in text {
            if seen == offset { break }
            seen += 1
            if character == "\n" || character == "\r\n" {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        return (line, column)
    }
}
