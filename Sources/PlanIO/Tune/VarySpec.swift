import PlanCore

/// One `--vary PATH=VALUES` of `plan tune`: a dotted path of scenario.md and the values it
/// takes, in the order listed. VALUES is a list (`7d,14d,30d`, `none,lz4,gzip`), a range
/// with a step (`7d..60d/7d`, `3..30/1`), or a mix of both (`1d,7d..28d/7d`). List items
/// may be YAML flow values (`[gitea-db],[]`): commas inside brackets do not split.
public struct VarySpec: Sendable, Hashable {
    public var path: String
    /// Each value as it would be written after `--set PATH=`.
    public var values: [String]
    /// The argument as typed, for messages.
    public var argument: String

    /// The most values one range may produce (a typo such as `1..1000000/1` stops here).
    public static let maximumRangeValues = 1_000_000

    public static func parse(_ argument: String) -> Result<VarySpec, Diagnostic> {
        let at = Diagnostic.Location.option(name: "--vary", value: argument)
        guard let equals = argument.firstIndex(of: "=") else {
            return .failure(
                Diagnostic(
                    at: at, path: "", "expected PATH=VALUES, found no '='", suggestion: "write it as in 'backups.cnpg.app.retention=7d,14d,30d'"))
        }
        let path = argument[..<equals].trimmingSpaces()
        let text = String(argument[argument.index(after: equals)...]).trimmingSpaces()
        guard !path.isEmpty else {
            return .failure(Diagnostic(at: at, path: "", "expected PATH=VALUES, found nothing before '='"))
        }
        guard !text.isEmpty else {
            return .failure(
                Diagnostic(at: at, path: path, "no values after '='", suggestion: "list values ('7d,14d') or a range ('7d..28d/7d')"))
        }
        var values: [String] = []
        for item in FlowScanner.splitTopLevel(text) {
            let item = item.trimmingSpaces()
            if item.isEmpty {
                return .failure(Diagnostic(at: at, path: path, "an empty value in '\(text)'", suggestion: "remove the extra ','"))
            }
            if let dots = item.range(of: ".."), !item.hasPrefix("[") && !item.hasPrefix("{") && !item.hasPrefix("\"") && !item.hasPrefix("'") {
                switch range(String(item[..<dots.lowerBound]), String(item[dots.upperBound...])) {
                case .success(let generated): values += generated
                case .failure(let message):
                    return .failure(Diagnostic(at: at, path: path, "range '\(item)': \(message.message)", suggestion: message.suggestion))
                }
            } else {
                values.append(item)
            }
        }
        return .success(VarySpec(path: path, values: values, argument: argument))
    }

    /// `FROM..TO/STEP`: FROM, FROM+STEP, … up to TO included; the three share a unit suffix
    /// (`7d..60d/7d`, `3..30/1`, `50%..90%/10%`); STEP may leave it out (`7d..28d/7`).
    static func range(_ from: String, _ rest: String) -> Result<[String], ValueError> {
        guard let slash = rest.lastIndex(of: "/") else {
            return .failure(ValueError("expected FROM..TO/STEP, found no '/STEP'", suggestion: "write it as in '7d..28d/7d'"))
        }
        let to = String(rest[..<slash]), step = String(rest[rest.index(after: slash)...])
        guard let (a, unitA) = numberAndUnit(from), let (b, unitB) = numberAndUnit(to), let (s, unitS) = numberAndUnit(step) else {
            return .failure(ValueError("expected numbers with an optional unit, as in '7d..28d/7d' or '3..30/1'"))
        }
        guard unitA == unitB, unitS.isEmpty || unitS == unitA else {
            return .failure(
                ValueError(
                    "the ends and the step must use the same unit, found '\(unitA)', '\(unitB)' and '\(unitS)'",
                    suggestion: "write all three in one unit, as in '7d..56d/7d'"))
        }
        guard s > 0 else { return .failure(ValueError("the step must be above 0")) }
        guard b >= a else { return .failure(ValueError("the range ends before it starts ('\(to)' < '\(from)')")) }
        // Past 2^53 a double has gaps between its integers: FROM + i × STEP could land past TO.
        guard Swift.max(Swift.abs(a), Swift.abs(b)) <= Self.exactIntegers else {
            return .failure(
                ValueError("the ends must lie within ±\(Format.grouped(Int(Self.exactIntegers))) (where every whole number is exact)"))
        }
        // Counted as a double first: a range of 10^20 values must not trap converting to Int.
        let values = ((b - a) / s + 1e-9).rounded(.down) + 1
        guard values <= Double(maximumRangeValues) else {
            let shown = values < 1e15 ? Format.grouped(Int(values)) : "more than \(Format.grouped(maximumRangeValues))"
            return .failure(ValueError("it would produce \(shown) values; at most \(Format.grouped(maximumRangeValues))"))
        }
        let count = Int(values)
        return .success((0..<count).map { i in Format.plain(a + Double(i) * s) + unitA })
    }

    /// 2^53: the doubles below it in size include every whole number.
    static let exactIntegers = 9_007_199_254_740_992.0

    /// `7d` → (7, "d"); `3` → (3, ""); `0.5` → (0.5, "").
    static func numberAndUnit(_ text: String) -> (Double, String)? {
        let t = text.trimmingSpaces()
        var end = t.startIndex
        while end < t.endIndex, t[end].isNumber || t[end] == "." || (end == t.startIndex && t[end] == "-") {
            end = t.index(after: end)
        }
        guard let n = Double(t[..<end]), n.isFinite else { return nil }
        return (n, String(t[end...]).trimmingSpaces())
    }
}
