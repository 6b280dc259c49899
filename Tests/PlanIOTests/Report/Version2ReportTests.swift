import Testing

@testable import PlanCore
@testable import PlanIO

/// The report's version 2 parts: its sections, and the fault windows on its time axes.
@Suite("Report, version 2")
struct Version2ReportTests {
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
        drills:
          d: {schedule: "0 12 * * *", workload: vol, job: velero/nightly}
        """

    @Test("a fault's window is marked where it starts and ends, on every time axis")
    func faultMarkers() throws {
        let run = try ReportRun(Self.e44)
        // from 2026-01-04 (day 3) until 2026-01-07 (day 6).
        #expect(
            run.report.faultMarkers() == [
                SVGChart.Marker(day: 3, label: "outage (runs-fail) from 2026-01-04"), SVGChart.Marker(day: 6, label: "outage until 2026-01-07"),
            ])
        #expect(run.html.contains("outage (runs-fail) from 2026-01-04"))
        // The version 2 sections and the model version in the footer; the page is XML.
        #expect(run.html.contains("<section id=\"object-store\">") && run.html.contains("<section id=\"drills\">"))
        #expect(run.html.contains("model.md, version 2."))
        _ = try Markup.parse(run.html)
    }
}

extension Version2ReportTests {
    @Test("Cost per job: jobs.csv over the horizon, one row per job and target, and a total that is the target's bill")
    func jobCosts() throws {
        // JobCostsTests.shared, worked by hand there: velero/a holds 1 GiB and velero/b 2 GiB
        // for January on one S3 bucket with a fixed cost of 10. Their jobs.csv rows: a = 1
        // GB-month, fixed 3.3333, storage 0.0230, requests 0.0001, total 3.3564; b = 2
        // GB-months, fixed 6.6667, storage 0.0460, requests 0, total 6.7127. In the report's
        // two decimals: 3.33, 0.02, 0.00, 3.36 and 6.67, 0.05, 0.00, 6.71; the total row is
        // 3 GB-months, 10.00 fixed, 0.069 → 0.07 storage, 0.0001 → 0.00 requests and the
        // target's month 10.0691 → 10.07.
        let run = try ReportRun(JobCostsTests.shared)
        let page = try Markup.parse(run.html)
        let section = try #require(page.all("section").first { $0["id"] == "job-costs" })
        let rows = section.all("tr").map { $0.all("td").map(\.allText) }.filter { !$0.isEmpty }
        #expect(
            rows == [
                ["velero/a", "s3", "", "1.00", "$3.33", "$0.02", "$0.00", "$0.00", "$3.36"],
                ["velero/b", "s3", "", "2.00", "$6.67", "$0.05", "$0.00", "$0.00", "$6.71"],
                ["total", "", "", "3.00", "$10.00", "$0.07", "$0.00", "$0.00", "$10.07"],
            ])
        #expect(run.html.contains("<a href=\"#job-costs\">Cost per job</a>"))
        // Version 1 has no such section (its report is unchanged).
        let v1 = try ReportRun(JobCostsTests.shared.replacing("version: 2\n", with: ""))
        #expect(!v1.html.contains("job-costs"))
    }
}
