import PlanCore
import Yams

/// Reads a scenario file (scenario.md, version 1) into a validated `Scenario`.
///
/// The YAML is composed into a node tree with positions (Yams), `--set` overrides edit the
/// tree, and one pass checks every key against scenario.md, collecting every problem of
/// the file rather than stopping at the first (STYLE.md "Errors a person reads").
public enum ScenarioLoader {
    /// Loads, applies overrides, validates: a `Scenario`, or every error found, in file
    /// order (problems of `--set` values first, in the order they were given).
    public static func load(bytes: [UInt8], options: LoadOptions) -> Result<Scenario, Diagnostics> {
        if let bad = firstNonUTF8(bytes) {
            return .failure(Diagnostics([Diagnostic(at: .file(path: options.file, line: bad.line, column: bad.column), path: "", notUTF8)]))
        }
        return load(text: String(decoding: bytes, as: UTF8.self), options: options)
    }

    /// Loads from text already decoded; see `load(bytes:options:)`.
    public static func load(text: String, options: LoadOptions) -> Result<Scenario, Diagnostics> {
        switch ScenarioDocument.parse(text: text, file: options.file) {
        case .failure(let d): return .failure(d)
        case .success(let document): return document.scenario(options: options)
        }
    }

    /// A problem whose key path lies at or under an overridden path is reported at that
    /// `--set` (the last one that covers it), not at the file's position.
    static func relocated(_ diagnostics: [Diagnostic], overrides: [Override]) -> [Diagnostic] {
        diagnostics.map { diagnostic in
            guard case .file = diagnostic.location else { return diagnostic }
            let path = diagnostic.path
            for override in overrides.reversed() {
                let p = override.path
                if path == p || path.hasPrefix(p + ".") || path.hasPrefix(p + "[") {
                    var moved = diagnostic
                    moved.location = override.location
                    return moved
                }
            }
            return diagnostic
        }
    }

    /// Command-line problems first (in the order found), then the file's by line and column.
    static func ordered(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        func key(_ d: Diagnostic) -> (Int, Int, Int) {
            switch d.location {
            case .commandLine, .option, .none: return (0, 0, 0)
            case .file(_, let line, let column): return (1, line, column)
            }
        }
        return diagnostics.enumerated().sorted { a, b in
            let ka = key(a.element)
            let kb = key(b.element)
            return ka != kb ? ka < kb : a.offset < b.offset
        }.map(\.element)
    }

    /// The message for bytes that are not UTF-8, at `firstNonUTF8`'s place.
    static let notUTF8 = "file is not UTF-8 text (a binary file?)"

    /// Where the first byte that is not UTF-8 is, as a line and a column (in characters,
    /// from 1) of the text before it, counted as libyaml counts its marks: a leading
    /// byte-order mark is no column, and `\r\n`, `\r` and `\n` each end a line; nil when all
    /// of `bytes` is UTF-8.
    static func firstNonUTF8(_ bytes: [UInt8]) -> (line: Int, column: Int)? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var (line, column) = (1, 1)
        var first = true
        var afterCR = false
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                defer { first = false }
                if first && scalar == "\u{FEFF}" { continue }
                if scalar == "\r" || (scalar == "\n" && !afterCR) {
                    (line, column) = (line + 1, 1)
                } else if scalar != "\n" {
                    column += 1
                }
                afterCR = scalar == "\r"
            case .emptyInput: return nil
            case .error: return (line, column)
            }
        }
    }
}
