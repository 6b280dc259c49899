/// A problem in the user's input, collected as a value and reported with every other
/// problem of the same file (STYLE.md "Errors a person reads").
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error, warning
    }

    /// Where the problem is: a place in a file, or a `--set PATH=VALUE` on the command line.
    public enum Location: Sendable, Hashable {
        case file(path: String, line: Int, column: Int)
        case commandLine(argument: String)
        /// A value of another option (`--horizon '0d'`, `--vary '…'`).
        case option(name: String, value: String)
        /// A problem of the whole input with no better place (an unreadable option, say).
        case none
    }

    public var severity: Severity
    public var location: Location
    /// Dotted key path (`backups.velero.nightly.retenton`), empty for the whole document.
    public var path: String
    /// Lowercase, no final period, the user's value in single quotes, what was expected.
    public var message: String
    /// The likely fix (`did you mean 'retention'?`), appended after `; `.
    public var suggestion: String?

    public init(_ severity: Severity = .error, at location: Location, path: String, _ message: String, suggestion: String? = nil) {
        self.severity = severity
        self.location = location
        self.path = path
        self.message = message
        self.suggestion = suggestion
    }

    /// `FILE:LINE:COLUMN: error: PATH: message; suggestion` (cli.md exit code 1), or
    /// `--set 'PATH=VALUE': error: PATH: message` for a value from the command line.
    public var description: String {
        var s: String
        switch location {
        case .file(let path, let line, let column): s = "\(path):\(line):\(column): "
        case .commandLine(let argument): s = "--set '\(argument)': "
        case .option(let name, let value): s = "\(name) '\(value)': "
        case .none: s = ""
        }
        s += severity.rawValue + ": "
        if !path.isEmpty { s += path + ": " }
        s += message
        if let suggestion { s += "; " + suggestion }
        return Diagnostic.visible(s)
    }

    /// `text` with every control character but the line break written as `\u{XX}`, so that
    /// a value quoted from the user's input cannot move the cursor, clear the screen or
    /// retitle the terminal it is printed to.
    ///
    /// With `keepingStyles`, for a whole screen of output, plan's own styles (SGR
    /// sequences, `ESC [ digits ; … m`: bold, colour, reset) are kept: the last guard of
    /// what reaches a terminal (text from the user's input in a table, a path in a message).
    public static func visible(_ text: String, keepingStyles: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            let u = scalars[i]
            if keepingStyles, u == "\u{1B}", i + 1 < scalars.count, scalars[i + 1] == "[" {
                var j = i + 2
                while j < scalars.count, ("0"..."9").contains(scalars[j]) || scalars[j] == ";" { j += 1 }
                if j < scalars.count, scalars[j] == "m" {
                    out.append(contentsOf: scalars[i...j])
                    i = j + 1
                    continue
                }
            }
            if isControl(u) {
                out.append(contentsOf: writtenOut(u))
            } else {
                out.append(u)
            }
            i += 1
        }
        return String(out)
    }

    /// A control character written out as `\u{XX}`.
    static func writtenOut(_ u: Unicode.Scalar) -> String.UnicodeScalarView {
        "\\u{\(String(u.value, radix: 16, uppercase: true))}".unicodeScalars
    }

    static func isControl(_ u: Unicode.Scalar) -> Bool {
        (u.value < 0x20 && u != "\n") || (0x7F...0x9F).contains(u.value)
    }
}

/// Every problem found in one input, reported together (the failure of a load or a run).
public struct Diagnostics: Error, Sendable, Hashable, CustomStringConvertible {
    public var items: [Diagnostic]
    public init(_ items: [Diagnostic]) { self.items = items }
    /// One line per problem.
    public var description: String { items.map(\.description).joined(separator: "\n") }
}
