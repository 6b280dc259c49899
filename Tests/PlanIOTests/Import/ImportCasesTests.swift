import Foundation
import Testing

@testable import PlanCore
@testable import PlanIO

/// The cases the fixture tree does not hold, each imported from a rendered stream (`-`):
/// several ScheduledBackups of one cluster, Velero's opt-in pod annotations, Longhorn 1.8's
/// `defaultBackupStore`, a MinIO Tenant, an AWS S3 Longhorn target.
@Suite("plan import, more cases")
struct ImportCasesTests {
    func scenario(_ yaml: String) throws -> Scenario {
        let bytes = Array(yaml.utf8)
        let outcome = try ManifestImport.run(paths: ["-"], name: "cases", format: .yaml) { () throws(PlanIOError) -> [UInt8] in bytes }.get()
        let options = LoadOptions(file: "cases.yaml", defaultName: "cases", today: CivilDate(year: 2026, month: 1, day: 1))
        return try ScenarioLoader.load(text: outcome.text, options: options).get()
    }

    static let cluster = """
        apiVersion: postgresql.cnpg.io/v1
        kind: Cluster
        metadata: {name: db, namespace: app}
        spec:
          storage: {size: 8Gi}
          backup:
            retentionPolicy: 2w
            barmanObjectStore:
              destinationPath: s3://pg/db
              endpointURL: https://s3.eu-central-1.amazonaws.com
              wal: {compression: gzip}
        ---
        apiVersion: postgresql.cnpg.io/v1
        kind: ScheduledBackup
        metadata: {name: db-daily, namespace: app}
        spec: {schedule: "0 0 1 * * *", cluster: {name: db}}
        ---
        apiVersion: postgresql.cnpg.io/v1
        kind: ScheduledBackup
        metadata: {name: db-weekly, namespace: app}
        spec: {schedule: "0 30 4 * * 6", cluster: {name: db}, immediate: true}
        """

    @Test("two ScheduledBackups of one cluster: two jobs on one workload; an AWS endpoint is an s3 target in its region")
    func twoScheduledBackups() throws {
        let s = try scenario(Self.cluster)
        #expect(s.workloads.map(\.name) == ["db"])
        #expect(s.cnpg.map(\.name) == ["db-daily", "db-weekly"])
        #expect(s.cnpg.allSatisfy { $0.workload == "db" && $0.retentionDays == 14 && $0.target == "s3-pg" })
        #expect(s.cnpg.first { $0.name == "db-weekly" }?.immediate == true)
        // https://s3.eu-central-1.amazonaws.com: the region of the endpoint.
        #expect(s.targets.map(\.name) == ["s3-pg"])
        #expect(s.targets.first?.kind == .s3 && s.targets.first?.region == "eu-central-1")
    }

    @Test("Velero without defaultVolumesToFsBackup copies only the pod volumes annotated backup.velero.io/backup-volumes")
    func optIn() throws {
        let s = try scenario(
            """
            apiVersion: velero.io/v1
            kind: BackupStorageLocation
            metadata: {name: default, namespace: velero}
            spec: {default: true, objectStorage: {bucket: velero}, config: {s3Url: "http://minio.minio:9000"}}
            ---
            apiVersion: velero.io/v1
            kind: Schedule
            metadata: {name: nightly, namespace: velero}
            spec:
              schedule: "0 1 * * *"
              template: {includedNamespaces: [app]}
            ---
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata: {name: uploads, namespace: app}
            spec: {resources: {requests: {storage: 4Gi}}}
            ---
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata: {name: cache, namespace: app}
            spec: {resources: {requests: {storage: 2Gi}}}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: app}
            spec:
              template:
                metadata:
                  annotations: {backup.velero.io/backup-volumes: "files"}
                spec:
                  volumes:
                    - {name: files, persistentVolumeClaim: {claimName: uploads}}
                    - {name: tmp, persistentVolumeClaim: {claimName: cache}}
            """)
        let job = try #require(s.velero.first)
        // Only 'files' (the uploads claim) is annotated; 'cache' is not copied, and no ttl: 720h.
        #expect(job.volumes == ["uploads"] && job.ttl == Seconds(720 * 3600) && job.target == "minio")
        #expect(s.workloads.first { $0.name == "uploads" }?.volume?.bytes == 4.0 * 1_073_741_824)
        #expect(!s.workloads.contains { $0.name == "cache" })
    }

