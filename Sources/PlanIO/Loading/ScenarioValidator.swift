import PlanCore

/// One pass over the document tree that checks every key of scenario.md and builds the
/// `Scenario`, collecting every problem found. Values that fail are left out (their
/// default stands in) so that later checks still run and report their own problems.
struct ScenarioValidator {
    let options: LoadOptions
    private(set) var diagnostics: [Diagnostic] = []
    /// Where each job's schedule was written, by key path, for the run-count check.
    var scheduleNodes: [String: YAMLNode] = [:]
    /// The file's `version` (read before any other key, so that every mapping can refuse a
    /// version 2 key in a version 1 file).
    var version = ScenarioDefaults.version

    init(options: LoadOptions) {
        self.options = options
    }

    // MARK: - Reporting

    static func location(of node: YAMLNode, file: String, overrides: [Override]) -> Diagnostic.Location {
        switch node.origin {
        case .file(let line, let column): return .file(path: file, line: line, column: column)
        case .override(let index):
            return index < overrides.count ? overrides[index].location : .none
        }
    }

    mutating func error(_ node: YAMLNode, _ path: String, _ message: String, suggestion: String? = nil) {
        let at = Self.location(of: node, file: options.file, overrides: options.overrides)
        diagnostics.append(Diagnostic(at: at, path: path, message, suggestion: suggestion))
    }

    // MARK: - Mappings

    /// A mapping being read: its allowed pairs by key, and where a missing key is reported
    /// (the mapping's own key in its parent, or the mapping).
    struct Fields {
        var path: String
        var anchor: YAMLNode
        var pairs: [String: YAMLPair]
        /// Allowed keys that an unknown key was taken for (`retenton` → `retention`): not
        /// reported missing again.
        var suggested: Set<String> = []

        subscript(key: String) -> YAMLPair? { pairs[key] }
        func path(_ key: String) -> String { path.isEmpty ? key : path + "." + key }
    }

    /// Reads a mapping whose keys must be among `allowed`; an unknown key is reported at
    /// the key. A missing value (`kpis:` with everything commented out) is an empty mapping.
    mutating func fields(_ node: YAMLNode, anchor: YAMLNode, path: String, allowed all: [String], what: String) -> Fields? {
        // A version 1 file is offered the version 1 keys only; a version 2 key in it says so.
        let allowed = version < 2 ? all.filter { !Schema.version2Keys.contains($0) } : all
        if node.isNull { return Fields(path: path, anchor: anchor, pairs: [:]) }
        guard let pairs = node.pairs else {
            error(node, path, "expected a mapping of \(what) (\(allowed.joined(separator: ", "))), found \(node.found)")
            return nil
        }
        var fields = Fields(path: path, anchor: anchor, pairs: [:])
        for pair in pairs {
            if allowed.contains(pair.key) {
                fields.pairs[pair.key] = pair
            } else if all.contains(pair.key) {
                error(pair.keyNode, fields.path(pair.key), "a version 2 key", suggestion: "add version: 2")
            } else if pair.key == "<<" {
                // YAML 1.1's merge key: YAML 1.2 (scenario.md) has none, so its keys are not merged in.
                error(
                    pair.keyNode, fields.path(pair.key), "a YAML 1.1 merge key, which YAML 1.2 does not have: its keys are not merged",
                    suggestion: "write the keys out (an alias can stand for a whole value, as in 'target: *store')")
            } else {
                if let close = Suggest.closest(to: pair.key, among: allowed) { fields.suggested.insert(close) }
                error(
                    pair.keyNode, fields.path(pair.key), "unknown key",
                    suggestion: Suggest.suggestion(for: pair.key, among: allowed, listing: "expected one of"))
            }
        }
        return fields
    }

    /// The entries of a mapping keyed by the user's names (`workloads`, a tier, `targets`),
    /// each name checked. `nil` when the key is absent.
    mutating func namedEntries(_ f: Fields, _ key: String, noun: String) -> [YAMLPair]? {
        guard let pair = f[key] else { return nil }
        if pair.value.isNull { return [] }
        guard let pairs = pair.value.pairs else {
            error(pair.value, f.path(key), "expected a mapping of \(noun)s by name, found \(pair.value.found)")
            return []
        }
        for entry in pairs { checkName(entry.key, at: entry.keyNode, path: f.path(key) + "." + entry.key) }
        return pairs
    }

    mutating func required(_ f: Fields, _ key: String, _ hint: String = "") {
        guard f[key] == nil, !f.suggested.contains(key) else { return }
        error(f.anchor, f.path, "missing required key '\(key)'" + hint)
    }

    // MARK: - Names

    /// scenario.md "Names": 1–63 characters of `a-z 0-9 -`, starting with a letter; not `total`.
    static func isValidName(_ name: String) -> Bool {
        let scalars = Array(name.unicodeScalars)
        guard (1...63).contains(scalars.count), let first = scalars.first, ("a"..."z").contains(first) else { return false }
        return scalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" } && name != "total"
    }

    static let nameRule = "use 1–63 characters of a-z, 0-9 and '-', starting with a letter"

    mutating func checkName(_ name: String, at node: YAMLNode, path: String) {
        if name == "total" {
            error(node, path, "the name 'total' is reserved (monthly.csv uses it for its total rows)")
        } else if !Self.isValidName(name) {
            error(node, path, "invalid name '\(name)'", suggestion: Self.nameRule)
        }
    }

