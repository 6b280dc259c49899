import ArgumentParser
import Foundation
import PlanCore
import PlanIO

/// Standard error, unbuffered. Messages are for people: control characters in them (from
/// a path or a value the user gave) are written out, plan's own styles kept. A message that
/// cannot be written (standard error on a full disk) is dropped: there is nowhere to say so.
enum StandardError {
    static func print(_ s: String) {
        let text = Diagnostic.visible(s, keepingStyles: true)
        _ = StandardStreams.write(Array((text.hasSuffix("\n") ? text : text + "\n").utf8), to: STDERR_FILENO)
    }
}

/// Standard output. On a terminal, control characters from the user's input (a
/// description, a currency in `plan compare`'s table) are written out, plan's own styles
/// kept; to a pipe or a file the bytes go as they are (CSV and JSON quote and escape for
/// themselves).
///
/// A write that fails is an I/O failure: `error: cannot write to standard output: REASON`
/// and exit 2 (`> /dev/full`, a full disk), instead of the crash Foundation's `write(_:)`
/// gave. A reader that closed the pipe early (`| head`) ends `plan` by SIGPIPE, as it ends
/// any Unix tool (141 in the shell); where SIGPIPE is ignored, the rest is dropped and the
/// command ends as it would have.
enum StandardOutput {
    static func print(_ s: String) {
        emit(Array((isTerminal ? Diagnostic.visible(s, keepingStyles: true) : s).utf8))
    }

    /// Writes a document's bytes (`--format json`): to a pipe or a file as they are, with no
    /// `String` or `Data` copy of megabytes; on a terminal as `print` writes text.
    static func write(_ bytes: [UInt8]) {
        if isTerminal {
            print(String(decoding: bytes, as: UTF8.self))
        } else {
            emit(bytes)
        }
    }

    /// Writes a document handed over in pieces (`JSONRenderer.write`): each piece as it
    /// comes to a pipe or a file; on a terminal joined, then written as `write(_:)` does.
    static func write(pieces: (([UInt8]) -> Void) -> Void) {
        if isTerminal {
            var bytes: [UInt8] = []
            pieces { bytes.append(contentsOf: $0) }
            write(bytes)
        } else {
            pieces { emit($0) }
        }
    }

    private static func emit(_ bytes: [UInt8]) {
        guard !closed, let failure = StandardStreams.write(bytes, to: STDOUT_FILENO) else { return }
        if failure == EPIPE {
            closed = true
            return
        }
        StandardError.print("error: cannot write to standard output: \(String(cString: strerror(failure)))")
        exit(ExitStatus.io.rawValue)
    }

    /// The reader closed the pipe: later writes are dropped too.
    nonisolated(unsafe) private static var closed = false

    static var isTerminal: Bool { isatty(STDOUT_FILENO) != 0 }
}

enum StandardStreams {
    /// Writes all of `bytes` to `fd` (again after a partial write or a signal, and, on a
    /// non-blocking descriptor that is full, once `poll` says it takes more); returns the
    /// `errno` of a write that failed, nil when all went out.
    static func write(_ bytes: [UInt8], to fd: Int32) -> Int32? {
        bytes.withUnsafeBytes { raw -> Int32? in
            guard let base = raw.baseAddress else { return nil }
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, base + offset, raw.count - offset)
                if n > 0 {
                    offset += n
                } else if n < 0 && errno == EINTR {
                    continue
                } else if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                    // A standard output left non-blocking by another program (a pipe to a
                    // slow reader): wait until it can take more, as a blocking write would.
                    var ready = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                    if poll(&ready, 1, -1) < 0 && errno != EINTR { return errno }
                } else {
                    return n < 0 ? errno : EIO
                }
            }
            return nil
        }
    }
}

/// Standard input, read whole through the bounded reader (`plan import -`).
enum StandardInput {
    static func readAll() throws(PlanIOError) -> [UInt8] {
        try StreamingFile.read("/dev/stdin")
    }
}
