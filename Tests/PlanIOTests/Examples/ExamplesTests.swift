import Testing

@testable import PlanIO

/// The thirty worked examples of spec/examples.md, each checking the CSV cells the
/// example names. The arithmetic is the example's own, repeated in the comments.
@Suite("spec/examples.md")
struct ExamplesTests {
    // MARK: 1. Value syntax

    @Test("E1 IEC and SI sizes")
    func e01() throws {
        let r = try ExampleRun(
            """
            name: e01
            start: 2026-01-01
            horizon: 3d
            workloads:
              files: {kind: volume, size: 1.5TiB, volume: 2TB}
            backups: {}
            targets:
              m: {kind: minio, capacity: 100Ti}
            """)
        // 1.5 × 1024^4 = 1649267441664; 2TB = 2 × 1000^4; alert 0.8 × 2e12 = 1.6e12 < size from day 0.
        #expect(r.cell("kpis", ["kpi": "volume_full", "subject": "files"], "limit") == "2000000000000")
        #expect(r.cell("kpis", ["kpi": "volume_full", "subject": "files"], "worst") == "1649267441664")
        #expect(r.cell("kpis", ["kpi": "volume_full", "subject": "files"], "status") == "pass")
        #expect(r.cell("kpis", ["kpi": "volume_alert", "subject": "files"], "limit") == "1600000000000")
        #expect(r.cell("kpis", ["kpi": "volume_alert", "subject": "files"], "status") == "fail")
        #expect(r.cell("kpis", ["kpi": "volume_alert", "subject": "files"], "first_failure") == "2026-01-01")
    }

    @Test("E2 an absolute rate per week")
    func e02() throws {
        let r = try ExampleRun(
            """
            name: e02
            start: 2026-01-01
            horizon: 3d
            workloads:
              logs: {kind: volume, size: 500MB, growth: 14GB/week, volume: 10GB}
            backups: {}
            targets:
              m: {kind: minio, capacity: 100Ti}
            """)
        // 14e9 / 7 = 2e9 B/day; end of day 2 is t = 3 d: 5e8 + 3 × 2e9 = 6.5e9.
        #expect(r.cell("kpis", ["kpi": "volume_full", "subject": "logs"], "worst") == "6500000000")
        #expect(r.cell("kpis", ["kpi": "volume_full", "subject": "logs"], "status") == "pass")
        #expect(r.cell("kpis", ["kpi": "volume_alert", "subject": "logs"], "limit") == "8000000000")
    }

    // MARK: 2. Cron

    @Test("E3 day-of-month OR day-of-week")
    func e03() throws {
        let r = try ExampleRun(
            """
            name: e03
            start: 2026-01-01
            horizon: 31d
            workloads: {}
            backups:
              velero:
                res: {schedule: "0 3 1 * 1", ttl: 2160h, target: m}
            targets:
              m: {kind: minio, capacity: 100Ti}
            """)
        // Jan 1 and the Mondays 5, 12, 19, 26 at 03:00: five runs of 10 MiB, 10 objects and 10 PUTs each.
        let row = ["date": "2026-01-31", "job": "velero/res", "target": "m", "workload": ""]
        #expect(r.cell("daily", row, "restore_points") == "5")
        #expect(r.cell("daily", row, "stored_bytes") == "52428800")
        #expect(r.cell("daily", row, "objects") == "50")
        for day in 0..<31 {
            let expected = [0, 4, 11, 18, 25].contains(day) ? "10485760" : "0"
            #expect(r.cell("daily", ["day": "\(day)", "job": "velero/res", "workload": ""], "uploaded_bytes") == expected)
        }
        #expect(r.cell("monthly", ["month": "2026-01", "target": "m"], "put_requests") == "50")
    }

