import Foundation
import PlanIO
import Testing

/// `plan schema` and `plan explain` as a user runs them (cli.md exit codes).
@Suite("plan schema and plan explain, end to end")
struct ReferenceEndToEndTests {
    @Test("plan schema prints the JSON Schema, --markdown the key tables")
    func schema() throws {
        let box = try Sandbox()
        let json = try box.plan("schema")
        json.expect(status: 0)
        #expect(json.stdout == ScenarioReference.jsonSchema())
        #expect(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) is [String: Any])
        let markdown = try box.plan("schema", "--markdown")
        markdown.expect(status: 0)
        #expect(markdown.stdout == ScenarioReference.markdownTables())
    }

    @Test("plan explain prints a key; an unknown one is exit 1 with the nearest path")
    func explain() throws {
        let box = try Sandbox()
        let known = try box.plan("explain", "targets.minio.capacity")
        known.expect(status: 0)
        #expect(known.stdout.hasPrefix("targets.NAME.capacity\n  meaning: raw capacity; an s3 target has none\n"))
        #expect(known.stderr == "")
        let unknown = try box.plan("explain", "backups.cnpg.*.retenton")
        unknown.expect(status: 1)
        #expect(unknown.stdout == "")
        #expect(
            unknown.stderr
                == "error: backups.cnpg.*.retenton: 'backups.cnpg.NAME' has no key 'retenton'; did you mean 'backups.cnpg.NAME.retention'?\n")
    }
}
