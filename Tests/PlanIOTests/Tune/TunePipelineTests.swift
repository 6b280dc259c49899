import Foundation
import Testing

@testable import PlanCore
@testable import PlanIO

/// `plan tune`'s whole pipeline in-process: options, sweep, `tune.csv`, the best variant,
/// `--write-best`, shards and their merge. Numbers are worked out by hand in
/// `TuneTests.bestByHand` (the `small` scenario: a Velero resources job, $1 per GB-month).
@Suite("Tune pipeline in-process")
struct TunePipelineTests {
    static func folder() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("plan-tune-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    static func request(
        _ dir: String, vary: [String], requirements: [String] = [], objective: String = "total-cost", shard: String? = nil,
        writeBest: String? = nil
    ) throws -> TuneRequest {
        let path = dir + "/small.yaml"
        try TuneTests.small.write(toFile: path, atomically: true, encoding: .utf8)
        return TuneRequest(
            scenarioPath: path, vary: vary, overrides: .success([]), setArguments: [], requirements: requirements,
            objective: objective, shard: shard, top: 3, maximumVariants: 100, writeBest: writeBest,
            layout: OutputLayout(root: dir + "/out"), today: TuneTests.today)
    }

    static let vary = ["backups.velero.res.ttl=36h,72h,96h", "backups.velero.res.resources=1GiB,2GiB"]

