import Foundation
import Testing

/// The command line's own help for a user who mistypes (issue 14): a command close to a
/// known one, and the run store's path from `PLAN_DB`.
@Suite("Command line")
struct CommandLineTests {
    @Test("a mistyped command gets a did-you-mean and exit 64; a word close to nothing keeps the parser's message")
    func didYouMean() throws {
        let dir = try PlanProcess.folder()
        let typo = try PlanProcess.run(["simualte"], in: dir)
        #expect(typo.status == 64)
        #expect(typo.stderr.hasPrefix("error: unknown command 'simualte'; did you mean 'simulate'?\n"))
        let far = try PlanProcess.run(["xyzzy"], in: dir)
        #expect(far.status == 64)
        #expect(far.stderr.contains("Unexpected argument 'xyzzy'"))
    }

    @Test(
        "standard output that cannot be written (/dev/full) is an I/O failure: one line, exit 2, the run's files still written",
        arguments: [[], ["--format", "json"], ["--format", "csv"]])
    func fullStandardOutput(format: [String]) throws {
        let dir = try PlanProcess.folder()
        let full = ["/bin/sh", "-c", "exec \"$0\" \"$@\" > /dev/full", PlanProcess.path]
        let run = try PlanProcess.run(["simulate", "--no-record", "--out", dir + "/out"] + format, in: dir, prefix: full, binary: nil)
        #expect(run.status == 2)
        let errors = run.stderr.split(separator: "\n").filter { !$0.hasPrefix("notice: ") }
        #expect(errors == ["error: cannot write to standard output: No space left on device"])
        #expect(FileManager.default.fileExists(atPath: dir + "/out/seed/kpis.csv"))
    }

