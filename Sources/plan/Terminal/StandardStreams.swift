import ArgumentParser
import Foundation
import PlanCore
import PlanIO

/// Standard error, unbuffered. Messages are for people: control characters in them (from
/// a path or a value the user gave) are written out, plan's own styles kept.
enum StandardError {
    static func print(_ s: String) {
        let text = Diagnostic.visible(s, keepingStyles: true)
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }
}

/// Standard output. On a terminal, control characters from the user's input (a
/// description, a currency in `plan compare`'s table) are written out, plan's own styles
/// kept; to a pipe or a file the bytes go as they are (CSV and JSON quote and escape for
/// themselves).
enum StandardOutput {
    static func print(_ s: String) {
        FileHandle.standardOutput.write(Data((isTerminal ? Diagnostic.visible(s, keepingStyles: true) : s).utf8))
    }
    /// Writes a document's bytes (`--format json`): to a pipe or a file as they are, with no
    /// `String` or `Data` copy of megabytes; on a terminal as `print` writes text.
    static func write(_ bytes: [UInt8]) {
        if isTerminal {
            print(String(decoding: bytes, as: UTF8.self))
        } else {
            try? FileHandle.standardOutput.write(contentsOf: bytes)
        }
    }
    static var isTerminal: Bool { isatty(STDOUT_FILENO) != 0 }
}

/// Standard input, read whole through the bounded reader (`plan import -`).
enum StandardInput {
    static func readAll() throws(PlanIOError) -> [UInt8] {
        try StreamingFile.read("/dev/stdin")
    }
}
