import Foundation
import Testing

/// Runs the built `plan` binary and checks standard output, standard error and the exit
/// code for every case of cli.md's exit-code table (STYLE.md "Tests": end-to-end).
///
/// Each test gets its own temporary working directory (removed afterwards) and writes its
/// files under `out/` inside it; the environment is the test's own plus `NO_COLOR=1`.
@Suite("plan end to end")
struct EndToEndTests {
    /// The columns of cli.md "Files written", copied from the spec, not from the renderers.
    static let headers = [
        "daily.csv":
            "date,day,job,tier,target,workload,restore_points,stored_bytes,raw_bytes,uploaded_bytes,objects,put_requests",
        "workloads.csv": "date,day,workload,kind,size_bytes,volume_bytes,wal_bytes,rto_seconds",
        "targets.csv": "date,day,target,kind,used_bytes,usable_bytes,used_share",
        "monthly.csv": "month,target,days,fixed_cost,storage_cost,request_cost,total_cost,gb_months,put_requests",
        "kpis.csv": "kpi,subject,limit,worst,unit,status,first_failure",
    ]
    static let fiveFiles = ["daily.csv", "kpis.csv", "monthly.csv", "targets.csv", "workloads.csv"]

    // MARK: Exit 0

    @Test("0: simulate without a file runs the built-in example and writes the five CSV files")
    func builtInExample() throws {
        let box = try Sandbox()
        let run = try box.plan("simulate", "--out", "out")
        run.expect(status: 0)
        #expect(run.stderr == "")
        #expect(run.stdout.hasPrefix("plan simulate: seed  2026-01-01 … 2026-12-31 (365 days, USD)\n"))
        #expect(run.stdout.hasSuffix("\nWrote out/seed/\nRecorded as run 1 in output/plan.sqlite\n"))
        #expect(!run.stdout.contains("\u{1B}"), "NO_COLOR is set and standard output is a pipe: no colour codes")
        #expect(try box.entries("out/seed") == Self.fiveFiles, "the five files and nothing else (no temporary files)")
        for file in Self.fiveFiles {
            let lines = try box.lines("out/seed/" + file)
            #expect(lines.first == Self.headers[file], "\(file) header")
        }
        // seed.yaml: 365 days, 3 workloads, 2 targets, 12 months × (2 targets + total);
        // KPIs: budget 1, rpo 3, rto 3, efficiency 1, capacity 2 (minio), volume 3 × 2 = 16.
        #expect(try box.lines("out/seed/workloads.csv").count == 1 + 365 * 3)
        #expect(try box.lines("out/seed/targets.csv").count == 1 + 365 * 2)
        #expect(try box.lines("out/seed/monthly.csv").count == 1 + 12 * 3)
        #expect(try box.lines("out/seed/kpis.csv").count == 1 + 16)
        let daily = try box.lines("out/seed/daily.csv")
        #expect(Set(daily.dropFirst().map { $0.prefix(10) }).count == 365, "daily.csv covers every day")
        #expect(daily.last?.hasPrefix("2026-12-31,364,") == true)
    }

    @Test("0: --format csv prints monthly.csv exactly as the file")
    func formatCSV() throws {
        let box = try Sandbox()
        let run = try box.plan("simulate", "--out", "out", "--format", "csv")
        run.expect(status: 0)
        // Standard output is the file alone; the run's record is named on standard error.
        #expect(run.stderr == "plan: recorded as run 1 in output/plan.sqlite\n")
        #expect(run.stdout == (try box.text("out/seed/monthly.csv")))
        #expect(run.stdout.hasPrefix(Self.headers["monthly.csv"]! + "\n"))
    }

