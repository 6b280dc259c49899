import Foundation
import Testing

@testable import PlanCore
@testable import PlanIO

/// `report.html`: well-formed, self-contained, with the right charts, series and points,
/// bounded for long horizons, and showing the same numbers as the CSV files of the run.
@Suite("HTML report")
struct ReportTests {
    /// Five days across a month's end: one velero job on a MinIO box, an S3 bucket nobody
    /// writes to, a protected and an unprotected workload.
    static let small = """
        name: small
        description: "a <small> & 'tidy' \\"test\\""
        start: 2026-01-30
        horizon: 5d
        workloads:
          db: {kind: volume, size: 1GiB, growth: 1GiB/day, volume: 4GiB}
          logs: {kind: volume, size: 1MiB}
        backups:
          velero:
            nightly: {schedule: "0 12 * * *", ttl: 48h, resources: 1MiB, volumes: [db], target: m}
        targets:
          m: {kind: minio, capacity: 100GiB, monthly_cost: 31}
          s3: {kind: s3, region: us-east-1}
        kpis: {monthly_budget: 40, rto: 10s}
        """

    static func seed(_ overrides: [String] = []) throws -> ReportRun {
        try ReportRun(BuiltInScenario.seedYAML, overrides: overrides)
    }

    @Test("the seed's report is well-formed XML, self-contained and has every section")
    func wellFormed() throws {
        let run = try Self.seed()
        #expect(run.html.hasPrefix("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\""))
        let root = try Markup.parse(run.html)
        #expect(root.name == "html")
        let ids = Set(root.all("section").compactMap { $0["id"] })
        #expect(ids == ["capacity", "cost", "recovery", "volumes", "kpis", "warnings", "settings"])
        // Nothing to fetch and nothing to run: no scripts, no external references, fonts
        // from the system; links stay on the page.
        for name in ["script", "link", "img", "iframe", "object", "embed"] {
            #expect(root.all(name).isEmpty, "<\(name)>")
        }
        #expect(root.all("a").allSatisfy { $0["href"]?.hasPrefix("#") == true })
        #expect(!run.html.contains("url("))
        #expect(!run.html.contains("@import"))
        #expect(!run.html.lowercased().contains("javascript"))
        let external = run.html.components(separatedBy: "http").count - 1
        #expect(external == 1 + root.all("svg").count, "only the XHTML and SVG namespaces name a URL")
        // A print stylesheet.
        #expect(root.all("style").first?.text.contains("@media print") == true)
    }

    @Test("text from the scenario is escaped")
    func escaping() throws {
        let run = try ReportRun(Self.small)
        let root = try Markup.parse(run.html)
        let description = root.all("p", class: "description").first?.text
        #expect(description == "a <small> & 'tidy' \"test\"")
    }

    @Test("the headline names the scenario, its horizon and what fails first")
    func headline() throws {
        let root = try Markup.parse(try ReportRun(Self.small).html)
        let header = try #require(root.all("header").first)
        #expect(header.all("h1").first?.text == "Capacity plan: small")
        // 2026-01-30 + 4 days = 2026-02-03.
        #expect(header.all("p", class: "period").first?.text == "2026-01-30 … 2026-02-03: 5 days, costs in USD")
        // RTO 15.36 s > 10 s from day 0, its worst 56.32 s on day 4 (below); volume_alert db on day 2 (4 GiB > 3.2 GiB),
        // volume_full db on day 3 (5 GiB > 4 GiB); rto logs fails from the start (no job).
        let verdict = try #require(header.all("div", class: "verdict").first)
        #expect(verdict["class"] == "verdict fail")
        let items = verdict.all("li").map(\.allText)
        #expect(items.count == 4)
        #expect(items.first?.hasPrefix("2026-01-30 rto db: 56s against a limit of 10s") == true, "\(items)")
        #expect(items.last?.hasPrefix("2026-02-02 volume_full db") == true, "\(items)")
    }

