import Foundation
import Testing

/// `plan import` and `plan lint` run as a user runs them: on the fixture tree, piped from
/// Debian's `kubectl kustomize`, and the imported scenario simulated as it is.
@Suite("plan import and lint, end to end")
struct ImportEndToEndTests {
    static let tree = Sandbox.repository.appendingPathComponent("Tests/PlanIOTests/Import/Fixtures/clusters/minikube").path

    @Test("import writes a scenario that simulate runs as it is; the findings go to standard error")
    func importThenSimulate() throws {
        let box = try Sandbox()
        let run = try box.plan("import", Self.tree, "--out", "minikube.yaml")
        run.expect(status: 0)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("error: Cluster/gitea-postgres: spec.backup.barmanObjectStore.wal.retention: the CRD has no 'wal.retention'"))
        #expect(run.stderr.contains("warning: 20 figures are guesses"))
        #expect(run.stderr.contains("Wrote minikube.yaml (scenario 'minikube')"))
        let sim = try box.plan("simulate", "minikube.yaml", "--no-record", "--out", "out")
        sim.expect(status: 0)
        #expect(box.exists("out/minikube/daily.csv"))
        // The 5-field ScheduledBackup runs hourly (24 base backups a day): the warning says so.
        #expect(sim.stdout.contains("second 0 of minute 2 of every hour") || sim.stderr.contains("second 0 of minute 2 of every hour"))
    }

    @Test("import --metrics measures the guessed figures from a saved export, and simulate runs the result")
    func importWithMetrics() throws {
        let box = try Sandbox()
        let export = Sandbox.repository.appendingPathComponent("Tests/PlanIOTests/Import/Fixtures/metrics/minikube.json").path
        let run = try box.plan("import", Self.tree, "--metrics", export, "--out", "measured.yaml")
        run.expect(status: 0)
        // gitea-postgres: 4 GiB + 8 MiB + 64 MiB × 30 = 6,024 MiB; data-gitea-0: 2 GiB + 10 MiB × 30 (ImportCalibrationTests).
        #expect(run.stderr.contains("measured 5 figures as plan calibrate does: "), "\(run.stderr)")
        #expect(run.stderr.contains("warning: 15 figures are guesses"))
        let text = try box.text("measured.yaml")
        #expect(text.contains("    size: 5.883GiB  # measured: cnpg_pg_database_size_bytes over 30d to 2025-07-01, R² 1.0000"))
        #expect(text.contains("    growth: 10MiB/day  # measured: kubelet_volume_stats_used_bytes over 30d to 2025-07-01, R² 1.0000"))
        try box.plan("simulate", "measured.yaml", "--no-record", "--out", "out").expect(status: 0)
        // Both sources at once is a malformed command line.
        try box.plan("import", Self.tree, "--metrics", export, "--prometheus", "http://127.0.0.1:9").expect(status: 64)
    }

    @Test("lint exits 1 on the errors, 0 on a clean file, and --strict counts warnings")
    func lintExitCodes() throws {
        let box = try Sandbox()
        let bad = try box.plan("lint", Self.tree)
        bad.expect(status: 1)
        #expect(bad.stdout.split(separator: "\n").count == 17)
        #expect(bad.stderr.contains("5 errors, 12 warnings"))
        try box.write(
            "ok.yaml",
            """
            apiVersion: velero.io/v1
            kind: BackupStorageLocation
            metadata: {name: default, namespace: velero}
            spec: {default: true, objectStorage: {bucket: b}, config: {s3Url: "http://minio:9000"}}
            ---
            apiVersion: velero.io/v1
            kind: Schedule
            metadata: {name: nightly, namespace: velero}
            spec:
              schedule: "0 3 * * *"
              template: {ttl: 24h}
            """)
        let warnOnly = try box.plan("lint", "ok.yaml")
        warnOnly.expect(status: 0)
        #expect(
            warnOnly.stdout.contains(
                "ok.yaml:11:19: warning: Schedule/nightly: spec.template.ttl: ttl 24h is not longer than the schedule's gap of 1d"))
        try box.plan("lint", "--strict", "ok.yaml").expect(status: 1)
        let missing = try box.plan("lint", "nowhere")
        missing.expect(status: 2)
        #expect(missing.stderr.contains("error: cannot read 'nowhere': no such file or directory"))
    }

    @Test("kubectl kustomize DIR | plan import - gives the same scenario but for the source comments")
    func renderedStream() throws {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let found = path.split(separator: ":").map { "\($0)/kubectl" }.first { FileManager.default.isExecutableFile(atPath: $0) }
        let kubectl = try #require(found, "this test needs kubectl (Debian's kubernetes-client; .ci/run installs it)")
        let box = try Sandbox()
        let fromTree = try box.plan("import", Self.tree, "--name", "minikube")
        fromTree.expect(status: 0)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "\(kubectl) kustomize '\(Self.tree)' > rendered.yaml"]
        process.currentDirectoryURL = box.root
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let piped = Process()
        piped.executableURL = URL(fileURLWithPath: "/bin/sh")
        let bin = try PlanBinary.url().path
        piped.arguments = ["-c", "'\(bin)' import - --name minikube < rendered.yaml > piped.yaml 2> piped.err"]
        piped.currentDirectoryURL = box.root
        try piped.run()
        piped.waitUntilExit()
        #expect(piped.terminationStatus == 0, "\((try? box.text("piped.err")) ?? "")")
        func withoutSources(_ text: String) -> [String] {
            text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.hasPrefix("description:") }.map { line in
                guard let hash = line.range(of: "  # ") else { return String(line) }
                return String(line[..<hash.lowerBound])
            }
        }
        let a = withoutSources(fromTree.stdout)
        let b = withoutSources(try box.text("piped.yaml"))
        #expect(a.count > 100)
        #expect(a == b)
        // The comments of the stream name its lines on standard input.
        #expect(try box.text("piped.yaml").contains("# -:"))
    }
}