    @Test("0: --format json prints one document with the keys of cli.md")
    func formatJSON() throws {
        let box = try Sandbox()
        let run = try box.plan("simulate", "--out", "out", "--format", "json")
        run.expect(status: 0)
        #expect(run.stderr == "plan: recorded as run 1 in output/plan.sqlite\n")
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
        let document = try #require(object as? [String: Any], "a JSON object")
        for key in ["name", "currency", "horizon", "warnings", "monthly", "kpis", "targets", "workloads"] {
            #expect(document[key] != nil, "key '\(key)'")
        }
        #expect(document["name"] as? String == "seed")
        #expect(document["currency"] as? String == "USD")
        #expect((document["horizon"] as? NSNumber)?.intValue == 365)
        #expect((document["warnings"] as? [Any])?.allSatisfy { $0 is String } == true)
        let monthly = try #require(document["monthly"] as? [[String: Any]])
        let kpis = try #require(document["kpis"] as? [[String: Any]])
        let targets = try #require(document["targets"] as? [[String: Any]])
        let workloads = try #require(document["workloads"] as? [[String: Any]])
        #expect(monthly.count == 12 * 3)
        #expect(kpis.count == 16)
        #expect(targets.count == 365 * 2)
        #expect(workloads.count == 365 * 3)
        // Objects are keyed by the CSV column names.
        func columns(_ file: String) -> Set<String> { Set(Self.headers[file]!.split(separator: ",").map(String.init)) }
        #expect(Set(monthly[0].keys) == columns("monthly.csv"))
        #expect(Set(kpis[0].keys) == columns("kpis.csv"))
        #expect(Set(targets[0].keys) == columns("targets.csv"))
        #expect(Set(workloads[0].keys) == columns("workloads.csv"))
        #expect(monthly[0]["total_cost"] is NSNumber, "numbers as JSON numbers")
        // The same run still writes the files.
        #expect(try box.entries("out/seed") == Self.fiveFiles)
    }

