import PlanCore
import Testing

@testable import PlanIO

extension LoaderTests {
    // MARK: - Cross references and kinds

    @Test func cnpgJobOnAVolumeWorkload() {
        expectErrors(
            base(replacing: "workload: app-db", with: "workload: ⟨⟩files"),
            [
                (
                    "backups.cnpg.app-postgres.workload",
                    "'files' is a volume workload; a cnpg job backs up a postgres workload; back up a volume with a velero or longhorn job"
                )
            ])
    }

    @Test func walOnlyOnPostgres() {
        expectErrors(
            base(replacing: "size: 20Gi\n", with: "size: 20Gi\n    ⟨⟩wal: 1GiB/day\n"),
            [("workloads.files.wal", "'wal' applies only to postgres workloads, and 'files' is a volume; remove it")])
    }

    @Test func veleroCompressionAlgorithm() {
        expectErrors(
            base(replacing: "      volumes: [files]\n", with: "      volumes: [files]\n      compression: ⟨⟩gzip\n"),
            [
                (
                    "backups.velero.nightly.compression",
                    "'gzip' is not available: Velero's Kopia uploader does not compress (and encrypts, so the store cannot either); give 'none', or a measured ratio in (0, 1] instead"
                )
            ])
    }

    @Test func compressionTheToolLacks() throws {
        expectErrors(
            base(replacing: "      retention: 30d\n", with: "      retention: 30d\n      compression: ⟨⟩zstd\n      wal_compression: zstd\n"),
            [
                (
                    "backups.cnpg.app-postgres.compression",
                    "'zstd' is not a compression offered by CNPG for base backups; expected one of none, gzip, bzip2, snappy, lz4, or a measured ratio in (0, 1]"
                )
            ])
        let s = try load(base(replacing: "      retention: 30d\n", with: "      retention: 30d\n      compression: 0.3\n")).get()
        #expect(s.cnpg.first?.compression == .ratio(0.3))
    }

    @Test func parityTooHigh() {
        expectErrors(
            base(replacing: "drives: 4\n", with: "drives: 4\n    parity: ⟨⟩3\n"),
            [
                (
                    "targets.minio.parity",
                    "parity '3' is more than half of 4 drives; MinIO allows at most half the drives as parity; use at most 2"
                )
            ])
    }

    @Test func keysThatDoNotApplyToTheTargetKind() {
        expectErrors(
            """
            workloads:
              files: {kind: volume, size: 1Gi}
            backups:
              velero:
                nightly: {schedule: "0 3 * * *", volumes: [files], target: bucket}
            targets:
              bucket:
                kind: s3
                ⟨⟩capacity: 1Ti
                ⟨⟩drives: 4
              disks:
                kind: cluster
                capacity: 1Ti
                ⟨⟩region: us-east-1
                ⟨⟩replicates: [velero/nightly]

            """,
            [
                ("targets.bucket.capacity", "an s3 target has no capacity limit; remove 'capacity'"),
                ("targets.bucket.drives", "'drives' applies only to minio targets, and this one is s3; remove it"),
                ("targets.disks.region", "'region' applies only to s3 targets, and this one is cluster; remove it"),
                ("targets.disks.replicates", "'replicates' applies only to minio or s3 targets, and this one is cluster; remove it"),
            ])
    }

    @Test func regionWithoutPrices() {
        expectErrors(
            base(replacing: "targets:\n", with: "targets:\n  offsite:\n    kind: s3\n    region: ⟨⟩ap-south-1\n"),
            [
                (
                    "targets.offsite.region",
                    "region 'ap-south-1' has no built-in prices; give prices.storage_gb_month and prices.put_per_1000; or use one of us-east-1, us-east-2, us-west-1, us-west-2, eu-central-1"
                )
            ])
    }

    @Test func tierListWhoseLastTierHasUpTo() {
        expectErrors(
            base(
                replacing: "targets:\n",
                with: """
                    targets:
                      offsite:
                        kind: s3
                        prices:
                          storage_gb_month:
                            - {up_to: 50Ti, price: 0.023}
                            - {⟨⟩up_to: 500Ti, price: 0.022}

                    """),
            [
                (
                    "targets.offsite.prices.storage_gb_month.up_to",
                    "the last tier must not have 'up_to': it prices everything above the tier before it; add a last tier with only a price"
                )
            ])
    }

