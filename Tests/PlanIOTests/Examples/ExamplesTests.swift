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

}