    // MARK: - Scalars

    /// The text of a present, non-empty scalar value; otherwise reports what was expected.
    mutating func text(_ f: Fields, _ key: String, expected: String) -> (String, YAMLNode)? {
        guard let pair = f[key] else { return nil }
        guard let text = pair.value.scalarText, !pair.value.isNull else {
            error(pair.value, f.path(key), "expected \(expected), found \(pair.value.found)")
            return nil
        }
        return (text, pair.value)
    }

    /// A value read by one of the `ValueSyntax` parsers; its message is reported as it is.
    mutating func parsed<T>(
        _ f: Fields, _ key: String, expected: String, _ parse: (String) -> Result<T, ValueError>
    ) -> T? {
        guard let (text, node) = text(f, key, expected: expected) else { return nil }
        switch parse(text) {
        case .success(let value): return value
        case .failure(let failure):
            error(node, f.path(key), failure.message, suggestion: failure.suggestion)
            return nil
        }
    }

    mutating func size(_ f: Fields, _ key: String) -> ByteCount? {
        parsed(f, key, expected: "a size such as '20Gi'", ValueSyntax.size)
    }

    mutating func duration(_ f: Fields, _ key: String, positive: Bool = false) -> Seconds? {
        guard let value = parsed(f, key, expected: "a duration such as '30d'", ValueSyntax.duration) else { return nil }
        if positive, value.value <= 0, let node = f[key]?.value {
            error(node, f.path(key), "expected a duration above 0, found \(node.found)")
            return nil
        }
        return value
    }

    mutating func percent(_ f: Fields, _ key: String) -> Share? {
        parsed(f, key, expected: "a percent such as '80%'", ValueSyntax.percent)
    }

    mutating func money(_ f: Fields, _ key: String) -> Money? {
        parsed(f, key, expected: "an amount of money such as '50'", ValueSyntax.money)
    }

    mutating func rate(_ f: Fields, _ key: String, allowNegative: Bool) -> Rate? {
        parsed(f, key, expected: "a rate such as '2GiB/day' or '3%/month'") { ValueSyntax.rate($0, allowNegative: allowNegative) }
    }

    mutating func string(_ f: Fields, _ key: String) -> String? {
        text(f, key, expected: "text")?.0
    }

    mutating func bool(_ f: Fields, _ key: String) -> Bool? {
        guard let (text, node) = text(f, key, expected: "true or false") else { return nil }
        switch text {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default:
            error(node, f.path(key), "expected true or false, found '\(text)'")
            return nil
        }
    }

    mutating func int(_ f: Fields, _ key: String, atLeast minimum: Int) -> Int? {
        let expected = "a whole number of at least \(minimum)"
        guard let (text, node) = text(f, key, expected: expected) else { return nil }
        guard let value = Int(text), value >= minimum else {
            error(node, f.path(key), "expected \(expected), found '\(text)'")
            return nil
        }
        return value
    }

    /// A finite decimal number of at least `minimum`.
    mutating func number(_ f: Fields, _ key: String, atLeast minimum: Double) -> Double? {
        let expected = "a number of at least \(Self.format(minimum))"
        guard let (text, node) = text(f, key, expected: expected) else { return nil }
        let decimal = !text.isEmpty && text.unicodeScalars.allSatisfy { "0123456789.eE+-".unicodeScalars.contains($0) }
        guard decimal, let value = Double(text), value.isFinite, value >= minimum else {
            error(node, f.path(key), "expected \(expected), found '\(text)'")
            return nil
        }
        return value
    }

    /// One of a fixed set of words.
    mutating func word(_ f: Fields, _ key: String, among allowed: [String]) -> String? {
        let expected = Self.oneOf(allowed)
        guard let (text, node) = text(f, key, expected: expected) else { return nil }
        guard allowed.contains(text) else {
            let close = Suggest.closest(to: text, among: allowed).map { "did you mean '\($0)'?" }
            error(node, f.path(key), "expected \(expected), found '\(text)'", suggestion: close)
            return nil
        }
        return text
    }

    /// A list of names (`volumes`, `replicates`): each item a non-empty scalar, none twice.
    mutating func list(_ f: Fields, _ key: String, of noun: String, example: String) -> [(String, YAMLNode)]? {
        guard let pair = f[key] else { return nil }
        let node = pair.value
        if node.isNull { return [] }
        guard case .sequence(let items) = node.content else {
            let hint = node.scalarText.map { "write a list, as in [\($0)]" }
            error(node, f.path(key), "expected a list of \(noun) such as \(example), found \(node.found)", suggestion: hint)
            return nil
        }
        var result: [(String, YAMLNode)] = []
        var seen: Set<String> = []
        for item in items {
            guard let text = item.scalarText, !item.isNull else {
                error(item, f.path(key), "expected a list of \(noun) such as \(example), found \(item.found) in it")
                continue
            }
            guard seen.insert(text).inserted else {
                error(item, f.path(key), "'\(text)' is listed twice")
                continue
            }
            result.append((text, item))
        }
        return result
    }

    static func oneOf(_ words: [String]) -> String {
        switch words.count {
        case 0: return "nothing"
        case 1: return words[0]
        case 2: return words[0] + " or " + words[1]
        default: return "one of " + words.joined(separator: ", ")
        }
    }

    static func format(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }
}
