import Foundation
import Testing

/// `plan tune` through the built binary: shards, merge, messages, --write-best.
@Suite("plan tune end to end")
struct TuneEndToEndTests {
    static let vary = ["--vary", "backups.cnpg.gitea-postgres.retention=1d..12d/1d", "--vary", "backups.longhorn.data-hourly.retain=12,24,48"]

    func production(_ box: Sandbox) throws {
        let text = try String(contentsOf: Sandbox.repository.appendingPathComponent("scenarios/production.yaml"), encoding: .utf8)
        try box.write("production.yaml", text)
    }

    @Test("shards merged equal the whole, byte for byte")
    func shards() throws {
        let box = try Sandbox()
        try production(box)
        let whole = try box.plan(["tune", "production.yaml", "--out", "whole"] + Self.vary)
        whole.expect(status: 0)
        for k in 0..<3 {
            try box.plan(["tune", "production.yaml", "--out", "shard-\(k)", "--shard", "\(k)/3"] + Self.vary).expect(status: 0)
        }
        // The merge is given the shards out of order: rows are sorted by variant.
        let merged = try box.plan(
            "tune", "--merge", "shard-2/production/tune.csv", "shard-0/production/tune.csv", "shard-1/production/tune.csv", "--out", "merged")
        merged.expect(status: 0)
        let a = try Data(contentsOf: box.root.appendingPathComponent("whole/production/tune.csv"))
        let b = try Data(contentsOf: box.root.appendingPathComponent("merged/production/tune.csv"))
        #expect(a == b)
        // 12 × 3 = 36 variants and a header.
        #expect(try box.lines("whole/production/tune.csv").count == 37)
        // A missing shard is refused.
        let gap = try box.plan("tune", "--merge", "shard-0/production/tune.csv", "shard-2/production/tune.csv", "--out", "gap")
        gap.expect(status: 1)
        #expect(gap.stderr.contains("the shards do not cover the sweep: variants 13…24 are missing"), "\(gap.stderr)")
    }

