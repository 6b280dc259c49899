import Foundation
import GRDB
import Testing

@testable import PlanCore
@testable import PlanIO
@testable import PlanStore

/// Version 2 runs with fault keys in the store (migration "v4"): recorded by `plan
/// simulate`'s pipeline, re-exported as exactly the seven files that `RunFiles` wrote
/// (`faults.csv` with the six of version 2), and read back with their fault KPI rows.
@Suite("Run store, faults")
struct RunStoreFaultsTests {
    /// examples.md section 20, with the `faults:` map as the loader reads it: E44 (a
    /// nightly Velero job whose runs fail three days: an empty `workload` cell, no WAL
    /// cells) and E45 (a CNPG job's base backups fail while WAL goes on: the workload, the
    /// WAL cells, and the `wal_volume_full` and `wal_tolerance` rows).
    static let examples: [String: String] = [
        "e44": """
        version: 2
        name: e44
        start: 2026-01-01
        horizon: 10d
        workloads:
          vol: {kind: volume, size: 10GiB}
        backups:
          velero:
            nightly: {schedule: "0 3 * * *", ttl: 48h, volumes: [vol], target: m}
        targets:
          m: {kind: minio, capacity: 10Ti}
        faults:
          outage: {kind: runs-fail, job: velero/nightly, from: 2026-01-04, until: 2026-01-07}
        kpis: {rpo: 1d, success_rate: 99.9%}
        """,
        "e45": """
        version: 2
        name: e45
        start: 2026-01-01
        horizon: 5d
        workloads:
          db: {kind: postgres, size: 100GiB, wal: 8GiB/day, volume: 200Gi}
        backups:
          cnpg:
            pg: {workload: db, schedule: "0 0 0 * * *", retention: 7d, target: m}
        targets:
          m: {kind: minio, capacity: 10Ti}
        faults:
          broken: {kind: runs-fail, job: cnpg/pg, from: 2026-01-02, for: 2d}
        kpis: {success_rate: 90%}
        """,
    ]

    static let faultFiles = RunStoreVersion2Tests.version2Files + ["faults"]