    @Test("0: validate prints ok and the warnings")
    func validateSeed() throws {
        let box = try Sandbox()
        let seed = Sandbox.repository.appendingPathComponent("scenarios/seed.yaml")
        try box.write("scenarios/seed.yaml", try String(contentsOf: seed, encoding: .utf8))
        let run = try box.plan("validate", "scenarios/seed.yaml")
        run.expect(status: 0)
        #expect(run.stderr == "")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "scenarios/seed.yaml: ok")
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("scenarios/seed.yaml: warning: ") }, "\(lines)")
        #expect(try box.entries(".") == ["scenarios"], "validate writes nothing")
    }

    @Test("0: --set changes one value of the built-in example")
    func setRetention() throws {
        let box = try Sandbox()
        let run = try box.plan("simulate", "--out", "out", "--set", "backups.cnpg.gitea-postgres.retention=14d")
        run.expect(status: 0)
        #expect(run.stderr == "")
        #expect(try box.entries("out/seed") == Self.fiveFiles)
        // The two CNPG jobs are alike but for the retention (30d, now 14d for gitea): on the
        // last day gitea keeps fewer daily base backups than coder.
        let last = try box.lines("out/seed/daily.csv").filter { $0.hasPrefix("2026-12-31,") }
        func restorePoints(_ job: String) -> Int? {
            let row = last.first { $0.split(separator: ",", omittingEmptySubsequences: false)[2] == job }
            return row.flatMap { Int($0.split(separator: ",", omittingEmptySubsequences: false)[6]) }
        }
        let gitea = try #require(restorePoints("cnpg/gitea-postgres"))
        let coder = try #require(restorePoints("cnpg/coder-postgres"))
        #expect(gitea < coder)
    }

    @Test("0: --horizon 30d gives 30 days of rows")
    func horizon30d() throws {
        let box = try Sandbox()
        let run = try box.plan("simulate", "--out", "out", "--horizon", "30d")
        run.expect(status: 0)
        #expect(run.stderr == "")
        #expect(run.stdout.hasPrefix("plan simulate: seed  2026-01-01 … 2026-01-30 (30 days, USD)\n"))
        let workloads = try box.lines("out/seed/workloads.csv")
        #expect(workloads.count == 1 + 30 * 3)
        #expect(workloads.last?.hasPrefix("2026-01-30,29,") == true)
        #expect(try box.lines("out/seed/targets.csv").count == 1 + 30 * 2)
        let days = Set(try box.lines("out/seed/daily.csv").dropFirst().map { $0.prefix(10) })
        #expect(days.count == 30)
        // One month, partly covered: 2 targets and the total, each with 30 days.
        let monthly = try box.lines("out/seed/monthly.csv").dropFirst()
        #expect(
            monthly.map { $0.split(separator: ",").prefix(3).joined(separator: ",") } == [
                "2026-01,minio,30", "2026-01,s3-longhorn,30", "2026-01,total,30",
            ])
    }

    @Test("0: --fail-on-kpi exits 0 when every KPI passes")
    func failOnKpiPassing() throws {
        let box = try Sandbox()
        try box.write(
            "calm.yaml",
            """
            version: 1
            start: 2026-01-01
            horizon: 10d
            workloads:
              files: {kind: volume, size: 1GiB}
            backups:
              longhorn:
                nightly: {schedule: "0 3 * * *", retain: 7, volumes: [files], target: s3}
            targets:
              s3: {kind: s3}
            kpis:
              monthly_budget: 100
            """)
        let run = try box.plan("simulate", "calm.yaml", "--out", "out", "--fail-on-kpi")
        run.expect(status: 0)
        #expect(run.stderr == "")
        #expect(run.stdout.contains("every KPI with a limit passes"))
        #expect(try box.entries("out/calm") == Self.fiveFiles)
    }

    // MARK: Exit 1

    @Test("1: an invalid scenario file: every error at its line and column, nothing written")
    func invalidFile() throws {
        let box = try Sandbox()
        // ‸ marks where each error must point, in the order the errors are printed.
        let marked = Marked(
            """
            version: 1
            start: 2026-01-01
            horizon: 30d
            workloads:
              db:
                kind: postgres
                size: ‸10XB
                growth: 1GiB/day
            backups:
              cnpg:
                nightly:
                  workload: db
                  ‸retenton: 30d
                  target: s3
            targets:
              s3: {kind: s3}
            """)
        try box.write("bad.yaml", marked.text)
        let run = try box.plan("simulate", "bad.yaml", "--out", "out")
        run.expect(status: 1)
        #expect(run.stdout == "")
        let lines = run.stderr.split(separator: "\n").map(String.init)
        // Two problems, two lines: the typo `retenton` is reported once, as an unknown key with
        // its fix, not again as a missing `retention`.
        try #require(lines.count == 2, "two errors:\n\(run.stderr)")
        try #require(marked.marks.count == 2)
        let (size, key) = (marked.marks[0], marked.marks[1])
        #expect(lines[0].hasPrefix("bad.yaml:\(size.line):\(size.column): error: workloads.db.size: "), "\(lines[0])")
        #expect(lines[0].contains("'10XB'"))
        #expect(
            lines[1].hasPrefix("bad.yaml:\(key.line):\(key.column): error: backups.cnpg.nightly.retenton: unknown key"),
            "\(lines[1])")
        #expect(lines[1].hasSuffix("; did you mean 'retention'?"), "\(lines[1])")
        #expect(try box.csvAndTemporaryFiles(under: "out") == [])
    }

    @Test("1: a bad --set value is reported at the --set")
    func badSetValue() throws {
        let box = try Sandbox()
        let run = try box.plan("simulate", "--out", "out", "--set", "backups.cnpg.gitea-postgres.retention=14x")
        run.expect(status: 1)
        #expect(run.stdout == "")
        let lines = run.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 1, "\(run.stderr)")
        #expect(
            lines.first?.hasPrefix(
                "--set 'backups.cnpg.gitea-postgres.retention=14x': error: backups.cnpg.gitea-postgres.retention: ") == true,
            "\(run.stderr)")
        #expect(run.stderr.contains("'14x'"))
        #expect(try box.csvAndTemporaryFiles(under: "out") == [])
    }

    @Test("1: an unknown --set path lists the keys that exist there")
    func unknownSetPath() throws {
        let box = try Sandbox()
        let run = try box.plan("simulate", "--out", "out", "--set", "backups.cnpg.gitea-postgres.retentio=14d")
        run.expect(status: 1)
        #expect(run.stdout == "")
        let lines = run.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 1, "\(run.stderr)")
        let line = try #require(lines.first)
        #expect(line.hasPrefix("--set 'backups.cnpg.gitea-postgres.retentio=14d': error: backups.cnpg.gitea-postgres.retentio: "))
        #expect(line.contains("unknown path"))
        for key in ["workload", "schedule", "retention", "target"] { #expect(line.contains(key), "lists '\(key)'") }
        #expect(line.hasSuffix("did you mean 'retention'?"))
        #expect(try box.csvAndTemporaryFiles(under: "out") == [])
    }

    @Test("1: --horizon 0d")
    func horizonZero() throws {
        let box = try Sandbox()
        let run = try box.plan("simulate", "--out", "out", "--horizon", "0d")
        run.expect(status: 1)
        #expect(run.stdout == "")
        // The message names the option the user typed (a shortcut for --set horizon=…).
        #expect(run.stderr == "--horizon '0d': error: horizon: '0d' is shorter than one day; simulate at least '1d'\n", "\(run.stderr)")
        #expect(run.stderr.contains("'0d'"))
        #expect(try box.csvAndTemporaryFiles(under: "out") == [])
    }

    @Test("1: a run the engine refuses leaves no half-written file in OUT/NAME/")
    func noHalfWrittenFiles() throws {
        let box = try Sandbox()
        // Valid to the loader; the engine refuses it only once the output files are open:
        // every second of a year is 31,536,000 runs, more than the 10,000,000 simulated per job.
        try box.write(
            "busy.yaml",
            """
            version: 1
            start: 2026-01-01
            horizon: 365d
            workloads:
              db: {kind: postgres, size: 1GiB, growth: 10MB/day}
            backups:
              cnpg:
                every-second: {workload: db, schedule: "* * * * * *", retention: 1d, target: s3}
            targets:
              s3: {kind: s3}
            """)
        let run = try box.plan("simulate", "busy.yaml", "--out", "out")
        run.expect(status: 1)
        #expect(run.stdout == "")
        #expect(run.stderr.contains("error: backups.cnpg.every-second.schedule: "), "\(run.stderr)")
        #expect(try box.csvAndTemporaryFiles(under: "out") == [])
    }

    // MARK: Exit 2

    @Test("2: a scenario file that does not exist")
    func missingScenario() throws {
        let box = try Sandbox()
        let run = try box.plan("simulate", "missing.yaml", "--out", "out")
        run.expect(status: 2)
        #expect(run.stdout == "")
        #expect(run.stderr == "error: cannot read 'missing.yaml': no such file\n")
        #expect(!box.exists("out"))
        let validate = try box.plan("validate", "missing.yaml")
        validate.expect(status: 2)
        #expect(validate.stdout == "")
        #expect(validate.stderr == "error: cannot read 'missing.yaml': no such file\n")
    }

    @Test("2: an --out that cannot be written")
    func unwritableOut() throws {
        let box = try Sandbox()
        try box.write("blocker", "a regular file, not a directory\n")
        let run = try box.plan("simulate", "--out", "blocker/out")
        run.expect(status: 2)
        #expect(run.stdout == "")
        #expect(run.stderr.hasPrefix("error: cannot write 'blocker/out/seed': "), "\(run.stderr)")
        #expect(run.stderr.split(separator: "\n").count == 1)
        #expect(try box.entries(".") == ["blocker"])
    }

    // MARK: Exit 3

    @Test("3: --fail-on-kpi on the seed, whose KPIs fail; the summary and files are still there")
    func failOnKpi() throws {
        let box = try Sandbox()
        let run = try box.plan("simulate", "--out", "out", "--fail-on-kpi")
        run.expect(status: 3)
        // Eleven failing rows of kpis.csv; the earliest is gitea-data's daily RPO, from the start.
        #expect(run.stderr == "plan: 11 KPI checks failed (first: rpo gitea-data on 2026-01-01); exit 3 (--fail-on-kpi)\n")
        #expect(run.stdout.hasPrefix("plan simulate: seed  "))
        #expect(run.stdout.contains("\nKPIs\n"))
        #expect(run.stdout.contains("KPI checks fail; first: "))
        #expect(run.stdout.hasSuffix("\nWrote out/seed/\nRecorded as run 1 in output/plan.sqlite\n"))
        #expect(try box.entries("out/seed") == Self.fiveFiles)
        let kpis = try box.lines("out/seed/kpis.csv")
        #expect(kpis.contains { $0.split(separator: ",", omittingEmptySubsequences: false)[5] == "fail" })
    }

    // MARK: Exit 64

    @Test(
        "64: a malformed command line",
        arguments: [
            (["simulate", "--out", "out", "--format", "xml"], "'xml'"),
            (["simulate", "--out", "out", "--bogus"], "'--bogus'"),
            (["frobnicate"], "'frobnicate'"),
            (["validate"], "<SCENARIO>"),
        ])
    func malformed(arguments: [String], mentions: String) throws {
        let box = try Sandbox()
        let run = try box.plan(arguments)
        run.expect(status: 64)
        #expect(run.stdout == "")
        #expect(run.stderr.hasPrefix("Error: "), "\(run.stderr)")
        #expect(run.stderr.contains(mentions), "\(run.stderr)")
        #expect(try box.entries(".") == [], "nothing written")
    }

    // MARK: Against the golden files

    @Test("what the binary prints is what the golden files of the renderers hold")
    func goldenOutput() throws {
        let golden = Sandbox.repository.appendingPathComponent("Tests/PlanIOTests/Rendering/Golden")
        func expectGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
            let expected = try String(contentsOf: golden.appendingPathComponent(name), encoding: .utf8)
            if let difference = firstDifference(expected, actual) {
                Issue.record("differs from Golden/\(name): \(difference)", sourceLocation: sourceLocation)
            }
        }
        let box = try Sandbox()
        // The default --out, so that the last line is the golden "Wrote output/seed/"; not
        // recorded, so that no "Recorded as run …" line follows (the golden is the renderer's).
        let table = try box.plan("simulate", "--out", "output", "--no-record")
        table.expect(status: 0)
        try expectGolden(table.stdout, "seed.table.txt")
        try expectGolden(try box.text("output/seed/kpis.csv"), "seed.kpis.csv")
        try expectGolden(try box.text("output/seed/monthly.csv"), "seed.monthly.csv")
        let json = try box.plan("simulate", "--out", "output", "--format", "json")
        json.expect(status: 0)
        try expectGolden(json.stdout, "seed.json")
    }

    /// The first line where two texts differ, both ways; `nil` when they are equal.
    func firstDifference(_ expected: String, _ actual: String) -> String? {
        guard expected != actual else { return nil }
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var i = 0
        while i < e.count, i < a.count, e[i] == a[i] { i += 1 }
        let golden = i < e.count ? "'\(e[i])'" : "end of text"
        let printed = i < a.count ? "'\(a[i])'" : "end of text"
        return "line \(i + 1)\n- \(golden)\n+ \(printed)"
    }
}

