import Testing

@testable import PlanCore
@testable import PlanIO

/// The version 2 keys of scenario.md: each read into the model, and every error of
/// "Version 2 errors" (examples.md E43) at its line and column. `⟨⟩` marks where the error
/// must point.
@Suite("Scenario loader, version 2")
struct Version2LoaderTests {
    let loader = LoaderTests()

    /// examples.md E31: a versioned MinIO bucket with a noncurrent expiry.
    static let e31 = """
        version: 2
        name: e31
        start: 2026-01-01
        horizon: 8d
        workloads: {}
        backups:
          velero:
            res: {schedule: "0 0 * * *", ttl: 48h, target: m}
        targets:
          m: {kind: minio, capacity: 100Ti, versioning: true, noncurrent_expiry: 2d}
        """

    /// examples.md E42 with a drill, and every other version 2 key on an s3 target.
    static let full = """
        version: 2
        name: full
        start: 2026-01-01
        horizon: 5d
        workloads:
          vol: {kind: volume, size: 10GiB, growth: 10GiB/day}
        backups:
          longhorn:
            lh: {schedule: "0 0 * * *", retain: 2, volumes: [vol], target: m, snapshot_target: disks}
        targets:
          m: {kind: minio, capacity: 10Ti, versioning: true, object_lock: 7d, poll_interval: 10min}
          disks: {kind: cluster, capacity: 1Ti}
          s3:
            kind: s3
            replicates: [longhorn/lh]
            storage_class: standard-ia
            lifecycle: [{after: 60d, class: glacier-ir}, {after: 120d, class: deep-archive}]
            prices: {classes: {deep-archive: {storage_gb_month: 0.002}}}
        restore: {egress_free: 0}
        drills:
          d: {schedule: "0 12 1,3 1 *", workload: vol, job: longhorn/lh}
          off-site: {schedule: "@monthly", workload: vol, job: longhorn/lh, target: s3}
        kpis: {mttr: 150s}
        """