    @Test("a sweep writes tune.csv, picks the hand-worked best and writes it in place")
    func sweep() async throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let best = dir + "/best.yaml"
        let request = try Self.request(dir, vary: Self.vary, requirements: ["restore_points(velero/res)>=2"], writeBest: best)
        let pipeline = try PlanIOTests.value(TunePipeline.prepare(request))
        #expect(pipeline.variants == 1...6)
        let (summary, done) = await pipeline.sweep(workers: 2, shouldStop: { false }, progress: { _ in })
        #expect(done == 6)
        let outcome = try PlanIOTests.value(pipeline.finish(summary))
        // Variant 3 (72h, 1GiB): 61/31 GiB-months at $1 = 1.9677 (TuneTests.bestByHand).
        #expect(summary.best.first?.variant == 3)
        #expect(outcome.files == [dir + "/out/small/tune.csv", best])
        let csv = try String(contentsOfFile: dir + "/out/small/tune.csv", encoding: .utf8)
        let lines = csv.split(separator: "\n")
        #expect(lines.count == 7)  // the header and 6 variants
        #expect(lines[3].hasPrefix("3,72h,1GiB,true,1.9677,"))
        // --write-best edits the file's own text: ttl 36h → 72h, resources stays 1GiB.
        let edited = try String(contentsOfFile: best, encoding: .utf8)
        #expect(edited.contains("ttl: 72h, resources: 1GiB"))
        #expect(outcome.comparison?.b.label == "variant 3: backups.velero.res.ttl=72h, backups.velero.res.resources=1GiB")
    }

    @Test("--write-best keeps the sweep's --set overrides, so the file simulates to the best row")
    func writeBestKeepsOverrides() async throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let best = dir + "/best.yaml"
        var request = try Self.request(dir, vary: ["backups.velero.res.ttl=72h,96h"], writeBest: best)
        // Before, the written file lost this override: its horizon went back to 31d.
        request.overrides = .success([try Override.parse("horizon=10d").get()])
        let pipeline = try PlanIOTests.value(TunePipeline.prepare(request))
        let (summary, _) = await pipeline.sweep(workers: 1, shouldStop: { false }, progress: { _ in })
        _ = try PlanIOTests.value(pipeline.finish(summary))
        let edited = try String(contentsOfFile: best, encoding: .utf8)
        #expect(edited.contains("horizon: 10d") && edited.contains("ttl: 72h"))
    }

    @Test("a sweep of a fault window gives each variant the numbers of a plain simulate")
    func faultSweep() async throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // examples.md E44 with its outage ending on three dates: the runs of days 3…(until − 1)
        // fail; with until 2026-01-09 the points run out on days 4–7 (RTO infinite).
        let e44 = """
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
            """
        try e44.write(toFile: dir + "/small.yaml", atomically: true, encoding: .utf8)
        var request = try Self.request(dir, vary: ["faults.outage.until=2026-01-05,2026-01-07,2026-01-09"])
        request.scenarioPath = dir + "/small.yaml"
        try e44.write(toFile: request.scenarioPath, atomically: true, encoding: .utf8)
        let pipeline = try PlanIOTests.value(TunePipeline.prepare(request))
        var rows: [TuneRow] = []
        _ = await TuneRunner.run(
            1...3, builder: pipeline.builder, table: pipeline.table, requirements: [], workers: 1, shouldStop: { false }, progress: { _ in }
        ) { rows.append($0) }
        let rto = try #require(pipeline.table.kpis.firstIndex { $0.kind == .rto })
        for (i, until) in ["2026-01-05", "2026-01-07", "2026-01-09"].enumerated() {
            let options = LoadOptions(
                file: "e44.yaml", defaultName: "e44", today: TuneTests.today, overrides: [try Override.parse("faults.outage.until=\(until)").get()])
            let plain = try Engine.simulate(try ScenarioLoader.load(text: e44, options: options).get()).get()
            #expect(rows[i].kpiWorst[rto] == plain.kpis.first { $0.kpi == .rto }?.worst, "until \(until)")
            #expect(rows[i].totalCost == plain.totalCost.amount, "until \(until)")
        }
        #expect(rows[2].kpiWorst[rto] == .infinity)
    }

    @Test("every malformed option is reported at once, before any file is written")
    func badOptions() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let request = try Self.request(dir, vary: ["nothing"], requirements: ["bogus"], shard: "4/4")
        guard case .failure(let failure) = TunePipeline.prepare(request) else {
            Issue.record("malformed options accepted")
            return
        }
        // --vary, --require and --shard: three problems, exit 1, no output folder.
        #expect(failure.diagnostics.count == 3)
        #expect(!failure.isEnvironment)
        #expect(!FileManager.default.fileExists(atPath: dir + "/out"))
    }

    @Test("a missing scenario file is an I/O failure (exit 2)")
    func missingFile() throws {
        var request = try Self.request(try Self.folder(), vary: Self.vary)
        request.scenarioPath += ".missing"
        guard case .failure(let failure) = TunePipeline.prepare(request) else {
            Issue.record("a missing file was read")
            return
        }
        #expect(failure.isEnvironment)
    }

    @Test("two shards merge into the file one run writes")
    func shardsMerge() async throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var paths: [String] = []
        for k in 0..<2 {
            // 6 variants in 2 shards: ⌊6k/2⌋+1 … ⌊6(k+1)/2⌋ → 1…3 and 4…6.
            var request = try Self.request(dir, vary: Self.vary, shard: "\(k)/2")
            request.layout = OutputLayout(root: dir + "/shard\(k)")
            let pipeline = try PlanIOTests.value(TunePipeline.prepare(request))
            #expect(pipeline.variants == (k == 0 ? 1...3 : 4...6))
            let (summary, _) = await pipeline.sweep(workers: 1, shouldStop: { false }, progress: { _ in })
            _ = try PlanIOTests.value(pipeline.finish(summary))
            paths.append(pipeline.tunePath)
        }
        let whole = try Self.request(dir, vary: Self.vary)
        let single = try PlanIOTests.value(TunePipeline.prepare(whole))
        let (summary, _) = await single.sweep(workers: 2, shouldStop: { false }, progress: { _ in })
        _ = try PlanIOTests.value(single.finish(summary))

        let (merge, merged) = try PlanIOTests.value(ShardMerge.run(paths: paths, layout: OutputLayout(root: dir + "/merged"), top: 3))
        #expect(merge.name == "small")  // both shards are in DIR/small/
        #expect(merge.text == (try String(contentsOfFile: single.tunePath, encoding: .utf8)))
        #expect(merged.best.map(\.variant) == summary.best.map(\.variant))
        // The second shard alone does not cover the sweep: variants 1…3 are missing.
        guard case .failure(let failure) = ShardMerge.run(paths: [paths[1]], layout: OutputLayout(root: dir + "/m2"), top: 3) else {
            Issue.record("an incomplete merge was accepted")
            return
        }
        #expect(failure.lines == ["--merge '\(paths[1])': error: the shards do not cover the sweep: variants 1…3 are missing"])
    }
}

