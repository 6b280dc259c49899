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

enum Schema {
    static func leaves(_ names: [String]) -> SchemaNode { .keys(names.map { ($0, .value) }) }

    static let workload = ["kind", "size", "growth", "churn", "wal", "volume"]
    static let cnpg = [
        "workload", "schedule", "immediate", "retention", "retention_check", "compression", "wal_compression",
        "archive_timeout", "target",
    ]
    static let velero = [
        "schedule", "ttl", "resources", "volumes", "mode", "compression", "block_amplification", "reclaim_delay", "target",
    ]
    static let longhorn = ["task", "schedule", "retain", "volumes", "compression", "block_amplification", "target"]
    static let tiers = ["cnpg", "velero", "longhorn"]
    static let prices = ["storage_gb_month", "put_per_1000", "get_per_1000", "egress_gb"]
    static let priceTier = ["up_to", "price"]
    static let restore = ["bandwidth", "wal_replay"]
    static let kpis = ["monthly_budget", "rpo", "rto", "efficiency", "capacity_alert", "volume_alert"]

    static let target: SchemaNode = .keys([
        ("kind", .value), ("capacity", .value), ("drives", .value), ("parity", .value), ("replicas", .value),
        ("monthly_cost", .value), ("region", .value), ("prices", leaves(prices)), ("alert", .value),
        ("replicates", .value),
    ])

    static let root: SchemaNode = .keys([
        ("version", .value), ("name", .value), ("description", .value), ("start", .value), ("horizon", .value),
        ("currency", .value),
        ("workloads", .named(noun: "workload", entry: leaves(workload))),
        (
            "backups",
            .keys([
                ("cnpg", .named(noun: "cnpg job", entry: leaves(cnpg))),
                ("velero", .named(noun: "velero job", entry: leaves(velero))),
                ("longhorn", .named(noun: "longhorn job", entry: leaves(longhorn))),
            ])
        ),
        ("targets", .named(noun: "target", entry: target)),
        ("restore", leaves(restore)),
        ("kpis", leaves(kpis)),
    ])

    static let topLevel = root.keyNames
}

/// "Did you mean" suggestions (STYLE.md "Errors a person reads").
enum Suggest {
    /// The one candidate close to `word` (edit distance at most 2, or `word` a prefix of it),
    /// or `nil` when none or several are equally close.
    static func closest(to word: String, among candidates: [String]) -> String? {
        // Names are many only in generated files; a suggestion is not worth quadratic time there.
        guard candidates.count <= 1000 else { return nil }
        let lower = word.lowercased()
        var best: [(String, Int)] = []
        for candidate in candidates {
            let distance = editDistance(lower, candidate.lowercased())
            let isPrefix = lower.count >= 3 && candidate.lowercased().hasPrefix(lower)
            guard distance <= 2 || isPrefix else { continue }
            best.append((candidate, isPrefix ? min(distance, 2) : distance))
        }
        guard let minimum = best.map(\.1).min() else { return nil }
        let closest = best.filter { $0.1 == minimum }
        return closest.count == 1 ? closest[0].0 : nil
    }

    /// `did you mean 'x'?`, or the list of what is allowed.
    static func suggestion(for word: String, among candidates: [String], listing: String) -> String? {
        if let match = closest(to: word, among: candidates), match != word { return "did you mean '\(match)'?" }
        if candidates.isEmpty || candidates.count > 20 { return nil }
        return "\(listing) \(candidates.joined(separator: ", "))"
    }

    /// Optimal string alignment distance (Levenshtein with adjacent transpositions).
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars)
        let b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}
