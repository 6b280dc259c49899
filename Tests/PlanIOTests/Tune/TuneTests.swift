import Foundation
import Testing

@testable import PlanCore
@testable import PlanIO

/// `plan tune`: values, numbering, variant assembly, the best variant, frontiers, and the
/// in-place editor. Expected values are worked out by hand in the comments.
@Suite("Tuning")
struct TuneTests {
    static let today = CivilDate(year: 2026, month: 1, day: 1)

    func builder(_ yaml: String, _ vary: [String], overrides: [String] = []) throws -> VariantBuilder {
        let document = try ScenarioDocument.parse(text: yaml, file: "t.yaml").get()
        let options = LoadOptions(file: "t.yaml", defaultName: "t", today: Self.today, overrides: try overrides.map { try Override.parse($0).get() })
        let specs = try vary.map { try VarySpec.parse($0).get() }
        return try VariantBuilder.make(document: document, options: options, specs: specs, maximumVariants: 100_000).get()
    }

    func run(_ b: VariantBuilder, requires: [String] = [], objective: Objective = .totalCost) async throws -> (TuneSummary, [TuneRow]) {
        let given = try Engine.simulate(b.base).get()
        let reqs = try requires.map { try Requirement.parse($0).get() }
        let table = TuneTable(
            paths: b.sweep.specs.map(\.path), objective: objective, targets: b.base.targets.map(\.name),
            kpis: given.kpis.map { (kind: $0.kpi, subject: $0.subject) }, requirements: reqs.map(\.text))
        var summary = TuneSummary(table: table, top: 3)
        var rows: [TuneRow] = []
        _ = await TuneRunner.run(
            1...b.sweep.count, builder: b, table: table, requirements: reqs, workers: 2, shouldStop: { false }, progress: { _ in }
        ) {
            rows.append($0)
            summary.add($0)
        }
        return (summary, rows)
    }

    // MARK: Values

    @Test("lists, ranges and YAML flow values")
    func values() throws {
        #expect(try VarySpec.parse("a.b=7d,14d,30d").get().values == ["7d", "14d", "30d"])
        // 7, 14, 21, 28: the end is included when the step lands on it.
        #expect(try VarySpec.parse("a.b=7d..28d/7d").get().values == ["7d", "14d", "21d", "28d"])
        // 7 + 7k ≤ 60 → k = 0…7: 7d … 56d (60d is not reached).
        #expect(try VarySpec.parse("a.b=7d..60d/7d").get().values.last == "56d")
        #expect(try VarySpec.parse("a.b=3..30/1").get().values.count == 28)  // 3…30
        #expect(try VarySpec.parse("a.b=none,lz4,gzip,zstd").get().values == ["none", "lz4", "gzip", "zstd"])
        #expect(try VarySpec.parse("a.b=[gitea-db, coder-db],[]").get().values == ["[gitea-db, coder-db]", "[]"])
        #expect(try VarySpec.parse("a.b=1d,7d..21d/7d").get().values == ["1d", "7d", "14d", "21d"])
        #expect(try VarySpec.parse("a.b=0.5..1.5/0.5").get().values == ["0.5", "1", "1.5"])
    }

    @Test(
        "bad --vary syntax is reported at the option",
        arguments: [
            ("retention", "--vary 'retention': error: expected PATH=VALUES, found no '='; write it as in 'backups.cnpg.app.retention=7d,14d,30d'"),
            ("a.b=", "--vary 'a.b=': error: a.b: no values after '='; list values ('7d,14d') or a range ('7d..28d/7d')"),
            ("a.b=1d..5d", "--vary 'a.b=1d..5d': error: a.b: range '1d..5d': expected FROM..TO/STEP, found no '/STEP'; write it as in '7d..28d/7d'"),
            ("a.b=7d..1d/1d", "--vary 'a.b=7d..1d/1d': error: a.b: range '7d..1d/1d': the range ends before it starts ('1d' < '7d')"),
            (
                "a.b=1d..2w/1d",
                "--vary 'a.b=1d..2w/1d': error: a.b: range '1d..2w/1d': the ends and the step must use the same unit, found 'd', 'w' and 'd'; write all three in one unit, as in '7d..56d/7d'"
            ),
            ("a.b=1,,2", "--vary 'a.b=1,,2': error: a.b: an empty value in '1,,2'; remove the extra ','"),
        ])
    func badSyntax(argument: String, message: String) {
        guard case .failure(let d) = VarySpec.parse(argument) else {
            Issue.record("'\(argument)' parsed")
            return
        }
        #expect(d.description == message)
    }

