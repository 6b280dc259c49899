import Foundation
import Testing

/// The output folder through the built `plan` binary, killed at every rename it makes
/// (strace's fault injection, as the attack on version 1 did): `DIR/NAME/` always holds one
/// run's whole set.
@Suite("Output sets, end to end", .serialized)
struct OutputSetEndToEndTests {
    /// Every entry of `dir` (recursively, hidden ones too) and its bytes.
    static func snapshot(_ dir: String) -> [String: Data] {
        var files: [String: Data] = [:]
        let names = (try? FileManager.default.subpathsOfDirectory(atPath: dir)) ?? []
        for name in names { files[name] = FileManager.default.contents(atPath: dir + "/" + name) ?? Data() }
        return files
    }

    static let strace = "/usr/bin/strace"

    @Test("a simulate killed at its 1st, 2nd, … rename leaves the old run's files or the new run's, never a mix")
    func killedAtEveryRename() throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.strace), "strace is needed (.ci/run installs it)")
        let dir = try PlanProcess.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // The old set: the built-in example over 90 days, five CSV files. The new set: two
        // years with the report, six files; the new run is also written to `new/` as the
        // reference.
        let old = ["simulate", "--no-record", "--horizon", "90d", "--out", "out"]
        let new = ["simulate", "--no-record", "--horizon", "2y", "--report"]
        #expect(try PlanProcess.run(new + ["--out", "new"], in: dir).status == 0)
        let newSet = Self.snapshot(dir + "/new/seed")
        #expect(newSet.keys.sorted() == ["daily.csv", "kpis.csv", "monthly.csv", "report.html", "targets.csv", "workloads.csv"])

        /// Runs the new set into `out/` over the old one, killed at the `n`th call of
        /// `syscall` (strace counts each system call on its own); true if it was killed.
        func killed(at syscall: String, _ n: Int) throws -> Bool {
            // The old set alone (a run without --report keeps an earlier report.html).
            try? FileManager.default.removeItem(atPath: dir + "/out/seed")
            #expect(try PlanProcess.run(old, in: dir).status == 0)
            let oldSet = Self.snapshot(dir + "/out/seed")
            #expect(oldSet.count == 5)
            let run = try PlanProcess.run(
                new + ["--out", "out"], in: dir,
                prefix: [
                    Self.strace, "-f", "-qq", "-o", "/dev/null", "-e", "trace=\(syscall)", "-e", "inject=\(syscall):signal=SIGKILL:when=\(n)",
                    PlanProcess.path,
                ], binary: nil)
            let now = Self.snapshot(dir + "/out/seed")
            #expect(now == oldSet || now == newSet, "killed at \(syscall) \(n): \(now.keys.sorted()) is neither set")
            #expect(run.status != 0 || now == newSet)
            return run.status != 0
        }
        // Six renames inside the stage (one per file), the 7th call never comes.
        var renames = 0
        while renames < 30, try killed(at: "rename", renames + 1) { renames += 1 }
        #expect(renames == 6)
        // The swap itself.
        #expect(try killed(at: "renameat2", 1))
        #expect(try !killed(at: "renameat2", 2))
        // The next run removed what the killed ones left beside the folder.
        #expect(try PlanProcess.run(old, in: dir).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/out") == ["seed"])
    }

    @Test("a file of the set that cannot be written, while daily.csv's own run is writing: exit 2, the old files kept, nothing left beside")
    func failureBesideTheDailyRun() throws {
        let dir = try PlanProcess.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.copyItem(
            atPath: Sandbox.repository.appendingPathComponent("scenarios/seed-faults.yaml").path, toPath: dir + "/seed-faults.yaml")
        let run = ["simulate", "seed-faults.yaml", "--no-record", "--out", "out"]
        #expect(try PlanProcess.run(run + ["--horizon", "30d"], in: dir).status == 0)
        // faults.csv becomes a link to a folder: the run that writes it (the first, beside
        // daily.csv's) cannot open it, and says so once daily.csv's run has ended.
        try FileManager.default.createDirectory(atPath: dir + "/elsewhere", withIntermediateDirectories: false)
        try FileManager.default.removeItem(atPath: dir + "/out/seed-faults/faults.csv")
        try FileManager.default.createSymbolicLink(atPath: dir + "/out/seed-faults/faults.csv", withDestinationPath: "../../elsewhere")
        let before = Self.snapshot(dir + "/out/seed-faults")
        let failed = try PlanProcess.run(run + ["--horizon", "2y"], in: dir)
        #expect(failed.status == 2)
        #expect(failed.stderr.contains("cannot write 'out/seed-faults/faults.csv'"), "\(failed.stderr)")
        #expect(Self.snapshot(dir + "/out/seed-faults") == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/out") == ["seed-faults"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/elsewhere") == [])
    }

    @Test("the folder a run replaced is removed while plan prints, and gone when it exits, however slow the removal")
    func replacedFolderGoneAtExit() throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.strace), "strace is needed (.ci/run installs it)")
        let dir = try PlanProcess.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try PlanProcess.run(["simulate", "--no-record", "--horizon", "90d", "--out", "out"], in: dir).status == 0)
        // The second run replaces the first's folder. Each rmdir waits 0.3 s on entry, the
        // removal's last step among them: a process that exited without waiting for its
        // removal would leave the emptied old folder (`.seed.set-PID-TAG`) beside the new.
        let slow = try PlanProcess.run(
            ["simulate", "--no-record", "--horizon", "1y", "--out", "out"], in: dir,
            prefix: [Self.strace, "-f", "-qq", "-o", "/dev/null", "-e", "trace=rmdir", "-e", "inject=rmdir:delay_enter=300000", PlanProcess.path],
            binary: nil)
        #expect(slow.status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/out") == ["seed"])
        // The new run's files: a year of the built-in example, 365 days.
        let kpis = try String(contentsOfFile: dir + "/out/seed/kpis.csv", encoding: .utf8)
        #expect(!kpis.isEmpty)
        let daily = try String(contentsOfFile: dir + "/out/seed/daily.csv", encoding: .utf8)
        #expect(daily.split(separator: "\n").last?.hasPrefix("2026-12-31,364,") == true)
    }
}
