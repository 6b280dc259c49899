import Foundation
import Testing

@testable import PlanCore
@testable import PlanIO

/// `plan lint`: each finding of gitops.md at its exact line and column, in the marked-text
/// style of the loader tests (`⟨⟩` marks where each finding must point, in file order).
@Suite("plan lint")
struct LintTests {
    /// Lints one manifest text given on standard input; the findings as
    /// `LINE:COLUMN: severity: KIND/NAME: PATH`, and the marked positions.
    func lint(_ source: String) throws -> (found: [String], marked: Marked) {
        let marked = Marked(source)
        let bytes = Array(marked.text.utf8)
        let findings = try ManifestImport.lint(paths: ["-"]) { () throws(PlanIOError) -> [UInt8] in bytes }.get()
        let found = findings.map { d -> String in
            guard case .file(_, let line, let column) = d.location else { return "?: \(d.path)" }
            return "\(line):\(column): \(d.severity.rawValue): \(d.path)"
        }
        return (found, marked)
    }

    /// Expects exactly these findings (`severity: KIND/NAME: PATH`), the n-th at the n-th marker.
    func expectFindings(_ source: String, _ expected: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let (found, marked) = try lint(source)
        #expect(marked.positions.count == expected.count, "one marker per finding", sourceLocation: sourceLocation)
        let wanted = zip(marked.positions, expected).map { "\($0.line):\($0.column): \($1)" }
        #expect(found == wanted, sourceLocation: sourceLocation)
    }

    @Test("the design document's Cluster: wal.retention and data.retention do not exist, WAL uncompressed, in-tree deprecated, no ScheduledBackup")
    func designCluster() throws {
        try expectFindings(
            """
            apiVersion: postgresql.cnpg.io/v1
            kind: Cluster
            metadata:
              name: gitea-postgres
              namespace: gitea
            spec:
              instances: 2
              storage:
                size: 20Gi
              ⟨⟩backup:
                retentionPolicy: "30d"
                ⟨⟩barmanObjectStore:
                  destinationPath: "s3://postgres-backups/gitea"
                  endpointURL: "http://minio.minio.svc:9000"
                  ⟨⟩wal:
                    ⟨⟩retention: "7d"
                  data:
                    ⟨⟩retention: "30d"
                    jobs: 2
            """,
            [
                "error: Cluster/gitea-postgres: spec.backup",
                "warning: Cluster/gitea-postgres: spec.backup.barmanObjectStore",
                "warning: Cluster/gitea-postgres: spec.backup.barmanObjectStore.wal.compression",
                "error: Cluster/gitea-postgres: spec.backup.barmanObjectStore.wal.retention",
                "error: Cluster/gitea-postgres: spec.backup.barmanObjectStore.data.retention",
            ])
    }

    @Test("values outside the CRD's enums and patterns, and a 5-field CNPG schedule")
    func enums() throws {
        try expectFindings(
            """
            apiVersion: barmancloud.cnpg.io/v1
            kind: ObjectStore
            metadata: {name: store, namespace: db}
            spec:
              retentionPolicy: ⟨⟩720h
              configuration:
                destinationPath: s3://b/db
                ⟨⟩retentionPolicy: 30d
                data: {compression: ⟨⟩zstd}
                wal: {compression: lz4}
            ---
            apiVersion: postgresql.cnpg.io/v1
            kind: Cluster
            metadata: {name: db, namespace: db}
            spec:
              storage: {size: 1Gi}
              plugins:
                - name: barman-cloud.cloudnative-pg.io
                  isWALArchiver: true
                  parameters: {barmanObjectName: store}
            ---
            apiVersion: postgresql.cnpg.io/v1
            kind: ScheduledBackup
            metadata: {name: db-daily, namespace: db}
            spec:
              schedule: ⟨⟩"0 2 * * *"
              method: plugin
              cluster: {name: db}
            ---
            apiVersion: postgresql.cnpg.io/v1
            kind: ScheduledBackup
            metadata: {name: db-weekly, namespace: db}
            spec:
              schedule: ⟨⟩"0 0 2 * * 7"
              suspend: ⟨⟩true
              method: plugin
              cluster: {name: db}
            """,
            [
                "error: ObjectStore/store: spec.retentionPolicy",
                "error: ObjectStore/store: spec.configuration.retentionPolicy",
                "error: ObjectStore/store: spec.configuration.data.compression",
                "warning: ScheduledBackup/db-daily: spec.schedule",
                "error: ScheduledBackup/db-weekly: spec.schedule",
                "warning: ScheduledBackup/db-weekly: spec.suspend",
            ])
    }

