import Foundation
import Testing

@testable import PlanCore
@testable import PlanIO

/// The notice after a target is full (issue 14): the figures after the full date are the
/// plan's demand, and the page says so.
@Suite("Notice after a target is full")
struct OverflowNoticeTests {
    /// A 10 GiB volume fully backed up every day (mode full) into a MinIO of 40 GiB raw,
    /// 4 drives with parity 2 (MinIO's default for 4): usable 40 × 2/4 = 20 GiB, so the
    /// second backup (2 × 10 GiB plus 2 × 10 MiB of resources) passes 20 GiB at the end of
    /// day 1, 2026-01-02.
    static let yaml = """
        version: 1
        name: full
        start: 2026-01-01
        horizon: 5d
        workloads:
          files: {kind: volume, size: 10GiB}
        backups:
          velero:
            nightly: {schedule: "0 1 * * *", ttl: 720h, volumes: [files], mode: full, target: minio}
        targets:
          minio: {kind: minio, capacity: 40GiB, drives: 4}
        """

    @Test("one notice per full target, naming its date, its peak share and the capacity it needs")
    func notice() throws {
        let run = try ExampleRun(Self.yaml)
        let notices = run.result.overflowNotices
        #expect(notices.count == 1)
        let n = try #require(notices.first)
        #expect(n.hasPrefix("minio is full on 2026-01-02: from then on its used bytes"))
        // Five daily backups of 10 GiB + 10 MiB: 50.0 GiB at the peak, 250% of 20 GiB.
        #expect(n.contains("(peak 50.0 GiB, 250% of its 20.0 GiB usable)"))
        #expect(n.contains("a full target refuses those uploads"))
        let report = try ReportRun(Self.yaml).html
        #expect(report.contains("<strong>Past capacity</strong>: minio is full on 2026-01-02"))
    }

    @Test("no notice when nothing fills")
    func none() throws {
        let run = try ExampleRun(Self.yaml.replacing("capacity: 40GiB", with: "capacity: 1TiB"))
        #expect(run.result.overflowNotices.isEmpty)
    }
}

/// Version 2's JSON gains the summary's tables (issue 14).
@Suite("JSON summary tables")
struct JSONSummaryTests {
    @Test("the summary's targets, jobs and workloads, with figures worked by hand")
    func summary() throws {
        let run = try ExampleRun(OverflowNoticeTests.yaml.replacing("version: 1", with: "version: 2"))
        let json = JSONRenderer.render(run.result, rows: JSONRows())
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let summary = try #require(document["summary"] as? [String: Any])
        let job = try #require((summary["jobs"] as? [[String: Any]])?.first)
        // Five full backups of 10 GiB + 10 MiB of resources: 10,737,418,240 + 10,485,760 =
        // 10,747,904,000 bytes each, 53,739,520,000 at the peak, 10,747,904,000 a day.
        #expect(job["job"] as? String == "velero/nightly")
        #expect(job["peak_stored_bytes"] as? Int == 53_739_520_000)
        #expect(job["mean_daily_upload_bytes"] as? Int == 10_747_904_000)
        #expect(job["final_restore_points"] as? Int == 5)
        let target = try #require((summary["targets"] as? [[String: Any]])?.first)
        // 40 GiB raw, EC:2 of 4: 20 GiB = 21,474,836,480 usable, full on day 1.
        #expect(target["usable_bytes"] as? Int == 21_474_836_480)
        #expect(target["full_date"] as? String == "2026-01-02")
        #expect((summary["workloads"] as? [[String: Any]])?.first?["workload"] as? String == "files")
        // A version 1 document has no summary: its bytes stay as they were.
        let v1 = JSONRenderer.render(try ExampleRun(OverflowNoticeTests.yaml).result, rows: JSONRows())
        #expect(!v1.contains("\"summary\""))
    }
}
