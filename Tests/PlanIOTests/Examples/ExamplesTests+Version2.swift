import Testing

@testable import PlanCore
@testable import PlanIO

/// examples.md section 19, "Version 2: the object store as billed": each value worked out
/// by hand there (the arithmetic is repeated in the comments).
@Suite("spec/examples.md, version 2")
struct Version2ExamplesTests {
    static let mib = 1_048_576.0
    static let gib = 1_073_741_824.0

    func close(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-6, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let a else {
            Issue.record("no value, expected \(b)", sourceLocation: sourceLocation)
            return
        }
        #expect(abs(a - b) <= tolerance, "\(a) ≠ \(b)", sourceLocation: sourceLocation)
    }

    @Test("E31: a versioned MinIO bucket keeps two days of deletions as noncurrent versions")
    func e31() throws {
        let run = try Version2Run(Version2LoaderTests.e31)
        // Run k expires at the end of day k+1: stored 10 MiB; deleted(d) = 10 + 10 − 10 = 10 MiB
        // from day 1; a deletion of day e is noncurrent on days e, e+1 (removed at e + 2).
        let day5 = try #require(run.row(day: 5, job: "velero/res", target: "m"))
        #expect(day5.stored == 10 * Self.mib)
        #expect(day5.deleted == 10 * Self.mib)
        #expect(day5.noncurrent == 20 * Self.mib)
        #expect(run.row(day: 0, job: "velero/res", target: "m")?.deleted == 0)
        #expect(run.target(day: 5, "m")?.used == 30 * Self.mib)
        #expect(run.target(day: 5, "m")?.noncurrent == 20 * Self.mib)
        #expect(run.target(day: 1, "m")?.noncurrent == 10 * Self.mib)
    }

    @Test("E32: object lock keeps each deletion four days instead of one")
    func e32() throws {
        let yaml = Version2LoaderTests.e31.replacing("name: e31", with: "name: e32").replacing(
            "versioning: true, noncurrent_expiry: 2d", with: "versioning: true, noncurrent_expiry: 1d, object_lock: 5d")
        let run = try Version2Run(yaml)
        // The 10 MiB deleted on day e are lot e − 1: removed at max(e + 1, e − 1 + 5) = e + 4.
        // Day 3: deletions of days 1, 2, 3; day 6: days 3, 4, 5, 6.
        #expect(run.row(day: 3, job: "velero/res", target: "m")?.noncurrent == 30 * Self.mib)
        #expect(run.row(day: 6, job: "velero/res", target: "m")?.noncurrent == 40 * Self.mib)
    }

    static let e33 = """
        version: 2
        name: e33
        start: 2026-01-01
        horizon: 10d
        workloads:
          vol: {kind: volume, size: 10GiB, churn: 1GiB/day}
        backups:
          longhorn:
            lh: {schedule: "0 0 * * *", retain: 2, volumes: [vol], compression: none, target: s3}
        targets:
          s3: {kind: s3, versioning: true, poll_interval: 0}
        """

    @Test("E33: a Longhorn chain on a versioned bucket without expiry, and its bill")
    func e33() throws {
        let run = try Version2Run(Self.e33)
        // Stored 10 GiB on day 0, then 11; from day 2 deleted(d) = 11 + 1 − 11 = 1 GiB, kept
        // for ever: noncurrent(d) = (d − 1) GiB.
        let day2 = try #require(run.row(day: 2, job: "longhorn/lh", target: "s3", workload: "vol"))
        #expect(day2.deleted == Self.gib)
        #expect(day2.noncurrent == Self.gib)
        #expect(run.row(day: 1, job: "longhorn/lh", target: "s3", workload: "vol")?.deleted == 0)
        #expect(run.row(day: 9, job: "longhorn/lh", target: "s3", workload: "vol")?.noncurrent == 8 * Self.gib)
        let jan = try #require(run.month("2026-01", "s3"))
        // used 10, 11, then 11 + (d − 1): 145 GiB-days / 31 = 4.677419; × 0.023 = 0.107581.
        close(jan.gbMonths, 145.0 / 31)
        close(jan.storageCost.amount, 145.0 / 31 * 0.023)
        // noncurrent (1 + … + 8) / 31 = 36 / 31.
        close(jan.billing?.noncurrentGBMonths, 36.0 / 31)
        // PUTs 5120 + 9 × 512 = 9728 at 0.005 per 1,000.
        #expect(jan.putRequests == 9728)
        close(jan.requestCost.amount, 9728 * 0.005 / 1000)
        close(jan.totalCost.amount, 145.0 / 31 * 0.023 + 9728 * 0.005 / 1000)
    }