// MARK: - Running the binary

/// What one run of `plan` printed and how it ended.
struct PlanRun {
    var arguments: [String]
    var stdout: String
    var stderr: String
    var status: Int32

    /// Checks the exit code, showing what was printed when it differs.
    func expect(status expected: Int32, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(
            status == expected,
            "plan \(arguments.joined(separator: " ")) exited \(status), not \(expected)\nstdout:\n\(stdout)\nstderr:\n\(stderr)",
            sourceLocation: sourceLocation)
    }
}

/// A temporary working directory for one test, removed when the test ends.
final class Sandbox {
    let root: URL

    /// The package's root directory (two levels above this file).
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("plan-e2e-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func plan(_ arguments: String...) throws -> PlanRun { try plan(arguments) }

    /// Runs the built `plan` in this directory with `NO_COLOR=1`.
    func plan(_ arguments: [String]) throws -> PlanRun {
        let process = Process()
        process.executableURL = try PlanBinary.url()
        process.arguments = arguments
        process.currentDirectoryURL = root
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes at once: a long standard output must not block the child while
        // this side waits on standard error.
        let errData = PipeReader(err)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errBytes = errData.wait()
        process.waitUntilExit()
        return PlanRun(
            arguments: arguments, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errBytes, as: UTF8.self), status: process.terminationStatus)
    }

    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path) }

    func text(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    /// The lines of a text file (no empty ones).
    func lines(_ path: String) throws -> [String] {
        try text(path).split(separator: "\n").map(String.init)
    }

    /// The names in a directory, hidden ones included, sorted.
    func entries(_ path: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(path).path).sorted()
    }

    /// Every `*.csv` file and every temporary `.NAME.tmp-PID` file under `path` (none when
    /// `path` does not exist), relative to it.
    func csvAndTemporaryFiles(under path: String) throws -> [String] {
        let dir = root.appendingPathComponent(path).path
        guard FileManager.default.fileExists(atPath: dir) else { return [] }
        let all = try FileManager.default.subpathsOfDirectory(atPath: dir)
        return all.filter { p in
            let name = (p as NSString).lastPathComponent
            return name.hasSuffix(".csv") || (name.hasPrefix(".") && name.contains(".tmp-"))
        }.sorted()
    }
}

