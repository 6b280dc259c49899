import PlanCore
import Yams

/// Splits a manifest file into its YAML documents and keeps the Kubernetes objects
/// (gitops.md): a document without `apiVersion` and `kind` is skipped silently, a
/// SOPS-encrypted one (a top-level `sops` map with a `mac`) is skipped and reported.
enum ManifestParser {
    struct Outcome {
        var objects: [ManifestObject] = []
        var diagnostics: [Diagnostic] = []
    }

    static func parse(_ file: ManifestFile) -> Outcome {
        var out = Outcome()
        if let bad = ScenarioLoader.firstNonUTF8(file.bytes) {
            out.diagnostics.append(
                Diagnostic(
                    at: .file(path: file.path, line: bad.line, column: bad.column), path: "", ScenarioLoader.notUTF8,
                    suggestion: "remove it from the manifests"))
            return out
        }
        var text = String(decoding: file.bytes, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text = String(text.unicodeScalars.dropFirst()) }
        // The node cap of a scenario, per document, counted before any tree is built.
        if let past = YAMLEventCount.nodePast(maximumNodeCount, in: text, perDocument: true) {
            out.diagnostics.append(
                Diagnostic(
                    at: .file(path: file.path, line: past.line, column: past.column), path: past.key,
                    "this document has more than 100,000 nodes, the most plan reads in one document",
                    suggestion: "is this the right file?"))
            return out
        }
        // Read without resolver rules where no tag can be written, and again with Yams's
        // default ones when that found keys it would keep apart (`YAMLReader.Resolution`).
        let first = YAMLReader.Resolution.first(for: text)
        if let read = documents(of: text, file: file, resolution: first, into: out) { return read }
        return documents(of: text, file: file, resolution: .tagged, into: out) ?? out
    }

    /// The objects and problems of every document of `text` added to `out`; nil when the
    /// text must be read again with the default resolver (`Resolution.retries`).
    private static func documents(of text: String, file: ManifestFile, resolution: YAMLReader.Resolution, into start: Outcome) -> Outcome? {
        var out = start
        let at = Diagnostic.Location.file(path: file.path, line: 1, column: 1)
        let documents: YamlSequence<Node>
        do {
            // UTF-8 named here, not Yams's environment-dependent default (`YAMLReader.read`).
            documents = try Yams.compose_all(yaml: text, resolution.resolver, .default, .utf8)
        } catch let error where resolution.retries(after: error) {
            return nil
        } catch let error as YamlError {
            out.diagnostics.append(failure(YAMLReader.translate(error, text: text), file: file.path))
            return out
        } catch {
            out.diagnostics.append(Diagnostic(at: at, path: "", "cannot read the YAML text"))
            return out
        }
        var iterator = documents
        while let node = iterator.next() {
            var builder = YAMLTreeBuilder(resolution) { .file(line: $0?.line ?? 1, column: $0?.column ?? 1) }
            guard let root = try? builder.convert(node) else {
                out.diagnostics.append(
                    failure(YAMLReader.aliasBomb(line: node.mark?.line ?? 1, column: node.mark?.column ?? 1, path: ""), file: file.path))
                return out
            }
            for problem in builder.problems { out.diagnostics.append(failure(problem, file: file.path)) }
            for var object in objects(root, file: file.path, diagnostics: &out.diagnostics) {
                if let ns = file.namespace, !clusterScoped.contains(object.kind) { object.namespace = ns }
                out.objects.append(object)
            }
        }
        if let error = iterator.error {
            if resolution.retries(after: error) { return nil }
            if let yaml = error as? YamlError {
                out.diagnostics.append(failure(YAMLReader.translate(yaml, text: text), file: file.path))
            } else {
                out.diagnostics.append(Diagnostic(at: at, path: "", "cannot read the YAML text"))
            }
        }
        return out
    }

    /// Kinds without a namespace, which a kustomization's `namespace` leaves alone.
    static let clusterScoped: Set<String> = [
        "Namespace", "StorageClass", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "PersistentVolume",
        "PriorityClass", "ClusterImageCatalog", "Node",
    ]

    /// The objects of one document: itself, or the items of a `v1` `List`.
    private static func objects(_ root: YAMLNode, file: String, diagnostics: inout [Diagnostic]) -> [ManifestObject] {
        if root.child("kind")?.scalarText == "List", root.child("apiVersion")?.scalarText == "v1" {
            return root.child("items")?.items.compactMap { object($0, file: file, diagnostics: &diagnostics) } ?? []
        }
        return object(root, file: file, diagnostics: &diagnostics).map { [$0] } ?? []
    }

    private static func object(_ root: YAMLNode, file: String, diagnostics: inout [Diagnostic]) -> ManifestObject? {
        guard root.pairs != nil, let kind = root.child("kind")?.scalarText, let api = root.child("apiVersion")?.scalarText else {
            return nil
        }
        let name = root.descendant("metadata.name")?.scalarText ?? ""
        let object = ManifestObject(
            file: file, apiVersion: api, kind: kind, name: name, namespace: root.descendant("metadata.namespace")?.scalarText ?? "",
            root: root)
        if name.isEmpty {
            let given = root.descendant("metadata.name")
            let notAValue = given.map { $0.scalarText == nil && !$0.isNull } ?? false
            let what = notAValue ? "a name must be a value, found \(given?.found ?? "")" : "an object without a name"
            diagnostics.append(
                Diagnostic(
                    .warning, at: object.location(given ?? root.child("metadata") ?? root.child("kind")), path: "\(kind): metadata.name",
                    "\(what): Kubernetes refuses it, and plan skips it", suggestion: "give it metadata.name"))
            return nil
        }
        if let sops = root.child("sops"), sops.child("mac") != nil {
            diagnostics.append(
                Diagnostic(
                    .warning, at: object.location(root.pair("sops")?.keyNode), path: "\(object.reference): sops",
                    "a SOPS-encrypted document: Flux decrypts it in the cluster, plan cannot read its values",
                    suggestion:
                        "plan skips it; where it holds a figure the import needs (a credential secret's endpoint), write that figure in the scenario by hand"
                ))
            return nil
        }
        return object
    }

    private static func failure(_ f: YAMLReadFailure, file: String) -> Diagnostic {
        Diagnostic(at: .file(path: file, line: f.line, column: f.column), path: f.path, f.message, suggestion: f.suggestion)
    }
}