    @Test("every chart of a small scenario has its series and one point per day")
    func chartsOfSmallScenario() throws {
        let run = try ReportRun(Self.small)
        let root = try Markup.parse(run.html)
        let charts = root.all("svg")
        // Two targets, the cost, the RTO, two workloads.
        #expect(charts.map { $0["id"] ?? "" } == ["target-0-m", "target-1-s3", "cost", "rto", "workload-0-db", "workload-1-logs"])
        func series(_ chart: Markup) -> [String] { chart.all("g", class: "series").compactMap { $0["data-series"] } }
        /// Coordinates in a path: `M x,y L x,y … Z`.
        func points(_ path: Markup?) -> Int { (path?["d"] ?? "").split(separator: " ").filter { $0 != "Z" }.count }
        func hovers(_ chart: Markup) -> Int { chart.all("g", class: "hover").first?.all("rect").count ?? 0 }

        // m: the velero job's resources row and volume row are one series; 5 days drawn as
        // steps, top and bottom edges: 4 × 5 = 20 coordinates.
        #expect(series(charts[0]) == ["velero/nightly"])
        #expect(points(charts[0].all("path", class: "area").first) == 20)
        #expect(hovers(charts[0]) == 5)
        // Usable 100 GiB and the alert level at 80 GiB, never reached: no date markers.
        #expect(charts[0].all("g", class: "rules").first?.all("line").count == 2)
        #expect(charts[0].all("g", class: "markers").first?.all("line").isEmpty == true)
        // s3: no job writes to it.
        #expect(series(charts[1]).isEmpty)
        #expect(hovers(charts[1]) == 5)
        // Cost: January (2 days) and February (3 days), one bar per target per month, both
        // partial, so both have the dashed outline of the month scaled to a whole month.
        #expect(series(charts[2]) == ["m", "s3"])
        for g in charts[2].all("g", class: "series") { #expect(g.all("rect").count == 2) }
        #expect(charts[2].all("rect", class: "outline").count == 2 + 1, "two months and the legend's swatch")
        #expect(hovers(charts[2]) == 2)
        // RTO: db only (logs has no job), 5 steps: 2 × 5 coordinates; no infinite day (the
        // first run is on day 0 at noon).
        #expect(series(charts[3]) == ["db"])
        #expect(points(charts[3].all("path", class: "line").first) == 10)
        #expect(charts[3].all("g", class: "infinite").isEmpty)
        // Workloads: the size as one series; db against its 4 GiB volume, with the alert
        // (day 2) and full (day 3) dates marked.
        #expect(series(charts[4]) == ["db"])
        #expect(points(charts[4].all("path", class: "area").first) == 20)
        #expect(charts[4].all("g", class: "markers").first?.all("text").map(\.text) == ["alert on 2026-02-01", "full on 2026-02-02"])
        #expect(series(charts[5]) == ["logs"])
        #expect(charts[5].all("g", class: "rules").first?.all("line").isEmpty == true, "logs has no volume")
        // The same counts from the chart values.
        let report = run.report
        #expect(report.charts.map(\.series.count) == [1, 0, 2, 1, 1, 1])
        #expect(report.charts.map(\.spans.count) == [5, 5, 2, 5, 5, 5])
    }

    @Test("tooltips and tables show the numbers of the CSV files")
    func numbersMatchCSV() throws {
        let run = try ReportRun(Self.small)
        let root = try Markup.parse(run.html)
        let charts = Dictionary(uniqueKeysWithValues: root.all("svg").map { ($0["id"] ?? "", $0) })
        func tooltips(_ id: String) -> [[String]] {
            (charts[id]?.all("g", class: "hover").first?.all("rect") ?? []).map { ($0.title ?? "").components(separatedBy: "\n") }
        }

        // Target m: each day's used bytes are targets.csv's, the job's the sum of its
        // daily.csv rows. By hand: day 0, velero's noon run holds db at 1.5 GiB
        // (1,610,612,736 B) and 1 MiB of resources: 1,611,661,312 B. On day 4, db at noon is
        // 5.5 GiB (5,905,580,032 B) and the runs of days 3 and 4 keep their resources (ttl
        // 48 h): 5,907,677,184 B.
        let used = run.rows("targets").filter { $0["target"] == "m" }
        let m = tooltips("target-0-m")
        #expect(m.count == used.count)
        for (tip, row) in zip(m, used) {
            #expect(tip[0] == row["date"])
            #expect(tip[1].hasPrefix("used "))
            #expect(tip[1].exactBytes == row["used_bytes"], "\(tip)")
            let stored = run.rows("daily").filter { $0["date"] == row["date"] && $0["job"] == "velero/nightly" && $0["target"] == "m" }
                .reduce(0) { $0 + Int($1["stored_bytes"]!)! }
            #expect(tip[2].hasPrefix("velero/nightly: "))
            #expect(tip[2].exactBytes == String(stored))
        }
        #expect(m.first?[1].exactBytes == "1611661312")
        #expect(m.last?[1].exactBytes == "5907677184")

        // RTO of db: workloads.csv's seconds; by hand, day d restores the noon image of
        // (1.5 + d) GiB at 100 MiB/s: (1.5 + d) × 10.24 s, 15.36 s on day 0.
        let rto = tooltips("rto")
        let db = run.rows("workloads").filter { $0["workload"] == "db" }
        for (tip, row) in zip(rto, db) {
            #expect(tip[0] == row["date"])
            #expect(tip[1].hasSuffix("(" + row["rto_seconds"]! + " s)"), "\(tip)")
        }
        #expect(rto.first?[1] == "db: 15s (15.360000 s)")
        #expect(rto.last?[1] == "db: 56s (56.320000 s)")

        // Sizes: workloads.csv's size_bytes; db ends day 0 at 2 GiB.
        let sizes = tooltips("workload-0-db")
        for (tip, row) in zip(sizes, db) { #expect(tip[1].exactBytes == row["size_bytes"]) }
        #expect(sizes.first?[1] == "size 2.00 GiB (2,147,483,648 B), 50.0% of the volume 4.00 GiB")

        // Cost: monthly.csv's total_cost cells. By hand: m costs 31 a month, January covers 2
        // of 31 days (2.0000) and February 3 of 28 (3.3214); scaled to whole months both are 31.
        let cost = tooltips("cost")
        let monthly = run.rows("monthly")
        for tip in cost {
            let month = tip[0]
            for name in ["m", "s3", "total"] {
                let cell = monthly.first { $0["month"] == month && $0["target"] == name }?["total_cost"]
                #expect(tip.contains("\(name): \(cell ?? "?") USD"), "\(tip)")
            }
        }
        #expect(cost[0].contains("m: 2.0000 USD"))
        #expect(cost[1].contains("m: 3.3214 USD"))
        #expect(cost[1].last == "partial month, 3 of 28 days: 31.0000 USD for a whole month")

        // KPI table: the exact figures of kpis.csv in each cell's title.
        let table = try #require(root.all("table", class: "kpis").first)
        let kpiRows = table.all("tbody").first?.all("tr") ?? []
        let csv = run.rows("kpis")
        #expect(kpiRows.count == csv.count)
        for (tr, row) in zip(kpiRows, csv) {
            let cells = tr.all("td")
            #expect(cells[0].text == row["kpi"])
            #expect(cells[1].text == row["subject"])
            #expect((cells[2]["title"] ?? "").hasPrefix(row["limit"]!), "\(row)")
            #expect((cells[3]["title"] ?? "").hasPrefix(row["worst"]!), "\(row)")
            #expect(cells[4].text.lowercased() == row["status"])
            #expect(cells[5].text == row["first_failure"])
        }
    }

    @Test("a target that replicates a job stacks the job's bytes as a replica series")
    func replica() throws {
        let yaml = Self.small.replacingOccurrences(
            of: "s3: {kind: s3, region: us-east-1}", with: "s3: {kind: s3, region: us-east-1, replicates: [velero/nightly]}")
        let run = try ReportRun(yaml)
        let root = try Markup.parse(run.html)
        let s3 = try #require(root.all("svg").first { $0["id"] == "target-1-s3" })
        #expect(s3.all("g", class: "series").compactMap { $0["data-series"] } == ["velero/nightly (replica)"])
        // The replica holds what the original holds: the same used bytes on every day.
        let used = run.rows("targets")
        for date in Set(used.map { $0["date"]! }) {
            let m = used.first { $0["date"] == date && $0["target"] == "m" }?["used_bytes"]
            #expect(m == used.first { $0["date"] == date && $0["target"] == "s3" }?["used_bytes"])
        }
        #expect(run.data.targets[1].samples.map(\.used) == run.data.targets[0].samples.map(\.used))
    }

    @Test("an infinite RTO before the first backup is drawn in the band above the plot")
    func infiniteRTO() throws {
        // The first run is on day 2 at noon: RTO is infinite on days 0 and 1.
        let run = try ReportRun(Self.small, overrides: ["backups.velero.nightly.schedule=0 12 1 2 *"])
        let root = try Markup.parse(run.html)
        let chart = try #require(root.all("svg").first { $0["id"] == "rto" })
        #expect(chart.all("g", class: "infinite").count == 1)
        let tips = (chart.all("g", class: "hover").first?.all("rect") ?? []).map { $0.title ?? "" }
        #expect(tips[0].hasSuffix("db: inf (no restore possible yet)"))
        #expect(tips[1].hasSuffix("db: inf (no restore possible yet)"))
        #expect(!tips[2].contains("inf"))
        #expect(run.rows("workloads").filter { $0["workload"] == "db" }.map { $0["rto_seconds"]! }.prefix(2) == ["inf", "inf"])
    }

    @Test("100 years: at most 1,000 points per series, peaks kept, and the charts say so")
    func longHorizon() throws {
        let run = try Self.seed(["horizon=100y"])
        // 36,500 days in buckets of ⌈36,500 / 1,000⌉ = 37 days: ⌈36,500 / 37⌉ = 987 points.
        #expect(run.data.bucketDays == 37)
        for t in run.data.targets { #expect(t.samples.count == 987) }
        for w in run.data.workloads {
            #expect(w.size.count == 987)
            #expect(w.rto.count == 987)
        }
        // Each bucket keeps its largest day, so the peaks of the summary are among the points.
        for (t, summary) in zip(run.data.targets, run.result.targets) {
            #expect(t.samples.map(\.used).max() == summary.peakUsed.bytes)
            // The jobs of a sample add up to its used bytes (they are the same day's).
            for s in t.samples { #expect(abs(s.jobs.reduce(0, +) - s.used) <= 1e-6 * max(1, s.used)) }
        }
        for (w, summary) in zip(run.data.workloads, run.result.workloads) {
            #expect(w.size.map(\.value).max() == summary.peakSize.bytes)
        }
        let root = try Markup.parse(run.html)
        let charts = root.all("svg")
        for chart in charts where chart["id"] != "cost" {
            #expect(chart.all("g", class: "hover").first?.all("rect").count == 987, "\(chart["id"] ?? "")")
            let note = chart.all("text", class: "note").map(\.text).joined(separator: " ")
            #expect(note.hasPrefix("Down-sampled: each of the 987 steps covers 37 days"), "\(chart["id"] ?? "")")
        }
        // Cost: 1,200 months from 2026-01 to 2125-12, one bar per year: 100 bars per target.
        let cost = try #require(charts.first { $0["id"] == "cost" })
        for g in cost.all("g", class: "series") { #expect(g.all("rect").count == 100) }
        #expect(cost.all("text", class: "note").first?.text == "Each bar is a year's most expensive month (1,200 months in all).")
        // Bounded: the page does not grow with the horizon beyond the points it draws.
        #expect(run.html.utf8.count < 4_000_000)
    }

    @Test("a 1-day horizon draws one step per series")
    func oneDay() throws {
        let run = try Self.seed(["horizon=1d"])
        let root = try Markup.parse(run.html)
        for chart in root.all("svg") {
            #expect(chart.all("g", class: "hover").first?.all("rect").count == 1, "\(chart["id"] ?? "")")
        }
        #expect(run.report.charts.allSatisfy { $0.spans == [SVGChart.Span(from: 0, to: 1)] })
    }

    @Test("the collector keeps each bucket's largest day, the first of equal ones")
    func keepLargest() {
        // Buckets of 3 days: days 0–2, 3–5, 6. Values by day: 5 9 9 | 1 0 4 | 7.
        var samples: [DaySample] = []
        for (day, value) in [5.0, 9, 9, 1, 0, 4, 7].enumerated() {
            ReportCollector.keepLargest(&samples, DaySample(day: day, value: value), bucketDays: 3)
        }
        #expect(samples == [DaySample(day: 1, value: 9), DaySample(day: 5, value: 4), DaySample(day: 6, value: 7)])
        // An infinite RTO is the largest of its bucket.
        var rto: [DaySample] = []
        for (day, value) in [Double.infinity, 30, 20].enumerated() {
            ReportCollector.keepLargest(&rto, DaySample(day: day, value: value), bucketDays: 2)
        }
        #expect(rto == [DaySample(day: 0, value: .infinity), DaySample(day: 2, value: 20)])
    }

    @Test("the same run gives the same bytes")
    func deterministic() throws {
        #expect(try ReportRun(Self.small).html == (try ReportRun(Self.small).html))
    }
}
