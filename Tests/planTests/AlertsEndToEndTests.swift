import Foundation
import Testing

/// `plan alerts` run as a user runs it, and what it writes checked by Prometheus' own
/// `promtool` (Debian's `prometheus` package, installed by `.ci/run`).
@Suite("plan alerts end to end")
struct AlertsEndToEndTests {
    /// Where promtool is: `$PROMTOOL`, else the first `promtool` on `PATH`, else nil.
    static var promtool: String? {
        let env = ProcessInfo.processInfo.environment
        if let p = env["PROMTOOL"], !p.isEmpty { return p }
        let dirs = (env["PATH"] ?? "/usr/bin:/bin").split(separator: ":") + ["/usr/bin"]
        return dirs.map { "\($0)/promtool" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// promtool, or a recorded failure that says how to get it. Only
    /// `PLAN_ALLOW_NO_PROMTOOL=1` turns the failure into a skip, so CI never skips silently.
    static func requirePromtool(sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        if let p = promtool { return p }
        if ProcessInfo.processInfo.environment["PLAN_ALLOW_NO_PROMTOOL"] == "1" { return nil }
        Issue.record(
            "promtool not found (PATH, or $PROMTOOL): install Debian's 'prometheus' package (apt-get install -y prometheus), or set PLAN_ALLOW_NO_PROMTOOL=1 to skip the promtool checks",
            sourceLocation: sourceLocation)
        return nil
    }

    /// Runs promtool in `directory`; returns its exit code and everything it printed.
    static func run(_ promtool: String, _ arguments: [String], in directory: URL) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: promtool)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Checks and tests the rules in `directory` with promtool; both must pass.
    static func promtoolPasses(_ directory: URL, rules: Int, sourceLocation: SourceLocation = #_sourceLocation) throws {
        guard let promtool = requirePromtool(sourceLocation: sourceLocation) else { return }
        let check = try run(promtool, ["check", "rules", "rules.yaml"], in: directory)
        #expect(check.status == 0, "promtool check rules:\n\(check.output)", sourceLocation: sourceLocation)
        #expect(check.output.contains("SUCCESS: \(rules) rules found"), "\(check.output)", sourceLocation: sourceLocation)
        let test = try run(promtool, ["test", "rules", "rules.test.yaml"], in: directory)
        #expect(test.status == 0, "promtool test rules:\n\(test.output)", sourceLocation: sourceLocation)
        #expect(test.output.contains("SUCCESS"), "\(test.output)", sourceLocation: sourceLocation)
    }

    @Test("seed: four files in DIR/NAME/, accepted by promtool check rules and passing promtool test rules")
    func seed() throws {
        let box = try Sandbox()
        let scenario = Sandbox.repository.appendingPathComponent("scenarios/seed.yaml").path
        let run = try box.plan("alerts", scenario, "--out", "out", "--release", "kps", "--namespace", "obs")
        run.expect(status: 0)
        #expect(
            run.stdout
                == "plan alerts: seed: wrote out/seed/prometheusrule.yaml, out/seed/rules.yaml, out/seed/rules.test.yaml, out/seed/grafana-dashboard.yaml\n"
        )
        #expect(run.stderr == "")
        #expect(try box.entries("out/seed") == ["grafana-dashboard.yaml", "prometheusrule.yaml", "rules.test.yaml", "rules.yaml"])
        let crd = try box.text("out/seed/prometheusrule.yaml")
        #expect(crd.contains("  namespace: \"obs\"\n  labels:\n    release: \"kps\"\n"))
        try Self.promtoolPasses(box.root.appendingPathComponent("out/seed"), rules: 18)
    }

