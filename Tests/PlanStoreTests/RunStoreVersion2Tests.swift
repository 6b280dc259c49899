import Foundation
import GRDB
import Testing

@testable import PlanCore
@testable import PlanIO
@testable import PlanStore

/// Version 2 runs in the store (cli.md "Version 2 columns"): recorded by `plan simulate`'s
/// pipeline, read back into the same summary, and re-exported as exactly the files that
/// `RunFiles` wrote; a version 1 run keeps its version 1 files.
@Suite("Run store, version 2")
struct RunStoreVersion2Tests {
    /// examples.md section 19, as in `Version2ExamplesTests`: E41 (a drill reading an s3
    /// base backup and WAL, with egress), E42 (two drills and the mttr KPI), E31 (a
    /// versioned bucket's noncurrent bytes), E35 (a Longhorn snapshot's rows under the
    /// cluster target).
    static let examples: [String: String] = [
        "e41": """
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
        """,
        "e42": """
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
        """,
        "e31": """
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
        """,
        "e35": """
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
        """,
    ]

    static let version1Files = ["daily", "workloads", "targets", "monthly", "kpis"]
    /// A version 2 run's files; `jobs.csv` is kept by the store since schema v5.
    static let version2Files = version1Files + ["drills", "jobs"]

    /// Runs `s` as `plan simulate` does, writing its files under `dir/out` and recording it
    /// in `dir/plan.sqlite`.
    static func simulate(_ s: Scenario, in dir: String) throws -> (SimulationJob, RecordedSimulation) {
        let job = SimulationJob(scenario: s, layout: OutputLayout(root: dir + "/out"), withReport: false, keepJSONRows: false)
        let header = RunHeader(
            scenario: s, scenarioPath: "\(s.name).yaml", overrides: [], createdAt: "2026-01-01T00:00:00Z",
            filesWritten: job.written.joined(separator: ", "), storePath: dir + "/plan.sqlite")
        guard case .success(let run) = job.run(recordingAt: dir + "/plan.sqlite", header: header) else {
            throw PlanIOError.cannotWrite(path: dir, reason: "the run failed")
        }
        return (job, run)
    }

