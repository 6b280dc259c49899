import Foundation
import PlanCore

/// The Grafana dashboard of `plan alerts`: a ConfigMap labelled `grafana_dashboard: "1"`
/// (the kube-prometheus-stack sidecar loads those) holding a dashboard in the Classic JSON
/// model with a datasource template variable, not `__inputs`, which the sidecar does not
/// resolve (gitops-facts.md Part 3).
public struct GrafanaDashboard: Sendable {
    public var scenario: Scenario
    public var thresholds: AlertThresholds
    public var namespace: String

    public init(scenario: Scenario, thresholds: AlertThresholds, namespace: String) {
        self.scenario = scenario
        self.thresholds = thresholds
        self.namespace = namespace
    }

    /// The dashboard's file name inside the ConfigMap.
    public var fileName: String { "plan-\(scenario.name).json" }

    /// A panel: its title, unit and queries (`expr`, legend).
    struct Panel {
        var title: String
        var unit: String
        var targets: [(String, String)]
    }

    var panels: [Panel] {
        let rules = AlertRules(scenario: scenario, thresholds: thresholds)
        var out: [Panel] = []
        out.append(
            Panel(
                title: "Time since the last successful backup (threshold: gap + margin)", unit: "s",
                targets: thresholds.backups.flatMap { b -> [(String, String)] in
                    let job = "\(b.tool.rawValue)/\(b.job)"
                    guard let rule = rules.backupLate(b), let first = rule.expr.split(separator: "\n").first else { return [] }
                    // The first line is `(time() - max by (…) (…) > T)`: drop the comparison.
                    let since = first.dropFirst().replacingOccurrences(of: " > \(PromQL.number(b.threshold)))", with: "")
                    return [(since, job), ("vector(\(PromQL.number(b.threshold)))", "\(job) threshold")]
                }))
        out.append(
            Panel(
                title: "Object-store used bytes and alert level (alert × usable)", unit: "bytes",
                targets: thresholds.targets.flatMap { t -> [(String, String)] in
                    let used =
                        t.kind == .cluster
                        ? "sum(longhorn_node_storage_usage_bytes)"
                        : "sum(minio_bucket_usage_total_bytes) or sum(minio_cluster_usage_buckets_total_bytes)"
                    return [(used, "\(t.target) used"), ("vector(\(PromQL.number(t.limit.rounded(.down))))", "\(t.target) alert level")]
                }))
        out.append(
            Panel(
                title: "Free bytes of the workloads' volumes", unit: "bytes",
                targets: thresholds.volumes.map { v in
                    let s = AlertSeries.workload(v.workload, in: scenario)
                    return (
                        "kubelet_volume_stats_available_bytes" + PromQL.selector([("persistentvolumeclaim", s.pvcPattern, true)]),
                        "\(v.workload) {{persistentvolumeclaim}}"
                    )
                }))
        out.append(
            Panel(
                title: "WAL segments waiting to be archived", unit: "short",
                targets: thresholds.wal.map { w in
                    let s = AlertSeries.workload(w.workload, in: scenario)
                    return (
                        "cnpg_collector_pg_wal_archive_status"
                            + PromQL.selector([("value", "ready", false), ("pod", s.podPattern ?? w.workload, true)]), "{{pod}}"
                    )
                }))
        out.append(
            Panel(
                title: "Measured growth over 7 days and the plan's (bytes/day)", unit: "bytes",
                targets: thresholds.growth.flatMap { g -> [(String, String)] in
                    let s = AlertSeries.workload(g.workload, in: scenario)
                    let measured =
                        s.podPattern.map {
                            "max(sum by (pod) (deriv(cnpg_pg_database_size_bytes{pod=~\"\($0)\"}[7d]))) * 86400"
                        } ?? "max(deriv(kubelet_volume_stats_used_bytes{persistentvolumeclaim=~\"\(s.pvcPattern)\"}[7d])) * 86400"
                    var out = [(measured, "\(g.workload) measured")]
                    if case .absolute(let perDay) = g.planned { out.append(("vector(\(PromQL.number(perDay)))", "\(g.workload) planned")) }
                    return out
                }))
        return out.filter { !$0.targets.isEmpty }
    }

    /// The dashboard as JSON (keys sorted, so the bytes are the same on every run).
    public var json: String {
        let datasource: [String: Any] = ["type": "prometheus", "uid": "${datasource}"]
        var y = 0
        var list: [[String: Any]] = []
        for (i, p) in panels.enumerated() {
            list.append([
                "id": i + 1, "type": "timeseries", "title": p.title, "datasource": datasource,
                "gridPos": ["h": 8, "w": 24, "x": 0, "y": y],
                "fieldConfig": ["defaults": ["unit": p.unit], "overrides": [Any]()],
                "targets": p.targets.enumerated().map { j, t in
                    [
                        "refId": String(UnicodeScalar(UInt8(65 + j % 26))) + (j >= 26 ? "\(j / 26)" : ""), "expr": t.0, "legendFormat": t.1,
                        "datasource": datasource,
                    ]
                },
            ])
            y += 8
        }
        let dashboard: [String: Any] = [
            "uid": "plan-\(scenario.name)", "title": "plan: \(scenario.name)", "schemaVersion": 39, "version": 1, "editable": true,
            "tags": ["plan", "backups"], "time": ["from": "now-7d", "to": "now"], "refresh": "5m",
            "templating": [
                "list": [
                    [
                        "name": "datasource", "label": "Data source", "type": "datasource", "query": "prometheus",
                        "current": [String: Any](), "hide": 0, "refresh": 1,
                    ]
                ]
            ],
            "panels": list,
        ]
        guard
            let data = try? JSONSerialization.data(withJSONObject: dashboard, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// `grafana-dashboard.yaml`.
    public func configMap(header: String) -> String {
        var out = AlertYAML.comment(header)
        out += "apiVersion: v1\nkind: ConfigMap\nmetadata:\n"
        out += "  name: \(AlertYAML.quoted("plan-\(scenario.name)-dashboard"))\n  namespace: \(AlertYAML.quoted(namespace))\n"
        out += "  labels:\n    grafana_dashboard: \"1\"\n    app.kubernetes.io/managed-by: \"plan\"\n"
        out += "data:\n  \(fileName): |-\n"
        for line in json.split(separator: "\n", omittingEmptySubsequences: false) { out += "    \(line)\n" }
        return out
    }
}