    static let e34 = """
        version: 2
        name: e34
        start: 2026-01-01
        horizon: 31d
        workloads:
          vol: {kind: volume, size: 20MiB}
        backups:
          longhorn:
            lh: {schedule: "0 0 * * *", retain: 3, volumes: [vol], compression: none, target: s3}
        targets:
          s3: {kind: s3}
        """

    @Test("E34: the Longhorn backup target poll lists the bucket every 300 s")
    func e34() throws {
        let run = try Version2Run(Self.e34)
        let jan = try #require(run.month("2026-01", "s3"))
        // 288 polls a day, V = 1 from the first (after the run at 0): 4 LISTs and 1 HEAD each.
        #expect(jan.billing?.listRequests == Double(31 * 288 * 4))  // 35712
        #expect(jan.billing?.getRequests == Double(31 * 288))  // 8928
        #expect(jan.putRequests == 10)  // 20 MiB / 2 MiB blocks, once
        close(jan.requestCost.amount, (10 * 0.005 + 35712 * 0.005 + 8928 * 0.0004) / 1000)  // 0.18218
        close(jan.storageCost.amount, 20.0 / 1024 * 0.023)  // 0.000449
        // A second volume whose job first runs on day 10: V = 2 from then on.
        let two = Self.e34.replacing(
            "  vol: {kind: volume, size: 20MiB}", with: "  vol: {kind: volume, size: 20MiB}\n  vol2: {kind: volume, size: 20MiB}"
        )
        .replacing(
            "target: s3}\ntargets", with: "target: s3}\n    lh2: {schedule: \"0 0 11-31 1 *\", retain: 3, volumes: [vol2], target: s3}\ntargets")
        let run2 = try Version2Run(two)
        #expect(run2.month("2026-01", "s3")?.billing?.listRequests == Double(10 * 288 * 4 + 21 * 288 * 7))  // 53856
    }

    static func velero(_ name: String, ttl: String, resources: String, schedule: String = "0 0 * * *", horizon: String, target: String) -> String {
        """
        version: 2
        name: \(name)
        start: 2026-01-01
        horizon: \(horizon)
        workloads: {}
        backups:
          velero:
            res: {schedule: "\(schedule)", ttl: \(ttl), resources: \(resources), target: s3}
        targets:
          s3:
        \(target)
        """
    }

    @Test("E36: a lifecycle transition to Standard-IA at 30 days")
    func e36() throws {
        let run = try Version2Run(
            Self.velero(
                "e36", ttl: "2160h", resources: "1GiB", horizon: "40d", target: "    kind: s3\n    lifecycle: [{after: 30d, class: standard-ia}]"))
        // One 1 GiB lot a day in 10 objects; lot u enters IA at the end of day u + 30.
        let jan = try #require(run.month("2026-01", "s3"))
        close(jan.gbMonths, 16)  // (1 + … + 31) / 31
        close(jan.storageCost.amount, 495.0 / 31 * 0.023 + 1.0 / 31 * 0.0125)  // 0.367661
        close(jan.billing?.transitionCost.amount, 10 * 0.01 / 1000)  // lot 0 on day 30
        close(jan.requestCost.amount, 310 * 0.005 / 1000)
        let feb = try #require(run.month("2026-02", "s3"))
        // Days 31–39: Standard 30 GiB a day, IA 2 + 3 + … + 10 = 54 GiB-days, 28-day month.
        close(feb.storageCost.amount, 270.0 / 28 * 0.023 + 54.0 / 28 * 0.0125)  // 0.245893
        close(feb.billing?.transitionCost.amount, 9 * 10 * 0.01 / 1000)
    }

    @Test("E37: bytes deleted from Standard-IA before 30 days are billed the rest")
    func e37() throws {
        let run = try Version2Run(
            Self.velero("e37", ttl: "240h", resources: "1GiB", horizon: "31d", target: "    kind: s3\n    storage_class: standard-ia"))
        let jan = try #require(run.month("2026-01", "s3"))
        // Run k is counted on days k … k+8 and deleted on day k + 9: 21 days short, runs 0–21.
        close(jan.billing?.earlyDeleteCost.amount, 22 * 0.0125 * 21 / 31)  // 0.186290
        // min(d + 1, 9) GiB a day: 1 + … + 9 + 22 × 9 = 243 GiB-days at 0.0125.
        close(jan.storageCost.amount, 243.0 / 31 * 0.0125)
        close(jan.requestCost.amount, 310 * 0.01 / 1000)  // PUTs at the IA price
        close(jan.totalCost.amount, 243.0 / 31 * 0.0125 + 310 * 0.01 / 1000 + 22 * 0.0125 * 21 / 31)
    }

