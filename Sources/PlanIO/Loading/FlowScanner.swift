/// The nesting of YAML flow text (`[a, "b,c"]`, `{k: v}`), as the scenario editor and
/// `--vary` values need it: `[` and `{` open a level, `]` and `}` close one, and a `"` or
/// `'` hides everything up to the same quote. One home for that reading.
enum FlowScanner {
    /// What a scalar is to the nesting.
    enum Role {
        /// Inside quotes, or a quote itself.
        case quoted
        /// `[` or `{`.
        case open
        /// `]` or `}`.
        case close
        /// Anything else outside quotes.
        case plain
    }

    /// Visits every scalar of `text` in order with its offset, its role and the depth after
    /// it; stops early when `visit` returns false.
    ///
    /// - Complexity: O(n) for n scalars.
    static func scan(
        _ text: some Sequence<Unicode.Scalar>, _ visit: (_ offset: Int, _ scalar: Unicode.Scalar, _ role: Role, _ depth: Int) -> Bool
    ) {
        var depth = 0
        var quote: Unicode.Scalar? = nil
        for (offset, c) in text.enumerated() {
            let role: Role
            if let q = quote {
                if c == q { quote = nil }
                role = .quoted
            } else if c == "\"" || c == "'" {
                quote = c
                role = .quoted
            } else if c == "[" || c == "{" {
                depth += 1
                role = .open
            } else if c == "]" || c == "}" {
                depth -= 1
                role = .close
            } else {
                role = .plain
            }
            if !visit(offset, c, role, depth) { return }
        }
    }

    /// The length of the flow collection that `text` starts with, from its opening bracket
    /// to the matching one included; the whole length when it is not closed.
    static func collectionLength(_ text: [Unicode.Scalar]) -> Int {
        var length = text.count
        scan(text) { offset, _, role, depth in
            guard role == .close, depth == 0 else { return true }
            length = offset + 1
            return false
        }
        return length
    }

    /// `text` split at the commas outside brackets, braces and quotes.
    static func splitTopLevel(_ text: String) -> [String] {
        var parts: [String] = []
        var current = String.UnicodeScalarView()
        scan(text.unicodeScalars) { _, c, role, depth in
            if role == .plain, c == ",", depth == 0 {
                parts.append(String(current))
                current = String.UnicodeScalarView()
            } else {
                current.append(c)
            }
            return true
        }
        parts.append(String(current))
        return parts
    }
}
