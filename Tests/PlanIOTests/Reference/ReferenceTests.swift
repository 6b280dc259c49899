import Foundation
import PlanCore
import Testing

@testable import PlanIO

/// scenarios/README.md is the format and model reference of the repository: its key tables
/// are the schema's own (`plan schema --markdown`), and `plan explain` reads the same tree.
@Suite("The reference in scenarios/README.md")
struct ReferenceTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let readme = root.appendingPathComponent("scenarios/README.md")

    @Test("the key tables equal what the schema generates")
    func tablesAreCurrent() throws {
        let text = try String(contentsOf: Self.readme, encoding: .utf8)
        let generated = ScenarioReference.markdownTables()
        let start = try #require(text.range(of: ScenarioReference.markdownBegin), "scenarios/README.md has no generated key tables")
        let end = try #require(text.range(of: ScenarioReference.markdownEnd, range: start.upperBound..<text.endIndex))
        let current = String(text[start.lowerBound..<end.upperBound]) + "\n"
        if current != generated, ProcessInfo.processInfo.environment["PLAN_RECORD_GOLDEN"] == "1" {
            let updated = text.replacingCharacters(in: start.lowerBound..<end.upperBound, with: String(generated.dropLast()))
            try Data(updated.utf8).write(to: Self.readme)
            return
        }
        #expect(
            current == generated,
            """
            the key tables of scenarios/README.md differ from the schema (Sources/PlanIO/Loading/Schema*.swift); regenerate them with
              PLAN_RECORD_GOLDEN=1 swift test --filter ReferenceTests
            (or replace the part between the markers with the output of `swift run plan schema --markdown`)
            """)
    }

    @Test("every model rule a key names has its section in scenarios/README.md")
    func ruleSections() throws {
        let text = try String(contentsOf: Self.readme, encoding: .utf8)
        let headings = Set(
            text.split(separator: "\n").filter { $0.hasPrefix("#") }.map { $0.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces) })
        for rule in ModelRule.allCases {
            #expect(headings.contains(rule.title), "scenarios/README.md has no section '\(rule.title)'")
        }
    }

    @Test("README.md links to scenarios/README.md, not to a spec outside the repository")
    func frontDoorLinks() throws {
        let text = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(text.contains("](scenarios/README.md"))
        #expect(!text.contains("shared/spec"))
        #expect(!text.contains("](spec/"))
    }

    @Test("explain: a key's meaning, type, default, forms, version and model rule")
    func explain() throws {
        let text = try ScenarioReference.explain("backups.cnpg.gitea-postgres.retention").get()
        #expect(
            text == """
                backups.cnpg.NAME.retention
                  meaning: CNPG's retentionPolicy: the recovery window
                  type:    retention policy
                  default: required
                  forms:   CNPG's retentionPolicy: a whole number of at least 1 and d (days), w (weeks) or m (months of 31 days): 30d, 4w, 3m
                  version: 1 and 2
                  model:   CNPG (Barman Cloud) (scenarios/README.md#cnpg-barman-cloud)

                """)
        #expect(try ScenarioReference.explain("backups.cnpg.*.retention").get() == text)
        #expect(try ScenarioReference.explain("backups.cnpg.NAME.retention").get() == text)
        let ttl = try ScenarioReference.explain("backups.velero.nightly.ttl").get()
        #expect(ttl.contains("default: 720h"))
        let lifecycle = try ScenarioReference.explain("targets.s3.lifecycle[].after").get()
        #expect(lifecycle.contains("version: 2 (needs version: 2)"))
        #expect(try ScenarioReference.explain("targets.minio").get().contains("keys:    kind, capacity, drives"))
        let classPrice = try ScenarioReference.explain("targets.s3.prices.classes.CLASS.retrieval_gb").get()
        #expect(classPrice.hasPrefix("targets.NAME.prices.classes.CLASS.retrieval_gb\n  meaning: price of a GB retrieved\n"))
        #expect(try ScenarioReference.explain("targets.s3.prices.classes.glacier-ir.retrieval_gb").get().contains("meaning: price of a GB retrieved"))
    }

    @Test(
        "explain: an unknown path says what is near",
        arguments: [
            (
                "backups.cnpg.NAME.retenton",
                "error: backups.cnpg.NAME.retenton: 'backups.cnpg.NAME' has no key 'retenton'; did you mean 'backups.cnpg.NAME.retention'?"
            ),
            ("target.minio.capacity", "error: target.minio.capacity: unknown key 'target'; did you mean 'targets'?"),
            (
                "kpis.budget.x",
                "error: kpis.budget.x: 'kpis' has no key 'budget'; the keys of 'kpis' are monthly_budget, rpo, rto, efficiency, mttr, success_rate, wal_tolerance, capacity_alert, volume_alert"
            ),
            ("horizon.days", "error: horizon.days: 'horizon' has no key 'days'"),
        ])
    func explainUnknown(path: String, message: String) {
        guard case .failure(let failure) = ScenarioReference.explain(path) else {
            Issue.record("'\(path)' was explained")
            return
        }
        #expect(failure.lines == [message])
    }
}