    @Test("E4 CNPG reads cron seconds-first")
    func e04() throws {
        let r = try ExampleRun(
            """
            name: e04
            start: 2026-01-01
            horizon: 5d
            workloads:
              db: {kind: postgres, size: 1GiB, wal: 0}
            backups:
              cnpg:
                weekly: {workload: db, schedule: "15 30 2 * * 0", retention: 30d, archive_timeout: 24h, target: m}
                hourly: {workload: db, schedule: "0 2 * * *", retention: 30d, archive_timeout: 24h, target: m}
            targets:
              m: {kind: minio, capacity: 100Ti}
            """)
        // weekly: first base Sunday Jan 4 (day 3); 1 GiB + 4 WAL groups of 16 MiB = 1140850688.
        let weekly = ["date": "2026-01-04", "job": "cnpg/weekly", "target": "m", "workload": "db"]
        #expect(r.cell("daily", weekly, "restore_points") == "1")
        #expect(r.cell("daily", weekly, "stored_bytes") == "1140850688")
        #expect(r.cell("daily", weekly, "uploaded_bytes") == "1090519040")  // 1 GiB + 16 MiB
        #expect(r.cell("daily", weekly, "objects") == "6")  // 2 for the base, 4 segments
        #expect(r.cell("daily", weekly, "put_requests") == "55")  // ceil(50.0000011) + 3 = 54, + 1 segment
        #expect(r.cell("daily", ["day": "2", "job": "cnpg/weekly"], "restore_points") == "0")
        // hourly: "0 2 * * *" is second 0 of minute 2 of every hour: 24 bases a day.
        let hourly = ["date": "2026-01-01", "job": "cnpg/hourly", "target": "m", "workload": "db"]
        #expect(r.cell("daily", hourly, "restore_points") == "24")
        #expect(r.cell("daily", hourly, "stored_bytes") == "25786580992")  // 24 × 1073741824 + 16777216
        #expect(r.cell("daily", hourly, "put_requests") == "1297")  // 24 × 54 + 1
        #expect(r.result.warnings.contains { $0.contains("backups.cnpg.hourly.schedule") && $0.contains("0 0 2 * * *") })
    }

    @Test("E5 @every and @weekly")
    func e05() throws {
        let r = try ExampleRun(
            """
            name: e05
            start: 2026-01-01
            horizon: 4d
            workloads:
              vol: {kind: volume, size: 10GiB}
            backups:
              longhorn:
                six: {schedule: "@every 6h", retain: 20, volumes: [vol], compression: none, target: m}
                weekly: {schedule: "@weekly", retain: 20, volumes: [vol], compression: none, target: m}
            targets:
              m: {kind: minio, capacity: 100Ti}
            """)
        // @every 6h fires at 0, 6, 12, 18 h each day: 4 a day.
        #expect(r.cell("daily", ["day": "0", "job": "longhorn/six"], "restore_points") == "4")
        #expect(r.cell("daily", ["day": "1", "job": "longhorn/six"], "restore_points") == "8")
        #expect(r.cell("daily", ["day": "3", "job": "longhorn/six"], "restore_points") == "16")
        for day in 0...2 {
            #expect(r.cell("daily", ["day": "\(day)", "job": "longhorn/weekly"], "restore_points") == "0")
            #expect(r.cell("daily", ["day": "\(day)", "job": "longhorn/weekly"], "stored_bytes") == "0")
        }
        let sunday = ["date": "2026-01-04", "job": "longhorn/weekly"]
        #expect(r.cell("daily", sunday, "restore_points") == "1")
        #expect(r.cell("daily", sunday, "uploaded_bytes") == "10737418240")
        #expect(r.cell("daily", sunday, "put_requests") == "5120")  // 10 GiB / 2 MiB
    }

    // MARK: 3. Growth

    @Test("E6 linear growth, runs at noon")
    func e06() throws {
        let r = try ExampleRun(
            """
            name: e06
            start: 2026-01-01
            horizon: 3d
            workloads:
              vol: {kind: volume, size: 10GiB, growth: 1GiB/day}
            backups:
              longhorn:
                lh: {schedule: "0 12 * * *", retain: 5, volumes: [vol], compression: none, target: m}
            targets:
              m: {kind: minio, capacity: 100Ti}
            """)
        // Run k at k + 0.5 d, size 10.5 + k GiB. Run 0 full: 10.5 GiB = 11274289152, 5376 PUTs.
        #expect(r.cell("daily", ["day": "0", "job": "longhorn/lh"], "uploaded_bytes") == "11274289152")
        #expect(r.cell("daily", ["day": "0", "job": "longhorn/lh"], "put_requests") == "5376")
        #expect(r.cell("daily", ["day": "1", "job": "longhorn/lh"], "uploaded_bytes") == "1073741824")
        // Day 2: newest 12.5 GiB, nothing pinned.
        #expect(r.cell("daily", ["day": "2", "job": "longhorn/lh"], "stored_bytes") == "13421772800")
        #expect(r.cell("daily", ["day": "2", "job": "longhorn/lh"], "restore_points") == "3")
    }

    @Test("E7 compound growth per month")
    func e07() throws {
        let r = try ExampleRun(
            """
            name: e07
            start: 2026-01-01
            horizon: 365d
            workloads:
              vol: {kind: volume, size: 100GB, growth: 10%/month, volume: 1TB}
            backups: {}
            targets:
              m: {kind: minio, capacity: 100Ti}
            """)
        // 1e11 × 1.1^(365 / 30.4375) = 313597246607.6.
        #expect(r.cell("kpis", ["kpi": "volume_full", "subject": "vol"], "worst") == "313597246608")
        #expect(r.cell("kpis", ["kpi": "volume_full", "subject": "vol"], "status") == "pass")
    }

    // MARK: 4. Churn integrals