    @Test("every version 2 key is read into the model")
    func reads() throws {
        let s = try loader.load(Self.full).get()
        #expect(s.version == 2)
        let m = try #require(s.targets.first { $0.name == "m" })
        #expect(m.bucket.versioning && m.bucket.objectLockDays == 7 && m.bucket.noncurrentExpiryDays == nil)
        #expect(m.bucket.pollInterval == Seconds(600))
        let s3 = try #require(s.targets.first { $0.name == "s3" })
        #expect(s3.bucket.storageClass == .standardIA)
        #expect(
            s3.bucket.lifecycle == [
                LifecycleRule(afterDays: 60, storageClass: .glacierIR), LifecycleRule(afterDays: 120, storageClass: .deepArchive),
            ])
        // The override of one price keeps the built-in others (us-east-1: Deep Archive PUT 0.05).
        #expect(s3.prices?.classes[.deepArchive]?.storageGBMonth == Money(0.002))
        #expect(s3.prices?.classes[.deepArchive]?.putPer1000 == Money(0.05))
        #expect(s3.prices?.egressGB == Money(0.09))
        #expect(s3.bucket.pollInterval == Seconds(300))  // the default
        #expect(s.longhorn.first?.snapshotTarget == "disks")
        #expect(s.restore.egressFree == ByteCount(0))
        #expect(s.kpis.mttr == Seconds(150))
        // Drills sorted by name; a drill's target defaults to the job's own.
        #expect(s.drills.map(\.name) == ["d", "off-site"])
        #expect(s.drills.map(\.target) == ["m", "s3"])
        #expect(s.drills[0].job == "longhorn/lh" && s.drills[0].workload == "vol")
    }

    @Test("E31 loads, and without version 2 its v2 key says to add it")
    func versionGate() throws {
        #expect(try loader.load(Self.e31).get().targets[0].bucket.noncurrentExpiryDays == 2)
        let v1 = Self.e31.replacing("version: 2", with: "version: 1")
            .replacing("versioning: true, noncurrent_expiry", with: "⟨⟩versioning: true, ⟨⟩noncurrent_expiry")
        loader.expectErrors(
            v1,
            [
                ("targets.m.versioning", "a version 2 key; add version: 2"),
                ("targets.m.noncurrent_expiry", "a version 2 key; add version: 2"),
            ])
        // A version 1 file's unknown-key suggestions list only version 1 keys.
        let typo = Self.e31.replacing("version: 2", with: "version: 1").replacing(
            "m: {kind: minio, capacity: 100Ti, versioning: true, noncurrent_expiry: 2d}", with: "m: {kind: minio, capacity: 100Ti, ⟨⟩drivess: 4}")
        loader.expectErrors(typo, [("targets.m.drivess", "unknown key; did you mean 'drives'?")])
    }

    @Test("E43: object lock and noncurrent expiry need versioning")
    func needsVersioning() {
        loader.expectErrors(
            Self.e31.replacing("versioning: true, noncurrent_expiry: 2d", with: "⟨⟩object_lock: 30d"),
            [("targets.m.object_lock", "'object_lock' needs a versioned bucket; add versioning: true")])
    }

    @Test("E43: no storage class or lifecycle on MinIO, no version 2 key on a cluster target")
    func wrongKinds() {
        loader.expectErrors(
            Self.e31.replacing("noncurrent_expiry: 2d}", with: "noncurrent_expiry: 2d, ⟨⟩lifecycle: [{after: 30d, class: glacier-ir}]}"),
            [
                (
                    "targets.m.lifecycle",
                    "'lifecycle' applies only to s3 targets, and this one is minio (MinIO's own lifecycle transitions move data to another store, which the model does not simulate); remove it"
                )
            ])
        loader.expectErrors(
            Self.full.replacing("disks: {kind: cluster, capacity: 1Ti}", with: "disks: {kind: cluster, capacity: 1Ti, ⟨⟩versioning: true}"),
            [("targets.disks.versioning", "'versioning' applies only to minio or s3 targets, and this one is cluster; remove it")])
    }

    /// examples.md E36 with its lifecycle rule replaced.
    static func e36(lifecycle: String) -> String {
        """
        version: 2
        name: e36
        start: 2026-01-01
        horizon: 40d
        workloads: {}
        backups:
          velero:
            res: {schedule: "0 0 * * *", ttl: 2160h, resources: 1GiB, target: s3}
        targets:
          s3:
            kind: s3
            lifecycle: \(lifecycle)
        """
    }

    @Test("E43: a lifecycle that is not S3's waterfall")
    func waterfall() throws {
        #expect(try loader.load(Self.e36(lifecycle: "[{after: 30d, class: standard-ia}]")).get().targets[0].bucket.lifecycle.count == 1)
        // Into standard-ia only after 30 days.
        loader.expectErrors(
            Self.e36(lifecycle: "[{after: ⟨⟩7d, class: standard-ia}]"),
            [("targets.s3.lifecycle.after", "S3 transitions to standard-ia only after at least 30 days; use after: 30d or more")])
        // Each class colder than the one before; days strictly increasing.
        loader.expectErrors(
            Self.e36(lifecycle: "[{after: 90d, class: glacier-ir}, {after: 120d, class: ⟨⟩standard-ia}]"),
            [
                (
                    "targets.s3.lifecycle.class",
                    "'standard-ia' is not colder than 'glacier-ir'; S3 transitions only to colder classes: standard → standard-ia → onezone-ia → glacier-ir → glacier-flexible → deep-archive"
                )
            ])
        loader.expectErrors(
            Self.e36(lifecycle: "[{after: 90d, class: glacier-ir}, {after: ⟨⟩60d, class: deep-archive}]"),
            [("targets.s3.lifecycle.after", "after '60d' is not later than the transition before it (90d)")])
        loader.expectErrors(
            Self.e36(lifecycle: "[{after: 30d, class: onezone-ia}, {after: 60d, class: ⟨⟩glacier-ir}]"),
            [("targets.s3.lifecycle.class", "S3 does not transition onezone-ia to glacier-ir; use glacier-flexible or deep-archive")])
        // Whole days only.
        loader.expectErrors(
            Self.e36(lifecycle: "[{after: ⟨⟩36h, class: glacier-ir}]"),
            [("targets.s3.lifecycle.after", "expected whole days of at least 1 such as '30d', found '36h'")])
    }

    @Test("a class without built-in prices in the region needs prices.classes")
    func classPrices() {
        let text = Self.e36(lifecycle: "[{after: 30d, class: standard-ia}]").replacing(
            "    kind: s3\n    lifecycle: ", with: "    kind: s3\n    region: eu-central-1\n    lifecycle: ⟨⟩")
        loader.expectErrors(
            text, [("targets.s3.lifecycle", "region 'eu-central-1' has no built-in prices for standard-ia; give prices.classes.standard-ia")])
    }

    @Test("E43: a drill whose job does not protect its workload, or whose target holds no copy")
    func drills() {
        let e42 = """
            version: 2
            name: e42
            start: 2026-01-01
            horizon: 5d
            workloads:
              vol: {kind: volume, size: 10GiB, growth: 10GiB/day}
              other: {kind: volume, size: 1GiB}
            backups:
              longhorn:
                lh: {schedule: "0 0 * * *", retain: 2, volumes: [vol], target: m}
            targets:
              m: {kind: minio, capacity: 10Ti}
              n: {kind: minio, capacity: 10Ti}
            drills:
              d: {schedule: "0 12 1,3 1 *", workload: WORKLOAD, job: JOB TARGET}
            kpis: {mttr: 150s}
            """
        func drill(_ workload: String, _ job: String, _ target: String = "") -> String {
            e42.replacing("WORKLOAD", with: workload).replacing("JOB", with: job).replacing(" TARGET", with: target)
        }
        loader.expectErrors(
            drill("⟨⟩other", "longhorn/lh"), [("drills.d.workload", "'longhorn/lh' does not protect 'other'; name a workload the job backs up")])
        loader.expectErrors(drill("⟨⟩nope", "longhorn/lh"), [("drills.d.workload", "no workload named 'nope'; the workloads are vol, other")])
        loader.expectErrors(drill("vol", "⟨⟩longhorn/lhh"), [("drills.d.job", "no job 'longhorn/lhh'; did you mean 'longhorn/lh'?")])
        loader.expectErrors(drill("vol", "longhorn/lh", ", target: ⟨⟩n"), [("drills.d.target", "'n' holds no copy of 'longhorn/lh'; read from m")])
    }

    @Test("snapshot_target names a cluster target, on a backup job")
    func snapshotTarget() {
        loader.expectErrors(
            Self.full.replacing("snapshot_target: disks", with: "snapshot_target: ⟨⟩s3"),
            [("backups.longhorn.lh.snapshot_target", "'s3' is a s3 target; the snapshot stays on the cluster's disks")])
    }
}
