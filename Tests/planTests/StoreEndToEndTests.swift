import Foundation
import GRDB
import GRDBSQLite
import Testing

/// The run store through the built `plan` binary: what a user types and what a script
/// reads back (standard output, standard error, exit codes of cli.md).
/// Serialized: each test starts processes, and the machine has two cores.
@Suite("Run store, end to end", .serialized)
struct StoreEndToEndTests {
    /// A month of one CNPG database on MinIO: 30 daily rows per run, quick to simulate.
    static let small = """
        name: small
        start: 2026-01-01
        horizon: 30d
        workloads:
          db: {kind: postgres, size: 1GiB, growth: 10MiB/day, volume: 2Gi}
        backups:
          cnpg:
            pg: {workload: db, schedule: "0 0 2 * * *", retention: 7d, target: m}
        targets:
          m: {kind: minio, capacity: 100GiB, monthly_cost: 20}
        kpis:
          monthly_budget: 25
        """

    /// A folder holding `small.yaml`.
    static func workspace() throws -> String {
        let dir = try PlanProcess.folder()
        try small.write(toFile: dir + "/small.yaml", atomically: true, encoding: .utf8)
        return dir
    }

    static func plan(_ arguments: [String], in dir: String, prefix: [String] = []) throws -> PlanProcess.Output {
        try PlanProcess.run(arguments, in: dir, prefix: prefix)
    }

    static func query<T>(_ path: String, _ body: (Database) throws -> T) throws -> T {
        try DatabaseQueue(path: path).read(body)
    }

    static func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    // MARK: Round trip

