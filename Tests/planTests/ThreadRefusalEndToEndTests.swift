import Foundation
import GRDB
import Testing

/// `plan` where the system refuses a thread (a pids limit, `RLIMIT_NPROC`): strace makes
/// the Nth thread creation fail with EAGAIN, for each N in turn. Every thread `plan` starts
/// beside its work then does that work on its own thread instead (`DetachedThread`); before,
/// a refused `Thread` never ran, and `plan` waited for it for ever.
@Suite("A refused thread, end to end", .serialized)
struct ThreadRefusalEndToEndTests {
    /// `plan ARGUMENTS` under strace, its `n`th `clone3` failing (every one when `n` is nil),
    /// within 60 s: `timeout` kills strace past it (exit 137). SIGKILL, since a test runner
    /// may hand its children SIGTERM ignored, and a run that waits then waits for ever.
    static func refusing(_ n: Int?, _ arguments: [String], in dir: String) throws -> PlanProcess.Output {
        try PlanProcess.run(
            arguments, in: dir,
            prefix: [
                "/usr/bin/timeout", "-s", "KILL", "60", OutputSetEndToEndTests.strace, "-f", "-qq", "-o", "/dev/null", "-e", "trace=clone3", "-e",
                "inject=clone3:error=EAGAIN" + (n.map { ":when=\($0)" } ?? ""), PlanProcess.path,
            ], binary: nil)
    }

    @Test("--no-record with every thread refused: the run ends at once, on the main thread, with the files of a run without a refusal")
    func everyThreadRefused() throws {
        let dir = try PlanProcess.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let simulate = ["simulate", "--no-record", "--horizon", "1y"]
        #expect(try PlanProcess.run(simulate + ["--out", "reference"], in: dir).status == 0)
        // A folder to replace, so that the removal's thread is asked for too.
        #expect(try PlanProcess.run(simulate + ["--out", "out"], in: dir).status == 0)
        // With an `async` main the command ran on a thread of Dispatch, which retried its
        // refused creation once a second for ever: `timeout` ended the run after 60 s.
        let started = Date()
        let run = try Self.refusing(nil, simulate + ["--out", "out"], in: dir)
        #expect(run.status == 0, "exit \(run.status)\n\(run.stderr)")
        #expect(Date().timeIntervalSince(started) < 30, "a refused thread was waited for")
        #expect(OutputSetEndToEndTests.snapshot(dir + "/out/seed") == OutputSetEndToEndTests.snapshot(dir + "/reference/seed"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/out") == ["seed"])
    }

    @Test("--no-record: whichever thread is refused, the run ends and its files are the same as without a refusal")
    func noRecord() throws {
        #expect(FileManager.default.isExecutableFile(atPath: OutputSetEndToEndTests.strace), "strace is needed (.ci/run installs it)")
        let dir = try PlanProcess.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let simulate = ["simulate", "--no-record", "--horizon", "1y"]
        #expect(try PlanProcess.run(simulate + ["--out", "reference"], in: dir).status == 0)
        let reference = OutputSetEndToEndTests.snapshot(dir + "/reference/seed")
        #expect(reference.keys.sorted() == ["daily.csv", "kpis.csv", "monthly.csv", "targets.csv", "workloads.csv"])
        for n in 1...8 {
            // A folder to replace, so that the removal's thread is asked for too.
            #expect(try PlanProcess.run(["simulate", "--no-record", "--horizon", "30d", "--out", "out\(n)"], in: dir).status == 0)
            let run = try Self.refusing(n, simulate + ["--out", "out\(n)"], in: dir)
            #expect(run.status == 0, "thread \(n) refused: exit \(run.status)\n\(run.stderr)")
            #expect(OutputSetEndToEndTests.snapshot(dir + "/out\(n)/seed") == reference, "thread \(n) refused")
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/out\(n)") == ["seed"], "thread \(n) refused")
        }
    }

    @Test("recording: whichever thread is refused, the run ends; the files are whole, and the run recorded or told not to be")
    func recording() throws {
        let dir = try PlanProcess.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let simulate = ["simulate", "--horizon", "1y", "--db", "plan.sqlite"]
        #expect(try PlanProcess.run(simulate + ["--out", "reference"], in: dir).status == 0)
        let reference = OutputSetEndToEndTests.snapshot(dir + "/reference/seed")
        var recorded = 1
        for n in 1...8 {
            let run = try Self.refusing(n, simulate + ["--out", "out\(n)"], in: dir)
            if run.status == 0 { recorded += 1 }
            #expect(run.status == 0 || run.status == 2, "thread \(n) refused: exit \(run.status)\n\(run.stderr)")
            if run.status == 2 {
                // The writer's thread refused: said so, and nothing half recorded.
                #expect(run.stderr.contains("the system refused a thread to record the run on"), "\(run.stderr)")
                #expect(run.stderr.contains("note: the run was not recorded; its summary and files are complete"))
            }
            #expect(OutputSetEndToEndTests.snapshot(dir + "/out\(n)/seed") == reference, "thread \(n) refused")
        }
        // One run for each that exited 0, whole (its days all there), none for the others.
        let store = try DatabaseQueue(path: dir + "/plan.sqlite")
        let (runs, days) = try store.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM runs") ?? 0, try Int.fetchOne(db, sql: "SELECT count(*) FROM run_days") ?? 0)
        }
        #expect(runs == recorded)
        #expect(days == 365 * recorded)
    }
}
