import Foundation
import Testing

@testable import PlanCore
@testable import PlanIO

/// `plan import` on the fixture tree `Fixtures/clusters/minikube` (built from the design
/// document's manifests plus the cases it lacks): every imported value checked against the
/// manifest by hand.
@Suite("plan import")
struct ImportTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/clusters/minikube").path

    static func noInput() throws(PlanIOError) -> [UInt8] { [] }

    func imported() throws -> (ManifestImport.Outcome, Scenario) {
        let outcome = try ManifestImport.run(paths: [Self.root], name: nil, format: .yaml, standardInput: Self.noInput).get()
        let options = LoadOptions(file: "minikube.yaml", defaultName: "minikube", today: CivilDate(year: 2026, month: 1, day: 1))
        let scenario = try ScenarioLoader.load(text: outcome.text, options: options).get()
        return (outcome, scenario)
    }

    static let gib = 1_073_741_824.0
    static let mib = 1_048_576.0

    @Test("the CNPG clusters become postgres workloads with their volumes, WAL volume and max_wal_size")
    func workloads() throws {
        let (_, s) = try imported()
        #expect(s.version == 2 && s.name == "minikube")
        let gitea = try #require(s.workloads.first { $0.name == "gitea-postgres" })
        // gitea/cluster.yaml:24 storage.size 20Gi; no walStorage; PostgreSQL's default max_wal_size 1GB = 1 GiB.
        #expect(gitea.kind == .postgres && gitea.volume?.bytes == 20 * Self.gib && gitea.walVolume == nil)
        #expect(gitea.maxWALSize.bytes == Self.gib)
        // Guesses: size half the volume = 10 GiB; growth the other half in a year,
        // 10,240 MiB / 365 = 28.05 → 29 MiB/day rounded up; WAL = growth + 1% of the size,
        // 28.05 + 102.4 = 130.45 → 131 MiB/day.
        #expect(gitea.size.bytes == 10 * Self.gib)
        #expect(gitea.growth == .absolute(bytesPerDay: 29 * Self.mib))
        #expect(gitea.wal == .absolute(bytesPerDay: 131 * Self.mib))
        #expect(gitea.series == WorkloadMetricSeries(namespace: "gitea", cluster: "gitea-postgres"))
        let coder = try #require(s.workloads.first { $0.name == "coder-postgres" })
        // coder/cluster.yaml: walStorage 4Gi; max_wal_size 2GB in PostgreSQL's units = 2 × 1024 MB = 2 GiB.
        #expect(coder.walVolume?.bytes == 4 * Self.gib && coder.maxWALSize.bytes == 2 * Self.gib)
        // The StatefulSet's claim template 'data' of replica 0: data-gitea-0, 10Gi.
        let data = try #require(s.workloads.first { $0.name == "data-gitea-0" })
        #expect(data.kind == .volume && data.volume?.bytes == 10 * Self.gib && data.series?.pvc == "data-gitea-0")
        // The recovery example is not listed in gitea/kustomization.yaml: not read.
        #expect(!s.workloads.contains { $0.name == "gitea-postgres-restored" })
        // grafana-data (local-path, namespace metrics) is covered by no job: no workload.
        #expect(!s.workloads.contains { $0.name == "grafana-data" })
    }

    @Test("one CNPG job per ScheduledBackup; a cluster without one archives WAL only ('never')")
    func cnpgJobs() throws {
        let (_, s) = try imported()
        #expect(s.cnpg.map(\.name) == ["coder-postgres-weekly", "gitea-postgres-daily", "metrics-db"])
        let gitea = try #require(s.cnpg.first { $0.name == "gitea-postgres-daily" })
        // In-tree: retentionPolicy 30d, applied after each backup; no compression set.
        #expect(gitea.schedule.text == "0 2 * * *" && gitea.schedule.dialect == .cnpg)
        #expect(gitea.retentionDays == 30 && gitea.retentionCheck == .afterBackup)
        #expect(gitea.target == "minio" && gitea.archiveTimeout == Seconds(300))
        let coder = try #require(s.cnpg.first { $0.name == "coder-postgres-weekly" })
        // Plugin mode: the ObjectStore's 14d, retentionPolicyIntervalSeconds 3600, gzip both.
        #expect(coder.schedule.text == "0 0 3 * * 0" && coder.immediate)
        #expect(coder.retentionDays == 14 && coder.retentionCheck == .every(Seconds(3600)))
        #expect(coder.compression == .algorithm(.gzip) && coder.walCompression == .algorithm(.gzip))
        #expect(coder.archiveTimeout == Seconds(900))
        let metrics = try #require(s.cnpg.first { $0.name == "metrics-db" })
        #expect(metrics.schedule.isNever && metrics.target == "s3-metrics-backups")
    }

    @Test("Velero: the PVCs of gitea and coder (defaultVolumesToFsBackup); Longhorn: the default group, retain capped")
    func veleroAndLonghorn() throws {
        let (_, s) = try imported()
        let velero = try #require(s.velero.first)
        #expect(velero.name == "daily-cluster-backup" && velero.schedule.text == "0 2 * * *" && velero.ttl == Seconds(720 * 3600))
        #expect(velero.volumes == ["coder-postgres", "coder-workspaces", "data-gitea-0", "gitea-postgres"])
        #expect(velero.target == "minio")
        #expect(s.longhorn.map(\.name) == ["hourly-snapshot", "nightly-backup"])  // weekly-trim is not a backup
        let nightly = try #require(s.longhorn.first { $0.name == "nightly-backup" })
        // Every Longhorn volume is unlabelled for Longhorn (coder-workspaces' group label has
        // no 'source' label, so it is not copied): all in group 'default'. grafana-data is local-path.
        #expect(nightly.volumes == ["coder-postgres", "coder-workspaces", "data-gitea-0", "gitea-postgres", "metrics-db"])
        #expect(nightly.retain == 7 && nightly.task == .backup && nightly.target == "minio" && nightly.snapshotTarget == "longhorn-disks")
        let hourly = try #require(s.longhorn.first { $0.name == "hourly-snapshot" })
        #expect(hourly.retain == 100 && hourly.task == .snapshot && hourly.target == "longhorn-disks")
    }

    @Test("targets: one MinIO deployment for its three buckets, an S3 bucket, the Longhorn disks")
    func targets() throws {
        let (_, s) = try imported()
        #expect(s.targets.map(\.name) == ["longhorn-disks", "minio", "s3-metrics-backups"])
        let minio = try #require(s.targets.first { $0.name == "minio" })
        // The minio chart: 4 replicas × 1 drive × 256Gi = 1,024 GiB; an erasure set of 4.
        #expect(minio.kind == .minio && minio.capacity?.bytes == 1024 * Self.gib && minio.drives == 4)
        #expect(minio.series == TargetMetricSeries(buckets: ["longhorn-backups", "postgres-backups", "velero-backups"]))
        // backupstorePollInterval "300" (seconds).
        #expect(minio.bucket.pollInterval == Seconds(300))
        let disks = try #require(s.targets.first { $0.name == "longhorn-disks" })
        #expect(disks.kind == .cluster && disks.replicas == 2)
        let s3 = try #require(s.targets.first { $0.name == "s3-metrics-backups" })
        #expect(s3.kind == .s3 && s3.region == "us-east-1")
    }

    @Test("every value names its manifest line, guesses are marked and listed once, and the bytes repeat")
    func comments() throws {
        let (outcome, _) = try imported()
        #expect(outcome.text.contains("volume: 20Gi  # \(Self.root)/gitea/cluster.yaml:24 spec.storage.size\n"))
        #expect(outcome.text.contains("retention: 14d  # \(Self.root)/coder/objectstore.yaml:7 spec.retentionPolicy\n"))
        #expect(outcome.text.contains("schedule: never  # no ScheduledBackup for Cluster metrics-db: WAL only\n"))
        #expect(outcome.text.contains("ttl: 720h  # \(Self.root)/core/velero/backup-schedule.yaml:15 spec.template.ttl\n"))
        let guessed = outcome.text.split(separator: "\n").filter { $0.contains("# guess:") }.count
        let listed = try #require(outcome.guesses)
        // 5 workloads: 3 postgres × 4 guesses (size, growth, churn, wal) + 2 volumes × 3,
        // MinIO's monthly cost, the Longhorn disks' capacity: 20 figures; plus the 2 KPIs.
        #expect(listed.contains("20 figures are guesses"))
        #expect(guessed == 22)
        let again = try ManifestImport.run(paths: [Self.root], name: nil, format: .yaml, standardInput: Self.noInput).get()
        #expect(again.text == outcome.text)
    }

    @Test("JSON output loads to the same scenario")
    func json() throws {
        let (_, yaml) = try imported()
        let outcome = try ManifestImport.run(paths: [Self.root], name: nil, format: .json, standardInput: Self.noInput).get()
        let options = LoadOptions(file: "minikube.json", defaultName: "minikube", today: CivilDate(year: 2026, month: 1, day: 1))
        let fromJSON = try ScenarioLoader.load(text: outcome.text, options: options).get()
        #expect(fromJSON == yaml)
    }
}
