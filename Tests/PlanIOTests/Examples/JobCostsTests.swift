import Foundation
import Testing

@testable import PlanCore
@testable import PlanIO

/// README "Cost per job": each target's month split between its daily rows, in jobs.csv.
@Suite("jobs.csv: the cost of a shared target per job and workload")
struct JobCostsTests {
    /// Two Velero jobs whose only runs (Jan 1, 00:00) store 1 GiB and 2 GiB of resources
    /// for the whole of January on one S3 target (us-east-1: 0.023 per GB-month, 0.005 per
    /// 1,000 PUTs) with a fixed cost of 10 a month.
    static let shared = """
        version: 2
        name: shared
        start: 2026-01-01
        horizon: 31d
        workloads: {}
        backups:
          velero:
            a: {schedule: "0 0 1 1 *", ttl: 8760h, resources: 1GiB, target: s3}
            b: {schedule: "0 0 1 1 *", ttl: 8760h, resources: 2GiB, target: s3}
        targets:
          s3: {kind: s3, region: us-east-1, monthly_cost: 10}
        """

    @Test("two jobs on one S3 bucket, worked by hand")
    func handWorked() throws {
        let run = try Version2Run(Self.shared)
        let month = try #require(run.month("2026-01", "s3"))
        // used = 3 GiB every day: 3 × 31 / 31 = 3 GB-months; storage 3 × 0.023 = 0.0690;
        // 2 runs × 10 PUTs = 20 PUTs → 20 × 0.005 / 1000 = 0.0001; total 10.0691.
        #expect(CSVRenderer.money(month.totalCost.amount) == "10.0691")
        let rows = run.result.jobCosts
        #expect(rows.map(\.job) == ["velero/a", "velero/b"])
        // GB-months 1 and 2 (1 GiB and 2 GiB × 31 days / 31); 10 PUTs each.
        #expect(rows.map(\.gbMonths) == [1, 2])
        #expect(rows.map(\.putRequests) == [10, 10])
        let csv = CSVRenderer.jobs(rows).split(separator: "\n").map(String.init)
        // fixed 10 by 1:2 → 3.3333 / 6.6667 (100,000 units: floors 33,333 + 66,666, the unit
        // left to the larger remainder .67); storage 0.0690 by 1:2 → 0.0230 / 0.0460;
        // request 0.0001 by 10:10 → quotas 0.5 / 0.5, the tie to the first row; total 10.0691
        // by the unrounded sums 3.356383 : 6.712717 → 33,563.83 / 67,127.17 → 3.3564 / 6.7127.
        #expect(
            csv == [
                JobsColumn.header(version: 2).trimmingCharacters(in: .newlines),
                "2026-01,velero/a,velero,s3,,1.000000,10,3.3333,0.0230,0.0001,0.0000,0.0000,0.0000,0.0000,3.3564",
                "2026-01,velero/b,velero,s3,,2.000000,10,6.6667,0.0460,0.0000,0.0000,0.0000,0.0000,0.0000,6.7127",
            ])
    }

    @Test("the summary's Jobs table gains each job's cost in version 2: 3.3564 → 3.36, 6.7127 → 6.71")
    func jobsTable() throws {
        let run = try Version2Run(Self.shared)
        let table = TableRenderer(color: false).summary(run.result, files: "", recorded: nil)
        let lines = table.split(separator: "\n").map(String.init)
        let header = try #require(lines.first { $0.hasPrefix("  job ") })
        #expect(header.hasSuffix("restore points at end  cost"))
        #expect(lines.contains { $0.hasPrefix("  velero/a ") && $0.hasSuffix(" 3.36") })
        #expect(lines.contains { $0.hasPrefix("  velero/b ") && $0.hasSuffix(" 6.71") })
        // Version 1's table keeps its columns.
        let v1 = try ExampleRun(Self.shared.replacing("version: 2\n", with: ""))
        #expect(!TableRenderer(color: false).summary(v1.result, files: "", recorded: nil).contains("restore points at end  cost"))
    }

    @Test("a version 1 scenario has no job costs (its five files are unchanged)")
    func version1() throws {
        let run = try ExampleRun(Self.shared.replacing("version: 2\n", with: ""))
        #expect(run.result.version == 1)
        #expect(run.result.jobCosts.isEmpty)
    }

    /// The example scenarios of version 2, from `scenarios/`.
    static let examples = ["seed-v2.yaml", "seed-faults.yaml"]

    @Test("over every example, every month and target: the rows' cells sum to the target's, to the last printed digit", arguments: examples)
    func invariant(_ file: String) throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../scenarios/\(file)")
        let run = try Version2Run(try String(contentsOf: url, encoding: .utf8))
        let rows = run.result.jobCosts
        #expect(!rows.isEmpty)
        let columns: [(String, (MonthlyRow) -> Money, (JobCostRow) -> Money)] = [
            ("fixed_cost", \.fixedCost, \.fixedCost), ("storage_cost", \.storageCost, \.storageCost),
            ("request_cost", \.requestCost, \.requestCost), ("total_cost", \.totalCost, \.totalCost),
            ("egress_cost", { $0.billing?.egressCost ?? .zero }, \.egressCost),
            ("retrieval_cost", { $0.billing?.retrievalCost ?? .zero }, \.retrievalCost),
            ("early_delete_cost", { $0.billing?.earlyDeleteCost ?? .zero }, \.earlyDeleteCost),
            ("transition_cost", { $0.billing?.transitionCost ?? .zero }, \.transitionCost),
        ]
        var checked = 0
        for month in run.result.monthly where month.target != "total" {
            let mine = rows.filter { $0.month == month.month && $0.target == month.target }
            guard !mine.isEmpty else { continue }  // a target no job writes to keeps its cost
            checked += 1
            for (name, whole, part) in columns {
                let sum = mine.reduce(0.0) { $0 + CostSplit.units(part($1).amount) }
                #expect(sum == CostSplit.units(whole(month).amount), "\(file) \(month.month) \(month.target) \(name)")
            }
            let gb = mine.reduce(0.0) { $0 + $1.gbMonths }
            #expect(abs(gb - month.gbMonths) <= 1e-9 * max(1, month.gbMonths), "\(file) \(month.month) \(month.target) gb_months")
            #expect(mine.reduce(0.0) { $0 + $1.putRequests } == month.putRequests, "\(file) \(month.month) \(month.target) PUTs")
            #expect(mine.allSatisfy { $0.totalCost.amount >= 0 })
        }
        #expect(checked > 0)
    }
}

extension JobCostsTests {
    @Test("--format json gains job_costs for version 2 only, keyed by jobs.csv's columns")
    func json() throws {
        let v2 = try Version2Run(Self.shared)
        let text = JSONRenderer.render(v2.result, rows: JSONRows())
        #expect(text.contains("\"job_costs\": [\n    {\"month\": \"2026-01\", \"job\": \"velero/a\""))
        #expect(text.contains("\"total_cost\": 3.3564}"))
        let v1 = try ExampleRun(Self.shared.replacing("version: 2\n", with: ""))
        #expect(!JSONRenderer.render(v1.result, rows: JSONRows()).contains("job_costs"))
    }
}
