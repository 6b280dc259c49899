/// Scenario names made from Kubernetes names (gitops.md: lower case, `-`, at most 63
/// characters, unique).
struct ImportNames: Sendable {
    private var used: Set<String> = ["total"]

    /// `name` made a valid scenario name (scenario.md "Names").
    static func valid(_ name: String) -> String {
        var out = ""
        for c in name.lowercased().unicodeScalars {
            let ok = ("a"..."z").contains(c) || ("0"..."9").contains(c)
            if ok {
                out.unicodeScalars.append(c)
            } else if !out.hasSuffix("-") {
                out += "-"
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        while out.hasPrefix("-") { out.removeFirst() }
        if out.isEmpty || !(out.first.map { $0 >= "a" && $0 <= "z" } ?? false) { out = "x-" + out }
        if out.count > 63 { out = String(out.prefix(63)) }
        while out.hasSuffix("-") { out.removeLast() }
        return out
    }

    /// A valid name not given out before: `name`, else `name-2`, `name-3`, …
    mutating func unique(_ name: String) -> String {
        let base = Self.valid(name)
        var candidate = base
        var n = 2
        while used.contains(candidate) {
            let suffix = "-\(n)"
            candidate = String(base.prefix(63 - suffix.count)) + suffix
            n += 1
        }
        used.insert(candidate)
        return candidate
    }
}
