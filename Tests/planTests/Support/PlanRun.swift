import Foundation
import Testing

// MARK: - Running the binary

/// What one run of `plan` printed and how it ended.
struct PlanRun {
    var arguments: [String]
    var stdout: String
    var stderr: String
    var status: Int32

    /// Standard error without the `notice: …` lines (a target full before the horizon ends).
    var stderrWithoutNotices: String {
        stderr.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("notice: ") }.joined(separator: "\n")
    }

    /// Checks the exit code, showing what was printed when it differs.
    func expect(status expected: Int32, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(
            status == expected,
            "plan \(arguments.joined(separator: " ")) exited \(status), not \(expected)\nstdout:\n\(stdout)\nstderr:\n\(stderr)",
            sourceLocation: sourceLocation)
    }
}

/// A temporary working directory for one test, removed when the test ends.
final class Sandbox {
    let root: URL

    /// The package's root directory (two levels above this file).
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("plan-e2e-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func plan(_ arguments: String...) throws -> PlanRun { try plan(arguments) }

    /// Runs the built `plan` in this directory with `NO_COLOR=1`.
    func plan(_ arguments: [String]) throws -> PlanRun {
        let process = Process()
        process.executableURL = try PlanBinary.url()
        process.arguments = arguments
        process.currentDirectoryURL = root
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes at once: a long standard output must not block the child while
        // this side waits on standard error.
        let errData = PipeReader(err)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errBytes = errData.wait()
        process.waitUntilExit()
        return PlanRun(
            arguments: arguments, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errBytes, as: UTF8.self), status: process.terminationStatus)
    }

    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path) }

    func text(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    /// The lines of a text file (no empty ones).
    func lines(_ path: String) throws -> [String] {
        try text(path).split(separator: "\n").map(String.init)
    }

    /// The names in a directory, hidden ones included, sorted.
    func entries(_ path: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(path).path).sorted()
    }

    /// Every `*.csv` file and every temporary `.NAME.tmp-PID` file under `path` (none when
    /// `path` does not exist), relative to it.
    func csvAndTemporaryFiles(under path: String) throws -> [String] {
        let dir = root.appendingPathComponent(path).path
        guard FileManager.default.fileExists(atPath: dir) else { return [] }
        let all = try FileManager.default.subpathsOfDirectory(atPath: dir)
        return all.filter { p in
            let name = (p as NSString).lastPathComponent
            return name.hasSuffix(".csv") || (name.hasPrefix(".") && name.contains(".tmp-"))
        }.sorted()
    }
}

/// Reads a pipe to its end on another thread.
final class PipeReader: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ pipe: Pipe) {
        let handle = pipe.fileHandleForReading
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    /// Waits for the end of the pipe; the bytes read.
    func wait() -> Data {
        done.wait()
        return data
    }
}

/// Finds the `plan` executable that `swift build` put beside the test bundle.
enum PlanBinary {
    enum Failure: Error, CustomStringConvertible {
        case notFound(searched: [String])
        var description: String {
            switch self {
            case .notFound(let searched):
                return "the built 'plan' executable was not found (build it with 'swift build'); looked in:\n"
                    + searched.map { "  " + $0 }.joined(separator: "\n")
                    + "\nor set PLAN_EXECUTABLE to its path"
            }
        }
    }

    static func url() throws -> URL {
        if let path = ProcessInfo.processInfo.environment["PLAN_EXECUTABLE"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        var starts: [URL] = []
        // Linux: the test runner is `.build/<triple>/<config>/planPackageTests.xctest`, an
        // executable; macOS: a bundle in the same folder, run by xctest or swiftpm-testing-helper.
        starts.append(URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.resolvingSymlinksInPath())
        starts.append(Bundle.main.bundleURL)
        if let executable = Bundle.main.executableURL { starts.append(executable.resolvingSymlinksInPath()) }
        starts += Bundle.allBundles.map(\.bundleURL).filter { $0.pathExtension == "xctest" }
        #if os(Linux)
            if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
                starts.append(URL(fileURLWithPath: exe))
            }
        #endif
        var searched: [String] = []
        for start in starts {
            var dir = start.deletingLastPathComponent()
            // Walk up out of a bundle (`X.xctest/Contents/MacOS/X`) to `.build/<config>/`.
            for _ in 0..<5 {
                let candidate = dir.appendingPathComponent("plan")
                if !searched.contains(candidate.path) { searched.append(candidate.path) }
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                    FileManager.default.isExecutableFile(atPath: candidate.path)
                {
                    return candidate
                }
                let parent = dir.deletingLastPathComponent()
                if parent.path == dir.path { break }
                dir = parent
            }
        }
        throw Failure.notFound(searched: searched)
    }
}

/// A text with `‸` marks where diagnostics must point; the marks are removed, and their
/// 1-based line and column (in characters) kept in order.
struct Marked {
    var text = ""
    var marks: [(line: Int, column: Int)] = []

    init(_ marked: String) {
        var line = 1
        var column = 1
        for c in marked {
            if c == "‸" {
                marks.append((line, column))
                continue
            }
            text.append(c)
            if c == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        if !text.hasSuffix("\n") { text += "\n" }
    }
}
