import Foundation
import Testing

@testable import PlanCore
@testable import PlanIO

/// Bad input to `plan import`: each a clear located message, never a crash and never a
/// scenario written from half the input.
@Suite("plan import, bad input")
struct ImportInputTests {
    /// A fresh folder with `files` (relative path → text) written into it.
    func folder(_ files: [String: String]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("plan-import-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for (path, text) in files {
            let full = dir + "/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: full, atomically: true, encoding: .utf8)
        }
        return dir
    }

    func failure(_ paths: [String]) -> CommandFailure? {
        if case .failure(let f) = ManifestImport.run(paths: paths, name: nil, format: .yaml, standardInput: ImportTests.noInput) { return f }
        return nil
    }

    static let pvc = """
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata: {name: data, namespace: app}
        spec: {resources: {requests: {storage: 1Gi}}}
        """

    @Test("a folder with no manifests")
    func empty() throws {
        let dir = try folder(["README.md": "# nothing here\n"])
        let f = try #require(failure([dir]))
        #expect(!f.isEnvironment)
        #expect(f.lines.first?.contains("no manifest files (*.yaml, *.yml) in \(dir)") == true)
        let notObjects = try folder(["values.yaml": "replicas: 3\n"])
        #expect(try #require(failure([notObjects])).lines.first?.contains("no Kubernetes objects") == true)
    }