    static let e08 = """
        name: e08
        start: 2026-01-01
        horizon: 3d
        workloads:
          vol: {kind: volume, size: 100GiB, growth: 10GiB/day, churn: 1%/day}
        backups:
          longhorn:
            lh: {schedule: "0 0 * * *", retain: 5, volumes: [vol], compression: none, target: m}
        targets:
          m: {kind: minio, capacity: 100Ti}
        """

    @Test("E8 relative churn on a linearly growing size")
    func e08() throws {
        let r = try ExampleRun(Self.e08)
        // C(0, 1 d) = 0.01 × 105 = 1.05 GiB; run 1 uploads 10 + 1.05 = 11.05 GiB = 11864847155.2.
        #expect(r.cell("daily", ["day": "1", "job": "longhorn/lh"], "uploaded_bytes") == "11864847155")
        // Day 1 stores 110 + 1.05 = 111.05 GiB = 119239029555.2.
        #expect(r.cell("daily", ["day": "1", "job": "longhorn/lh"], "stored_bytes") == "119239029555")
        // Run 2: 10 + 0.01 × 115 = 11.15 GiB = 11972221337.6.
        #expect(r.cell("daily", ["day": "2", "job": "longhorn/lh"], "uploaded_bytes") == "11972221338")
    }

    @Test("E9 relative churn on a compounding size")
    func e09() throws {
        let r = try ExampleRun(Self.e08, overrides: ["workloads.vol.growth=10%/day"])
        // ∫₀¹ 100 × 1.1^u du = 10 / ln 1.1 = 104.920587 GiB·day → C = 1.04920587 GiB;
        // run 1 uploads 10 + 1.04920587 GiB = 11863994463 B.
        #expect(r.cell("daily", ["date": "2026-01-02", "job": "longhorn/lh", "target": "m", "workload": "vol"], "uploaded_bytes") == "11863994463")
    }

    @Test("E10 churn per month over a 31-day interval")
    func e10() throws {
        let r = try ExampleRun(
            """
            name: e10
            start: 2026-01-01
            horizon: 40d
            workloads:
              vol: {kind: volume, size: 1TB, churn: 3%/month}
            backups:
              longhorn:
                lh: {schedule: "0 0 1 * *", retain: 5, volumes: [vol], compression: none, target: m}
            targets:
              m: {kind: minio, capacity: 100Ti}
            """)
        // 0.03 / 30.4375 × 31 × 1e12 = 30554414784.39.
        let row = ["date": "2026-02-01", "job": "longhorn/lh", "target": "m", "workload": "vol"]
        #expect(r.cell("daily", row, "uploaded_bytes") == "30554414784")
        #expect(r.cell("daily", row, "stored_bytes") == "1030554414784")
        #expect(r.cell("daily", row, "restore_points") == "2")
    }

    // MARK: 5. WAL default

    static let e11 = """
        name: e11
        start: 2026-01-01
        horizon: 3d
        workloads:
          db: {kind: postgres, size: 10GB, growth: 2GB/day, churn: 1GB/day}
        backups:
          cnpg:
            pg: {workload: db, schedule: "@weekly", retention: 30d, archive_timeout: 1h, target: m}
        targets:
          m: {kind: minio, capacity: 100Ti}
        """

    @Test("E11 absolute growth + absolute churn")
    func e11() throws {
        let r = try ExampleRun(Self.e11)
        // WAL = 3e9 B/day; n = 178.814 > 24: no padding.
        #expect(r.cell("daily", ["day": "0", "job": "cnpg/pg"], "stored_bytes") == "3000000000")
        #expect(r.cell("daily", ["day": "0", "job": "cnpg/pg"], "uploaded_bytes") == "3000000000")
        #expect(r.cell("daily", ["day": "0", "job": "cnpg/pg"], "put_requests") == "179")
        #expect(r.cell("daily", ["day": "2", "job": "cnpg/pg"], "stored_bytes") == "9000000000")
        #expect(r.cell("daily", ["day": "2", "job": "cnpg/pg"], "objects") == "536")  // 3 × 178.814
    }

    @Test("E12 absolute growth + relative churn")
    func e12() throws {
        let r = try ExampleRun(Self.e11, overrides: ["workloads.db={kind: postgres, size: 100GiB, growth: 1GiB/day, churn: 1%/day}"])
        // Day 0: 1 + 0.01 × 100.5 = 2.005 GiB = 2152852357.12; day 1: 1 + 0.01 × 101.5 = 2.015 GiB.
        #expect(r.cell("daily", ["day": "0", "job": "cnpg/pg"], "uploaded_bytes") == "2152852357")
        #expect(r.cell("daily", ["day": "0", "job": "cnpg/pg"], "put_requests") == "128")
        #expect(r.cell("daily", ["day": "1", "job": "cnpg/pg"], "uploaded_bytes") == "2163589775")
    }