    @Test("Longhorn 1.8's defaultBackupStore, and a MinIO Tenant: raw = servers × volumes × size, the erasure set")
    func longhorn18AndTenant() throws {
        let s = try scenario(
            """
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata: {name: longhorn, namespace: longhorn-system}
            spec:
              chart: {spec: {chart: longhorn}}
              values:
                defaultBackupStore:
                  backupTarget: s3://lh@us-east-2/
                  pollInterval: "600"
            ---
            apiVersion: minio.min.io/v2
            kind: Tenant
            metadata: {name: store, namespace: minio}
            spec:
              pools:
                - servers: 4
                  volumesPerServer: 4
                  volumeClaimTemplate: {spec: {resources: {requests: {storage: 100Gi}}}}
            ---
            apiVersion: longhorn.io/v1beta2
            kind: RecurringJob
            metadata: {name: daily, namespace: longhorn-system}
            spec: {task: backup, cron: "0 2 * * *", retain: 14, groups: [default]}
            ---
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata: {name: data, namespace: app}
            spec: {storageClassName: longhorn, resources: {requests: {storage: 10Gi}}}
            """)
        let job = try #require(s.longhorn.first)
        #expect(job.volumes == ["data"] && job.retain == 14)
        // No credential secret: AWS S3, bucket lh in us-east-2, polled every 600 s.
        let t = try #require(s.targets.first { $0.name == job.target })
        #expect(t.name == "s3-lh" && t.kind == .s3 && t.region == "us-east-2" && t.bucket.pollInterval == Seconds(600))
        // The Tenant has no job writing to it: no minio target. 4 × 4 × 100Gi would be
        // 1,600 GiB with an erasure set of 16 drives (checked by erasureSet below).
        #expect(!s.targets.contains { $0.kind == .minio })
        #expect(ManifestImporter.erasureSet(drives: 16) == 16 && ManifestImporter.erasureSet(drives: 24) == 12)
    }

    @Test("a Longhorn credential secret with AWS_ENDPOINTS sends the backups to the cluster's MinIO Tenant")
    func tenantTarget() throws {
        let s = try scenario(
            """
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata: {name: longhorn, namespace: longhorn-system}
            spec:
              chart: {spec: {chart: longhorn}}
              values:
                defaultBackupStore: {backupTarget: "s3://lh@minio/", backupTargetCredentialSecret: lh-creds}
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: lh-creds, namespace: longhorn-system}
            stringData: {AWS_ENDPOINTS: "http://minio.minio.svc:80"}
            ---
            apiVersion: minio.min.io/v2
            kind: Tenant
            metadata: {name: store, namespace: minio}
            spec:
              pools:
                - servers: 4
                  volumesPerServer: 4
                  volumeClaimTemplate: {spec: {resources: {requests: {storage: 100Gi}}}}
            ---
            apiVersion: longhorn.io/v1beta2
            kind: RecurringJob
            metadata: {name: daily, namespace: longhorn-system}
            spec: {task: backup, cron: "0 2 * * *", retain: 14, groups: [default]}
            ---
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata: {name: data, namespace: app}
            spec: {storageClassName: longhorn, resources: {requests: {storage: 10Gi}}}
            """)
        let job = try #require(s.longhorn.first)
        let t = try #require(s.targets.first { $0.name == job.target })
        // 4 servers × 4 volumes × 100Gi = 1,600 GiB raw; 16 drives, one erasure set of 16;
        // no pollInterval: Longhorn's default 300 s.
        #expect(t.name == "store" && t.kind == .minio && t.capacity?.bytes == 1600.0 * 1_073_741_824 && t.drives == 16)
        #expect(t.bucket.pollInterval == Seconds(300) && t.series?.buckets == ["lh"])
    }

