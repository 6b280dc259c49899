import Foundation
import PlanCore
import Yams

/// One manifest file's text, named as the user will see it in comments and findings.
struct ManifestFile: Sendable {
    var path: String
    var bytes: [UInt8]
    /// The `namespace` of the outermost kustomization that lists it: kustomize sets it on
    /// every namespaced object it builds, so the cluster sees that namespace.
    var namespace: String? = nil
}

/// Finds and reads the manifest files of `plan import` and `plan lint` (gitops.md): a file,
/// a directory walked as Flux walks a `Kustomization.spec.path`, or `-` (a rendered stream
/// on standard input). Every file goes through the bounded reader.
struct ManifestReader {
    /// The most files one import reads, and the most bytes in all (each file is also held
    /// to `StreamingFile.maximumInputBytes`).
    static let maximumFiles = 10_000
    static let maximumTotalBytes = 256 * 1_048_576

    /// The names kustomize accepts for a kustomization file (at most one per directory).
    static let kustomizationNames = ["kustomization.yaml", "kustomization.yml", "Kustomization"]

    var standardInput: () throws(PlanIOError) -> [UInt8]
    private(set) var files: [ManifestFile] = []
    private(set) var diagnostics: [Diagnostic] = []
    private var seen: Set<String> = []
    /// The directories being walked, outermost first (real paths): one of them named again
    /// is a cycle of kustomizations.
    private var walking: [String] = []
    private var totalBytes = 0

    init(standardInput: @escaping () throws(PlanIOError) -> [UInt8]) {
        self.standardInput = standardInput
    }

    /// Reads every path; environment failures (unreadable, too large) end the walk.
    mutating func read(_ paths: [String]) throws(PlanIOError) {
        for path in paths {
            if path == "-" {
                try add(ManifestFile(path: "-", bytes: standardInput()))
            } else {
                try visit(path, from: nil, walked: false)
            }
        }
    }

    /// The namespace kustomizations above the file being visited set (the outermost wins).
    private var namespaceStack: [String?] = []
    private var inheritedNamespace: String? { namespaceStack.compactMap { $0 }.first }