    @Test("the tests are not vacuous: a threshold changed in rules.yaml makes promtool test rules fail")
    func mutation() throws {
        let box = try Sandbox()
        try box.plan("alerts", "--out", "out").expect(status: 0)
        guard let promtool = Self.requirePromtool() else { return }
        let dir = box.root.appendingPathComponent("out/seed")
        let rules = try box.text("out/seed/rules.yaml")
        // The backlog threshold of the seed: 12 segments (kpis.rpo 1h / archive_timeout 5min).
        #expect(rules.contains("} > 12\n"))
        try box.write("out/seed/rules.yaml", rules.replacingOccurrences(of: "} > 12\n", with: "} > 11\n"))
        let test = try Self.run(promtool, ["test", "rules", "rules.test.yaml"], in: dir)
        #expect(test.status != 0)
        #expect(test.output.contains("PlanWALArchiveBacklog"))
    }

    @Test("relative growth, a cluster target, snapshots and a weekday schedule: promtool passes")
    func lab() throws {
        let box = try Sandbox()
        try box.write(
            "lab.yaml",
            """
            version: 1
            name: lab
            start: 2026-01-01
            horizon: 90d
            workloads:
              app-db:
                kind: postgres
                size: 5GiB
                growth: 3%/month
                volume: 50Gi
              files:
                kind: volume
                size: 20GiB
                growth: 5%/month
                volume: 100Gi
            backups:
              cnpg:
                app-db-daily:
                  workload: app-db
                  schedule: "0 30 1 * * *"
                  retention: 7d
                  target: minio
              longhorn:
                snaps:
                  task: snapshot
                  schedule: "0 */6 * * *"
                  retain: 4
                  volumes: [files]
                  target: local
                offsite:
                  task: backup
                  schedule: "0 4 * * 1-5"
                  retain: 10
                  volumes: [files, app-db]
                  target: minio
            targets:
              minio:
                kind: minio
                capacity: 2TB
                drives: 4
              local:
                kind: cluster
                capacity: 500Gi
            kpis:
              rpo: 15min

            """)
        try box.plan("alerts", "lab.yaml", "--out", "out").expect(status: 0)
        let rules = try box.text("out/lab/rules.yaml")
        // Weekdays at 04:00: Friday to Monday, 72 h = 259,200 s, before the margin.
        #expect(rules.contains("longhorn_volume_last_backup_at{pvc=~\"files|app-db-[0-9]+\"}"))
        // kpis.rpo 15min with archive_timeout 5min: 3 forced switches.
        #expect(rules.contains("value=\"ready\", pod=~\"app-db-[0-9]+\"} > 3\n"))
        // The cluster target: 500 GiB × 80% = 429,496,729,600 bytes of Longhorn's node storage.
        #expect(rules.contains("sum(predict_linear(longhorn_node_storage_usage_bytes["))
        #expect(rules.contains(") > 429496729600"))
        // Relative growth compares the slope with the current size.
        #expect(rules.contains("> sum by (namespace, pod) (cnpg_pg_database_size_bytes{pod=~\"app-db-[0-9]+\"}) * "))
        // 2 backup-late (CNPG, Longhorn offsite; a snapshot job has no backup timestamp), 3 WAL,
        // 2 targets, 2 volumes, 2 growth: 11.
        try Self.promtoolPasses(box.root.appendingPathComponent("out/lab"), rules: 11)
    }

    @Test("1: an invalid scenario writes nothing")
    func invalid() throws {
        let box = try Sandbox()
        try box.write(
            "bad.yaml", "version: 1\nname: bad\nworkloads: {}\ntargets: {}\nbackups: {velero: {x: {schedule: '0 3 * * *', target: nowhere}}}\n")
        let run = try box.plan("alerts", "bad.yaml", "--out", "out")
        run.expect(status: 1)
        #expect(run.stderr.contains("error:"))
        #expect(!box.exists("out"))
    }

    @Test("2: an --out that cannot be written")
    func unwritable() throws {
        let box = try Sandbox()
        try box.write("blocker", "a regular file, not a directory\n")
        let run = try box.plan("alerts", "--out", "blocker/out")
        run.expect(status: 2)
        #expect(run.stderr.hasPrefix("error: cannot write"))
    }
}
