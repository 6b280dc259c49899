import Foundation
import Testing

/// Runs the built `plan` executable (found by `PlanBinary`) with what the run store's
/// tests need besides `Sandbox`: another user (`setpriv`), output to files, a folder that
/// every user may read.
struct PlanProcess {
    static var path: String { (try? PlanBinary.url().path) ?? "plan" }

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `plan ARGUMENTS` in `directory` and waits for it.
    /// - Parameters:
    ///   - prefix: a command to run `plan` under (e.g. `setpriv` to drop root).
    ///   - binary: the executable; nil when `prefix` names it.
    ///   - environment: variables set for it besides the test's own (and `NO_COLOR`).
    static func run(
        _ arguments: [String], in directory: String, prefix: [String] = [], binary: String? = path, environment extra: [String: String] = [:]
    ) throws -> Output {
        let process = Process()
        let command = prefix + (binary.map { [$0] } ?? []) + arguments
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment.merge(extra) { $1 }
        process.environment = environment
        // Files, not pipes: a full pipe would block the child.
        let id = UUID().uuidString
        let out = directory + "/.stdout-\(id)"
        let err = directory + "/.stderr-\(id)"
        _ = FileManager.default.createFile(atPath: out, contents: nil)
        _ = FileManager.default.createFile(atPath: err, contents: nil)
        defer {
            try? FileManager.default.removeItem(atPath: out)
            try? FileManager.default.removeItem(atPath: err)
        }
        let outHandle = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
        let errHandle = try FileHandle(forWritingTo: URL(fileURLWithPath: err))
        process.standardOutput = outHandle
        process.standardError = errHandle
        try process.run()
        process.waitUntilExit()
        try outHandle.close()
        try errHandle.close()
        return Output(
            status: process.terminationStatus,
            stdout: try String(contentsOfFile: out, encoding: .utf8),
            stderr: try String(contentsOfFile: err, encoding: .utf8))
    }

    /// A fresh folder for one test, readable by every user (the read-only test drops root).
    static func folder() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("plan-e2e-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: dir)
        return dir
    }
}