/// Reads a pipe to its end on another thread.
final class PipeReader: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ pipe: Pipe) {
        let handle = pipe.fileHandleForReading
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    /// Waits for the end of the pipe; the bytes read.
    func wait() -> Data {
        done.wait()
        return data
    }
}

/// Finds the `plan` executable that `swift build` put beside the test bundle.
enum PlanBinary {
    enum Failure: Error, CustomStringConvertible {
        case notFound(searched: [String])
        var description: String {
            switch self {
            case .notFound(let searched):
                return "the built 'plan' executable was not found (build it with 'swift build'); looked in:\n"
                    + searched.map { "  " + $0 }.joined(separator: "\n")
                    + "\nor set PLAN_EXECUTABLE to its path"
            }
        }
    }

    static func url() throws -> URL {
        if let path = ProcessInfo.processInfo.environment["PLAN_EXECUTABLE"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        var starts: [URL] = []
        // Linux: the test runner is `.build/<triple>/<config>/planPackageTests.xctest`, an
        // executable; macOS: a bundle in the same folder, run by xctest or swiftpm-testing-helper.
        starts.append(URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.resolvingSymlinksInPath())
        starts.append(Bundle.main.bundleURL)
        if let executable = Bundle.main.executableURL { starts.append(executable.resolvingSymlinksInPath()) }
        starts += Bundle.allBundles.map(\.bundleURL).filter { $0.pathExtension == "xctest" }
        #if os(Linux)
            if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
                starts.append(URL(fileURLWithPath: exe))
            }
        #endif
        var searched: [String] = []
        for start in starts {
            var dir = start.deletingLastPathComponent()
            // Walk up out of a bundle (`X.xctest/Contents/MacOS/X`) to `.build/<config>/`.
            for _ in 0..<5 {
                let candidate = dir.appendingPathComponent("plan")
                if !searched.contains(candidate.path) { searched.append(candidate.path) }
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                    FileManager.default.isExecutableFile(atPath: candidate.path)
                {
                    return candidate
                }
                let parent = dir.deletingLastPathComponent()
                if parent.path == dir.path { break }
                dir = parent
            }
        }
        throw Failure.notFound(searched: searched)
    }
}

/// A text with `‸` marks where diagnostics must point; the marks are removed, and their
/// 1-based line and column (in characters) kept in order.
struct Marked {
    var text = ""
    var marks: [(line: Int, column: Int)] = []

    init(_ marked: String) {
        var line = 1
        var column = 1
        for c in marked {
            if c == "‸" {
                marks.append((line, column))
                continue
            }
            text.append(c)
            if c == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        if !text.hasSuffix("\n") { text += "\n" }
    }
}
