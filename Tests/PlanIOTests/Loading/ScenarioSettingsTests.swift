import Testing

@testable import PlanCore
@testable import PlanIO

@Suite("Resolved settings")
struct ScenarioSettingsTests {
    func seed(_ overrides: [String] = []) throws -> Scenario {
        let options = LoadOptions(
            file: "seed.yaml", defaultName: "seed", today: CivilDate(year: 2026, month: 1, day: 1),
            overrides: try overrides.map { try Override.parse($0).get() })
        return try ScenarioLoader.load(text: BuiltInScenario.seedYAML, options: options).get()
    }

    @Test("values come back in scenario syntax, defaults filled in")
    func values() throws {
        let settings = Dictionary(uniqueKeysWithValues: try seed().flatten.map { ($0.path, $0.value) })
        #expect(settings["workloads.gitea-db.volume"] == "20Gi")  // 20 × 2^30
        #expect(settings["workloads.gitea-db.growth"] == "2GB/day")  // 2e9 B/day
        #expect(settings["workloads.gitea-db.wal"] == "500MB/day")
        #expect(settings["backups.velero.daily-cluster-backup.ttl"] == "30d")  // 720h
        #expect(settings["backups.velero.dr-drill.resources"] == "10Mi")  // default 10MiB
        #expect(settings["backups.velero.dr-drill.reclaim_delay"] == "3d")  // default
        #expect(settings["backups.cnpg.gitea-postgres.archive_timeout"] == "5min")  // default
        #expect(settings["targets.minio.capacity"] == "1TB")
        #expect(settings["targets.minio.parity"] == "0")  // one drive
        #expect(settings["kpis.efficiency"] == "70%")
        #expect(settings["restore.bandwidth"] == "100Mi/s")
    }

    @Test("the hash follows the resolved content, not the file's layout")
    func hash() throws {
        let a = ScenarioSettings.hash(try seed())
        #expect(a.count == 16)
        #expect(a == ScenarioSettings.hash(try seed()))
        // The same value written another way resolves to the same scenario.
        #expect(a == ScenarioSettings.hash(try seed(["backups.velero.daily-cluster-backup.ttl=30d"])))
        #expect(a != ScenarioSettings.hash(try seed(["backups.cnpg.gitea-postgres.retention=14d"])))
    }
}

extension Scenario {
    var flatten: [(path: String, value: String)] { ScenarioSettings.flatten(self) }
}