    @Test("a non-blocking standard output (a pipe another program left O_NONBLOCK) gets the whole document once its reader reads")
    func nonBlockingStandardOutput() throws {
        let dir = try PlanProcess.folder()
        let arguments = ["simulate", "--no-record", "--out", "out", "--format", "json"]
        let expected = try PlanProcess.run(arguments, in: dir)
        #expect(expected.status == 0)
        #expect(expected.stdout.utf8.count > 65_536, "more than a pipe's buffer, or the test shows nothing")
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        _ = fcntl(fds[1], F_SETFL, fcntl(fds[1], F_GETFL) | O_NONBLOCK)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: PlanProcess.path)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: dir)
        process.environment = ProcessInfo.processInfo.environment.merging(["NO_COLOR": "1"]) { $1 }
        process.standardOutput = FileHandle(fileDescriptor: fds[1], closeOnDealloc: false)
        process.standardError = FileHandle.nullDevice
        try process.run()
        close(fds[1])
        usleep(500_000)  // a slow reader: the pipe's 64 KiB fill and plan's next write finds it full
        var read: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fds[0], $0.baseAddress, $0.count) }
            if n <= 0 { break }
            read += chunk[0..<n]
        }
        close(fds[0])
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(read.count == expected.stdout.utf8.count)
        #expect(String(decoding: read, as: UTF8.self) == expected.stdout)
    }

    @Test("one-character file names (--db d, import --out a) are written and read, not a crash")
    func oneCharacterNames() throws {
        let dir = try PlanProcess.folder()
        let sim = try PlanProcess.run(["simulate", "--horizon", "7d", "--out", "o", "--db", "d"], in: dir)
        #expect(sim.status == 0)
        #expect(FileManager.default.fileExists(atPath: dir + "/d"))
        let runs = try PlanProcess.run(["runs", "--db", "d"], in: dir)
        #expect(runs.status == 0)
        #expect(runs.stdout.contains("seed"))
        // `d/` names a folder: not the file d (SQLite would drop the slash and open it)
        let slash = try PlanProcess.run(["runs", "--db", "d/"], in: dir)
        #expect(slash.status == 1)
        #expect(slash.stderr == "error: --db 'd/': ends in '/', a folder; --db names the database file (e.g. 'd/plan.sqlite')\n")
        let empty = try PlanProcess.run(["runs", "--db", ""], in: dir)
        #expect(empty.status == 1)
        #expect(empty.stderr == "error: --db '': an empty name; --db names the database file (e.g. 'output/plan.sqlite')\n")
        // A name the file system cannot hold: SQLite says only "cannot open".
        let long = String(repeating: "x", count: 300) + ".sqlite"
        let tooLong = try PlanProcess.run(["simulate", "--horizon", "7d", "--out", "o3", "--db", long], in: dir)
        #expect(tooLong.status == 2)
        #expect(tooLong.stderr.contains("error: cannot write '\(long)': the name is too long for the file system (at most 255 bytes a name)"))
        // Refused before anything is simulated or written, as any bad option value.
        let sim2 = try PlanProcess.run(["simulate", "--horizon", "7d", "--out", "o2", "--db", "d/"], in: dir)
        #expect(sim2.status == 1)
        #expect(!FileManager.default.fileExists(atPath: dir + "/o2"))
        let imported = try PlanProcess.run(["import", ImportEndToEndTests.tree, "--out", "a"], in: dir)
        #expect(imported.status == 0)
        let scenario = try String(contentsOfFile: dir + "/a", encoding: .utf8)
        #expect(scenario.hasPrefix("# Written by plan import"))
        // `--out -` is standard output, as `-` for PATH is standard input
        let dash = try PlanProcess.run(["import", ImportEndToEndTests.tree, "--out", "-"], in: dir)
        #expect(dash.status == 0)
        #expect(dash.stdout == scenario)
        #expect(!FileManager.default.fileExists(atPath: dir + "/-"))
    }

    @Test("an empty --out is an invalid option value (exit 1), for every command that writes DIR/NAME/; nothing is written")
    func emptyOut() throws {
        let dir = try PlanProcess.folder()
        for command in [
            ["simulate", "--no-record"], ["report"], ["alerts"],
            ["tune", Sandbox.repository.appendingPathComponent("scenarios/seed.yaml").path, "--vary", "horizon=5d,6d"],
        ] {
            let run = try PlanProcess.run(command + ["--out", ""], in: dir)
            #expect(run.status == 1, "\(command)")
            #expect(run.stderr == "error: --out '': name the folder the files go to (e.g. 'output')\n", "\(command)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).filter { !$0.hasPrefix(".") } == [])
    }

    @Test("PLAN_DB names the run store when --db is not given; --db wins over it")
    func planDB() throws {
        let dir = try PlanProcess.folder()
        let env = ["/usr/bin/env", "PLAN_DB=\(dir)/shared.sqlite", PlanProcess.path]
        let sim = try PlanProcess.run(["simulate", "--out", dir + "/out"], in: dir, prefix: env, binary: nil)
        #expect(sim.status == 0)
        #expect(FileManager.default.fileExists(atPath: dir + "/shared.sqlite"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/output/plan.sqlite"))
        let shown = try PlanProcess.run(["show", "1", "--no-color"], in: dir, prefix: env, binary: nil)
        #expect(shown.status == 0)
        #expect(shown.stdout.contains("plan simulate: seed"))
        let other = try PlanProcess.run(["show", "1", "--db", "other.sqlite"], in: dir, prefix: env, binary: nil)
        #expect(other.status == 1)
        #expect(other.stderr.contains("there is no run store at 'other.sqlite'"))
    }

    @Test("a --db that is a symbolic link loop says so (issue 11), for reading and for recording")
    func storeLinkLoop() throws {
        let dir = try PlanProcess.folder()
        try FileManager.default.createSymbolicLink(atPath: dir + "/loop.sqlite", withDestinationPath: dir + "/loop.sqlite")
        let runs = try PlanProcess.run(["runs", "--db", "loop.sqlite"], in: dir)
        #expect(runs.status == 2)
        #expect(runs.stderr == "error: cannot read 'loop.sqlite': it is a symbolic link loop; point --db at the store itself\n")
        let sim = try PlanProcess.run(["simulate", "--db", "loop.sqlite", "--out", "out"], in: dir)
        #expect(sim.status == 2)
        #expect(sim.stderr.contains("error: cannot read 'loop.sqlite': it is a symbolic link loop"))
        try FileManager.default.createSymbolicLink(atPath: dir + "/gone.sqlite", withDestinationPath: dir + "/nothing-here")
        let dangling = try PlanProcess.run(["show", "1", "--db", "gone.sqlite"], in: dir)
        #expect(dangling.status == 2)
        #expect(dangling.stderr.contains("it is a symbolic link to a file that does not exist"))
    }
}
