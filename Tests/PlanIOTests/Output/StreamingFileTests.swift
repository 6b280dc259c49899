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

    static func folder() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("plan-stream-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test("finishing a file twice: the second time does nothing, unless it was written to in between, which fails")
    func finishTwice() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let kept = try StreamingFile(path: dir + "/kept.csv")
        kept.write("a,b\n")
        try kept.finishWriting()
        try kept.finishWriting()
        try kept.publish()
        #expect(try String(contentsOfFile: dir + "/kept.csv", encoding: .utf8) == "a,b\n")
        // Bytes after the first finish cannot reach the closed file: refused, not dropped.
        let late = try StreamingFile(path: dir + "/late.csv")
        late.write("a,b\n")
        try late.finishWriting()
        late.write("c,d\n")
        let error = #expect(throws: PlanIOError.self) { try late.finishWriting() }
        #expect(error?.description.contains("written to after it was synced and closed") == true, "\(String(describing: error))")
        // Its temporary file is removed, and nothing reached the final name.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["kept.csv"])
    }

    @Test("a file written through a symbolic link replaces the link's target and keeps the link")
    func throughSymbolicLink() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "old\n".write(toFile: dir + "/real.yaml", atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: dir + "/link.yaml", withDestinationPath: "real.yaml")
        try StreamingFile.write("new\n", to: dir + "/link.yaml")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dir + "/link.yaml") == "real.yaml")
        #expect(try String(contentsOfFile: dir + "/real.yaml", encoding: .utf8) == "new\n")
    }

    @Test("a FIFO or a directory where the file goes is refused and left as it is, not renamed over")
    func notARegularFile() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(mkfifo(dir + "/fifo", 0o644) == 0)
        #expect(throws: PlanIOError.self) { try StreamingFile.write("x\n", to: dir + "/fifo") }
        var st = stat()
        #expect(lstat(dir + "/fifo", &st) == 0 && (st.st_mode & S_IFMT) == S_IFIFO)
        do {
            try StreamingFile.write("x\n", to: dir + "/fifo")
        } catch {
            #expect(
                error.description.hasSuffix(
                    "it is not a regular file (a device, a FIFO or a socket), and plan writes a file whole under another name, then renames it into place; give the path of a file"
                ))
        }
        try FileManager.default.createDirectory(atPath: dir + "/sub", withIntermediateDirectories: false)
        do {
            try StreamingFile.write("x\n", to: dir + "/sub")
            Issue.record("a directory was written over")
        } catch {
            #expect(error.description.hasSuffix("it is a directory; give the path of a file"))
        }
        // Nothing left behind: no temporary file beside them.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["fifo", "sub"])
    }

    @Test("a symbolic link to what cannot be written is named as given, with its target")
    func linkToNotAFile() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/sub", withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: dir + "/daily.csv", withDestinationPath: "sub")
        let target = StreamingFile.destination(of: dir + "/daily.csv")  // the folder's real path (realpath)
        #expect(target.hasSuffix("/sub"))
        do {
            try StreamingFile.write("x\n", to: dir + "/daily.csv")
            Issue.record("a directory was written over")
        } catch {
            #expect(
                error.description
                    == "error: cannot write '\(dir)/daily.csv': it is a symbolic link to '\(target)', which is a directory; give the path of a file")
        }
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dir + "/daily.csv") == "sub")
    }

    @Test("a file that cannot be read says why: a file used as a folder, a name too long, a link loop, nothing there")
    func whyNoFile() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "x\n".write(toFile: dir + "/s.yaml", atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: dir + "/loop", withDestinationPath: dir + "/loop")
        func reason(_ path: String) -> String {
            do {
                _ = try StreamingFile.read(path)
                return "read"
            } catch {
                return error.description
            }
        }
        #expect(reason(dir + "/s.yaml/").hasSuffix(": a part of the path is a file, not a directory (a '/' after a file's name?)"))
        #expect(reason(dir + "/" + String(repeating: "x", count: 300) + ".yaml").hasSuffix(": the name is too long for the file system"))
        #expect(reason(dir + "/loop").hasSuffix(": a symbolic link loop"))
        #expect(reason(dir + "/none.yaml").hasSuffix(": no such file"))
        #expect(reason(dir + "/s.yaml") == "read")
    }
}