    @Test("references that resolve to nothing: a ScheduledBackup's cluster, a plugin's ObjectStore, a storageLocation")
    func references() throws {
        try expectFindings(
            """
            apiVersion: postgresql.cnpg.io/v1
            kind: ScheduledBackup
            metadata: {name: orphan, namespace: db}
            spec:
              schedule: "0 0 2 * * *"
              cluster: {name: ⟨⟩nope}
            ---
            apiVersion: postgresql.cnpg.io/v1
            kind: Cluster
            metadata: {name: db, namespace: db}
            spec:
              storage: {size: 1Gi}
              plugins:
                - name: barman-cloud.cloudnative-pg.io
                  parameters: {barmanObjectName: ⟨⟩missing}
            ---
            apiVersion: velero.io/v1
            kind: Schedule
            metadata: {name: nightly, namespace: velero}
            spec:
              schedule: "0 3 * * *"
              template:
                storageLocation: ⟨⟩offsite
                ttl: 720h
            """,
            [
                "error: ScheduledBackup/orphan: spec.cluster.name",
                "error: Cluster/db: spec.plugins[0].parameters.barmanObjectName",
                "error: Schedule/nightly: spec.template.storageLocation",
            ])
    }

    @Test("Velero: a ttl in days (Velero rejects it), a ttl not longer than the gap, a paused schedule")
    func velero() throws {
        try expectFindings(
            """
            apiVersion: velero.io/v1
            kind: BackupStorageLocation
            metadata: {name: default, namespace: velero}
            spec:
              default: true
              objectStorage: {bucket: velero-backups}
              config: {s3Url: "http://minio.minio.svc:9000"}
            ---
            apiVersion: velero.io/v1
            kind: Schedule
            metadata: {name: monthly, namespace: velero}
            spec:
              schedule: "0 3 1 * *"
              paused: ⟨⟩true
              template:
                ttl: ⟨⟩⟨⟩30d
            """,
            [
                "warning: Schedule/monthly: spec.paused",
                "error: Schedule/monthly: spec.template.ttl",
                "warning: Schedule/monthly: spec.template.ttl",
            ])
    }

    @Test("Longhorn: a backup job with no backup target, retain above the cap, a task that stores nothing")
    func longhorn() throws {
        try expectFindings(
            """
            apiVersion: longhorn.io/v1beta2
            kind: RecurringJob
            metadata: {name: nightly, namespace: longhorn-system}
            spec:
              task: ⟨⟩backup
              cron: "0 3 * * *"
              retain: ⟨⟩101
              groups: [default]
            ---
            apiVersion: longhorn.io/v1beta2
            kind: RecurringJob
            metadata: {name: trim, namespace: longhorn-system}
            spec:
              task: ⟨⟩filesystem-trim
              cron: "0 4 * * 0"
              retain: 0
            """,
            [
                "error: RecurringJob/nightly: spec.task",
                "warning: RecurringJob/nightly: spec.retain",
                "warning: RecurringJob/trim: spec.task",
            ])
    }

