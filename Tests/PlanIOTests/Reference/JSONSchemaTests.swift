import Foundation
import PlanCore
import Testing
import Yams

@testable import PlanIO

/// `plan schema`: a JSON Schema that Foundation parses, with the structure of the tree, and
/// that a real validator (Python's jsonschema, when installed) finds every example scenario
/// valid against and a broken one invalid.
@Suite("The JSON Schema of the scenario format")
struct JSONSchemaTests {
    static func parsed() throws -> [String: Any] {
        let data = Data(ScenarioReference.jsonSchema().utf8)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// The object schema of the mapping at `path` (`NAME` for a map's entry, `x[]` for a list's items).
    static func schema(at path: String, in root: [String: Any]) -> [String: Any]? {
        var node = root
        for segment in path.split(separator: ".").map(String.init) where !path.isEmpty {
            if segment == "NAME" {
                guard let entry = (node["patternProperties"] as? [String: Any])?[Schema.namePattern] as? [String: Any] else { return nil }
                node = entry
                continue
            }
            let isItem = segment.hasSuffix("[]")
            let name = isItem ? String(segment.dropLast(2)) : segment
            guard let child = (node["properties"] as? [String: Any])?[name] as? [String: Any] else { return nil }
            node = child
            if isItem {
                let items = child["items"] ?? (child["anyOf"] as? [[String: Any]])?.compactMap { $0["items"] }.first
                guard let item = items as? [String: Any] else { return nil }
                node = item
            }
        }
        return node
    }

    @Test("it parses, is draft 2020-12, and closes every mapping")
    func structure() throws {
        let root = try Self.parsed()
        #expect(root["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        for mapping in ScenarioReference.mappings {
            let node = try #require(Self.schema(at: mapping.path, in: root), "no schema for '\(mapping.path)'")
            #expect(node["additionalProperties"] as? Bool == false, "'\(mapping.path)' is open")
            let properties = try #require(node["properties"] as? [String: Any])
            #expect(Set(properties.keys) == Set(mapping.keys.map(\.name)), "'\(mapping.path)'")
            for key in mapping.keys {
                let property = try #require(properties[key.name] as? [String: Any])
                #expect((property["description"] as? String)?.isEmpty == false, "\(mapping.path).\(key.name)")
            }
            let required = Set(node["required"] as? [String] ?? [])
            #expect(required == Set(Schema.requiredKeys(mapping.keys)), "'\(mapping.path)'")
        }
    }

    @Test(
        "maps by name take the name rule only",
        arguments: ["workloads", "backups.cnpg", "backups.velero", "backups.longhorn", "targets", "drills", "faults"])
    func namedMaps(path: String) throws {
        let root = try Self.parsed()
        var node: [String: Any]? = root
        for segment in path.split(separator: ".").map(String.init) {
            node = (node?["properties"] as? [String: Any])?[segment] as? [String: Any]
        }
        let map = try #require(node)
        let patterns = try #require(map["patternProperties"] as? [String: Any])
        #expect(Array(patterns.keys) == ["^[a-z][a-z0-9-]{0,62}$"])
        #expect(map["additionalProperties"] as? Bool == false)
    }

    @Test("enums and defaults come from the model and ScenarioDefaults")
    func enumsAndDefaults() throws {
        let root = try Self.parsed()
        let target = try #require(Self.schema(at: "targets.NAME", in: root)?["properties"] as? [String: Any])
        #expect((target["kind"] as? [String: Any])?["enum"] as? [String] == ["minio", "s3", "cluster"])
        #expect((target["storage_class"] as? [String: Any])?["enum"] as? [String] == StorageClass.allCases.map(\.rawValue))
        #expect((target["drives"] as? [String: Any])?["default"] as? Int == ScenarioDefaults.drives)
        let velero = try #require(Self.schema(at: "backups.velero.NAME", in: root)?["properties"] as? [String: Any])
        #expect((velero["ttl"] as? [String: Any])?["default"] as? String == "720h")
        let cnpg = try #require(Self.schema(at: "backups.cnpg.NAME", in: root)?["properties"] as? [String: Any])
        let walCompression = try #require((cnpg["wal_compression"] as? [String: Any])?["anyOf"] as? [[String: Any]])
        #expect(walCompression.first?["enum"] as? [String] == ["none", "gzip", "bzip2", "snappy", "lz4", "xz", "zstd"])
    }

