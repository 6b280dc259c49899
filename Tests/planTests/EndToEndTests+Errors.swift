import Foundation
import Testing

extension EndToEndTests {
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
        #expect(run.stderrWithoutNotices == "plan: 11 KPI checks failed (first: rpo gitea-data on 2026-01-01); exit 3 (--fail-on-kpi)\n")
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
}