    @Test("the fixture tree: every finding at its line, errors and warnings as gitops.md lists them")
    func fixtureTree() throws {
        let root = ImportTests.root
        let findings = try ManifestImport.lint(paths: [root], standardInput: ImportTests.noInput).get()
        let found = findings.map { d -> String in
            guard case .file(let file, let line, let column) = d.location else { return "?" }
            return "\(file.replacingOccurrences(of: root + "/", with: "")):\(line):\(column): \(d.severity.rawValue): \(d.path)"
        }
        #expect(
            found == [
                "coder/workspaces.yaml:7:5: warning: PersistentVolumeClaim/coder-workspaces: metadata.labels",
                "core/longhorn/recurringjobs.yaml:22:11: warning: RecurringJob/hourly-snapshot: spec.retain",
                "core/longhorn/recurringjobs.yaml:33:9: warning: RecurringJob/weekly-trim: spec.task",
                "core/velero/backup-schedule.yaml:13:31: warning: Schedule/daily-cluster-backup: spec.template.defaultVolumesToFsBackup",
                "core/velero/backup-schedule.yaml:13:31: warning: Schedule/daily-cluster-backup: spec.template.defaultVolumesToFsBackup",
                "gitea/cluster.yaml:29:5: warning: Cluster/gitea-postgres: spec.backup.barmanObjectStore",
                "gitea/cluster.yaml:39:7: warning: Cluster/gitea-postgres: spec.backup.barmanObjectStore.wal.compression",
                "gitea/cluster.yaml:40:9: error: Cluster/gitea-postgres: spec.backup.barmanObjectStore.wal.retention",
                "gitea/cluster.yaml:42:9: error: Cluster/gitea-postgres: spec.backup.barmanObjectStore.data.retention",
                "gitea/scheduledbackup.yaml:8:13: warning: ScheduledBackup/gitea-postgres-daily: spec.schedule",
                "metrics/cluster.yaml:10:11: warning: Cluster/metrics-db: spec.storage.size",
                "metrics/cluster.yaml:11:3: error: Cluster/metrics-db: spec.backup",
                "metrics/cluster.yaml:12:22: error: Cluster/metrics-db: spec.backup.retentionPolicy",
                "metrics/cluster.yaml:13:5: warning: Cluster/metrics-db: spec.backup.barmanObjectStore",
                "metrics/cluster.yaml:16:22: error: Cluster/metrics-db: spec.backup.barmanObjectStore.data.compression",
                "metrics/dashboards.yaml:4:9: warning: PersistentVolumeClaim/grafana-data: metadata.name",
                "metrics/secret.enc.yaml:9:1: warning: Secret/metrics-s3: sops",
            ])
        // Every finding says what the real tool does and the fix.
        #expect(findings.allSatisfy { !$0.message.isEmpty && !($0.suggestion ?? "").isEmpty })
    }

    @Test(
        "plugin mode: isWALArchiver missing, the Cluster's retentionPolicy ignored, no retention in the ObjectStore, serverName forbidden, the wrong method, max_wal_size not below the WAL volume"
    )
    func pluginMode() throws {
        try expectFindings(
            """
            apiVersion: barmancloud.cnpg.io/v1
            kind: ObjectStore
            metadata: {name: ⟨⟩store, namespace: db}
            spec:
              configuration:
                destinationPath: s3://b/db
                ⟨⟩serverName: db
                wal: {compression: lz4}
            ---
            apiVersion: postgresql.cnpg.io/v1
            kind: Cluster
            metadata: {name: db, namespace: db}
            spec:
              postgresql: {parameters: {max_wal_size: ⟨⟩8GB}}
              storage: {size: 10Gi}
              walStorage: {size: 5Gi}
              backup: {retentionPolicy: ⟨⟩30d}
              plugins:
                - name: ⟨⟩barman-cloud.cloudnative-pg.io
                  parameters: {barmanObjectName: store}
            ---
            apiVersion: postgresql.cnpg.io/v1
            kind: ScheduledBackup
            metadata: {name: ⟨⟩db-daily, namespace: db}
            spec: {schedule: "0 0 2 * * *", cluster: {name: db}}
            """,
            [
                "warning: ObjectStore/store: spec.retentionPolicy",
                "error: ObjectStore/store: spec.configuration.serverName",
                "error: Cluster/db: spec.postgresql.parameters.max_wal_size",
                "warning: Cluster/db: spec.backup.retentionPolicy",
                "warning: Cluster/db: spec.plugins[0].isWALArchiver",
                "error: ScheduledBackup/db-daily: spec.method",
            ])
    }

    @Test("a size in Kubernetes' quantity grammar that plan cannot take is told apart from one that is no quantity")
    func quantities() {
        for q in ["20Gi", "500M", "1.5Ti", "0", "1m", "8Ei", "1e3", "+.5", "5.", "2E-1", "100n"] {
            #expect(ImportFigures.isKubernetesQuantity(q), "\(q)")
        }
        for q in ["twenty", "20GB", "Gi", "", "1e", "1e3.5", "--1", ".", "20 Gi", "1Ki2"] {
            #expect(!ImportFigures.isKubernetesQuantity(q), "\(q)")
        }
    }
}
