import PlanCore

/// "Did you mean" suggestions (STYLE.md "Errors a person reads").
public enum Suggest {
    /// The one candidate close to `word` (edit distance at most 2, or `word` a prefix of it),
    /// or `nil` when none or several are equally close.
    public static func closest(to word: String, among candidates: [String]) -> String? {
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
