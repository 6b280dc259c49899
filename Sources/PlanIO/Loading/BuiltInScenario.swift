/// The built-in example scenario: `plan simulate` without a file runs it. It is the same
/// text as `scenarios/seed.yaml` (a test checks that the two never drift apart).
public enum BuiltInScenario {
    /// The name used in messages about the built-in example.
    public static let fileName = "scenarios/seed.yaml"

    public static let seedYAML = #"""
        # The reference cluster of backup-strategy.md, as its authors describe it, nothing improved:
        # Gitea and Coder on PostgreSQL (CloudNative-PG), volumes on Longhorn, Velero for the
        # cluster. Figures the document gives are used as they are; where it gives none, the value
        # below is our guess and says so. Its "~5 GB compressed daily" for Velero and "$23/month
        # for 100 GB of S3" are claims the summary checks, not inputs.
        version: 1
        name: seed
        description: GitOps cluster (Flux) with Gitea and Coder on CNPG, Longhorn volumes, Velero to MinIO
        start: 2026-01-01
        horizon: 365d

        workloads:
          gitea-db:
            kind: postgres
            size: 2GiB            # guess: the document gives no initial size
            growth: 2GB/day       # "Gitea Database: ~2GB daily growth"
            wal: 500MB/day        # "PostgreSQL WAL: ~500MB daily per database"
            volume: 20Gi          # "Embedded PostgreSQL (20Gi)"
          coder-db:
            kind: postgres
            size: 1GiB            # guess
            growth: 1GB/day       # "Coder Database: ~1GB daily growth"
            wal: 500MB/day
            volume: 20Gi          # "Dedicated PostgreSQL (20Gi)"
          gitea-data:
            kind: volume          # Gitea's repositories; the document gives no figures
            size: 10GiB           # guess
            growth: 100MB/day     # guess
            churn: 200MB/day      # guess: pushes and git gc rewriting packs
            volume: 50Gi          # guess

        backups:
          cnpg:
            # The Cluster manifests set `retentionPolicy: "30d"` and no compression. The document
            # shows no ScheduledBackup; a daily one at 02:00 is what it implies, written as CNPG
            # reads cron (seconds first): "0 0 2 * * *".
            gitea-postgres:
              workload: gitea-db
              schedule: "0 0 2 * * *"
              retention: 30d
              target: minio
            coder-postgres:
              workload: coder-db
              schedule: "0 0 2 * * *"
              retention: 30d
              target: minio
          velero:
            # Schedule daily-cluster-backup: 02:00 daily, ttl 720h; defaultVolumesToFsBackup: true
            # copies every volume of the gitea and coder namespaces through Kopia.
            daily-cluster-backup:
              schedule: "0 2 * * *"
              ttl: 720h
              volumes: [gitea-db, coder-db, gitea-data]
              target: minio
            # The monthly validation CronJob (0 4 1 * *) runs `velero backup create` with the
            # default TTL and no file-system backup.
            dr-drill:
              schedule: "0 4 1 * *"
              volumes: []
              target: minio
          longhorn:
            # Daily backups of the three volumes to the backup target the HelmRelease configures,
            # s3://longhorn-backups@us-west-1/, read as an AWS S3 bucket in us-west-1 (the
            # commented-out MinIO alternative is not what the document configures).
            daily-backup:
              task: backup
              schedule: "0 3 * * *"   # guess: daily, after the 02:00 jobs
              retain: 7               # guess: the document sets no retain count
              volumes: [gitea-db, coder-db, gitea-data]
              target: s3-longhorn

        targets:
          minio:
            kind: minio
            capacity: 1TB           # "Local MinIO (1TB)"
            monthly_cost: 50        # "$50/month hardware amortization"
          s3-longhorn:
            kind: s3
            region: us-west-1

        kpis:
          monthly_budget: 100       # "< $100/month total backup costs"
          rpo: 1h
          rto: 30min
          efficiency: 70%           # "> 70% compression ratio"

        """#
}