    static func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    /// The `.csv` files in `dir`, by name without the extension.
    static func csvFiles(_ dir: String) throws -> Set<String> {
        Set(try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".csv") }.map { String($0.dropLast(4)) })
    }

    @Test("a version 2 run is recorded and re-exports the seven files simulate wrote, byte for byte", arguments: ["e41", "e42", "e31", "e35"])
    func roundTrip(_ example: String) throws {
        let dir = try RunStoreTests.folder()
        let s = try RunStoreTests.scenario(try #require(Self.examples[example]))
        #expect(s.version == 2)
        let (job, run) = try Self.simulate(s, in: dir)
        #expect(run.recordedID == 1)
        #expect(run.storeFailure == nil)
        #expect(try Self.csvFiles(job.directory) == Set(Self.version2Files))

        let store = try #require(try RunStore.open(path: dir + "/plan.sqlite", create: false))
        #expect(try store.exportCSV(1, to: dir + "/export"))
        #expect(try Self.csvFiles(dir + "/export") == Set(Self.version2Files))
        for file in Self.version2Files {
            let exported = try Self.bytes(dir + "/export/\(file).csv")
            let written = try Self.bytes(job.directory + "/\(file).csv")
            #expect(exported == written, "\(example) \(file).csv:\n\(String(decoding: exported, as: UTF8.self))")
        }

        // The summary reads back whole: version, drills, the billing of every month.
        let record = try #require(try store.run(1))
        let result = run.output.result
        #expect(record.result.version == 2)
        #expect(record.result.drills == result.drills)
        // jobs.csv's rows read back whole (schema v5).
        #expect(record.result.jobCosts == result.jobCosts)
        #expect(!record.result.jobCosts.isEmpty)
        #expect(record.result.monthly == result.monthly)
        #expect(record.result.kpis == result.kpis)
        #expect(record.result.kpis.contains { $0.kpi == .mttr })
        let renderer = TableRenderer(color: false)
        #expect(renderer.render(record.result, files: ["out/"]) == renderer.render(result, files: ["out/"]))
        try RunStoreTests.query(dir + "/plan.sqlite") { (db: Database) throws -> Void in
            #expect(try Int.fetchOne(db, sql: "SELECT version FROM runs WHERE id = 1") == 2)
            #expect(try Int.fetchOne(db, sql: "SELECT has_faults FROM runs WHERE id = 1") == 0)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM drills WHERE run_id = 1") == result.drills.count)
        }
    }

    @Test("a version 2 run recorded before schema v5 (has_job_costs 0, no jobs rows) reads back without job costs and re-exports no jobs.csv")
    func runBeforeJobCosts() throws {
        let dir = try RunStoreTests.folder()
        let s = try RunStoreTests.scenario(try #require(Self.examples["e41"]))
        _ = try Self.simulate(s, in: dir)
        try DatabaseQueue(path: dir + "/plan.sqlite").write { db in
            try db.execute(sql: "DELETE FROM jobs; UPDATE runs SET has_job_costs = 0")
        }
        let store = try #require(try RunStore.open(path: dir + "/plan.sqlite", create: false))
        #expect(try store.run(1)?.result.jobCosts == [])
        #expect(try store.exportCSV(1, to: dir + "/export"))
        #expect(try Self.csvFiles(dir + "/export") == Set(Self.version2Files).subtracting(["jobs"]))
    }

    @Test("E41's drill row is kept as drills.csv has it: HH:MM:SS, integers, unrounded money and seconds")
    func drillCells() throws {
        let dir = try RunStoreTests.folder()
        let (_, run) = try Self.simulate(try RunStoreTests.scenario(try #require(Self.examples["e41"])), in: dir)
        let drill = try #require(run.output.result.drills.first)
        try RunStoreTests.query(dir + "/plan.sqlite") { (db: Database) throws -> Void in
            let row = try #require(try Row.fetchOne(db, sql: "SELECT * FROM drills WHERE run_id = 1"))
            #expect(row["date"] as String == "2026-01-02")
            #expect(row["time"] as String == "13:00:00")
            #expect(row["drill"] as String == "pitr" && row["job"] as String == "cnpg/pg" && row["target"] as String == "s3")
            // 200 GiB of base backup and 12 GiB of WAL (E41): 212 × 2^30 bytes, 771 GETs.
            #expect(row["bytes_read"] as Int64 == 212 * 1_073_741_824)
            #expect(row["get_requests"] as Int64 == 771)
            #expect(row["egress_cost"] as Double == drill.egressCost.amount)
            #expect(row["restore_seconds"] as Double == drill.restoreSeconds)
            // The month's bill of s3 has the egress: (212 − 100) × 0.09 after the free 100 GiB.
            let month = try #require(
                try Row.fetchOne(db, sql: "SELECT egress_bytes, egress_cost FROM monthly WHERE run_id = 1 AND target = 's3'"))
            #expect(month["egress_bytes"] as Int64 == 212 * 1_073_741_824)
            #expect(abs((month["egress_cost"] as Double) - 112 * 0.09) < 1e-9)
        }
    }

    @Test("a version 1 run beside it keeps version 1's files: no appended columns, no drills.csv, NULL in the store")
    func version1Unchanged() throws {
        let dir = try RunStoreTests.folder()
        let (job, run) = try Self.simulate(try RunStoreTests.seed60(), in: dir)
        #expect(run.recordedID == 1)
        let store = try #require(try RunStore.open(path: dir + "/plan.sqlite", create: false))
        #expect(try store.exportCSV(1, to: dir + "/export"))
        #expect(try Self.csvFiles(dir + "/export") == Set(Self.version1Files))
        for file in Self.version1Files {
            #expect(try Self.bytes(dir + "/export/\(file).csv") == Self.bytes(job.directory + "/\(file).csv"), "\(file).csv")
        }
        let daily = try String(contentsOfFile: dir + "/export/daily.csv", encoding: .utf8)
        #expect(daily.hasPrefix(DailyColumn.header(version: 1)))
        let record = try #require(try store.run(1))
        #expect(record.result.version == 1)
        #expect(record.result.monthly.allSatisfy { $0.billing == nil })
        try RunStoreTests.query(dir + "/plan.sqlite") { (db: Database) throws -> Void in
            #expect(try Int.fetchOne(db, sql: "SELECT version FROM runs WHERE id = 1") == 1)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM daily WHERE run_id = 1 AND deleted_bytes IS NOT NULL") == 0)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM targets WHERE run_id = 1 AND noncurrent_bytes IS NOT NULL") == 0)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM monthly WHERE run_id = 1 AND get_requests IS NOT NULL") == 0)
        }
    }

    @Test("a store of the schema before version 2 outputs (v1, v2) migrates to v7; its run reads and re-exports as before")
    func migrateV2Store() throws {
        let dir = try RunStoreTests.folder()
        let path = dir + "/plan.sqlite"
        // A store as the previous plan left it: migrations v1 and v2, one recorded run.
        let old = try DatabaseQueue(path: path)
        try old.writeWithoutTransaction { db in try db.execute(sql: RunStoreV1Fixture.sql) }
        try RunStore.migrator.migrate(old, upTo: "v2")
        try old.close()

        let store = try #require(try RunStore.open(path: path, create: false))
        try RunStoreTests.query(path) { (db: Database) throws -> Void in
            #expect(
                try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid") == [
                    "v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8",
                ])
            #expect(try Int.fetchOne(db, sql: "SELECT version FROM runs WHERE id = 1") == 1)
            #expect(try Int.fetchOne(db, sql: "SELECT has_faults FROM runs WHERE id = 1") == 0)
        }
        let run = try #require(try store.run(1))
        #expect(run.result.version == 1 && run.result.drills.isEmpty && !run.result.hasFaults)
        #expect(try store.exportCSV(1, to: dir + "/export"))
        #expect(try Self.csvFiles(dir + "/export") == Set(Self.version1Files))
        // The fixture's two days of `res` on `m`, with version 1's header.
        let targets = try String(contentsOfFile: dir + "/export/targets.csv", encoding: .utf8)
        #expect(
            targets == TargetsColumn.header(version: 1)
                + "2026-01-01,0,m,minio,471859200,1073741824,0.439453\n2026-01-02,1,m,minio,943718400,1073741824,0.878906\n")
    }
}