    // MARK: 6. CNPG WAL padding

    static let e13 = """
        name: e13
        start: 2026-01-01
        horizon: 3d
        workloads:
          db: {kind: postgres, size: 1GiB, wal: 500MB/day}
        backups:
          cnpg:
            pg: {workload: db, schedule: "@weekly", retention: 30d, wal_compression: none, target: m}
        targets:
          m: {kind: minio, capacity: 100Ti}
        """

    @Test("E13 forced switches every 5 minutes")
    func e13() throws {
        let r = try ExampleRun(Self.e13)
        // n = max(29.802, 288) = 288; raw = 288 × 16 MiB = 4831838208; ratio 1, padding 1.
        let row = ["date": "2026-01-01", "job": "cnpg/pg", "target": "m", "workload": "db"]
        #expect(r.cell("daily", row, "stored_bytes") == "4831838208")
        #expect(r.cell("daily", row, "raw_bytes") == "4831838208")
        #expect(r.cell("daily", row, "put_requests") == "288")
        // gzip: 5e8 × 0.22 + (4831838208 − 5e8) × 0.01 = 153318382.08.
        let gz = try ExampleRun(Self.e13, overrides: ["backups.cnpg.pg.wal_compression=gzip"])
        #expect(gz.cell("daily", row, "stored_bytes") == "153318382")
        #expect(gz.cell("daily", row, "raw_bytes") == "4831838208")
    }

    @Test("E14 a long archive_timeout: no padding")
    func e14() throws {
        let r = try ExampleRun(Self.e13.replacingOccurrences(of: "wal_compression: none", with: "archive_timeout: 1h"))
        // n = max(29.802, 24) = 29.802: stored = W = 5e8 a day; PUTs 29.802 (30).
        #expect(r.cell("daily", ["day": "1", "job": "cnpg/pg"], "uploaded_bytes") == "500000000")
        #expect(r.cell("daily", ["day": "1", "job": "cnpg/pg"], "put_requests") == "30")
        #expect(r.cell("daily", ["day": "2", "job": "cnpg/pg"], "stored_bytes") == "1500000000")
        #expect(r.cell("daily", ["day": "2", "job": "cnpg/pg"], "objects") == "89")  // 3 × 29.802 = 89.41
    }

    // MARK: 7. CNPG retention

    static let e15 = """
        name: e15
        start: 2026-01-01
        horizon: 12d
        workloads:
          db: {kind: postgres, size: 1GiB, wal: 0}
        backups:
          cnpg:
            pg: {workload: db, schedule: "0 0 2 * * *", retention: 3d, archive_timeout: 24h, target: m}
        targets:
          m: {kind: minio, capacity: 100Ti}
        """

    @Test("E15 checked after each backup")
    func e15() throws {
        let r = try ExampleRun(Self.e15)
        // Day 2: nothing deleted → 3 bases + 3 WAL groups: 3 × (1 GiB + 16 MiB) = 3271557120.
        #expect(r.cell("daily", ["day": "2", "job": "cnpg/pg"], "restore_points") == "3")
        #expect(r.cell("daily", ["day": "2", "job": "cnpg/pg"], "raw_bytes") == "3271557120")
        // Day 10: bases 6–10 kept, WAL of days 6–10: 5 × 1073741824 + 5 × 16777216 = 5452595200.
        let row = ["date": "2026-01-11", "job": "cnpg/pg"]
        #expect(r.cell("daily", row, "restore_points") == "5")
        #expect(r.cell("daily", row, "stored_bytes") == "5452595200")
        #expect(r.cell("daily", row, "objects") == "15")
        #expect(r.cell("daily", row, "put_requests") == "55")
    }

    @Test("E16 checked every 12 hours")
    func e16() throws {
        let r = try ExampleRun(Self.e15, overrides: ["backups.cnpg.pg.retention_check=12h"])
        // Last check 10 d 12 h, window start 7 d 12 h: bases 7–10 → 4 × (1 GiB + 16 MiB) = 4362076160.
        let row = ["date": "2026-01-11", "job": "cnpg/pg", "target": "m", "workload": "db"]
        #expect(r.cell("daily", row, "restore_points") == "4")
        #expect(r.cell("daily", row, "raw_bytes") == "4362076160")
        #expect(r.cell("daily", row, "objects") == "12")
    }

    // MARK: 8. Longhorn retain-N

    static let e17 = """
        name: e17
        start: 2026-01-01
        horizon: 8d
        workloads:
          vol: {kind: volume, size: 10GiB, churn: 1GiB/day}
        backups:
          longhorn:
            lh: {schedule: "0 0 * * *", retain: 3, volumes: [vol], compression: none, target: m}
        targets:
          m: {kind: minio, capacity: 100Ti}
        """

