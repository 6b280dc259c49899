import Foundation
import Testing

@testable import PlanIO

@Suite("Streaming output files")
struct StreamingFileTests {
    /// The pid of a process that has exited: it names no process any more.
    static func exitedProcessID() throws -> Int32 {
        let done = Process()
        done.executableURL = URL(fileURLWithPath: "/bin/true")
        try done.run()
        done.waitUntilExit()
        return done.processIdentifier
    }

    @Test("temporary files of a killed run are removed by the next run; a live process's are kept")
    func staleTemporaryFiles() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("plan-stream-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let stale = dir + "/.daily.csv.tmp-\(try Self.exitedProcessID())"
        let live = dir + "/.kpis.csv.tmp-\(ProcessInfo.processInfo.processIdentifier)"
        #expect(FileManager.default.createFile(atPath: stale, contents: Data("half".utf8)))
        #expect(FileManager.default.createFile(atPath: live, contents: Data("busy".utf8)))
        StreamingFile.removeStale(in: dir)
        #expect(!FileManager.default.fileExists(atPath: stale))
        #expect(FileManager.default.fileExists(atPath: live))
    }
}
