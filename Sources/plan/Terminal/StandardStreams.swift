import ArgumentParser
import Foundation
import PlanCore
import PlanIO

/// Standard error, unbuffered.
enum StandardError {
    static func print(_ s: String) {
        FileHandle.standardError.write(Data((s.hasSuffix("\n") ? s : s + "\n").utf8))
    }
}

/// Standard output.
enum StandardOutput {
    static func print(_ s: String) {
        FileHandle.standardOutput.write(Data(s.utf8))
    }
    static var isTerminal: Bool { isatty(STDOUT_FILENO) != 0 }
}

/// Standard input, read whole through the bounded reader (`plan import -`).
enum StandardInput {
    static func readAll() throws(PlanIOError) -> [UInt8] {
        try StreamingFile.read("/dev/stdin")
    }
}