    @Test("variants are numbered in the order listed, the last --vary fastest; shards are contiguous")
    func numbering() throws {
        let sweep = try Sweep.make(
            [VarySpec(path: "a", values: ["1", "2", "3"], argument: ""), VarySpec(path: "b", values: ["x", "y"], argument: "")], maximum: 100
        ).get()
        #expect(sweep.count == 6)
        // 1 = (1, x), 2 = (1, y), 3 = (2, x), …, 6 = (3, y).
        #expect((1...6).map { sweep.indices(ofVariant: $0) } == [[0, 0], [0, 1], [1, 0], [1, 1], [2, 0], [2, 1]])
        // 6 variants in 4 shards: ⌊6k/4⌋+1 … ⌊6(k+1)/4⌋ → 1…1, 2…3, 4…4, 5…6.
        #expect((0..<4).map { sweep.shard($0, of: 4) } == [1...1, 2...3, 4...4, 5...6])
        #expect(sweep.shard(0, of: 8) == nil)  // ⌊0⌋+1 = 1 > ⌊6/8⌋ = 0: an empty shard
        guard case .failure(let d) = Sweep.make(Array(repeating: VarySpec(path: "a", values: ["1", "2", "3"], argument: ""), count: 3), maximum: 20)
        else {
            Issue.record("27 > 20 variants accepted")
            return
        }
        #expect(d.message == "the sweep has 27 variants (3 × 3 × 3), more than --max-variants 20")
    }

    // MARK: Variants

    @Test("a variant assembled from validated pieces is the scenario a full load gives")
    func assembly() throws {
        let text = try String(contentsOf: Self.scenarios.appendingPathComponent("production.yaml"), encoding: .utf8)
        let vary = [
            "backups.cnpg.gitea-postgres.retention=3d,30d", "backups.longhorn.data-hourly.retain=2,96", "workloads.gitea-db.growth=0,1GiB/day",
        ]
        let b = try builder(text, vary)
        #expect(b.swapsEntities)
        let document = try ScenarioDocument.parse(text: text, file: "t.yaml").get()
        for n in 1...b.sweep.count {
            var options = LoadOptions(file: "t.yaml", defaultName: "t", today: Self.today)
            for (spec, value) in zip(b.sweep.specs, b.values(variant: n)) { options.overrides.append(Override(path: spec.path, value: value)) }
            #expect(try b.scenario(variant: n).get() == document.scenario(options: options).get(), "variant \(n)")
        }
        // A cross reference is validated per variant in full.
        #expect(!(try builder(text, ["backups.longhorn.data-hourly.target=s3,minio"])).swapsEntities)
    }

    @Test("an entity varied by two specs and one varied alone: every variant is the scenario a full load gives")
    func assemblyOfGroups() throws {
        let text = try String(contentsOf: Self.scenarios.appendingPathComponent("production.yaml"), encoding: .utf8)
        // The gitea job's group has two specs (its combinations validated together); the
        // workload's spec is alone (its entities kept from validating each value alone).
        let vary = [
            "backups.cnpg.gitea-postgres.retention=3d,30d", "workloads.gitea-db.growth=0,1GiB/day",
            "backups.cnpg.gitea-postgres.schedule=0 0 1 * * *,0 0 3 * * *",
        ]
        let b = try builder(text, vary)
        #expect(b.swapsEntities)
        #expect(b.sweep.count == 8)
        let document = try ScenarioDocument.parse(text: text, file: "t.yaml").get()
        var seen = Set<String>()
        for n in 1...b.sweep.count {
            var options = LoadOptions(file: "t.yaml", defaultName: "t", today: Self.today)
            for (spec, value) in zip(b.sweep.specs, b.values(variant: n)) { options.overrides.append(Override(path: spec.path, value: value)) }
            let assembled = try b.scenario(variant: n).get()
            #expect(assembled == (try document.scenario(options: options).get()), "variant \(n)")
            let job = try #require(assembled.cnpg.first { $0.name == "gitea-postgres" })
            let workload = try #require(assembled.workloads.first { $0.name == "gitea-db" })
            seen.insert("\(job.retentionDays) \(job.schedule.text) \(workload.growth)")
        }
        // 2 retentions × 2 growths × 2 schedules, each variant its own.
        #expect(seen.count == 8)
    }

    static let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("scenarios")

    /// One Velero job of resources only on an S3 bucket at $1 per GB-month and free PUTs,
    /// over January: costs are sums of whole GiB-days.
    static let small = """
        name: small
        start: 2026-01-01
        horizon: 31d
        workloads: {}
        backups:
          velero:
            res: {schedule: "0 0 * * *", ttl: 36h, resources: 1GiB, target: s}
        targets:
          s: {kind: s3, prices: {storage_gb_month: 1, put_per_1000: 0}}
        """