    @Test("E38: the 128 KiB minimum billable object size")
    func e38() throws {
        let run = try Version2Run(
            Self.velero(
                "e38", ttl: "8760h", resources: "1MiB", schedule: "0 * * * *", horizon: "10d",
                target: "    kind: s3\n    storage_class: standard-ia\n    prices: {classes: {standard-ia: {storage_gb_month: 10}}}"))
        let jan = try #require(run.month("2026-01", "s3"))
        // 1 MiB in 10 objects: 131072 / 104857.6 = 1.25; 24 × 55 = 1320 MiB-days.
        close(jan.storageCost.amount, 1320 * 1.25 / 1024 / 31 * 10)  // 0.519783
        close(jan.gbMonths, 1320.0 / 1024 / 31)  // 0.041583
    }

    @Test("E35: the snapshot a Longhorn backup job keeps is counted on the cluster's disks")
    func e35() throws {
        let run = try Version2Run(
            """
            version: 2
            name: e35
            start: 2026-01-01
            horizon: 3d
            workloads:
              vol: {kind: volume, size: 10GiB, churn: 1GiB/day}
            backups:
              longhorn:
                lh: {schedule: "0 12 * * *", retain: 2, volumes: [vol], target: m, snapshot_target: disks}
            targets:
              m: {kind: minio, capacity: 1Ti}
              disks: {kind: cluster, capacity: 100Gi, replicas: 3}
            """)
        // Day 1: the newest run is 12:00; 1 GiB/day × 0.5 day = 0.5 GiB churned since, × 3 replicas.
        let i = try #require(run.collector.layout.jobRows.firstIndex { $0.job == "longhorn/lh" && $0.target == "disks" })
        let values = run.collector.days[1].jobs[run.collector.layout.jobRows[i].source]
        #expect(values.stored == 1.5 * Self.gib && values.raw == 1.5 * Self.gib)
        #expect(values.restorePoints == 1 && values.uploaded == 0 && values.putRequests == 0)
        #expect(run.target(day: 1, "disks")?.used == 1.5 * Self.gib)
        // The backup row under m is the version 1 row: two runs, 10 GiB + 1 GiB pinned, lz4 0.40:
        // 4.4 GiB = 4724464025.6 B (4724464026 in daily.csv).
        close(run.row(day: 1, job: "longhorn/lh", target: "m", workload: "vol")?.stored, 4_724_464_025.6, 1e-3)
        // The snapshot counts for neither RTO nor efficiency: the same as without it.
        let without = try Version2Run(
            """
            version: 2
            name: e35
            start: 2026-01-01
            horizon: 3d
            workloads:
              vol: {kind: volume, size: 10GiB, churn: 1GiB/day}
            backups:
              longhorn:
                lh: {schedule: "0 12 * * *", retain: 2, volumes: [vol], target: m}
            targets:
              m: {kind: minio, capacity: 1Ti}
              disks: {kind: cluster, capacity: 100Gi, replicas: 3}
            """)
        #expect(
            run.result.kpis.filter { $0.kpi == .rto || $0.kpi == .efficiency || $0.kpi == .rpo }
                == without.result.kpis.filter { $0.kpi == .rto || $0.kpi == .efficiency || $0.kpi == .rpo })
        // Nor for the job's summary (its own rows on m: retain 2, 4.4 GiB at its peak), and
        // the cluster target it writes to is not "a target no job writes to".
        #expect(run.result.jobs.map(\.finalRestorePoints) == [2])
        #expect(run.result.jobs.map(\.peakStored) == without.result.jobs.map(\.peakStored))
        #expect(!run.result.warnings.contains { $0.hasPrefix("targets.disks") })
        #expect(without.result.warnings.contains { $0.hasPrefix("targets.disks") })
    }

    @Test("E39: restoring from Glacier Flexible Retrieval waits 5 hours and pays the retrieval")
    func e39() throws {
        let run = try Version2Run(
            """
            version: 2
            name: e39
            start: 2026-01-01
            horizon: 3d
            workloads:
              vol: {kind: volume, size: 10GiB}
            backups:
              longhorn:
                lh: {schedule: "0 0 * * *", retain: 3, volumes: [vol], compression: none, target: cold}
            targets:
              cold: {kind: s3, storage_class: glacier-flexible, poll_interval: 0}
            drills:
              test: {schedule: "0 12 3 1 *", workload: vol, job: longhorn/lh}
            """)
        let row = try #require(run.result.drills.first)
        // Day 2's 00:00 point: 10 GiB in 10 GiB / 2 MiB = 5120 blocks, all in glacier-flexible.
        #expect(row.bytesRead == 10 * Self.gib)
        #expect(row.getRequests == 5120)
        #expect(row.retrievalSeconds == 18000)
        close(row.restoreSeconds, 102.4 + 18000)
        // 10 GiB × 0.01 + 5120 × 0.05 / 1000; the egress lies in the free 100 GiB.
        close(row.retrievalCost.amount, 0.1 + 0.256)
        #expect(row.egressCost.amount == 0)
        // The daily RTO has the same 5 h from day 0.
        let rto = try #require(run.result.kpis.first { $0.kpi == .rto && $0.subject == "vol" })
        close(rto.worst, 18102.4)
        let jan = try #require(run.month("2026-01", "cold"))
        // Flexible 10 GiB + 5120 × 32 KiB, Standard 5120 × 8 KiB, 3 days each.
        close(jan.storageCost.amount, 30.46875 / 31 * 0.0036 + 0.1171875 / 31 * 0.023)
        close(jan.requestCost.amount, 5120 * 0.03 / 1000 + 5120 * 0.0004 / 1000)
        close(jan.billing?.retrievalCost.amount, 0.356)
        close(jan.totalCost.amount, 30.46875 / 31 * 0.0036 + 0.1171875 / 31 * 0.023 + 0.1536 + 0.002048 + 0.356)
    }

    @Test("E40: Deep Archive through a lifecycle rule adds 12 hours to the RTO from day 1")
    func e40() throws {
        let run = try Version2Run(
            """
            version: 2
            name: e40
            start: 2026-01-01
            horizon: 3d
            workloads:
              vol: {kind: volume, size: 10GiB}
            backups:
              velero:
                nightly: {schedule: "0 0 * * *", volumes: [vol], target: s3}
            targets:
              s3:
                kind: s3
                lifecycle: [{after: 1d, class: deep-archive}]
            kpis: {rto: 1h}
            """)
        // Day 0 in Standard: 102.4 s; lot 0 moves to deep-archive at the end of day 1.
        let days = run.collector.days.map { $0.workloads[0].rto }
        close(days[0], 102.4)
        close(days[1], 102.4 + 43200)
        let rto = try #require(run.result.kpis.first { $0.kpi == .rto && $0.subject == "vol" })
        close(rto.worst, 43302.4)
        #expect(rto.status == .fail)
        #expect(rto.firstFailure == CivilDate(year: 2026, month: 1, day: 2))
        // Transitions: the volume row on day 1 (516 objects), the resources lots of days 0 and
        // 1 (10 objects each) on days 1 and 2, at 0.05 per 1,000.
        close(run.month("2026-01", "s3")?.billing?.transitionCost.amount, (516.0 + 10 + 10) * 0.05 / 1000)
    }

    @Test("E41: a point-in-time restore test reads the base backup and half a day of WAL, and pays egress")
    func e41() throws {
        let run = try Version2Run(
            """
            version: 2
            name: e41
            start: 2026-01-01
            horizon: 3d
            workloads:
              db: {kind: postgres, size: 200GiB, wal: 24GiB/day}
            backups:
              cnpg:
                pg: {workload: db, schedule: "0 0 1 * * *", retention: 7d, target: s3}
            targets:
              s3: {kind: s3}
            drills:
              pitr: {schedule: "0 13 2 1 *", workload: db, job: cnpg/pg}
            """)
        let row = try #require(run.result.drills.first)
        #expect(run.result.drills.count == 1)
        #expect(row.date == CivilDate(year: 2026, month: 1, day: 2) && row.secondOfDay == 13 * 3600)
        // Day 1's 01:00 base (200 GiB, ceil(200/100) + 1 = 3 objects) and 12 of day 1's 24 hours
        // of WAL: 12 GiB in 768 of its 1536 segments.
        #expect(row.bytesRead == 212 * Self.gib)
        #expect(row.getRequests == 771)
        // 200 GiB / 100 MiB/s + 12 GiB / 32 MiB/s = 2048 + 384.
        close(row.restoreSeconds, 2432)
        #expect(row.retrievalSeconds == 0)
        // The first 100 GiB of the month are free: (212 − 100) × 0.09.
        close(row.egressCost.amount, 112 * 0.09)
        close(run.month("2026-01", "s3")?.billing?.egressCost.amount, 10.08)
        #expect(run.month("2026-01", "s3")?.billing?.egressBytes == 212 * Self.gib)
    }

    @Test("E42: the mttr KPI is the mean restore time over the drills, failing after the second")
    func e42() throws {
        let run = try Version2Run(
            """
            version: 2
            name: e42
            start: 2026-01-01
            horizon: 5d
            workloads:
              vol: {kind: volume, size: 10GiB, growth: 10GiB/day}
            backups:
              longhorn:
                lh: {schedule: "0 0 * * *", retain: 2, volumes: [vol], target: m}
            targets:
              m: {kind: minio, capacity: 10Ti}
            drills:
              d: {schedule: "0 12 1,3 1 *", workload: vol, job: longhorn/lh}
            kpis: {mttr: 150s}
            """)
        // Day 0's 00:00 point is 10 GiB: 102.4 s; day 2's is 30 GiB: 307.2 s; lz4 0.40 stored.
        #expect(run.result.drills.map(\.bytesRead) == [4 * Self.gib, 12 * Self.gib])
        #expect(run.result.drills.map(\.restoreSeconds) == [102.4, 307.2])
        let mttr = try #require(run.result.kpis.first { $0.kpi == .mttr })
        // Mean 204.8 > 150; the running mean first passes the limit after the drill of Jan 3.
        close(mttr.worst, 204.8)
        #expect(mttr.status == .fail)
        #expect(mttr.firstFailure == CivilDate(year: 2026, month: 1, day: 3))
        #expect(mttr.limit == 150)
    }

    @Test("a drill reads its point as it was at its instant, even when the day deletes it later")
    func drillBeforeDeletion() throws {
        // Velero at 00:00 with ttl 12h and no reclaim delay: the 00:00 run of Jan 2 is a full
        // 10 GiB upload (the data before it went at 12:00 the day before), valid at the 06:00
        // drill, deleted at 12:00. Everything is in deep-archive, the upload class.
        let run = try Version2Run(
            """
            version: 2
            name: t4
            start: 2026-01-01
            horizon: 3d
            workloads:
              vol: {kind: volume, size: 10GiB}
            backups:
              velero:
                v: {schedule: "0 0 * * *", ttl: 12h, reclaim_delay: 0s, volumes: [vol], target: cold}
            targets:
              cold: {kind: s3, storage_class: deep-archive}
            drills:
              t: {schedule: "0 6 2 1 *", workload: vol, job: velero/v}
            """)
        let row = try #require(run.result.drills.first)
        // GETs: ceil(10 GiB / 20 MiB) + 2 + 10 = 524; the delay is Deep Archive's 12 h.
        #expect(row.getRequests == 524)
        #expect(row.retrievalSeconds == 43200)
        close(row.restoreSeconds, 102.4 + 43200)
        // (10 GiB + 10 MiB) × 0.02 per GB + 524 restore requests × 0.10 per 1,000.
        close(row.retrievalCost.amount, (10 + 10.0 / 1024) * 0.02 + 524 * 0.10 / 1000)
    }

    @Test("a version 2 file without the new keys keeps version 1's numbers, plus the mttr row")
    func sameAsVersion1() throws {
        // The poll is off (no Longhorn job), nothing is versioned: used, costs and KPIs as in v1.
        let v2 = try Version2Run(Version2LoaderTests.e31.replacing(", versioning: true, noncurrent_expiry: 2d", with: ""))
        let v1 = try ExampleRun(
            Version2LoaderTests.e31.replacing(", versioning: true, noncurrent_expiry: 2d", with: "").replacing("version: 2", with: "version: 1"))
        #expect(v2.result.monthly.map(\.totalCost) == v1.result.monthly.map(\.totalCost))
        #expect(v2.result.kpis.filter { $0.kpi != .mttr } == v1.result.kpis)
        #expect(v2.result.kpis.contains { $0.kpi == .mttr && $0.subject == "all" && $0.status == .info && $0.worst == nil })
    }
}