    @Test func tierBoundsMustIncrease() {
        expectErrors(
            base(
                replacing: "targets:\n",
                with: """
                    targets:
                      offsite:
                        kind: s3
                        prices:
                          storage_gb_month: [{up_to: 50Ti, price: 0.023}, {up_to: ⟨⟩10Ti, price: 0.022}, {price: 0.021}]

                    """),
            [("targets.offsite.prices.storage_gb_month.up_to", "up_to '10Ti' is not above the previous tier's up_to; up_to is cumulative")])
    }

    @Test func jobAndTargetKinds() {
        expectErrors(
            base(
                replacing: "targets:\n",
                with: """
                      longhorn:
                        snap: {task: snapshot, schedule: "0 * * * *", retain: 3, volumes: [files], target: ⟨⟩minio}
                        back: {schedule: "0 * * * *", retain: 3, volumes: [files], target: ⟨⟩disks}
                    targets:
                      disks: {kind: cluster, capacity: 1Ti}

                    """),
            [
                (
                    "backups.longhorn.snap.target",
                    "'minio' is a minio target; a longhorn snapshot job stays on the cluster's disks and needs a cluster target"
                ),
                (
                    "backups.longhorn.back.target",
                    "'disks' is a cluster target; a longhorn backup job writes to an object store (a minio or s3 target)"
                ),
            ])
    }

    @Test func replicatesChecks() {
        expectErrors(
            """
            workloads:
              app-db: {kind: postgres, size: 1Gi}
              files: {kind: volume, size: 1Gi}
            backups:
              cnpg:
                app-postgres: {workload: app-db, retention: 7d, target: self}
              velero:
                nightly: {schedule: "0 3 * * *", volumes: [files], target: self}
              longhorn:
                snap: {task: snapshot, schedule: "0 * * * *", retain: 3, volumes: [files], target: disks}
            targets:
              self:
                kind: minio
                capacity: 1TB
                replicates: [⟨⟩cnpg/app-postgres]
              offsite:
                kind: s3
                replicates: [⟨⟩cnpg/app-postgre, ⟨⟩restic/x, velero/nightly, ⟨⟩velero/nightly, ⟨⟩longhorn/snap]
              disks: {kind: cluster, capacity: 1Ti}

            """,
            [
                ("targets.self.replicates", "'cnpg/app-postgres' already writes to 'self'; a target cannot hold a replica of its own job"),
                ("targets.offsite.replicates", "no cnpg job named 'app-postgre'; did you mean 'app-postgres'?"),
                (
                    "targets.offsite.replicates",
                    "expected a job as TIER/NAME such as 'cnpg/app-postgres', found 'restic/x'; TIER is one of cnpg, velero, longhorn"
                ),
                ("targets.offsite.replicates", "'velero/nightly' is listed twice"),
                (
                    "targets.offsite.replicates",
                    "'longhorn/snap' is a snapshot job; snapshots stay on the cluster's disks and cannot be replicated"
                ),
            ])
    }

    @Test func growthPastTheModelLimit() {
        // 1 PiB growing 1 EiB a day: size at the end of day d is 2^50 + 2^60·(d+1), which
        // passes 2^70 first when d + 1 = 1024, at d = 1023 (2026-01-01 + 1023 days = 2028-10-20).
        expectErrors(
            base(replacing: "horizon: 30d", with: "horizon: 10y").replacing("size: 20Gi\n", with: "size: 1PiB\n    growth: ⟨⟩1024PiB/day\n"),
            [
                (
                    "workloads.files.growth",
                    "workload 'files' grows past 2^70 bytes (1 ZiB), the most the model handles, on day 1023 (2028-10-20); lower the growth or shorten the horizon"
                )
            ])
        #expect(ScenarioValidator.firstDayPastModelLimit(size: 0x1p50, growth: .absolute(bytesPerDay: 0x1p60), days: 3650) == 1023)
        #expect(ScenarioValidator.firstDayPastModelLimit(size: 0x1p50, growth: .absolute(bytesPerDay: 0x1p60), days: 1023) == nil)
        // Doubling every day from 2^60: end of day d is 2^(61+d), past 2^70 at d = 10.
        #expect(ScenarioValidator.firstDayPastModelLimit(size: 0x1p60, growth: .relative(fraction: 1, periodDays: 1), days: 365) == 10)
        #expect(ScenarioValidator.firstDayPastModelLimit(size: 0x1p69, growth: .absolute(bytesPerDay: -1e20), days: 365) == nil)
    }
}