    /// Every kind of cell a `tune.csv` line holds, written as cli.md says: free text guarded
    /// (`'=1+2`) and quoted when it holds a comma, money with 4 decimals half away from zero,
    /// bytes as the nearest integer (2^70 past 64 bits), shares and seconds with 6 decimals,
    /// `inf`, `-0.00004` → `0.0000` (no sign on zero), empty cells for values that do not apply.
    @Test("a tune.csv line: each cell in its format")
    func lineCells() {
        let table = TuneTable(
            paths: ["a", "b"], objective: .totalCost, targets: ["s3", "minio"], kpis: [(.rto, "db"), (.efficiency, "all")],
            requirements: ["x", "y"])
        let row = TuneRow(
            variant: 12, values: ["=1+2", "a,b"], feasible: false, objective: .infinity, totalCost: -0.00004, peakMonthlyCost: 2.00005,
            peakUsed: [1_180_591_620_717_411_303_424, nil], kpiWorst: [1800.5, nil], kpiStatus: [.fail, nil],
            requirementValues: [0.1234565, nil])
        #expect(row.line(table) == "12,'=1+2,\"a,b\",false,inf,0.0000,2.0001,1180591620717411303424,,1800.500000,fail,,,0.123457,\n")
    }

    @Test("the best variant of a small sweep is the one found by hand")
    func bestByHand() async throws {
        let b = try builder(Self.small, ["backups.velero.res.ttl=36h,72h,96h", "backups.velero.res.resources=1GiB,2GiB"])
        let (summary, rows) = try await run(b, requires: ["restore_points(velero/res)>=2"])
        // At the end of day d (now = d + 1 days) run k (at k days) is stored while
        // k + ttl > d + 1, so a ttl of N whole days keeps N − 1 runs (one expiring exactly at
        // `now` is gone), R GiB each:
        //   ttl 36h: run d only → 1 restore point: fails the requirement (variants 1, 2).
        //   ttl 72h: day 0 one run, days 1–30 two → (1 + 2 × 30) / 31 = 61/31 R GB-months.
        //   ttl 96h: 1, 2, then 3 on days 2–30 → (1 + 2 + 3 × 29) / 31 = 90/31 R.
        // Variants: 1 (36h,1), 2 (36h,2), 3 (72h,1), 4 (72h,2), 5 (96h,1), 6 (96h,2).
        #expect(rows.map(\.feasible) == [false, false, true, true, true, true])
        #expect(summary.feasibleCount == 4)
        #expect(summary.best.map(\.variant) == [3, 5, 4])  // 61/31 = 1.9677 < 90/31 = 2.9032 < 122/31 = 3.9355
        #expect(abs(rows[2].totalCost - 61.0 / 31) < 1e-9)
        #expect(abs(rows[4].totalCost - 90.0 / 31) < 1e-9)
        #expect(abs(rows[5].totalCost - 180.0 / 31) < 1e-9)
        #expect(rows[2].line(summary.table).hasPrefix("3,72h,1GiB,true,1.9677,1.9677,1.9677,"))
        // The ttl frontier among feasible variants: 72h at 1.9677 (variant 3), 96h at 2.9032 (5).
        let ttl = summary.frontier(path: 0)
        #expect(ttl.map(\.text) == ["72h", "96h"])
        #expect(ttl.map(\.variant) == [3, 5])
    }

    @Test("a sweep with one value per path equals a plain simulate")
    func oneValue() async throws {
        let text = try String(contentsOf: Self.scenarios.appendingPathComponent("production.yaml"), encoding: .utf8)
        // The values the file already has: 14d and 48.
        let b = try builder(text, ["backups.cnpg.gitea-postgres.retention=14d", "backups.longhorn.data-hourly.retain=48"])
        let (_, rows) = try await run(b)
        let plain = try Engine.simulate(b.base).get()
        #expect(rows.count == 1)
        #expect(rows[0].totalCost == plain.totalCost.amount)
        #expect(rows[0].peakMonthlyCost == plain.peakMonthlyCost.amount)
        #expect(rows[0].peakUsed == plain.targets.map { $0.peakUsed.bytes })
        #expect(rows[0].kpiWorst == plain.kpis.map(\.worst))
        #expect(rows[0].kpiStatus == plain.kpis.map(\.status))
        #expect(rows[0].feasible)  // production meets every KPI
    }