    @Test("E17 retain 3")
    func e17() throws {
        let r = try ExampleRun(Self.e17)
        // Kept {3, 4, 5}: 10 + 1 + 1 = 12 GiB; run 5 uploads 1 GiB (512 PUTs); 6144 objects.
        let row = ["date": "2026-01-06", "job": "longhorn/lh", "target": "m", "workload": "vol"]
        #expect(r.cell("daily", row, "restore_points") == "3")
        #expect(r.cell("daily", row, "stored_bytes") == "12884901888")
        #expect(r.cell("daily", row, "uploaded_bytes") == "1073741824")
        #expect(r.cell("daily", row, "objects") == "6144")
        #expect(r.cell("daily", row, "put_requests") == "512")
        #expect(r.cell("daily", ["day": "0", "job": "longhorn/lh"], "uploaded_bytes") == "10737418240")
    }

    @Test("E18 block amplification and lz4")
    func e18() throws {
        let r = try ExampleRun(Self.e17, overrides: ["backups.longhorn.lh.compression=lz4", "backups.longhorn.lh.block_amplification=2"])
        // pinned 2 GiB: raw 14 GiB = 15032385536; × 0.4 = 6012954214.4; upload 2 GiB × 0.4 = 858993459.2.
        let row = ["date": "2026-01-06", "job": "longhorn/lh", "target": "m", "workload": "vol"]
        #expect(r.cell("daily", row, "raw_bytes") == "15032385536")
        #expect(r.cell("daily", row, "stored_bytes") == "6012954214")
        #expect(r.cell("daily", row, "uploaded_bytes") == "858993459")
        #expect(r.cell("daily", row, "put_requests") == "1024")
        #expect(r.cell("daily", row, "objects") == "7168")
        // Capped: min(20 GiB, 10 GiB) pinned → 30 GiB.
        let capped = try ExampleRun(Self.e17, overrides: ["backups.longhorn.lh.block_amplification=20"])
        #expect(capped.cell("daily", row, "stored_bytes") == "32212254720")
    }

    // MARK: 9. Longhorn snapshot

    @Test("E19 snapshots count pinned blocks × replicas")
    func e19() throws {
        let r = try ExampleRun(
            """
            name: e19
            start: 2026-01-01
            horizon: 8d
            workloads:
              vol: {kind: volume, size: 10GiB, churn: 1GiB/day}
            backups:
              longhorn:
                lh: {task: snapshot, schedule: "0 0 * * *", retain: 3, volumes: [vol], target: c}
            targets:
              c: {kind: cluster, capacity: 10Ti, replicas: 3}
            """)
        // Day 5: pinned_3 + pinned_4 = 2 GiB × 3 replicas = 6 GiB = 6442450944.
        let row = ["date": "2026-01-06", "job": "longhorn/lh", "target": "c", "workload": "vol"]
        #expect(r.cell("daily", row, "restore_points") == "3")
        #expect(r.cell("daily", row, "stored_bytes") == "6442450944")
        #expect(r.cell("daily", row, "raw_bytes") == "6442450944")
        #expect(r.cell("daily", row, "uploaded_bytes") == "0")
        #expect(r.cell("daily", row, "objects") == "0")
        #expect(r.cell("daily", row, "put_requests") == "0")
        #expect(r.cell("daily", ["day": "0", "job": "longhorn/lh"], "stored_bytes") == "0")
        #expect(r.cell("targets", ["date": "2026-01-06", "target": "c"], "used_bytes") == "6442450944")
        #expect(r.cell("targets", ["date": "2026-01-06", "target": "c"], "usable_bytes") == "10995116277760")
    }

    // MARK: 10. Velero ttl and reclaim_delay

    static let e20 = """
        name: e20
        start: 2026-01-01
        horizon: 8d
        workloads:
          vol: {kind: volume, size: 10GiB, churn: 1GiB/day}
        backups:
          velero:
            v: {schedule: "0 0 * * *", ttl: 72h, reclaim_delay: 1d, volumes: [vol], target: m}
        targets:
          m: {kind: minio, capacity: 100Ti}
        """

    @Test("E20 restore points versus stored data")
    func e20() throws {
        let r = try ExampleRun(Self.e20)
        // Points: runs 4, 5; data: runs 3, 4, 5 → 10 + 1 + 1 GiB; objects ceil(614.4) + 6 = 621; PUTs ceil(51.2) + 2.
        let vol = ["date": "2026-01-06", "job": "velero/v", "target": "m", "workload": "vol"]
        #expect(r.cell("daily", vol, "restore_points") == "2")
        #expect(r.cell("daily", vol, "stored_bytes") == "12884901888")
        #expect(r.cell("daily", vol, "objects") == "621")
        #expect(r.cell("daily", vol, "put_requests") == "54")
        let res = ["date": "2026-01-06", "job": "velero/v", "target": "m", "workload": ""]
        #expect(r.cell("daily", res, "restore_points") == "2")
        #expect(r.cell("daily", res, "stored_bytes") == "20971520")
        #expect(r.cell("daily", res, "objects") == "20")
        #expect(r.cell("daily", res, "put_requests") == "10")
        // Default reclaim_delay 3d: runs 1–5 stored → 14 GiB; objects ceil(716.8) + 10 = 727.
        let variant = try ExampleRun(Self.e20.replacingOccurrences(of: ", reclaim_delay: 1d", with: ""))
        #expect(variant.cell("daily", vol, "stored_bytes") == "15032385536")
        #expect(variant.cell("daily", vol, "objects") == "727")
        #expect(variant.cell("daily", vol, "restore_points") == "2")
    }