    @Test("a kustomization that lists a missing file is located on the entry")
    func missingResource() throws {
        let dir = try folder(["kustomization.yaml": "resources:\n  - pvc.yaml\n  - gone.yaml\n", "pvc.yaml": Self.pvc])
        let f = try #require(failure([dir]))
        #expect(
            f.lines == [
                "\(dir)/kustomization.yaml:3:5: error: resources: 'gone.yaml' is listed here but is no such file or directory; remove the entry or add the file"
            ])
    }

    @Test("a file that is not YAML, and a binary file")
    func notYAML() throws {
        let dir = try folder(["a.yaml": Self.pvc, "b.yaml": "kind: Secret\n  bad: [\n"])
        let f = try #require(failure([dir]))
        #expect(f.lines.count == 1 && f.lines[0].hasPrefix("\(dir)/b.yaml:2:"))
        let bin = try folder(["a.yaml": Self.pvc])
        try Data([0xFF, 0xFE, 0x00, 0x01]).write(to: URL(fileURLWithPath: bin + "/c.yaml"))
        #expect(
            try #require(failure([bin])).lines == ["\(bin)/c.yaml:1:1: error: file is not UTF-8 text (a binary file?); remove it from the manifests"])
    }

    @Test("a symbolic link loop is skipped with a warning in a walk, an error where a kustomization names it")
    func symlinkLoop() throws {
        let dir = try folder(["a.yaml": Self.pvc])
        try FileManager.default.createSymbolicLink(atPath: dir + "/loop.yaml", withDestinationPath: dir + "/loop.yaml")
        let outcome = try ManifestImport.lint(paths: [dir], standardInput: ImportTests.noInput).get()
        #expect(outcome.contains { $0.description == "\(dir)/loop.yaml:1:1: warning: a symbolic link loop; skipped" })
        let k = try folder(["kustomization.yaml": "resources: [loop.yaml]\n"])
        try FileManager.default.createSymbolicLink(atPath: k + "/loop.yaml", withDestinationPath: k + "/loop.yaml")
        #expect(try #require(failure([k])).lines.first?.contains("'loop.yaml' is listed here but is a symbolic link loop") == true)
    }

    @Test(
        "a FIFO named *.yaml in a walked folder, or named by a kustomization (under its own key), is skipped with a warning instead of waiting for a writer; a folder named kustomization.yaml too"
    )
    func fifo() throws {
        let dir = try folder(["a.yaml": Self.pvc])
        #expect(mkfifo(dir + "/zz.yaml", 0o644) == 0)
        let outcome = try ManifestImport.lint(paths: [dir], standardInput: ImportTests.noInput).get()
        #expect(outcome.contains { $0.description == "\(dir)/zz.yaml:1:1: warning: a FIFO, not a regular file; skipped" })
        let k = try folder(["kustomization.yaml": "resources:\n  - a.yaml\nbases:\n  - pipe.yaml\n", "a.yaml": Self.pvc])
        #expect(mkfifo(k + "/pipe.yaml", 0o644) == 0)
        let listed = try ManifestImport.lint(paths: [k], standardInput: ImportTests.noInput).get()
        #expect(listed.contains { $0.description == "\(k)/kustomization.yaml:4:5: warning: bases: a FIFO, not a regular file; skipped" })
        let d = try folder(["a.yaml": Self.pvc])
        try FileManager.default.createDirectory(atPath: d + "/kustomization.yaml", withIntermediateDirectories: false)
        let folderNamed = ManifestImport.lint(paths: [d], standardInput: ImportTests.noInput)
        guard case .failure(let f) = folderNamed else {
            Issue.record("a folder named kustomization.yaml gave no finding")
            return
        }
        #expect(f.lines.first == "\(d)/kustomization.yaml:1:1: warning: a directory, not a regular file; skipped")
    }

    @Test("a path given on the command line may be a pipe (/dev/fd/N of a shell's <(…)), which has no real path")
    func pipeArgument() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        defer { close(fds[0]) }
        let bytes = Array(Self.pvc.utf8)
        #expect(bytes.withUnsafeBytes { write(fds[1], $0.baseAddress, $0.count) } == bytes.count)
        close(fds[1])
        let outcome = try ManifestImport.lint(paths: ["/dev/fd/\(fds[0])"], standardInput: ImportTests.noInput).get()
        #expect(!outcome.contains { $0.description.contains("cannot read") || $0.description.contains("no such file") })
        #expect(outcome.contains { $0.description.contains("PersistentVolumeClaim/") })
    }

    @Test("a field plan reads in the wrong shape is an error at the field; YAML 1.1's yes for a boolean a warning")
    func wrongShapes() throws {
        let manifest = """
            apiVersion: postgresql.cnpg.io/v1
            kind: Cluster
            metadata:
              name: db
              namespace: apps
            spec:
              instances: "two"
              storage:
                size: [20Gi]
              walStorage: 5
            ---
            apiVersion: postgresql.cnpg.io/v1
            kind: ScheduledBackup
            metadata:
              name: db-daily
              namespace: apps
            spec:
              schedule: "0 0 2 * * *"
              suspend: yes
              cluster: "db"

            """
        let dir = try folder(["c.yaml": manifest])
        let lines = try ManifestImport.lint(paths: [dir], standardInput: ImportTests.noInput).get().map(\.description)
        let refused = ": the API server refuses the object; write it as "
        // Columns: the value's first character (`  instances: "two"`: 2 + 11 + 1 = 14).
        #expect(
            lines.filter { $0.contains(refused) || $0.contains("spec.suspend") } == [
                "\(dir)/c.yaml:7:14: error: Cluster/db: spec.instances: expected a whole number, found 'two'\(refused)Cluster's schema has it; plan reads nothing from this field",
                "\(dir)/c.yaml:9:11: error: Cluster/db: spec.storage.size: expected a value, found a list\(refused)Cluster's schema has it; plan reads nothing from this field",
                "\(dir)/c.yaml:10:15: error: Cluster/db: spec.walStorage: expected a mapping, found '5'\(refused)Cluster's schema has it; plan reads nothing from this field",
                "\(dir)/c.yaml:19:12: warning: ScheduledBackup/db-daily: spec.suspend: 'yes' is not 'true' or 'false', the two plan reads (Kubernetes' YAML reader takes a plain 'yes' as true); write true",
                "\(dir)/c.yaml:20:12: error: ScheduledBackup/db-daily: spec.cluster: expected a mapping, found 'db'\(refused)ScheduledBackup's schema has it; plan reads nothing from this field",
            ])
    }

    @Test("a name that is a list is said to be one; an empty name is an object without a name")
    func listName() throws {
        let dir = try folder([
            "a.yaml": Self.pvc, "b.yaml": "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: [a, b]\n",
            "c.yaml": "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: \"\"\n",
        ])
        let lines = try ManifestImport.lint(paths: [dir], standardInput: ImportTests.noInput).get().map(\.description)
        #expect(
            lines.contains(
                "\(dir)/b.yaml:4:9: warning: PersistentVolumeClaim: metadata.name: a name must be a value, found a list: Kubernetes refuses it, and plan skips it; give it metadata.name"
            ))
        #expect(
            lines.contains(
                "\(dir)/c.yaml:4:9: warning: PersistentVolumeClaim: metadata.name: an object without a name: Kubernetes refuses it, and plan skips it; give it metadata.name"
            ))
    }

    @Test("an absolute path in a kustomization's resources is an error naming the rule, not 'no such file'")
    func absoluteEntry() throws {
        let dir = try folder(["kustomization.yaml": "resources:\n  - a.yaml\n  - /etc/hostname\n", "a.yaml": Self.pvc])
        #expect(
            try #require(failure([dir])).lines == [
                "\(dir)/kustomization.yaml:3:5: error: resources: '/etc/hostname' is an absolute path, outside the repository Flux checks out: kustomize reads entries relative to the kustomization's folder; write the path from this folder (as in 'gitea/cluster.yaml' or '../base')"
            ])
    }

    @Test("a kustomization that includes a folder above it (a cycle) is an error on its entry, as a missing one is")
    func kustomizationCycle() throws {
        let dir = try folder(["kustomization.yaml": "resources:\n  - a.yaml\n  - child\n", "a.yaml": Self.pvc])
        try FileManager.default.createDirectory(atPath: dir + "/child", withIntermediateDirectories: false)
        try "resources:\n  - ..\n".write(toFile: dir + "/child/kustomization.yaml", atomically: false, encoding: .utf8)
        #expect(
            try #require(failure([dir])).lines == [
                "\(dir)/child/kustomization.yaml:2:5: error: resources: '..' is a folder that includes this one: a cycle, which kustomize (and Flux) refuse to build; remove the entry (plan reads each folder once)"
            ])
    }

    @Test("a file above the 64 MiB cap is refused at once, naming the cap (exit 2)")
    func huge() throws {
        let dir = try folder([:])
        let path = dir + "/huge.yaml"
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: UInt64(StreamingFile.maximumInputBytes) + 1)
        try handle.close()
        let f = try #require(failure([dir]))
        #expect(f.isEnvironment)
        #expect(f.lines == ["error: cannot read '\(path)': it is larger than 64 MiB, the most plan reads from one file"])
    }

    @Test("the 100,000-node cap counts each document of a manifest on its own, before any tree is built")
    func nodeCap() throws {
        // A ConfigMap of N data keys: the root 1, `apiVersion` and `v1` 2–3, `kind` and
        // `ConfigMap` 4–5, `metadata`, its mapping, `name`, `big` 6–9, `data` 10, its mapping 11,
        // then key k_i is node 12 + 2i and its value 13 + 2i: 11 + 2N nodes.
        func configMap(_ keys: Int) -> String {
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n" + (0..<keys).map { "  k\($0): v\n" }.joined()
        }
        // Two documents of 44,000 keys: 88,011 nodes each, 176,022 together; each is under the
        // cap on its own, so the file is read.
        let small = configMap(44_000)
        let ok = try folder(["a.yaml": small + "---\n" + small, "pvc.yaml": Self.pvc])
        #expect(failure([ok]) == nil)
        // 60,000 keys after a PersistentVolumeClaim (4 lines, then `---`): the 100,001st node
        // is the value of k49,994 (13 + 2 × 49,994), on the document's line 5 + 49,994 =
        // 49,999, the file's line 5 + 49,999 = 50,004, at column 11 (`  k49994: ` is 10
        // characters).
        let dir = try folder(["b.yaml": Self.pvc + "\n---\n" + configMap(60_000)])
        let f = try #require(failure([dir]))
        #expect(
            f.lines == [
                "\(dir)/b.yaml:50004:11: error: data: this document has more than 100,000 nodes, the most plan reads in one document; is this the right file?"
            ])
    }

    @Test("a kind plan does not know in a group it reads is reported, not an error")
    func unknownKind() throws {
        let dir = try folder(["c.yaml": "apiVersion: postgresql.cnpg.io/v1\nkind: Clusterr\nmetadata: {name: db}\n", "pvc.yaml": Self.pvc])
        let findings = try ManifestImport.lint(paths: [dir], standardInput: ImportTests.noInput).get()
        #expect(
            findings.first?.description
                == "\(dir)/c.yaml:2:7: warning: Clusterr/db: kind: 'Clusterr' is not a kind plan reads from postgresql.cnpg.io; plan skips it; check the kind's spelling"
        )
    }
}
