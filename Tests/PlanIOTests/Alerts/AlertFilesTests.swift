import Foundation
import Testing
import Yams

@testable import PlanCore
@testable import PlanIO

@Suite("plan alerts files")
struct AlertFilesTests {
    func seed() throws -> Scenario {
        let options = LoadOptions(file: "seed.yaml", defaultName: "seed", today: CivilDate(year: 2026, month: 1, day: 1))
        return try ScenarioLoader.load(text: BuiltInScenario.seedYAML, options: options).get()
    }

    func files(_ s: Scenario, release: String = "kube-prometheus-stack") throws -> [String: String] {
        let rendered = try AlertFiles(scenario: s, release: release, namespace: "observability").render().get()
        return Dictionary(rendered.map { ($0.name, $0.text) }, uniquingKeysWith: { a, _ in a })
    }

    @Test(
        "durations in one unit that Prometheus and the PrometheusRule pattern read",
        arguments: [(93_600.0, "26h"), (86_400, "1d"), (5_400, "90m"), (45, "45s"), (0, "0s"), (2_678_400, "31d"), (59.5, "1m"), (61, "61s")])
    func duration(_ seconds: Double, _ text: String) {
        #expect(PromQL.duration(seconds) == text)
    }

    @Test("the seed's thresholds, worked by hand from the scenario")
    func seedThresholds() throws {
        let text = try #require(try files(seed())[AlertFiles.rules])
        // Velero daily-cluster-backup '0 2 * * *': gap 24 h = 86,400 s; margin 1 h plus the
        // three volumes' peak sizes at 100 MiB/s, so the threshold is above 25 h = 90,000 s.
        // dr-drill '0 4 1 * *' backs up no volume: 31 d + 3,600 s + 10 MiB / 100 MiB/s
        // (0.1 s) rounded up to a minute = 2,678,400 + 3,660 = 2,682,060 s.
        #expect(text.contains("velero_backup_last_successful_timestamp{schedule=\"dr-drill\"}) > 2682060)"))
        // MinIO 1 TB, one drive (parity 0): usable 1e12; kpis.capacity_alert 80%: 8e11.
        #expect(text.contains(") > 800000000000"))
        // kpis.rpo 1h; archive_timeout 5min: 12 forced switches; 500 MB/day of WAL is 1.2
        // segments an hour: the backlog threshold is 12 segments, the stuck one 3,600 s.
        #expect(text.contains("cnpg_collector_pg_wal_archive_status{value=\"ready\", pod=~\"gitea-db-[0-9]+\"} > 12"))
        #expect(text.contains("cnpg_pg_stat_archiver_seconds_since_last_archival{pod=~\"gitea-db-[0-9]+\"} > 3600"))
        // Failing for half the RPO: 30 min.
        #expect(text.contains("for: 30m"))
        // gitea-data grows 100 MB/day, volume 50 Gi: (1.25 × 1e8 + 0.01 × 50 × 2^30) / 86,400
        // = (125,000,000 + 536,870,912) / 86,400 = 7,660.54 B/s.
        #expect(text.contains("deriv(kubelet_volume_stats_used_bytes{persistentvolumeclaim=~\"gitea-data\"}[7d])\n          > 7660.54296"))
    }

    @Test("never the design document's own rules")
    func noBrokenRules() throws {
        for (_, text) in try files(seed()) {
            #expect(!text.contains("cnpg_backup_duration_seconds"))
            #expect(!text.contains("velero_backup_failure_total"))
        }
    }

    /// The `groups` of a rule file, as Yams reads them.
    func groups(_ yaml: String, under key: String?) throws -> [[String: Any]] {
        let doc = try #require(try Yams.load(yaml: yaml) as? [String: Any])
        let root = try key.map { try #require(doc[$0] as? [String: Any]) } ?? doc
        return try #require(root["groups"] as? [[String: Any]])
    }

    @Test("prometheusrule.yaml holds the same groups as rules.yaml, labelled for the release")
    func sameGroups() throws {
        let f = try files(seed(), release: "kps")
        let plain = try groups(try #require(f[AlertFiles.rules]), under: nil)
        let crd = try groups(try #require(f[AlertFiles.prometheusRule]), under: "spec")
        #expect(NSArray(array: plain).isEqual(to: crd))
        #expect(plain.count == 4)
        let crdText = try #require(f[AlertFiles.prometheusRule])
        let doc = try #require(try Yams.load(yaml: crdText) as? [String: Any])
        #expect(doc["apiVersion"] as? String == "monitoring.coreos.com/v1")
        #expect(doc["kind"] as? String == "PrometheusRule")
        let metadata = try #require(doc["metadata"] as? [String: Any])
        #expect(metadata["namespace"] as? String == "observability")
        #expect((metadata["labels"] as? [String: Any])?["release"] as? String == "kps")
    }

    @Test("every rule has a summary and a description naming the scenario")
    func annotations() throws {
        let rulesText = try #require(try files(seed())[AlertFiles.rules])
        let plain = try groups(rulesText, under: nil)
        let rules = plain.flatMap { ($0["rules"] as? [[String: Any]]) ?? [] }
        #expect(rules.count == 18)
        for rule in rules {
            let a = try #require(rule["annotations"] as? [String: String])
            #expect(a["summary"]?.contains("seed") == true)
            #expect(a["description"]?.contains("seed") == true)
            #expect((rule["labels"] as? [String: String])?["scenario"] == "seed")
        }
    }

    @Test("the dashboard: a ConfigMap labelled grafana_dashboard \"1\", Classic JSON with a datasource variable, no __inputs")
    func dashboard() throws {
        let text = try #require(try files(seed())[AlertFiles.dashboard])
        let doc = try #require(try Yams.load(yaml: text) as? [String: Any])
        let labels = try #require((doc["metadata"] as? [String: Any])?["labels"] as? [String: Any])
        #expect(labels["grafana_dashboard"] as? String == "1")
        let json = try #require((doc["data"] as? [String: String])?["plan-seed.json"])
        let dashboard = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(dashboard["__inputs"] == nil)
        let variables = try #require((dashboard["templating"] as? [String: Any])?["list"] as? [[String: Any]])
        #expect(variables.first?["type"] as? String == "datasource")
        let panels = try #require(dashboard["panels"] as? [[String: Any]])
        #expect(panels.count == 5)
        for p in panels { #expect((p["datasource"] as? [String: String])?["uid"] == "${datasource}") }
    }

    @Test("the same scenario gives the same bytes")
    func deterministic() throws {
        #expect(try files(seed()) == files(seed()))
    }

    @Test("--namespace must be a DNS label and --release a label value, or Kubernetes refuses the manifests")
    func names() {
        #expect(AlertFiles.problem(release: "kube-prometheus-stack", namespace: "monitoring") == nil)
        #expect(AlertFiles.problem(release: "Prom_1.x", namespace: "a") == nil)
        #expect(AlertFiles.problem(release: String(repeating: "r", count: 63), namespace: String(repeating: "n", count: 63)) == nil)
        for namespace in ["Bad NS!", "", "-x", "x-", "Monitoring", "a.b", String(repeating: "n", count: 64)] {
            #expect(AlertFiles.problem(release: "r", namespace: namespace)?.hasPrefix("error: --namespace '\(namespace)': ") == true)
        }
        for release in ["", "-x", "x.", "a b", "é", String(repeating: "r", count: 64)] {
            #expect(AlertFiles.problem(release: release, namespace: "monitoring")?.hasPrefix("error: --release '\(release)': ") == true)
        }
    }
}