    static func scenario(_ example: String) throws -> Scenario {
        let s = try RunStoreTests.scenario(try #require(Self.examples[example]))
        #expect(s.version == 2 && s.hasFaultKeys, "\(example)")
        return s
    }

    @Test("a run with faults is recorded and re-exports the seven files simulate wrote, byte for byte", arguments: ["e44", "e45"])
    func roundTrip(_ example: String) throws {
        let dir = try RunStoreTests.folder()
        let (job, run) = try RunStoreVersion2Tests.simulate(try Self.scenario(example), in: dir)
        let result = run.output.result
        #expect(result.hasFaults)
        #expect(run.recordedID == 1)
        #expect(run.storeFailure == nil)
        #expect(try RunStoreVersion2Tests.csvFiles(job.directory) == Set(Self.faultFiles))

        let store = try #require(try RunStore.open(path: dir + "/plan.sqlite", create: false))
        #expect(try store.exportCSV(1, to: dir + "/export"))
        #expect(try RunStoreVersion2Tests.csvFiles(dir + "/export") == Set(Self.faultFiles))
        for file in Self.faultFiles {
            let exported = try RunStoreVersion2Tests.bytes(dir + "/export/\(file).csv")
            let written = try RunStoreVersion2Tests.bytes(job.directory + "/\(file).csv")
            #expect(exported == written, "\(example) \(file).csv:\n\(String(decoding: exported, as: UTF8.self))")
        }

        // The summary reads back whole, the fault KPI rows included.
        let record = try #require(try store.run(1))
        #expect(record.result.hasFaults)
        #expect(record.result.version == 2)
        #expect(record.result.kpis == result.kpis)
        #expect(record.result.monthly == result.monthly)
        #expect(record.result.kpis.contains { $0.kpi == .successRate })
        let renderer = TableRenderer(color: false)
        #expect(renderer.render(record.result, files: ["out/"]) == renderer.render(result, files: ["out/"]))
        try RunStoreTests.query(dir + "/plan.sqlite") { (db: Database) throws -> Void in
            #expect(try Int.fetchOne(db, sql: "SELECT has_faults FROM runs WHERE id = 1") == 1)
            // One row per day per job: one job each.
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM faults WHERE run_id = 1") == result.horizonDays)
        }
    }

    @Test("E44's fault rows are kept as faults.csv has them: runs failed on days 3 to 5, NULL workload and WAL cells")
    func e44Cells() throws {
        let dir = try RunStoreTests.folder()
        _ = try RunStoreVersion2Tests.simulate(try Self.scenario("e44"), in: dir)
        try RunStoreTests.query(dir + "/plan.sqlite") { (db: Database) throws -> Void in
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM faults WHERE run_id = 1 ORDER BY day")
            // The outage covers the 03:00 runs of 2026-01-04, -05 and -06 (days 3, 4, 5).
            #expect(rows.map { $0["runs_failed"] as Int64 } == [0, 0, 0, 1, 1, 1, 0, 0, 0, 0])
            #expect(rows.allSatisfy { ($0["runs_scheduled"] as Int64) == 1 && ($0["job"] as String) == "velero/nightly" })
            #expect(rows.allSatisfy { ($0["workload"] as String?) == nil && ($0["wal_held_bytes"] as Int64?) == nil })
            #expect(rows.first?["date"] as String? == "2026-01-01")
        }
    }

    @Test("E45's KPI rows of the fault kinds read back as computed")
    func e45KPIs() throws {
        let dir = try RunStoreTests.folder()
        let (_, run) = try RunStoreVersion2Tests.simulate(try Self.scenario("e45"), in: dir)
        let store = try #require(try RunStore.open(path: dir + "/plan.sqlite", create: false))
        let record = try #require(try store.run(1))
        for kind in [KPIKind.successRate, .walVolumeFull, .walTolerance] {
            let read = record.result.kpis.filter { $0.kpi == kind }
            #expect(!read.isEmpty, "\(kind.rawValue)")
            #expect(read == run.output.result.kpis.filter { $0.kpi == kind }, "\(kind.rawValue)")
        }
        // examples.md E45: 3 of 5 base backups succeed; the tolerance
        // (200 − 100 − 1) GiB / (8 GiB / 86400 s) = 1069200 s.
        let rate = try #require(record.result.kpis.first { $0.kpi == .successRate && $0.subject == "cnpg/pg" })
        #expect(rate.worst == 0.6 && rate.status == .fail && rate.firstFailure == CivilDate(year: 2026, month: 1, day: 2))
        let tolerance = try #require(record.result.kpis.first { $0.kpi == .walTolerance && $0.subject == "db" }?.worst)
        #expect(abs(tolerance - 1_069_200) < 1e-6)
        try RunStoreTests.query(dir + "/plan.sqlite") { (db: Database) throws -> Void in
            let row = try #require(try Row.fetchOne(db, sql: "SELECT * FROM faults WHERE run_id = 1 AND day = 1"))
            #expect(row["job"] as String == "cnpg/pg" && row["workload"] as String == "db")
            #expect(row["runs_failed"] as Int64 == 1)
        }
    }

    @Test("runs without faults beside it: has_faults 0, no faults rows, no faults.csv")
    func withoutFaults() throws {
        let dir = try RunStoreTests.folder()
        let store = try #require(try RunStore.open(path: dir + "/plan.sqlite", create: true))
        let (v1, _, _) = try RunStoreTests.record(try RunStoreTests.seed60(), in: store)
        let (v2, _, _) = try RunStoreTests.record(
            try RunStoreTests.scenario(try #require(RunStoreVersion2Tests.examples["e41"])), in: store)
        for (id, files) in [(v1, RunStoreVersion2Tests.version1Files), (v2, RunStoreVersion2Tests.version2Files)] {
            #expect(try store.run(id)?.result.hasFaults == false, "run \(id)")
            #expect(try store.exportCSV(id, to: dir + "/export\(id)"))
            #expect(try RunStoreVersion2Tests.csvFiles(dir + "/export\(id)") == Set(files), "run \(id)")
        }
        try RunStoreTests.query(dir + "/plan.sqlite") { (db: Database) throws -> Void in
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM runs WHERE has_faults <> 0") == 0)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM faults") == 0)
        }
    }
}