extension TunePipelineTests {
    /// Runs shard `k` of `n` of `vary` into `DIR/shardK/small/` and returns its tune.csv path.
    static func shard(_ dir: String, _ k: Int, of n: Int, vary: [String] = vary) async throws -> String {
        var request = try request(dir, vary: vary, shard: "\(k)/\(n)")
        request.layout = OutputLayout(root: dir + "/shard\(k)-\(vary.count)")
        let pipeline = try PlanIOTests.value(TunePipeline.prepare(request))
        let (summary, _) = await pipeline.sweep(workers: 1, shouldStop: { false }, progress: { _ in })
        _ = try PlanIOTests.value(pipeline.finish(summary))
        return pipeline.tunePath
    }

    static func refusal(_ paths: [String], _ dir: String) -> String? {
        guard case .failure(let f) = ShardMerge.run(paths: paths, layout: OutputLayout(root: dir + "/m"), top: 3) else { return nil }
        return f.lines.first
    }

    @Test("a merge refuses a missing last shard, an edited or truncated shard, a foreign one and a file without its record")
    func mergeRefusals() async throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // 6 variants in 3 shards: 1…2, 3…4, 5…6.
        let paths = [try await Self.shard(dir, 0, of: 3), try await Self.shard(dir, 1, of: 3), try await Self.shard(dir, 2, of: 3)]
        #expect(Self.refusal(paths, dir) == nil)
        // The last shard missing: before, exit 0 with 4 of 6 rows.
        #expect(Self.refusal(Array(paths.prefix(2)), dir)?.hasSuffix("the shards do not cover the sweep: variants 5…6 are missing") == true)
        // An edited cell.
        var text = try String(contentsOfFile: paths[1], encoding: .utf8)
        try text.replacingOccurrences(of: ",true,", with: ",false,").write(toFile: paths[1], atomically: true, encoding: .utf8)
        if text.contains(",true,") {
            #expect(Self.refusal(paths, dir)?.contains("its rows are not the ones plan tune wrote") == true)
        }
        // A truncated row.
        try String(text.dropLast(5)).write(toFile: paths[1], atomically: true, encoding: .utf8)
        #expect(Self.refusal(paths, dir)?.contains("its rows are not the ones plan tune wrote") == true)
        try text.write(toFile: paths[1], atomically: true, encoding: .utf8)
        text = ""
        // A shard of another sweep (one more value of resources): 9 variants, not 6.
        let foreign = try await Self.shard(
            dir, 2, of: 3, vary: ["backups.velero.res.ttl=36h,72h,96h", "backups.velero.res.resources=1GiB,2GiB,3GiB"])
        #expect(Self.refusal([paths[0], paths[1], foreign], dir)?.contains("a shard of another sweep") == true)
        // No record beside the file.
        try FileManager.default.removeItem(atPath: (paths[2] as NSString).deletingLastPathComponent + "/tune.sweep")
        #expect(Self.refusal(paths, dir)?.contains("no tune.sweep beside it") == true)
    }
}

extension PlanIOTests {
    /// The value of a frontend's result, or the failure's lines as the thrown error.
    static func value<T>(_ result: Result<T, CommandFailure>) throws -> T {
        switch result {
        case .success(let v): return v
        case .failure(let f): throw FrontendFailure(lines: f.lines)
        }
    }

    struct FrontendFailure: Error, CustomStringConvertible {
        var lines: [String]
        var description: String { lines.joined(separator: "\n") }
    }
}

/// A namespace for helpers shared by this target's suites.
enum PlanIOTests {}
