import Testing

@testable import PlanIO

extension ExamplesTests {
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
}