    /// `from`: the kustomization entry that named `path`, for a located message.
    /// - Parameter walked: found by walking a directory or named by a kustomization, not
    ///   given by the user: read only if it is a regular file (a FIFO would wait forever for
    ///   a writer). A path the user gives may be a pipe (`<(kubectl kustomize …)`, `/dev/stdin`).
    private mutating func visit(_ path: String, from: (file: String, key: String, node: YAMLNode)?, walked: Bool = true) throws(PlanIOError) {
        // `/dev/fd/63` of `<(…)` resolves to no path (`pipe:[…]`): the path itself, if it opens.
        guard let real = Self.realPath(path) ?? (!walked && FileManager.default.fileExists(atPath: path) ? path : nil) else {
            let reason = Self.isSymlinkLoop(path) ? "a symbolic link loop" : "no such file or directory"
            if let from {
                diagnostics.append(
                    Diagnostic(
                        at: Self.location(from.node, file: from.file), path: from.key,
                        "'\(from.node.scalarText ?? path)' is listed here but is \(reason)", suggestion: "remove the entry or add the file"))
                return
            }
            throw .cannotRead(path: path, reason: reason)
        }
        if walking.contains(real) {
            // kustomize refuses the cycle ("cycle detected"); plan reads each folder once.
            let at = from.map { Self.location($0.node, file: $0.file) } ?? .file(path: Self.clean(path), line: 1, column: 1)
            diagnostics.append(
                Diagnostic(
                    at: at, path: from?.key ?? "",
                    "'\(from?.node.scalarText ?? path)' is a folder that includes this one: a cycle, which kustomize (and Flux) refuse to build",
                    suggestion: "remove the entry (plan reads each folder once)"))
            return
        }
        guard seen.insert(real).inserted else { return }
        var isDirectory: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: real, isDirectory: &isDirectory)
        if isDirectory.boolValue {
            walking.append(real)
            defer { walking.removeLast() }
            try walk(directory: path)
        } else if walked, let kind = StreamingFile.notRegular(real)?.rawValue {
            let at = from.map { Self.location($0.node, file: $0.file) } ?? .file(path: Self.clean(path), line: 1, column: 1)
            diagnostics.append(Diagnostic(.warning, at: at, path: from?.key ?? "", "\(kind), not a regular file; skipped"))
        } else {
            try add(ManifestFile(path: Self.clean(path), bytes: StreamingFile.read(path), namespace: inheritedNamespace))
        }
    }

    /// A directory: its kustomization's `resources`, or else every `*.yaml`/`*.yml` below it,
    /// where a sub-directory with its own kustomization is followed through it.
    private mutating func walk(directory: String) throws(PlanIOError) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        let kustomizations = Self.kustomizationNames.filter { names.contains($0) }
        if let name = kustomizations.first {
            let file = Self.join(directory, name)
            if let kind = StreamingFile.notRegular(file)?.rawValue {
                diagnostics.append(
                    Diagnostic(.warning, at: .file(path: Self.clean(file), line: 1, column: 1), path: "", "\(kind), not a regular file; skipped"))
                return
            }
            let bytes = try StreamingFile.read(file)
            try followKustomization(file: Self.clean(file), bytes: bytes, directory: directory)
            return
        }
        for name in names.sorted() {
            let path = Self.join(directory, name)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                if Self.isSymlinkLoop(path) {
                    diagnostics.append(
                        Diagnostic(
                            .warning, at: .file(path: Self.clean(path), line: 1, column: 1), path: "",
                            "a symbolic link loop; skipped"))
                }
                continue
            }
            if name.hasPrefix(".") { continue }
            if isDirectory.boolValue {
                try visit(path, from: nil)
            } else if name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
                try visit(path, from: nil)
            }
        }
    }

    private mutating func followKustomization(file: String, bytes: [UInt8], directory: String) throws(PlanIOError) {
        let text = String(decoding: bytes, as: UTF8.self)
        let origin: (Mark?) -> NodeOrigin = { .file(line: $0?.line ?? 1, column: $0?.column ?? 1) }
        guard case .tree(let root, _) = YAMLReader.read(text, origin: origin) else {
            diagnostics.append(Diagnostic(at: .file(path: file, line: 1, column: 1), path: "", "the kustomization file cannot be read as YAML"))
            return
        }
        namespaceStack.append(root.child("namespace")?.scalarText.flatMap { $0.isEmpty ? nil : $0 })
        defer { namespaceStack.removeLast() }
        for key in ["resources", "bases", "components"] {
            for entry in root.child(key)?.items ?? [] {
                guard let item = entry.scalarText, !item.isEmpty else { continue }
                if item.contains("://") || item.hasPrefix("github.com/") || item.hasPrefix("git@") {
                    diagnostics.append(
                        Diagnostic(
                            .warning, at: Self.location(entry, file: file), path: key,
                            "'\(item)' is a remote resource; plan reads only files in the repository",
                            suggestion: "import its rendered output with 'kubectl kustomize DIR | plan import -'"))
                    continue
                }
                if item.hasPrefix("/") {
                    // kustomize takes entries relative to the kustomization's folder only.
                    diagnostics.append(
                        Diagnostic(
                            at: Self.location(entry, file: file), path: key,
                            "'\(item)' is an absolute path, outside the repository Flux checks out: kustomize reads entries relative to the kustomization's folder",
                            suggestion: "write the path from this folder (as in 'gitea/cluster.yaml' or '../base')"))
                    continue
                }
                try visit(Self.join(directory, item), from: (file, key, entry))
            }
        }
    }

    private mutating func add(_ file: ManifestFile) throws(PlanIOError) {
        totalBytes += file.bytes.count
        guard files.count < Self.maximumFiles else {
            throw .cannotRead(path: file.path, reason: "more than \(Self.maximumFiles) manifest files; point plan at the cluster's folder")
        }
        guard totalBytes <= Self.maximumTotalBytes else {
            throw .cannotRead(
                path: file.path, reason: "the manifests pass \(Self.maximumTotalBytes / 1_048_576) MiB in all, the most plan reads in one import")
        }
        files.append(file)
    }

    // MARK: Paths

    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// `a/./b/../c` → `a/c`, for the names printed in comments.
    static func clean(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
                continue
            }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        return path.hasPrefix("/") ? "/" + joined : (joined.isEmpty ? "." : joined)
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func isSymlinkLoop(_ path: String) -> Bool {
        guard let resolved = realpath(path, nil) else { return errno == ELOOP }
        free(resolved)
        return false
    }

    static func location(_ node: YAMLNode, file: String) -> Diagnostic.Location {
        if case .file(let line, let column) = node.origin { return .file(path: file, line: line, column: column) }
        return .file(path: file, line: 1, column: 1)
    }
}