    @Test("an infeasible sweep says which KPI ruled every variant out and how close the best came")
    func infeasible() async throws {
        let b = try builder(BuiltInScenario.seedYAML, ["backups.cnpg.gitea-postgres.retention=7d,14d"])
        let (summary, _) = try await run(b)
        let given = try Engine.simulate(b.base).get()
        let limits = Dictionary(uniqueKeysWithValues: given.kpis.compactMap { k in k.limit.map { ("\(k.kpi.rawValue):\(k.subject)", $0) } })
        let lines = summary.infeasibility(limits: limits)
        // gitea-data's only backups are daily (Velero 02:00, Longhorn 03:00): RPO 1 day
        // against 1 hour, whatever the CNPG retention.
        #expect(lines.contains("rpo(gitea-data) fails in every variant; the closest came to 1d against a limit of 1h (variant 1)"))
        #expect(summary.best.isEmpty)
    }

    @Test("the Pareto frontier keeps the values nothing beats with more for less")
    func frontier() {
        let table = TuneTable(paths: ["backups.cnpg.x.retention"], objective: .totalCost, targets: [], kpis: [], requirements: [])
        var s = TuneSummary(table: table, top: 3)
        // 1d: 10, 2d: 12, 3d: 11, 4d: 15. From the longest down: 4d (15), 3d (11 < 15),
        // 2d (12 ≥ 11: beaten by 3d), 1d (10 < 11).
        for (i, (v, cost)) in [("1d", 10.0), ("2d", 12), ("3d", 11), ("4d", 15)].enumerated() {
            s.add(
                TuneRow(
                    variant: i + 1, values: [v], feasible: true, objective: cost, totalCost: cost, peakMonthlyCost: 0, peakUsed: [], kpiWorst: [],
                    kpiStatus: [], requirementValues: []))
        }
        #expect(s.frontier(path: 0).map(\.text) == ["1d", "3d", "4d"])
    }

    @Test("requirements read their number in the metric's unit")
    func requirements() throws {
        let r = try Requirement.parse("restore_points(cnpg/gitea-postgres) >= 14").get()
        #expect(r.metric == .restorePoints(job: "cnpg/gitea-postgres") && r.op == .ge && r.limit == 14)
        #expect(try Requirement.parse("peak_used(minio)<=800GB").get().limit == 800e9)
        #expect(try Requirement.parse("rto(gitea-db)<20min").get().limit == 1200)
        #expect(try Requirement.parse("efficiency(all)>=70%").get().limit == 0.7)
        #expect(try Requirement.parse("total_cost<=$900").get().limit == 900)
        #expect(try Requirement.parse("capacity_alert(minio)==0").get().op == .eq)
        guard case .failure(let d) = Requirement.parse("speed(x)>1") else {
            Issue.record("parsed")
            return
        }
        #expect(d.description.hasPrefix("--require 'speed(x)>1': error: unknown metric 'speed'; expected one of total_cost, peak_monthly_cost"))
        guard case .failure(let e) = Requirement.parse("total_cost 900") else {
            Issue.record("parsed")
            return
        }
        #expect(e.message == "expected METRIC OP NUMBER with OP one of < <= > >= ==, found no operator")
    }

    // MARK: --write-best

    @Test("a trailing comment keeps its column when the value's width changes")
    func editorKeepsCommentColumn() throws {
        // "48" + 3 spaces → "6" + 4 spaces: '#' stays in column 14; "1000" + 1 space (never 0).
        let text = "lh:\n  retain: 48   # two days\n"
        #expect(try ScenarioEditor.apply([("lh.retain", "6")], to: text).get() == "lh:\n  retain: 6    # two days\n")
        #expect(try ScenarioEditor.apply([("lh.retain", "100000")], to: text).get() == "lh:\n  retain: 100000 # two days\n")
    }

    @Test("edits in place keep comments and layout")
    func editor() throws {
        let text = """
            # the plan
            backups:
              cnpg:
                app:
                  workload: db      # the database
                  retention: 30d    # a month
                  schedule: "0 0 2 * * *"
                  target: m
              velero:
                v: {schedule: "0 3 * * *", target: m}
            """
        let edited = try ScenarioEditor.apply(
            [
                ("backups.cnpg.app.retention", "14d"), ("backups.cnpg.app.schedule", "0 0 4 * * *"), ("backups.cnpg.app.compression", "gzip"),
                ("backups.velero.v.ttl", "168h"),
            ], to: text
        ).get()
        #expect(
            edited == """
                # the plan
                backups:
                  cnpg:
                    app:
                      workload: db      # the database
                      retention: 14d    # a month
                      schedule: "0 0 4 * * *"
                      target: m
                      compression: gzip
                  velero:
                    v: {schedule: "0 3 * * *", target: m, ttl: 168h}
                """)
    }
}
