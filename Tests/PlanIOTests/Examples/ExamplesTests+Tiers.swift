import Testing

@testable import PlanIO

extension ExamplesTests {
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
}