    @Test(
        "plan show prints exactly what plan simulate printed, and re-exports the same CSV files",
        arguments: [
            ["small.yaml"], [], ["small.yaml", "--set", "backups.cnpg.pg.retention=3d", "--horizon", "45d"],
        ])
    func roundTrip(_ scenario: [String]) throws {
        let dir = try Self.workspace()
        let simulated = try Self.plan(["simulate"] + scenario + ["--no-color"], in: dir)
        #expect(simulated.status == 0, "\(simulated.stderr)")
        #expect(simulated.stdout.hasSuffix("Recorded as run 1 in output/plan.sqlite\n"))

        let shown = try Self.plan(["show", "1", "--no-color"], in: dir)
        #expect(shown.status == 0)
        #expect(shown.stdout == simulated.stdout)
        #expect(shown.stderr.isEmpty)

        let name = scenario.isEmpty ? "seed" : "small"
        let exported = try Self.plan(["show", "1", "--no-color", "--out", "again"], in: dir)
        #expect(exported.status == 0)
        #expect(exported.stdout == simulated.stdout + "\nExported run 1 to again/\(name)/\n")
        for file in ["daily", "workloads", "targets", "monthly", "kpis"] {
            #expect(
                try Self.bytes(dir + "/again/\(name)/\(file).csv") == Self.bytes(dir + "/output/\(name)/\(file).csv"),
                "\(file).csv")
        }
    }

    /// examples.md E41 (version 2): a drill reading an s3 base backup and half a day of WAL.
    static let e41 = """
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
        kpis: {mttr: 1h}
        """

    /// A first run that was not recorded (killed, or rolled back) leaves the new store's
    /// file empty; reading it says so and writes nothing into it.
    @Test("an empty store file: plan runs says it is empty and leaves it so; plan simulate then records run 1 into it")
    func emptyStoreFile() throws {
        let dir = try Self.workspace()
        try Data().write(to: URL(fileURLWithPath: dir + "/empty.sqlite"))
        let runs = try Self.plan(["runs", "--db", "empty.sqlite"], in: dir)
        #expect(runs.status == 0)
        #expect(runs.stdout == "no runs recorded: 'empty.sqlite' is empty (plan simulate records its runs there)\n")
        #expect(try FileManager.default.attributesOfItem(atPath: dir + "/empty.sqlite")[.size] as? Int == 0)
        let recorded = try Self.plan(["simulate", "small.yaml", "--db", "empty.sqlite"], in: dir)
        #expect(recorded.status == 0)
        #expect(recorded.stdout.contains("Recorded as run 1 in empty.sqlite"))
    }

    @Test("a version 2 run is recorded; plan show prints its summary and re-exports its six files byte for byte")
    func roundTripVersion2() throws {
        let dir = try PlanProcess.folder()
        try Self.e41.write(toFile: dir + "/e41.yaml", atomically: true, encoding: .utf8)
        let simulated = try Self.plan(["simulate", "e41.yaml", "--no-color", "--db", "runs.sqlite", "--out", "first"], in: dir)
        #expect(simulated.status == 0, "\(simulated.stderr)")
        #expect(simulated.stderr.isEmpty)
        #expect(simulated.stdout.hasSuffix("Recorded as run 1 in runs.sqlite\n"))

        let shown = try Self.plan(["show", "1", "--no-color", "--db", "runs.sqlite", "--out", "again"], in: dir)
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout == simulated.stdout + "\nExported run 1 to again/e41/\n")
        for file in ["daily", "workloads", "targets", "monthly", "kpis", "drills"] {
            #expect(try Self.bytes(dir + "/again/e41/\(file).csv") == Self.bytes(dir + "/first/e41/\(file).csv"), "\(file).csv")
        }
    }

    /// examples.md E44 (version 2 with faults): a nightly whose runs fail three days.
    static let e44 = """
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
        """

    @Test("a run with faults is recorded, without a note; plan show prints its summary and re-exports its seven files")
    func roundTripFaults() throws {
        let dir = try PlanProcess.folder()
        try Self.e44.write(toFile: dir + "/e44.yaml", atomically: true, encoding: .utf8)
        let simulated = try Self.plan(["simulate", "e44.yaml", "--no-color", "--db", "runs.sqlite", "--out", "first"], in: dir)
        #expect(simulated.status == 0, "\(simulated.stderr)")
        #expect(simulated.stderr.isEmpty)
        #expect(simulated.stdout.hasSuffix("Recorded as run 1 in runs.sqlite\n"))

        let shown = try Self.plan(["show", "1", "--no-color", "--db", "runs.sqlite", "--out", "again"], in: dir)
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout == simulated.stdout + "\nExported run 1 to again/e44/\n")
        for file in ["daily", "workloads", "targets", "monthly", "kpis", "drills", "faults"] {
            #expect(try Self.bytes(dir + "/again/e44/\(file).csv") == Self.bytes(dir + "/first/e44/\(file).csv"), "\(file).csv")
        }
    }

    // MARK: Exit codes

    @Test("exit codes: 0 success, 1 unknown run, 2 not a plan store, 64 malformed command line")
    func exitCodes() throws {
        let dir = try Self.workspace()
        #expect(try Self.plan(["simulate", "small.yaml"], in: dir).status == 0)
        #expect(try Self.plan(["simulate", "small.yaml", "--no-record"], in: dir).status == 0)

        let runs = try Self.plan(["runs"], in: dir)
        #expect(runs.status == 0)
        // One run recorded: --no-record left none.
        #expect(runs.stdout.split(separator: "\n").count == 2)
        #expect(runs.stdout.contains("small.yaml"))

        let unknown = try Self.plan(["show", "7"], in: dir)
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "error: no run 7 in 'output/plan.sqlite'; plan runs lists the recorded runs\n")
        #expect(try Self.plan(["compare", "1", "7"], in: dir).status == 1)
        let nowhere = try Self.plan(["show", "1", "--db", "nowhere.sqlite"], in: dir)
        #expect(nowhere.status == 1)
        // No store there at all: said so, not "no run 1" (issue 14).
        #expect(
            nowhere.stderr
                == "error: there is no run store at 'nowhere.sqlite', so no run 1: plan simulate records its runs there; give another store with --db PATH or PLAN_DB\n"
        )
        #expect(!FileManager.default.fileExists(atPath: dir + "/nowhere.sqlite"))

        try Data("not a database".utf8).write(to: URL(fileURLWithPath: dir + "/notes.txt"))
        for arguments in [["runs"], ["show", "1"], ["compare", "1", "small.yaml"], ["simulate", "small.yaml"]] {
            let refused = try Self.plan(arguments + ["--db", "notes.txt"], in: dir)
            #expect(refused.status == 2, "\(arguments)")
            #expect(refused.stderr.hasPrefix("error: 'notes.txt' is not a plan run store: not an SQLite database (14 bytes of something else)"))
        }

        #expect(try Self.plan(["compare", "small.yaml"], in: dir).status == 64)  // neither B nor --what-if
        #expect(try Self.plan(["compare", "small.yaml", "1", "--what-if", "horizon=5d"], in: dir).status == 64)
        #expect(try Self.plan(["runs", "--limit", "-1"], in: dir).status == 64)  // the parser reads -1 as an option
        let negative = try Self.plan(["runs", "--limit=-1"], in: dir)
        #expect(negative.status == 1)
        #expect(negative.stderr == "error: --limit '-1': must be 0 (all) or more\n")
        #expect(try Self.plan(["compare", "small.yaml", "--format", "xml", "--what-if", "horizon=5d"], in: dir).status == 64)
    }

    @Test("plan runs lists newest first, with --limit and --scenario")
    func runsListing() throws {
        let dir = try Self.workspace()
        for arguments in [["small.yaml"], [], ["small.yaml", "--set", "backups.cnpg.pg.retention=3d"]] {
            #expect(try Self.plan(["simulate"] + arguments + ["--horizon", "20d"], in: dir).status == 0)
        }
        func ids(_ arguments: [String]) throws -> [String] {
            try Self.plan(["runs"] + arguments, in: dir).stdout.split(separator: "\n").dropFirst()
                .map { String($0.split(separator: " ")[0]) }
        }
        #expect(try ids([]) == ["3", "2", "1"])
        #expect(try ids(["--limit", "2"]) == ["3", "2"])
        #expect(try ids(["--scenario", "small"]) == ["3", "1"])
        #expect(try ids(["--scenario", "seed"]) == ["2"])
        let none = try Self.plan(["runs", "--scenario", "prod"], in: dir)
        #expect(none.status == 0)
        #expect(none.stdout == "no runs of scenario 'prod' recorded in 'output/plan.sqlite'\n")
    }

    @Test("plan compare reads runs back and simulates files: the same scenario twice differs in nothing")
    func compareSides() throws {
        let dir = try Self.workspace()
        #expect(try Self.plan(["simulate", "small.yaml"], in: dir).status == 0)
        let same = try Self.plan(["compare", "1", "small.yaml", "--format", "csv"], in: dir)
        #expect(same.status == 0)
        let lines = same.stdout.split(separator: "\n")
        // No setting rows, and every delta of a number is 0.
        #expect(!lines.contains { $0.hasPrefix("setting,") })
        // MinIO's fixed cost for 30 of January's 31 days: 20 × 30/31 = 19.354838…
        #expect(lines.contains("cost,total,horizon,money,19.3548,19.3548,0.0000,0.000000"))

        // The what-if: retention 7d → 3d keeps fewer base backups: B stores less.
        let whatIf = try Self.plan(["compare", "1", "--what-if", "backups.cnpg.pg.retention=3d"], in: dir)
        #expect(whatIf.status == 0)
        #expect(whatIf.stdout.contains("backups.cnpg.pg.retention  7d  3d"))
        #expect(whatIf.stdout.contains("B  run 1's scenario (small.yaml) --set backups.cnpg.pg.retention=3d"))
    }

    // MARK: Refused stores

    @Test("a garbage or truncated store: exit 2, left untouched, and the run's own output is complete")
    func refusedStores() throws {
        let dir = try Self.workspace()
        // A real store with a few runs, closed (its WAL checkpointed into the file).
        for _ in 0..<3 { #expect(try Self.plan(["simulate", "small.yaml", "--db", "whole.sqlite"], in: dir).status == 0) }
        let whole = try Self.bytes(dir + "/whole.sqlite")
        try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: dir + "/truncated.sqlite"))
        var noise = Data(count: 4096)
        for i in noise.indices { noise[i] = UInt8(truncatingIfNeeded: i &* 7919 &+ 13) }
        try noise.write(to: URL(fileURLWithPath: dir + "/garbage.sqlite"))

        for (file, message) in [
            ("truncated.sqlite", "error: run store 'truncated.sqlite' is damaged: truncated"),
            ("garbage.sqlite", "error: 'garbage.sqlite' is not a plan run store: not an SQLite database"),
        ] {
            let before = try Self.bytes(dir + "/" + file)
            try? FileManager.default.removeItem(atPath: dir + "/output")
            let run = try Self.plan(["simulate", "small.yaml", "--db", file], in: dir)
            #expect(run.status == 2)
            #expect(run.stderr.hasPrefix(message), "\(run.stderr)")
            #expect(run.stderr.hasSuffix("note: the run was not recorded; its summary and files are complete\n"))
            #expect(run.stdout.hasSuffix("\nWrote output/small/\n"))
            #expect(FileManager.default.fileExists(atPath: dir + "/output/small/daily.csv"))
            #expect(try Self.bytes(dir + "/" + file) == before, "\(file) changed")
            #expect(try Self.plan(["runs", "--db", file], in: dir).status == 2)
            #expect(try Self.bytes(dir + "/" + file) == before, "\(file) changed")
        }
    }

    @Test("a read-only location: exit 2 with a clear error, while the summary prints and the files are written")
    func readOnlyLocation() throws {
        let dir = try Self.workspace()
        try FileManager.default.createDirectory(atPath: dir + "/locked", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: dir + "/output", withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: dir + "/output")
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: dir + "/locked")
        // Root writes anywhere: drop to the unprivileged user `nobody` for this run, with a
        // copy of the binary that `nobody` may run wherever the build folder is.
        var prefix: [String] = []
        if geteuid() == 0 {
            let setpriv = "/usr/bin/setpriv"
            try #require(FileManager.default.isExecutableFile(atPath: setpriv), "running as root needs setpriv (util-linux)")
            try FileManager.default.copyItem(atPath: PlanProcess.path, toPath: dir + "/plan")
            prefix = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", dir + "/plan"]
        }
        let run = try PlanProcess.run(
            ["simulate", "small.yaml", "--db", "locked/plan.sqlite", "--no-color"], in: dir, prefix: prefix,
            binary: prefix.isEmpty ? PlanProcess.path : nil)
        #expect(run.status == 2)
        #expect(
            run.stderr == """
                error: cannot write 'locked/plan.sqlite': its folder 'locked' is read-only (permission denied)
                note: the run was not recorded; its summary and files are complete

                """)
        #expect(run.stdout.hasPrefix("plan simulate: small  2026-01-01 … 2026-01-30 (30 days, USD)\n"))
        #expect(run.stdout.hasSuffix("\nWrote output/small/\n"))
        for file in ["daily", "workloads", "targets", "monthly", "kpis"] {
            #expect(FileManager.default.fileExists(atPath: dir + "/output/small/\(file).csv"), "\(file).csv")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/locked").isEmpty)
    }

    // MARK: Concurrency and crashes

    @Test("two processes recording 50 runs each at the same time: 100 runs, integrity ok")
    func concurrentWriters() throws {
        let dir = try Self.workspace()
        // Each writer is a shell running the binary 50 times in a row; the two run at once.
        let script = """
            i=0
            while [ $i -lt 50 ]; do
              "$PLAN" simulate small.yaml --db shared.sqlite --out "out-$1" --no-color >/dev/null || exit 1
              i=$((i + 1))
            done
            """
        let writers = try ["a", "b"].map { name in
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/bin/sh")
            p.arguments = ["-c", script, "writer", name]
            p.currentDirectoryURL = URL(fileURLWithPath: dir)
            p.environment = ProcessInfo.processInfo.environment.merging(["PLAN": PlanProcess.path]) { _, new in new }
            try p.run()
            return p
        }
        for p in writers { p.waitUntilExit() }
        #expect(writers.map(\.terminationStatus) == [0, 0])

        let (runs, integrity, daily, ids) = try Self.query(dir + "/shared.sqlite") { db in
            (
                try Int.fetchOne(db, sql: "SELECT count(*) FROM runs"),
                try String.fetchAll(db, sql: "PRAGMA integrity_check"),
                try Int.fetchOne(db, sql: "SELECT count(*) FROM daily"),
                try Int.fetchOne(db, sql: "SELECT count(DISTINCT id) FROM runs")
            )
        }
        print("concurrent writers: SELECT count(*) FROM runs = \(runs ?? -1); PRAGMA integrity_check = \(integrity)")
        #expect(runs == 100)
        #expect(ids == 100)
        #expect(integrity == ["ok"])
        // 30 days × 1 daily row (one CNPG job on one target) per run.
        #expect(daily == 100 * 30)
    }

    @Test("a store with runs, opened beside the loading: an invalid scenario or files that cannot be written leave it byte for byte")
    func earlyOpenWritesNothing() throws {
        let dir = try Self.workspace()
        #expect(try Self.plan(["simulate", "small.yaml"], in: dir).status == 0)
        let store = dir + "/output/plan.sqlite"
        // In WAL mode, as an earlier plan left it: a writer would switch it to the rollback
        // journal, which shows in the file's header.
        try DatabaseQueue(path: store).writeWithoutTransaction { db in _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") }
        let before = try Self.bytes(store)

        try "name: bad\nhorizon: 10x\n".write(toFile: dir + "/bad.yaml", atomically: true, encoding: .utf8)
        #expect(try Self.plan(["simulate", "bad.yaml"], in: dir).status == 1)
        #expect(try Self.bytes(store) == before)
        // `--out` under a file: the files cannot be opened (exit 2), and no run is recorded.
        try "x".write(toFile: dir + "/file", atomically: true, encoding: .utf8)
        let unwritable = try Self.plan(["simulate", "small.yaml", "--out", "file/out"], in: dir)
        #expect(unwritable.status == 2, "\(unwritable.stderr)")
        #expect(try Self.bytes(store) == before)

        // A run that records switches it and is listed after the first.
        #expect(try Self.plan(["simulate", "small.yaml"], in: dir).status == 0)
        #expect(try Self.query(store) { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } == "delete")
        #expect(try Self.plan(["runs"], in: dir).stdout.split(separator: "\n").count == 3)
    }

    @Test("an invalid scenario is told at once while another process holds the store locked (the early opening is not waited for)")
    func invalidScenarioBesideALock() throws {
        let dir = try Self.workspace()
        #expect(try Self.plan(["simulate", "small.yaml"], in: dir).status == 0)
        // Another connection holds an exclusive lock (SQLite's C API: GRDB does not let a
        // transaction outlive its closure).
        var holder: OpaquePointer?
        #expect(sqlite3_open(dir + "/output/plan.sqlite", &holder) == SQLITE_OK)
        #expect(sqlite3_exec(holder, "BEGIN EXCLUSIVE; SELECT count(*) FROM runs", nil, nil, nil) == SQLITE_OK)
        defer {
            sqlite3_exec(holder, "ROLLBACK", nil, nil, nil)
            sqlite3_close(holder)
        }
        try "name: bad\nhorizon: 10x\n".write(toFile: dir + "/bad.yaml", atomically: true, encoding: .utf8)
        let started = Date()
        let bad = try Self.plan(["simulate", "bad.yaml"], in: dir)
        let seconds = Date().timeIntervalSince(started)
        #expect(bad.status == 1)
        // The store's busy timeout is 60 s; before, the command waited for the opening thread.
        #expect(seconds < 5, "took \(seconds) s")
    }

    /// When `killedWriter` kills the recording process.
    enum KillMoment: String, CustomTestStringConvertible, CaseIterable {
        /// Its rows are being inserted: the pages it changed so far wait in memory, their
        /// old contents in `plan.sqlite-journal`.
        case inTransaction = "while it inserts its rows"
        /// Its pages are reaching the file (every 1 MiB of day numbers, `RunWriteback`, and
        /// at its commit): the file is half old, half new, and only the journal left behind
        /// can put it back.
        case inCommit = "while its pages go into the file"
        var testDescription: String { rawValue }
    }

    /// The size of the file at `path`; -1 when there is none.
    static func fileSize(_ path: String) -> Int { (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? -1 }

    /// Starts a 100-year run of the seed cluster in `dir`, recorded into its default store:
    /// about half a million rows in one transaction, 22 MB of pages.
    static func startHundredYears(in dir: String) throws -> Process {
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: PlanProcess.path)
        writer.arguments = ["simulate", "--horizon", "100y", "--no-color"]
        writer.currentDirectoryURL = URL(fileURLWithPath: dir)
        writer.standardOutput = FileHandle.nullDevice
        try writer.run()
        return writer
    }

    /// A new store's first run writes its pages into the file before its header, which
    /// SQLite writes at the commit: killed then, it leaves a file of zeros up front and its
    /// journal, which `plan` must not refuse.
    @Test("a first run into a new store, killed while its pages go into the file: plan plays the journal back, and the next run is run 1")
    func killedFirstRun() throws {
        let dir = try Self.workspace()
        let store = dir + "/output/plan.sqlite"
        let size = Self.fileSize
        let writer = try Self.startHundredYears(in: dir)
        let deadline = Date().addingTimeInterval(60)
        while writer.isRunning && Date() < deadline && size(store) < 4 << 20 { usleep(500) }
        let killedMidRun = writer.isRunning
        kill(writer.processIdentifier, SIGKILL)
        writer.waitUntilExit()
        #expect(killedMidRun, "the writer finished before it could be killed")
        let header = try FileHandle(forReadingFrom: URL(fileURLWithPath: store)).read(upToCount: 16) ?? Data()
        #expect(header == Data(count: 16), "the header is still zeros")
        #expect(size(store + "-journal") > 0)

        let listed = try Self.plan(["runs"], in: dir)
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout == "no runs recorded: 'output/plan.sqlite' is empty (plan simulate records its runs there)\n")
        #expect(size(store) == 0, "played back: the file is empty again")
        let next = try Self.plan(["simulate", "small.yaml"], in: dir)
        #expect(next.status == 0, "\(next.stderr)")
        #expect(next.stdout.contains("Recorded as run 1 in output/plan.sqlite"))
    }

    @Test("a writer killed in the middle of its run leaves a consistent store without that run", arguments: KillMoment.allCases)
    func killedWriter(_ moment: KillMoment) throws {
        let dir = try Self.workspace()
        #expect(try Self.plan(["simulate", "small.yaml"], in: dir).status == 0)
        let store = dir + "/output/plan.sqlite"
        let size = Self.fileSize
        let before = size(store)
        let writer = try Self.startHundredYears(in: dir)
        // Kill it 100 ms after its journal appears, or once it has written 4 MiB into the
        // file (polled every 0.5 ms), or after 60 s.
        let deadline = Date().addingTimeInterval(60)
        var journalSince: Date? = nil
        while writer.isRunning && Date() < deadline {
            if journalSince == nil && size(store + "-journal") > 0 { journalSince = Date() }
            if moment == .inTransaction, let since = journalSince, Date().timeIntervalSince(since) > 0.1 { break }
            if moment == .inCommit && size(store) > before + 4 << 20 { break }
            usleep(500)
        }
        let killedMidRun = writer.isRunning
        kill(writer.processIdentifier, SIGKILL)
        writer.waitUntilExit()
        let grown = size(store) - before
        #expect(killedMidRun, "the writer finished before it could be killed (file grown by \(grown) B)")
        #expect(size(store + "-journal") > 0, "the killed writer left its journal")
        if moment == .inCommit { #expect(grown > 4 << 20, "killed after its pages began to go into the file") }

        // plan reads the store as it was before the run: SQLite plays the journal back on
        // the first read, and the file's header check lets a store with a journal through.
        let listed = try Self.plan(["runs"], in: dir)
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.split(separator: "\n").count == (killedMidRun ? 2 : 3))
        if killedMidRun { #expect(size(store) == before, "the file is back to its size before the run") }
        // A journal whose commit never began (its header still zero) is no longer needed;
        // the next writer removes it.
        if moment == .inCommit { #expect(!FileManager.default.fileExists(atPath: store + "-journal"), "played back and removed") }

        let (runs, integrity, orphans) = try Self.query(store) { db in
            (
                try Int.fetchOne(db, sql: "SELECT count(*) FROM runs"),
                try String.fetchAll(db, sql: "PRAGMA integrity_check"),
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT (SELECT count(*) FROM daily WHERE run_id NOT IN (SELECT id FROM runs))
                             + (SELECT count(*) FROM workloads WHERE run_id NOT IN (SELECT id FROM runs))
                             + (SELECT count(*) FROM targets WHERE run_id NOT IN (SELECT id FROM runs))
                        """)
            )
        }
        #expect(integrity == ["ok"])
        #expect(runs == (killedMidRun ? 1 : 2))
        #expect(orphans == 0)
        // The store goes on: the next run is recorded and listed.
        #expect(try Self.plan(["simulate", "small.yaml"], in: dir).status == 0)
        let after = try Self.plan(["runs"], in: dir)
        #expect(after.status == 0)
        #expect(!FileManager.default.fileExists(atPath: store + "-journal"))
        #expect(after.stdout.split(separator: "\n").count == (killedMidRun ? 3 : 4))
    }

    @Test("a --db that is a symbolic link to a store, relative or absolute, reads and records through the link")
    func symlinkedStore() throws {
        let dir = try Self.workspace()
        #expect(try Self.plan(["simulate", "small.yaml", "--db", "real.sqlite"], in: dir).status == 0)
        try FileManager.default.createSymbolicLink(atPath: dir + "/relative.sqlite", withDestinationPath: "real.sqlite")
        try FileManager.default.createSymbolicLink(atPath: dir + "/absolute.sqlite", withDestinationPath: dir + "/real.sqlite")
        // Before, the first was "a symbolic link that leads nowhere" and the second "damaged:
        // truncated" (the link's own size was checked against the store's header), exit 2.
        for link in ["relative.sqlite", "absolute.sqlite"] {
            let runs = try Self.plan(["runs", "--db", link], in: dir)
            #expect(runs.status == 0, "\(link): \(runs.stderr)")
            #expect(runs.stdout.contains("small"))
        }
        #expect(try Self.plan(["simulate", "small.yaml", "--db", "relative.sqlite"], in: dir).status == 0)
        let count = try Self.query(dir + "/real.sqlite") { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM runs") }
        #expect(count == 2)
        // The link is still a link.
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dir + "/relative.sqlite") == "real.sqlite")
    }
}