    @Test("a kustomization's namespace is set on what it lists; a v1 List's items are read; a BSL's region is read")
    func kustomizeNamespace() throws {
        let dir = try ImportInputTests().folder([
            "kustomization.yaml": "namespace: shop\nresources: [app, velero.yaml]\n",
            "app/kustomization.yaml": "resources: [pvc.yaml]\n",
            "app/pvc.yaml": """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: PersistentVolumeClaim
              metadata: {name: data}
              spec: {resources: {requests: {storage: 3Gi}}}
            """,
            "velero.yaml": """
            apiVersion: velero.io/v1
            kind: Schedule
            metadata: {name: s, namespace: velero}
            spec: {schedule: "0 1 * * *", template: {includedNamespaces: [shop], defaultVolumesToFsBackup: true}}
            ---
            apiVersion: velero.io/v1
            kind: BackupStorageLocation
            metadata: {name: default, namespace: velero}
            spec: {default: true, objectStorage: {bucket: v}, config: {region: eu-central-1}}
            """,
        ])
        let outcome = try ManifestImport.run(paths: [dir], name: "ns", format: .yaml, standardInput: ImportTests.noInput).get()
        let options = LoadOptions(file: "ns.yaml", defaultName: "ns", today: CivilDate(year: 2026, month: 1, day: 1))
        let s = try ScenarioLoader.load(text: outcome.text, options: options).get()
        // kustomize puts the PVC in 'shop' (the outer kustomization's namespace), so the
        // Schedule of namespace shop covers it.
        #expect(s.velero.first?.volumes == ["data"])
        #expect(s.workloads.first?.series?.namespace == "shop")
        #expect(s.targets.first?.region == "eu-central-1" && s.targets.first?.kind == .s3)
        #expect(outcome.text.contains("region: eu-central-1  # \(dir)/velero.yaml:9 spec.config.region"))
    }

    @Test("a region without built-in prices gets us-east-1's prices as a guess; a substituted cron only its warning")
    func regionAndSubstitution() throws {
        let s = try scenario(
            Self.cluster.replacing("s3.eu-central-1.amazonaws.com", with: "s3.eu-west-1.amazonaws.com")
                .replacing("\"0 30 4 * * 6\"", with: "\"${WEEKLY}\""))
        let t = try #require(s.targets.first)
        #expect(t.region == "eu-west-1" && t.prices?.storageTiers.first?.price == Money(0.023))
        // db-weekly's schedule is set by Flux in the cluster: left out, with one warning.
        #expect(s.cnpg.map(\.name) == ["db-daily"])
        let findings = try ManifestImport.lint(paths: ["-"]) { () throws(PlanIOError) -> [UInt8] in
            Array(Self.cluster.replacing("\"0 30 4 * * 6\"", with: "\"${WEEKLY}\"").utf8)
        }.get()
        let weekly = findings.filter { $0.path.hasPrefix("ScheduledBackup/db-weekly") }
        #expect(weekly.count == 1 && weekly.first?.severity == .warning && weekly.first?.message.contains("Flux substitution") == true)
    }

    @Test("Velero's labelSelector: only the PVCs whose own labels or whose pod's labels match")
    func labelSelector() throws {
        let s = try scenario(
            """
            apiVersion: velero.io/v1
            kind: BackupStorageLocation
            metadata: {name: default, namespace: velero}
            spec: {default: true, objectStorage: {bucket: velero}, config: {s3Url: "http://minio.minio:9000"}}
            ---
            apiVersion: velero.io/v1
            kind: Schedule
            metadata: {name: nightly, namespace: velero}
            spec:
              schedule: "0 1 * * *"
              template: {includedNamespaces: [app], defaultVolumesToFsBackup: true, labelSelector: {matchLabels: {backup: "yes"}}}
            ---
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata: {name: labelled, namespace: app, labels: {backup: "yes"}}
            spec: {resources: {requests: {storage: 1Gi}}}
            ---
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata: {name: by-pod, namespace: app}
            spec: {resources: {requests: {storage: 1Gi}}}
            ---
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata: {name: other, namespace: app}
            spec: {resources: {requests: {storage: 1Gi}}}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: app}
            spec:
              template:
                metadata: {labels: {backup: "yes"}}
                spec:
                  volumes: [{name: v, persistentVolumeClaim: {claimName: by-pod}}]
            """)
        #expect(s.velero.first?.volumes == ["by-pod", "labelled"])
    }

    @Test("a BackupStorageLocation from the velero chart's values, in an AWS region")
    func chartStorageLocation() throws {
        let s = try scenario(
            """
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata: {name: velero, namespace: velero}
            spec:
              chart: {spec: {chart: velero}}
              values:
                configuration:
                  backupStorageLocation:
                    - name: default
                      provider: aws
                      bucket: cluster-backups
                      default: true
                      config: {region: us-west-2}
            ---
            apiVersion: velero.io/v1
            kind: Schedule
            metadata: {name: nightly, namespace: velero}
            spec: {schedule: "0 1 * * *", template: {ttl: 168h}}
            """)
        let job = try #require(s.velero.first)
        let t = try #require(s.targets.first)
        #expect(job.target == "s3-cluster-backups" && t.kind == .s3 && t.region == "us-west-2")
        #expect(t.series?.buckets == ["cluster-backups"])
    }
}