    // MARK: - A real validator

    /// The repository's root, from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// A YAML document as the JSON an editor's YAML 1.2 reader sees: timestamps stay text.
    static func json(_ node: Node) -> Any {
        switch node {
        case .mapping(let mapping):
            var object: [String: Any] = [:]
            for (key, value) in mapping { object[key.string ?? ""] = json(value) }
            return object
        case .sequence(let sequence): return sequence.map(json)
        case .scalar(let scalar):
            switch node.tag.rawValue {
            case Tag.Name.null.rawValue: return NSNull()
            case Tag.Name.bool.rawValue: return node.bool ?? scalar.string
            case Tag.Name.int.rawValue: return node.int ?? scalar.string
            case Tag.Name.float.rawValue: return node.float ?? scalar.string
            default: return scalar.string
            }
        case .alias: return NSNull()
        }
    }

    /// Runs Python's jsonschema on `documents` (name → JSON); the names it finds invalid, or
    /// `nil` when python3 or its jsonschema module is missing.
    static func invalidDocuments(_ documents: [(String, Any)], schema: String) throws -> [String]? {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("plan-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(schema.utf8).write(to: dir.appendingPathComponent("schema.json"))
        for (name, document) in documents {
            try JSONSerialization.data(withJSONObject: document).write(to: dir.appendingPathComponent(name + ".json"))
        }
        let script = """
            import json, os, sys
            try:
                import jsonschema
            except ImportError:
                sys.exit(77)
            d = sys.argv[1]
            schema = json.load(open(os.path.join(d, "schema.json")))
            jsonschema.Draft202012Validator.check_schema(schema)
            v = jsonschema.Draft202012Validator(schema)
            for f in sorted(os.listdir(d)):
                if f == "schema.json": continue
                errors = list(v.iter_errors(json.load(open(os.path.join(d, f)))))
                if errors: print(f[:-5] + ": " + "; ".join(e.json_path + ": " + e.message for e in errors))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, dir.path]
        let out = Pipe()
        process.standardOutput = out
        do { try process.run() } catch { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus == 77 || process.terminationStatus == 127 { return nil }
        #expect(process.terminationStatus == 0, "the validator failed")
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test("every scenario in scenarios/ is valid, and broken ones are not (Python's jsonschema)")
    func realValidator() throws {
        let folder = Self.root.appendingPathComponent("scenarios")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(files.count >= 5)
        var documents: [(String, Any)] = []
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            let node = try #require(try Yams.compose(yaml: text))
            documents.append(("ok-" + file.dropLast(5), Self.json(node)))
        }
        let broken: [(String, String)] = [
            (
                "bad-unknown-key",
                "workloads: {db: {kind: postgres, size: 1Gi}}\nbackups: {cnpg: {pg: {workload: db, retenton: 7d, target: m}}}\ntargets: {m: {kind: minio, capacity: 1Ti}}"
            ),
            ("bad-size", "workloads: {db: {kind: postgres, size: 20 gigs}}\nbackups: {}\ntargets: {}"),
            ("bad-name", "workloads: {DB: {kind: postgres, size: 1Gi}}\nbackups: {}\ntargets: {}"),
            ("bad-enum", "workloads: {db: {kind: mysql, size: 1Gi}}\nbackups: {}\ntargets: {}"),
            ("bad-rate", "workloads: {db: {kind: postgres, size: 1Gi, growth: 50MiB daily}}\nbackups: {}\ntargets: {}"),
        ]
        for (name, text) in broken {
            documents.append((name, Self.json(try #require(try Yams.compose(yaml: text)))))
        }
        guard let invalid = try Self.invalidDocuments(documents, schema: ScenarioReference.jsonSchema()) else {
            withKnownIssue("python3 with the jsonschema module is not installed (pip install jsonschema): the real validator was not run") {
                Issue.record("skipped")
            }
            return
        }
        let names = invalid.map { String($0.prefix { $0 != ":" }) }
        #expect(names.filter { $0.hasPrefix("ok-") } == [], "\(invalid)")
        #expect(names == broken.map(\.0).sorted(), "\(invalid)")
    }
}
