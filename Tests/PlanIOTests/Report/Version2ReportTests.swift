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