    @Test("bad --vary values get exit 1 and the exact message")
    func badValues() throws {
        let box = try Sandbox()
        try production(box)
        let unknown = try box.plan("tune", "production.yaml", "--vary", "backups.cnpg.gitea-postgres.retenton=7d,14d")
        unknown.expect(status: 1)
        #expect(unknown.stdout == "")
        #expect(
            unknown.stderr.hasPrefix("--vary 'backups.cnpg.gitea-postgres.retenton=7d,14d': error: backups.cnpg.gitea-postgres.retenton: "),
            "\(unknown.stderr)")
        #expect(unknown.stderr.contains("retention"))
        let wrongType = try box.plan("tune", "production.yaml", "--vary", "backups.cnpg.gitea-postgres.retention=7d,lots")
        wrongType.expect(status: 1)
        #expect(
            wrongType.stderr.hasPrefix("--vary 'backups.cnpg.gitea-postgres.retention=7d,lots': error: backups.cnpg.gitea-postgres.retention: "),
            "\(wrongType.stderr)")
        #expect(wrongType.stderr.contains("'lots'"))
        let syntax = try box.plan("tune", "production.yaml", "--vary", "backups.cnpg.gitea-postgres.retention")
        syntax.expect(status: 1)
        #expect(
            syntax.stderr
                == "--vary 'backups.cnpg.gitea-postgres.retention': error: expected PATH=VALUES, found no '='; write it as in 'backups.cnpg.app.retention=7d,14d,30d'\n"
        )
        let tooMany = try box.plan("tune", "production.yaml", "--max-variants", "10", "--vary", "backups.cnpg.gitea-postgres.retention=1d..11d/1d")
        tooMany.expect(status: 1)
        #expect(tooMany.stderr == "error: the sweep has 11 variants (11), more than --max-variants 10; use fewer values, or raise --max-variants\n")
        // Numbers out of range are invalid option values (exit 1), not a malformed command line.
        for (option, value) in [("--jobs", "0"), ("--top", "0"), ("--max-variants", "0")] {
            let zero = try box.plan("tune", "production.yaml", option, value, "--vary", "backups.cnpg.gitea-postgres.retention=7d,14d")
            zero.expect(status: 1)
            #expect(zero.stderr == "error: \(option) '0': must be at least 1\n")
        }
        // No --vary at all: the argument parser's own usage error.
        try box.plan("tune", "production.yaml").expect(status: 64)
    }

    @Test("--write-best edits the scenario in place, and the result simulates to the best row")
    func writeBest() throws {
        let box = try Sandbox()
        try production(box)
        let run = try box.plan(
            ["tune", "production.yaml", "--out", "out", "--write-best", "best.yaml", "--require", "restore_points(cnpg/gitea-postgres)>=7"]
                + Self.vary)
        run.expect(status: 0)
        let best = try box.text("best.yaml")
        let given = try box.text("production.yaml")
        // Only the two varied lines differ; comments and layout are kept.
        let changed = zip(
            given.split(separator: "\n", omittingEmptySubsequences: false), best.split(separator: "\n", omittingEmptySubsequences: false)
        )
        .filter { $0 != $1 }
        #expect(changed.count == 2, "\(changed)")
        #expect(best.contains("# A production-sized plan that meets every KPI"))
        try box.plan("validate", "best.yaml").expect(status: 0)
    }

    @Test(
        "Ctrl-C and SIGTERM (a pod stopped by Kubernetes) stop a sweep cleanly and keep the variants that finished",
        arguments: [(SIGINT, Int32(130)), (SIGTERM, Int32(143))])
    func interrupt(signal: Int32, status: Int32) throws {
        let box = try Sandbox()
        try production(box)
        let process = Process()
        process.executableURL = try PlanBinary.url()
        process.arguments = [
            "tune", "production.yaml", "--out", "out", "--vary", "backups.cnpg.gitea-postgres.retention=1d..100d/1d", "--vary",
            "backups.longhorn.data-hourly.retain=1..100/1", "--vary", "backups.cnpg.coder-postgres.retention=1d..100d/1d",
            "--max-variants", "1000000",
        ]
        process.currentDirectoryURL = box.root
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Let it start on the million variants (so many that no build ends them first: a
        // release build sweeps 10,000 of them in about 0.3 s), then interrupt it as Ctrl-C does.
        Thread.sleep(forTimeInterval: 1.5)
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationStatus == status)
        let lines = try box.lines("out/production/tune.csv")
        // A header and some, not all, of the variants (none if the signal came before the
        // first finished), in order, each row complete.
        #expect(lines.count >= 1 && lines.count < 1_000_001, "\(lines.count) lines")
        let numbers = lines.dropFirst().compactMap { Int($0.prefix { $0 != "," }) }
        #expect(numbers == numbers.sorted())
        #expect(Set(lines.map { $0.split(separator: ",", omittingEmptySubsequences: false).count }).count == 1)
        #expect(try box.csvAndTemporaryFiles(under: "out") == ["production/tune.csv"])
    }

    /// Issue 11: while the values of a large sweep were validated (100,000 values: about
    /// 30 s), Ctrl-C and SIGTERM were ignored; now they end the command at once, before
    /// anything is written.
    @Test(
        "Ctrl-C and SIGTERM while a sweep's values are validated end the command at once, writing nothing",
        arguments: [(SIGINT, Int32(130)), (SIGTERM, Int32(143))])
    func interruptWhileValidating(signal: Int32, status: Int32) throws {
        let box = try Sandbox()
        try production(box)
        let process = Process()
        process.executableURL = try PlanBinary.url()
        process.arguments = ["tune", "production.yaml", "--out", "out", "--vary", "backups.cnpg.gitea-postgres.retention=1d..100000d/1d"]
        process.currentDirectoryURL = box.root
        let err = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        try process.run()
        Thread.sleep(forTimeInterval: 1.0)
        let sent = Date()
        kill(process.processIdentifier, signal)
        let message = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let waited = Date().timeIntervalSince(sent)
        #expect(process.terminationStatus == status)
        #expect(String(decoding: message, as: UTF8.self) == "plan: interrupted before the first variant; nothing was written\n")
        // At once: the validation alone takes tens of seconds (a bound, not a timing).
        #expect(waited < 5, "\(waited) s after the signal")
        #expect(!box.exists("out/production/tune.csv"))
    }
}
