import Foundation
import Testing

/// `plan report` and `plan simulate --report` as a user runs them (cli.md's exit codes).
@Suite("plan report end to end")
struct ReportCommandTests {
    @Test("0: report writes report.html alone and prints the verdict")
    func report() throws {
        let box = try Sandbox()
        let run = try box.plan("report", "--out", "out")
        run.expect(status: 0)
        #expect(run.stderr == "")
        #expect(
            run.stdout.hasPrefix(
                "plan report: seed  2026-01-01 … 2026-12-31 (365 days): 11 of 16 KPI checks fail; first: rpo gitea-data on 2026-01-01\n"))
        #expect(run.stdout.hasSuffix("\nWrote out/seed/report.html\n"))
        #expect(try box.entries("out/seed") == ["report.html"], "no CSV files, no temporary files")
        let html = try box.text("out/seed/report.html")
        #expect(html.hasPrefix("<!DOCTYPE html>\n"))
        #expect(html.hasSuffix("</html>\n"))
    }

    @Test("0: simulate --report writes the five CSV files and report.html from one run")
    func simulateReport() throws {
        let box = try Sandbox()
        let run = try box.plan("simulate", "--report", "--out", "out", "--horizon", "40d")
        run.expect(status: 0)
        #expect(run.stdout.hasSuffix("\nWrote out/seed/, out/seed/report.html\nRecorded as run 1 in output/plan.sqlite\n"))
        #expect(try box.entries("out/seed") == ["daily.csv", "kpis.csv", "monthly.csv", "report.html", "targets.csv", "workloads.csv"])
        // The report shows the run of the CSV files: the last day's used bytes of minio.
        let last = try #require(try box.lines("out/seed/targets.csv").last { $0.contains(",minio,") })
        let used = last.split(separator: ",", omittingEmptySubsequences: false)[4]
        // Written with thousands separators in the tooltip: 1234567 → 1,234,567.
        var grouped = ""
        for (i, c) in used.enumerated() {
            if i > 0 && (used.count - i) % 3 == 0 { grouped += "," }
            grouped.append(c)
        }
        #expect(try box.text("out/seed/report.html").contains("2026-02-09\nused "))
        #expect(try box.text("out/seed/report.html").contains("(" + grouped + " B)"))
    }

    @Test("the same scenario gives the same report, byte for byte")
    func deterministic() throws {
        let box = try Sandbox()
        try box.plan("report", "--out", "a").expect(status: 0)
        try box.plan("report", "--out", "b").expect(status: 0)
        #expect(try box.text("a/seed/report.html") == (try box.text("b/seed/report.html")))
    }

    @Test("1: an invalid override writes no report")
    func invalid() throws {
        let box = try Sandbox()
        let run = try box.plan("report", "--out", "out", "--set", "horizon=0d")
        run.expect(status: 1)
        #expect(run.stdout == "")
        #expect(!box.exists("out/seed/report.html"))
    }

    @Test("2: an output folder that cannot be made")
    func cannotWrite() throws {
        let box = try Sandbox()
        try box.write("blocker", "a file, not a folder\n")
        let run = try box.plan("report", "--out", "blocker")
        run.expect(status: 2)
        #expect(run.stderr.hasPrefix("error: cannot write 'blocker/seed'"), "\(run.stderr)")
    }
}
