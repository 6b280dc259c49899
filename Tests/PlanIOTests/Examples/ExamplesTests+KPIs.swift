import Testing

@testable import PlanIO

extension ExamplesTests {
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