    @Test("E21 a ttl shorter than the gap")
    func e21() throws {
        let r = try ExampleRun(Self.e20, overrides: ["backups.velero.v.ttl=12h", "backups.velero.v.reclaim_delay=0s"])
        // Every run is a full 10 GiB image (ceil(512) + 2 = 514 PUTs); nothing is stored at a day's end.
        for day in 0..<8 {
            let row = ["day": "\(day)", "job": "velero/v", "workload": "vol"]
            #expect(r.cell("daily", row, "uploaded_bytes") == "10737418240")
            #expect(r.cell("daily", row, "put_requests") == "514")
            #expect(r.cell("daily", row, "stored_bytes") == "0")
            #expect(r.cell("daily", row, "restore_points") == "0")
        }
        #expect(r.result.warnings.contains { $0.contains("backups.velero.v") && $0.contains("ttl") })
    }

    // MARK: 11. Velero full

    @Test("E22 every run stores every volume whole")
    func e22() throws {
        let r = try ExampleRun(Self.e20, overrides: ["backups.velero.v.mode=full"])
        // Runs 3, 4, 5 × 10 GiB = 30 GiB; PUTs 514; objects 1536 + 6 = 1542.
        let row = ["date": "2026-01-06", "job": "velero/v", "target": "m", "workload": "vol"]
        #expect(r.cell("daily", row, "stored_bytes") == "32212254720")
        #expect(r.cell("daily", row, "uploaded_bytes") == "10737418240")
        #expect(r.cell("daily", row, "put_requests") == "514")
        #expect(r.cell("daily", row, "objects") == "1542")
    }

    // MARK: 12. MinIO parity

    @Test("E23 usable capacity")
    func e23() throws {
        let r = try ExampleRun(
            """
            name: e23
            start: 2026-01-01
            horizon: 1d
            workloads: {}
            backups: {}
            targets:
              four: {kind: minio, capacity: 4TB, drives: 4}
              three: {kind: minio, capacity: 3TB, drives: 3}
              eight: {kind: minio, capacity: 8TB, drives: 8, parity: 2}
            """)
        // 4e12 × 2/4, 3e12 × 2/3, 8e12 × 6/8.
        #expect(r.cell("targets", ["target": "four"], "usable_bytes") == "2000000000000")
        #expect(r.cell("targets", ["target": "three"], "usable_bytes") == "2000000000000")
        #expect(r.cell("targets", ["target": "eight"], "usable_bytes") == "6000000000000")
        #expect(r.cell("kpis", ["kpi": "capacity_alert", "subject": "four"], "limit") == "1600000000000")
        #expect(r.cell("kpis", ["kpi": "capacity_alert", "subject": "three"], "limit") == "1600000000000")
        #expect(r.cell("kpis", ["kpi": "capacity_alert", "subject": "eight"], "limit") == "4800000000000")
    }

    // MARK: 13. S3 tiered price

    @Test("E24 custom tiers")
    func e24() throws {
        let r = try ExampleRun(
            """
            name: e24
            start: 2026-01-01
            horizon: 31d
            workloads: {}
            backups:
              velero:
                res: {schedule: "0 0 * * *", ttl: 36h, resources: 500GiB, target: s}
            targets:
              s:
                kind: s3
                prices:
                  storage_gb_month:
                    - {up_to: 100Gi, price: 0.10}
                    - {up_to: 300Gi, price: $0.05}
                    - {price: 0.01}
                  put_per_1000: 0.01
            """)
        // 500 GB-months: 100 × 0.10 + 200 × 0.05 + 200 × 0.01 = 22; 310 PUTs × 0.01 / 1000 = 0.0031.
        let row = ["month": "2026-01", "target": "s"]
        #expect(r.cell("monthly", row, "gb_months") == "500.000000")
        #expect(r.cell("monthly", row, "storage_cost") == "22.0000")
        #expect(r.cell("monthly", row, "request_cost") == "0.0031")
        #expect(r.cell("monthly", row, "total_cost") == "22.0031")
        #expect(r.cell("monthly", row, "put_requests") == "310")
    }

