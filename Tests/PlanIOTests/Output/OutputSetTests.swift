import Foundation
import Testing

@testable import PlanIO

/// `OutputSet`: the files of one command replace their predecessors in `DIR/NAME/` together.
@Suite("Output sets")
struct OutputSetTests {
    /// A fresh `DIR` holding `DIR/seed/` with `files` (name → text; `sub/x` makes a folder).
    static func folder(_ files: [String: String] = [:]) throws -> (root: String, seed: String) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("plan-set-\(UUID().uuidString)").path
        let seed = root + "/seed"
        try FileManager.default.createDirectory(atPath: seed, withIntermediateDirectories: true)
        for (name, text) in files {
            let path = seed + "/" + name
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: false, encoding: .utf8)
        }
        return (root, seed)
    }

    static func text(_ path: String) -> String? { try? String(contentsOfFile: path, encoding: .utf8) }
    static func inode(_ path: String) -> UInt64 {
        var s = stat()
        return lstat(path, &s) == 0 ? UInt64(s.st_ino) : 0
    }
    static func entries(_ dir: String) -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted() }

    @Test("the set swaps the folder: its names are new, an owned name it did not write is gone, other files are kept")
    func swap() throws {
        let (root, seed) = try Self.folder(["a.csv": "old a", "d.csv": "old d", "mine.txt": "keep", "sub/x": "deep"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createSymbolicLink(atPath: seed + "/link", withDestinationPath: "mine.txt")
        let folderBefore = Self.inode(seed)
        let mineBefore = Self.inode(seed + "/mine.txt")

        let set = try OutputSet(directory: seed, owns: ["a.csv", "b.csv", "d.csv"])
        #expect(set.stage != nil)
        try set.add("a.csv", text: "new a")
        try set.add("b.csv", text: "new b")
        // Nothing has changed in the folder before publish.
        #expect(Self.text(seed + "/a.csv") == "old a")
        #expect(Self.entries(seed) == ["a.csv", "d.csv", "link", "mine.txt", "sub"])
        try set.publish()

        #expect(Self.entries(seed) == ["a.csv", "b.csv", "link", "mine.txt", "sub"])
        #expect(Self.text(seed + "/a.csv") == "new a")
        #expect(Self.text(seed + "/b.csv") == "new b")
        #expect(Self.text(seed + "/sub/x") == "deep")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: seed + "/link") == "mine.txt")
        // A new folder (exchanged in one step), the user's file the same file (hard-linked).
        #expect(Self.inode(seed) != folderBefore)
        #expect(Self.inode(seed + "/mine.txt") == mineBefore)
        // The old folder and the stage are gone.
        #expect(Self.entries(root) == ["seed"])
    }

    @Test("publish calls `then` once the new set is in place and before the folder it replaced goes, on every path")
    func thenBeforeRemoval() throws {
        // The swap: in the call, DIR/seed has the new file and the old folder still waits
        // beside it (under the stage's name), gone after.
        let (root, seed) = try Self.folder(["a.csv": "old a"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let set = try OutputSet(directory: seed, owns: ["a.csv"])
        try set.add("a.csv", text: "new a")
        var seen: [(text: String?, entries: [String])] = []
        try set.publish { seen.append((Self.text(seed + "/a.csv"), Self.entries(root))) }
        #expect(seen.count == 1)
        #expect(seen.first?.text == "new a")
        #expect(seen.first?.entries.count == 2 && seen.first?.entries.contains("seed") == true)
        #expect(Self.entries(root) == ["seed"])

        // A first run (the stage renamed into place), and file by file (a symlinked folder).
        let (root2, seed2) = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: root2) }
        try FileManager.default.removeItem(atPath: seed2)
        let first = try OutputSet(directory: seed2, owns: ["a.csv"])
        try first.add("a.csv", text: "first")
        var firstSeen: [String?] = []
        try first.publish { firstSeen.append(Self.text(seed2 + "/a.csv")) }
        #expect(firstSeen == ["first"])
        let linked = root2 + "/linked"
        try FileManager.default.createSymbolicLink(atPath: linked, withDestinationPath: "seed")
        let byFile = try OutputSet(directory: linked, owns: ["a.csv"])
        #expect(byFile.stage == nil)
        try byFile.add("a.csv", text: "by file")
        var byFileSeen: [String?] = []
        try byFile.publish { byFileSeen.append(Self.text(seed2 + "/a.csv")) }
        #expect(byFileSeen == ["by file"])

        // A folder that became a symlink between the set's start and its publish: the
        // staged files are moved through the link one by one, then `then`.
        let (root3, seed3) = try Self.folder(["a.csv": "old"])
        defer { try? FileManager.default.removeItem(atPath: root3) }
        let late = try OutputSet(directory: seed3, owns: ["a.csv"])
        #expect(late.stage != nil)
        try late.add("a.csv", text: "moved")
        try FileManager.default.moveItem(atPath: seed3, toPath: root3 + "/real")
        try FileManager.default.createSymbolicLink(atPath: seed3, withDestinationPath: "real")
        var lateSeen: [String?] = []
        try late.publish { lateSeen.append(Self.text(root3 + "/real/a.csv")) }
        #expect(lateSeen == ["moved"])
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: seed3) == "real")
    }

    @Test("files synced ahead of publish but one still being written: publish puts each in place with all its bytes")
    func finishWritingExcept() throws {
        let (root, seed) = try Self.folder(["a.csv": "old a", "b.csv": "old b"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let set = try OutputSet(directory: seed, owns: ["a.csv", "b.csv"])
        try set.add("a.csv", text: "new a")
        let b = try set.file("b.csv")
        b.write("first half, ")
        try set.finishWriting(except: ["b.csv"])
        // b.csv is still open: what is written now reaches it. a.csv, synced and closed, is
        // synced again by publish, a second time that must do nothing.
        b.write("second half")
        #expect(Self.text(seed + "/a.csv") == "old a")
        try set.publish()
        #expect(Self.text(seed + "/a.csv") == "new a")
        #expect(Self.text(seed + "/b.csv") == "first half, second half")
        #expect(Self.entries(root) == ["seed"])
    }

    @Test("a publish that fails does not call `then`, and the folder keeps its files")
    func thenNotOnFailure() throws {
        let (root, seed) = try Self.folder(["a.csv": "old a"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let set = try OutputSet(directory: seed, owns: ["a.csv"])
        try set.add("a.csv", text: "new a")
        // The staged file is gone before the publish (as if removed by another program).
        try FileManager.default.removeItem(atPath: try #require(set.stage))
        var called = false
        #expect(throws: PlanIOError.self) { try set.publish { called = true } }
        #expect(!called)
        #expect(Self.text(seed + "/a.csv") == "old a")
    }

    @Test("a first run: the stage becomes the folder")
    func first() throws {
        let (root, seed) = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.removeItem(atPath: seed)
        let set = try OutputSet(directory: seed, owns: ["a.csv"])
        try set.add("a.csv", text: "a")
        try set.publish()
        #expect(Self.entries(seed) == ["a.csv"])
        #expect(Self.entries(root) == ["seed"])
    }

    @Test("abort leaves the folder as it was and no stage behind")
    func abort() throws {
        let (root, seed) = try Self.folder(["a.csv": "old a"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let set = try OutputSet(directory: seed, owns: ["a.csv"])
        try set.add("a.csv", text: "new a")
        set.abort()
        #expect(Self.text(seed + "/a.csv") == "old a")
        #expect(Self.entries(root) == ["seed"])
    }

    @Test("a replaced file keeps its mode, and the folder its mode")
    func modes() throws {
        let (root, seed) = try Self.folder(["a.csv": "old a"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        chmod(seed + "/a.csv", 0o600)
        chmod(seed, 0o700)
        let set = try OutputSet(directory: seed, owns: ["a.csv"])
        try set.add("a.csv", text: "new a")
        try set.publish()
        var s = stat()
        #expect(stat(seed + "/a.csv", &s) == 0 && s.st_mode & 0o777 == 0o600)
        #expect(stat(seed, &s) == 0 && s.st_mode & 0o777 == 0o700)
    }

    @Test("two sets published one after the other: the second carries the first one's file")
    func sequential() throws {
        let (root, seed) = try Self.folder(["mine.txt": "keep"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        // Both are open at once (a simulate and a tune into the same folder).
        let simulate = try OutputSet(directory: seed, owns: ["daily.csv"])
        let tune = try OutputSet(directory: seed, owns: ["tune.csv"])
        try simulate.add("daily.csv", text: "days")
        try tune.add("tune.csv", text: "variants")
        try simulate.publish()
        try tune.publish()
        #expect(Self.entries(seed) == ["daily.csv", "mine.txt", "tune.csv"])
    }

    @Test("a set's file that is a symbolic link is written through: the target gets the content, the link stays")
    func symlinkedFile() throws {
        let (root, seed) = try Self.folder(["d.csv": "old d"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let elsewhere = root + "/dashboard"
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        try "old a".write(toFile: elsewhere + "/a.csv", atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: seed + "/a.csv", withDestinationPath: "../dashboard/a.csv")
        // A link that leads nowhere is replaced by the file, as any write replaces it.
        try FileManager.default.createSymbolicLink(atPath: seed + "/b.csv", withDestinationPath: "../nowhere/b.csv")
        let folderBefore = Self.inode(seed)

        let set = try OutputSet(directory: seed, owns: ["a.csv", "b.csv", "d.csv"])
        try set.add("a.csv", text: "new a")
        try set.add("b.csv", text: "new b")
        try set.add("d.csv", text: "new d")
        try set.publish()

        #expect(Self.inode(seed) != folderBefore)  // still swapped whole
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: seed + "/a.csv") == "../dashboard/a.csv")
        #expect(Self.text(elsewhere + "/a.csv") == "new a")
        #expect(Self.entries(elsewhere) == ["a.csv"])  // no temporary file left beside it
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: seed + "/b.csv")) == nil)
        #expect(Self.text(seed + "/b.csv") == "new b")
        #expect(Self.text(seed + "/d.csv") == "new d")
        #expect(Self.entries(root) == ["dashboard", "seed"])
    }

    @Test("a set's file linked to a folder is refused, and the folder keeps its files")
    func symlinkedFileToFolder() throws {
        let (root, seed) = try Self.folder(["d.csv": "old d"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/folder", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: seed + "/a.csv", withDestinationPath: "../folder")
        let set = try OutputSet(directory: seed, owns: ["a.csv", "d.csv"])
        try set.add("d.csv", text: "new d")
        #expect(throws: PlanIOError.self) { try set.add("a.csv", text: "new a") }
        set.abort()
        #expect(Self.text(seed + "/d.csv") == "old d")
        #expect(Self.entries(root) == ["folder", "seed"])
    }

    @Test("a symlinked folder is written through, file by file (a swap would replace the link)")
    func symlinkedFolder() throws {
        let (root, seed) = try Self.folder(["a.csv": "old a", "d.csv": "old d"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let linked = root + "/linked"
        try FileManager.default.createSymbolicLink(atPath: linked, withDestinationPath: "seed")
        let set = try OutputSet(directory: linked, owns: ["a.csv", "d.csv"])
        #expect(set.stage == nil)
        try set.add("a.csv", text: "new a")
        try set.publish()
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: linked) == "seed")
        #expect(Self.entries(seed) == ["a.csv"])
        #expect(Self.text(seed + "/a.csv") == "new a")
    }

    @Test("the stage of a killed run is removed by the next set into the folder; a live process's is kept")
    func staleStages() throws {
        let (root, seed) = try Self.folder(["a.csv": "old a"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let stale = root + "/.seed.set-\(try StreamingFileTests.exitedProcessID())-1f"
        let live = root + "/.seed.set-\(ProcessInfo.processInfo.processIdentifier)-2e"
        try FileManager.default.createDirectory(atPath: stale + "/deep", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: live, withIntermediateDirectories: true)
        let set = try OutputSet(directory: seed, owns: ["a.csv"])
        #expect(!FileManager.default.fileExists(atPath: stale))
        #expect(FileManager.default.fileExists(atPath: live))
        set.abort()
    }

    @Test("after the swap, what another program wrote into the old folder meanwhile is moved over, not deleted")
    func lateWrites() throws {
        let (root, old) = try Self.folder(["same.txt": "linked", "edited.txt": "saved later", "late.txt": "new file", "sub/x": "deep"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let new = root + "/new"
        try FileManager.default.createDirectory(atPath: new + "/sub", withIntermediateDirectories: true)
        #expect(link(old + "/same.txt", new + "/same.txt") == 0)
        // An editor saved edited.txt in the old folder after the links were made: a new file
        // there, the older version linked in the new folder.
        try "linked earlier".write(toFile: new + "/edited.txt", atomically: false, encoding: .utf8)
        try "a.csv of this run".write(toFile: new + "/a.csv", atomically: false, encoding: .utf8)
        try "a.csv of the old run".write(toFile: old + "/a.csv", atomically: false, encoding: .utf8)
        OutputSet.carryLate(from: old, into: new, skipping: ["a.csv"])
        #expect(Self.text(new + "/late.txt") == "new file")
        #expect(Self.text(new + "/edited.txt") == "saved later")
        #expect(Self.text(new + "/same.txt") == "linked")
        #expect(Self.text(new + "/a.csv") == "a.csv of this run")
        #expect(Self.entries(new) == ["a.csv", "edited.txt", "late.txt", "same.txt", "sub"])
    }
}