    // MARK: 14. Replicates

    @Test("E25 an off-site copy at another price")
    func e25() throws {
        let r = try ExampleRun(
            """
            name: e25
            start: 2026-01-01
            horizon: 31d
            workloads: {}
            backups:
              velero:
                res: {schedule: "0 0 * * *", resources: 1GiB, target: s}
            targets:
              s: {kind: s3, region: us-west-1}
              r: {kind: s3, replicates: [velero/res], prices: {storage_gb_month: 0.0125, put_per_1000: 0.01}}
            """)
        // Day 20: 21 GiB on both. Σ used = 493 GiB·day → 15.903226 GB-months.
        #expect(r.cell("targets", ["date": "2026-01-21", "target": "s"], "used_bytes") == "22548578304")
        #expect(r.cell("targets", ["date": "2026-01-21", "target": "r"], "used_bytes") == "22548578304")
        #expect(r.cell("targets", ["date": "2026-01-29", "target": "s"], "used_bytes") == "31138512896")
        // s: 15.903226 × 0.026 = 0.413484; 310 × 0.0055 / 1000 = 0.001705.
        #expect(r.cell("monthly", ["month": "2026-01", "target": "s"], "gb_months") == "15.903226")
        #expect(r.cell("monthly", ["month": "2026-01", "target": "s"], "storage_cost") == "0.4135")
        #expect(r.cell("monthly", ["month": "2026-01", "target": "s"], "request_cost") == "0.0017")
        #expect(r.cell("monthly", ["month": "2026-01", "target": "s"], "total_cost") == "0.4152")
        // r: 15.903226 × 0.0125 = 0.198790; 310 × 0.01 / 1000 = 0.0031.
        #expect(r.cell("monthly", ["month": "2026-01", "target": "r"], "gb_months") == "15.903226")
        #expect(r.cell("monthly", ["month": "2026-01", "target": "r"], "storage_cost") == "0.1988")
        #expect(r.cell("monthly", ["month": "2026-01", "target": "r"], "request_cost") == "0.0031")
        #expect(r.cell("monthly", ["month": "2026-01", "target": "r"], "total_cost") == "0.2019")
        #expect(r.cell("monthly", ["month": "2026-01", "target": "total"], "total_cost") == "0.6171")
        #expect(r.cell("monthly", ["month": "2026-01", "target": "total"], "put_requests") == "620")
        #expect(r.cell("daily", ["date": "2026-01-05", "job": "velero/res", "target": "r"], "stored_bytes") == "5368709120")
    }

    // MARK: 15. Partial months

    @Test("E26 a 30-day horizon across two months")
    func e26() throws {
        let r = try ExampleRun(
            """
            name: e26
            start: 2026-01-17
            horizon: 30d
            workloads: {}
            backups: {}
            targets:
              m: {kind: minio, capacity: 1TB, monthly_cost: 62}
            kpis:
              monthly_budget: $61
            """)
        // 62 × 15/31 = 30; 62 × 15/28 = 33.214286; both scale back to 62 > 61.
        #expect(r.cell("monthly", ["month": "2026-01", "target": "m"], "days") == "15")
        #expect(r.cell("monthly", ["month": "2026-01", "target": "m"], "fixed_cost") == "30.0000")
        #expect(r.cell("monthly", ["month": "2026-02", "target": "m"], "days") == "15")
        #expect(r.cell("monthly", ["month": "2026-02", "target": "m"], "fixed_cost") == "33.2143")
        let budget = ["kpi": "monthly_budget", "subject": "total"]
        #expect(r.cell("kpis", budget, "limit") == "61.0000")
        #expect(r.cell("kpis", budget, "worst") == "62.0000")
        #expect(r.cell("kpis", budget, "status") == "fail")
        #expect(r.cell("kpis", budget, "first_failure") == "2026-01-17")
    }

    // MARK: 16. RPO and RTO

    static let e27 = """
        name: e27
        start: 2026-01-01
        horizon: 14d
        workloads:
          db: {kind: postgres, size: 10GiB, wal: 1GiB/day}
          vol: {kind: volume, size: 10GiB}
          bare: {kind: volume, size: 1GiB}
        backups:
          cnpg:
            pg: {workload: db, schedule: "0 0 2 * * *", retention: 7d, target: m}
          longhorn:
            lh: {schedule: "0 */6 * * *", retain: 4, volumes: [vol], target: m}
          velero:
            wk: {schedule: "0 4 * * 0", volumes: [vol], target: m}
        targets:
          m: {kind: minio, capacity: 100Ti}
        kpis:
          rpo: 1h
          rto: 2min
        """

    @Test("E27 RPO: the best protecting job")
    func e27() throws {
        let r = try ExampleRun(Self.e27)
        // db: archive_timeout 300 s; vol: min(21600, 604800); bare: no job.
        #expect(r.cell("kpis", ["kpi": "rpo", "subject": "db"], "worst") == "300.000000")
        #expect(r.cell("kpis", ["kpi": "rpo", "subject": "db"], "status") == "pass")
        #expect(r.cell("kpis", ["kpi": "rpo", "subject": "vol"], "worst") == "21600.000000")
        #expect(r.cell("kpis", ["kpi": "rpo", "subject": "vol"], "status") == "fail")
        #expect(r.cell("kpis", ["kpi": "rpo", "subject": "vol"], "first_failure") == "2026-01-01")
        #expect(r.cell("kpis", ["kpi": "rpo", "subject": "bare"], "worst") == "inf")
        #expect(r.cell("kpis", ["kpi": "rpo", "subject": "bare"], "status") == "fail")
        #expect(r.cell("kpis", ["kpi": "rpo", "subject": "bare"], "first_failure") == "2026-01-01")
    }

    @Test("E28 RTO: base backup plus WAL replay")
    func e28() throws {
        let r = try ExampleRun(Self.e27)
        // db: 10240 MiB / 100 + (22/24 × 1024 MiB) / 32 = 102.4 + 29.333333 = 131.733333 > 120.
        #expect(r.cell("kpis", ["kpi": "rto", "subject": "db"], "worst") == "131.733333")
        #expect(r.cell("kpis", ["kpi": "rto", "subject": "db"], "status") == "fail")
        #expect(r.cell("kpis", ["kpi": "rto", "subject": "db"], "first_failure") == "2026-01-01")
        #expect(r.cell("kpis", ["kpi": "rto", "subject": "vol"], "worst") == "102.400000")
        #expect(r.cell("kpis", ["kpi": "rto", "subject": "vol"], "status") == "pass")
        #expect(r.cell("kpis", ["kpi": "rto", "subject": "bare"], "worst") == "inf")
        #expect(r.cell("kpis", ["kpi": "rto", "subject": "bare"], "status") == "fail")
        #expect(r.cell("kpis", ["kpi": "rto", "subject": "bare"], "first_failure") == "2026-01-01")
        #expect(r.cell("workloads", ["day": "3", "workload": "bare"], "rto_seconds") == "")
    }

    // MARK: 17. Efficiency

    @Test("E29 only object-store bytes count")
    func e29() throws {
        let r = try ExampleRun(
            """
            name: e29
            start: 2026-01-01
            horizon: 8d
            workloads:
              vol: {kind: volume, size: 10GiB, churn: 1GiB/day}
            backups:
              longhorn:
                lh: {schedule: "0 0 * * *", retain: 3, volumes: [vol], compression: lz4, target: m}
                snap: {task: snapshot, schedule: "@hourly", retain: 2, volumes: [vol], target: c}
            targets:
              m: {kind: minio, capacity: 100Ti}
              c: {kind: cluster, capacity: 10Ti, replicas: 3}
            kpis:
              efficiency: 70%
            """)
        // lz4 stores 0.40 of raw → 1 − 0.40 = 0.6 < 0.7; the snapshot job is not counted.
        let eff = ["kpi": "efficiency", "subject": "all"]
        #expect(r.cell("kpis", eff, "limit") == "0.700000")
        #expect(r.cell("kpis", eff, "worst") == "0.600000")
        #expect(r.cell("kpis", eff, "status") == "fail")
        #expect(r.cell("kpis", eff, "first_failure") == "2026-01-01")
        #expect(r.cell("kpis", ["kpi": "rpo", "subject": "vol"], "worst") == "86400.000000")
    }

    // MARK: 18. Volume alerts

    @Test("E30 alert and full days")
    func e30() throws {
        let r = try ExampleRun(
            """
            name: e30
            start: 2026-01-01
            horizon: 20d
            workloads:
              v: {kind: volume, size: 10GiB, growth: 1GiB/day, volume: 20Gi}
            backups: {}
            targets:
              m: {kind: minio, capacity: 100Ti}
            """)
        // End of day d: 11 + d GiB. Alert 16 GiB first exceeded on day 6; full (20 GiB) on day 10.
        let alert = ["kpi": "volume_alert", "subject": "v"]
        #expect(r.cell("kpis", alert, "limit") == "17179869184")
        #expect(r.cell("kpis", alert, "worst") == "32212254720")
        #expect(r.cell("kpis", alert, "status") == "fail")
        #expect(r.cell("kpis", alert, "first_failure") == "2026-01-07")
        let full = ["kpi": "volume_full", "subject": "v"]
        #expect(r.cell("kpis", full, "limit") == "21474836480")
        #expect(r.cell("kpis", full, "status") == "fail")
        #expect(r.cell("kpis", full, "first_failure") == "2026-01-11")
    }
}
