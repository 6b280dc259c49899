import Foundation
import PlanCore
import PlanIO

/// Prints the engine's speed on the seed scenario: time per run and per simulated
/// job-day, for horizons of 1, 10 and 100 years (the cost must grow linearly in days).
/// Run it in a release build: `swift run -c release plan-bench`.

/// The value of a result the benchmark cannot go on without; prints the failure and exits.
func must<T, E: Error>(_ result: Result<T, E>) -> T {
    switch result {
    case .success(let value): return value
    case .failure(let error):
        print("plan-bench: \(error)")
        exit(1)
    }
}

/// The seed (or another scenario's text) at `horizon`.
func load(horizon: String, text: String = BuiltInScenario.seedYAML, name: String = "seed") -> Scenario {
    let options = LoadOptions(
        file: name + ".yaml", defaultName: name, today: CivilDate(year: 2026, month: 1, day: 1),
        overrides: [must(Override.parse("horizon=\(horizon)"))])
    switch ScenarioLoader.load(text: text, options: options) {
    case .success(let s): return s
    case .failure(let d):
        print(d)
        exit(1)
    }
}

func seconds(_ body: () -> Void) -> Double {
    let t0 = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
}

// Whole commands (issue 15): `plan-bench --commands` runs the `plan` binary built beside
// this one (or `--plan PATH`) as a user does, best of N, with the files written and, where
// said, the run recorded in a fresh store. Then exits.
if CommandLine.arguments.contains("--commands") {
    let args = CommandLine.arguments
    let beside = URL(fileURLWithPath: args[0]).deletingLastPathComponent().appendingPathComponent("plan").path
    // Absolute: the commands run in the scratch folder.
    let plan = URL(fileURLWithPath: args.firstIndex(of: "--plan").flatMap { $0 + 1 < args.count ? args[$0 + 1] : nil } ?? beside).path
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("plan-bench-\(ProcessInfo.processInfo.processIdentifier)").path
    try? FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: scratch) }

    // Every command runs in the scratch folder.
    _ = FileManager.default.changeCurrentDirectoryPath(scratch)

    /// Runs `executable ARGUMENTS` (output to /dev/null) `runs` times; the best wall time.
    /// posix_spawn and waitpid rather than Foundation's Process: on Linux its
    /// `waitUntilExit` polls the run loop every 50 ms, which rounded every figure up to the
    /// next 50 ms step (a 60 ms run read 101 ms).
    func best(_ runs: Int, _ executable: String, _ arguments: [String], before: () -> Void = {}) -> Double {
        var best = Double.infinity
        for _ in 0..<runs {
            before()
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
            let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
            defer { for a in argv { free(a) } }
            var pid = pid_t()
            var status: Int32 = 0
            let t = seconds {
                guard posix_spawn(&pid, executable, &actions, nil, argv, environ) == 0 else {
                    print("plan-bench: cannot run \(executable)")
                    exit(1)
                }
                waitpid(pid, &status, 0)
            }
            // Exit status 0, or 3 (a KPI fails with --fail-on-kpi).
            let code = (status >> 8) & 0xFF
            if status & 0x7F != 0 || (code != 0 && code != 3) {
                print("plan-bench: \(executable) \(arguments.joined(separator: " ")) exited with status \(status)")
                exit(1)
            }
            best = min(best, t)
        }
        return best
    }
    func freshStore() { try? FileManager.default.removeItem(atPath: scratch + "/bench.sqlite") }
    func size(_ dir: String) -> Int {
        let e = FileManager.default.enumerator(atPath: dir)
        var total = 0
        while let f = e?.nextObject() as? String {
            total += ((try? FileManager.default.attributesOfItem(atPath: dir + "/" + f))?[.size] as? Int) ?? 0
        }
        return total
    }
    print("plan-bench --commands: \(plan), whole commands on seed.yaml's built-in example, best of N")
    print("run                                              runs    best ms")
    let rows: [(String, Int, [String], Bool)] = [
        ("simulate 10y, recording (fresh store)", 5, ["simulate", "--horizon", "3650d", "--out", "out", "--db", "bench.sqlite"], true),
        // Every run after a store's first: the schema is there (creating it costs ~12 ms).
        ("simulate 10y, recording (store with runs)", 5, ["simulate", "--horizon", "3650d", "--out", "out", "--db", "kept.sqlite"], false),
        ("simulate 10y --no-record", 5, ["simulate", "--horizon", "3650d", "--out", "out", "--no-record"], false),
        ("simulate 10y --no-record --format json", 5, ["simulate", "--horizon", "3650d", "--out", "out", "--no-record", "--format", "json"], false),
        ("simulate 100y --no-record", 3, ["simulate", "--horizon", "36500d", "--out", "out", "--no-record"], false),
        ("simulate 100y, recording (fresh store)", 3, ["simulate", "--horizon", "36500d", "--out", "out", "--db", "bench.sqlite"], true),
        // The HTML report of the same 10 years (2 MB, 5,598 chart tooltips), in a folder of
        // its own: the copy below times the simulation's files alone.
        ("report 10y", 5, ["report", "--horizon", "3650d", "--out", "reports"], false),
    ]
    var times: [String: Double] = [:]
    for (label, runs, arguments, record) in rows {
        let t = best(runs, plan, arguments, before: record ? freshStore : {})
        times[label] = t
        print(label.padding(toLength: 48, withPad: " ", startingAt: 0) + String(format: " %4d %10.1f", runs, t * 1000))
    }
    // The floor the issue compares with: copying the 10-year output folder.
    _ = best(1, plan, ["simulate", "--horizon", "3650d", "--out", "out", "--no-record"])
    let bytes = size(scratch + "/out/seed")
    let cp = best(5, "/bin/cp", ["-r", "out/seed", "copy"], before: { try? FileManager.default.removeItem(atPath: scratch + "/copy") })
    print(
        "cp -r of the 10y output folder".padding(toLength: 48, withPad: " ", startingAt: 0)
            + String(format: " %4d %10.1f   (%.1f MB)", 5, cp * 1000, Double(bytes) / 1e6))
    try? BuiltInScenario.seedYAML.write(toFile: scratch + "/seed.yaml", atomically: true, encoding: .utf8)
    let tune = best(
        3, plan,
        [
            "tune", "seed.yaml", "--vary", "backups.cnpg.gitea-postgres.retention=1d..100d/1d", "--vary",
            "backups.cnpg.coder-postgres.retention=1d..100d/1d", "--set", "horizon=365d", "--out", "tune",
        ])
    // 10,000 variants × 5 jobs × 365 days.
    print(
        "tune 10,000 variants, 365d".padding(toLength: 48, withPad: " ", startingAt: 0)
            + String(format: " %4d %10.1f   (%.2e job-days/s)", 3, tune * 1000, 10_000.0 * 5 * 365 / tune))
    // Issue 15's goals, judged on the figures above (README "Developing").
    let recording = times["simulate 10y, recording (fresh store)"] ?? .nan
    let noRecord = times["simulate 10y --no-record"] ?? .nan
    let rate = 10_000.0 * 5 * 365 / tune
    func verdict(_ met: Bool) -> String { met ? "met" : "not met" }
    print("issue 15's goals, from these figures:")
    print(String(format: "  10y recording (fresh store) within 40 ms: %.1f ms, %@", recording * 1000, verdict(recording <= 0.040) as NSString))
    print(
        String(
            format: "  10y --no-record within 3 × cp -r (%.1f ms): %.1f ms, %.1f × cp, %@", 3 * cp * 1000, noRecord * 1000, noRecord / cp,
            verdict(noRecord <= 3 * cp) as NSString))
    print(
        String(
            format: "  recording adds at most half of --no-record (%.1f ms): +%.1f ms, %.2f ×, %@", noRecord / 2 * 1000,
            (recording - noRecord) * 1000, (recording - noRecord) / noRecord, verdict(recording - noRecord <= noRecord / 2) as NSString))
    print(String(format: "  tune at 5 × 10^7 job-days/s or more: %.2e, %@", rate, verdict(rate >= 5e7) as NSString))
    exit(0)
}

print("plan-bench: engine only (NullSink), seed.yaml, best of N runs")
print("horizon    days     jobs  runs  best ms   ns/job-day  job-days/s")
for (label, horizon, runs) in [("1y", "365d", 50), ("10y", "3650d", 20), ("100y", "36500d", 5)] {
    let s = load(horizon: horizon)
    var best = Double.infinity
    var jobDays = 0
    for _ in 0..<runs {
        var sink = NullSink()
        let t = seconds {
            if case .success(let r) = Engine.simulate(s, into: &sink) { jobDays = r.jobDays }
        }
        best = min(best, t)
    }
    let jobs = s.cnpg.count + s.velero.count + s.longhorn.count
    print(
        String(
            format: "%-8@ %7d %6d %5d %8.3f %12.1f %11.3e", label as NSString, s.horizonDays, jobs, runs, best * 1000,
            best * 1e9 / Double(jobDays), Double(jobDays) / best))
}

// Version 2: scenarios/seed-v2.yaml (lots per row, a versioned replica, the Longhorn poll,
// a monthly drill), when run from the repository's top folder.
if let text = try? String(contentsOfFile: "scenarios/seed-v2.yaml", encoding: .utf8) {
    print("version 2: seed-v2.yaml, engine only, best of N runs")
    for (label, horizon, runs) in [("1y", "365d", 20), ("10y", "3650d", 10), ("100y", "36500d", 3)] {
        let s = load(horizon: horizon, text: text, name: "seed-v2")
        var best = Double.infinity
        var jobDays = 0
        for _ in 0..<runs {
            var sink = NullSink()
            let t = seconds {
                if case .success(let r) = Engine.simulate(s, into: &sink) { jobDays = r.jobDays }
            }
            best = min(best, t)
        }
        print(String(format: "  %-5@ %8.3f ms  %8.1f ns/job-day", label as NSString, best * 1000, best * 1e9 / Double(jobDays)))
    }
}

/// The three day files written as `RunFiles` writes them (`DayFileWriters` into a
/// `ByteBuffer` per file, emptied as a file's buffer is flushed), without the files.
struct DayFileBytes: SimulationSink {
    var layout = RowLayout(jobRows: [], workloads: [], targets: [])
    var writers = DayFileWriters()
    let buffers = (0..<3).map { _ in ByteBuffer(capacity: StreamingFile.flushBytes + 1 << 16) }  // as `StreamingFile`'s
    var bytes = 0

    mutating func begin(_ layout: RowLayout) { self.layout = layout }
    mutating func day(_ rows: DayRows) {
        writers.append(rows, layout: layout, daily: buffers[0], workloads: buffers[1], targets: buffers[2], faults: nil)
        for b in buffers where b.count >= StreamingFile.flushBytes {
            bytes += b.count
            b.removeAll()
        }
    }
}

// With the day files' writers in the loop (what `plan simulate` does besides writing).
do {
    let s = load(horizon: "3650d")
    var best = Double.infinity
    var bytes = 0
    for _ in 0..<10 {
        var sink = DayFileBytes()
        best = min(best, seconds { _ = Engine.simulate(s, into: &sink) })
        bytes = sink.bytes + sink.buffers.reduce(0) { $0 + $1.count }
    }
    print(String(format: "10y with the three day files written as bytes (no I/O): %.1f ms, %.1f MB", best * 1000, Double(bytes) / 1e6))
}

// Loading (YAML parse + validation) of the seed, the cost a sweep pays per distinct value.
do {
    var best = Double.infinity
    for _ in 0..<200 {
        best = min(best, seconds { _ = load(horizon: "365d") })
    }
    print(String(format: "loading seed.yaml (parse + validate): %.3f ms", best * 1000))
}

// The sweep of issue 4: seed.yaml, one year, gitea × coder retention 1d..100d (10,000 variants).
do {
    let options = LoadOptions(
        file: BuiltInScenario.fileName, defaultName: "seed", today: CivilDate(year: 2026, month: 1, day: 1),
        overrides: [must(Override.parse("horizon=365d"))])
    let document = must(ScenarioDocument.parse(text: BuiltInScenario.seedYAML, file: BuiltInScenario.fileName))
    let specs = [
        must(VarySpec.parse("backups.cnpg.gitea-postgres.retention=1d..100d/1d")),
        must(VarySpec.parse("backups.cnpg.coder-postgres.retention=1d..100d/1d")),
    ]
    let t0 = DispatchTime.now().uptimeNanoseconds
    let builder = must(VariantBuilder.make(document: document, options: options, specs: specs, maximumVariants: 100_000))
    let prepare = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
    let given = must(Engine.simulate(builder.base))
    let table = TuneTable(
        paths: specs.map(\.path), objective: .totalCost, targets: builder.base.targets.map(\.name),
        kpis: given.kpis.map { (kind: $0.kpi, subject: $0.subject) }, requirements: [])
    let jobs = builder.base.cnpg.count + builder.base.velero.count + builder.base.longhorn.count
    print("\nplan tune sweep: seed.yaml, 365 days, gitea × coder retention 1d..100d/1d")
    print(String(format: "  validating the 200 distinct values: %.1f ms", prepare * 1000))
    for workers in [1, ProcessInfo.processInfo.activeProcessorCount] {
        var summary = TuneSummary(table: table, top: 10)
        let start = DispatchTime.now().uptimeNanoseconds
        let done = await TuneRunner.run(
            1...builder.sweep.count, builder: builder, table: table, requirements: [], workers: workers, shouldStop: { false },
            progress: { _ in }, emit: { summary.add($0) })
        let t = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let jobDays = Double(done * jobs * builder.base.horizonDays)
        print(
            String(
                format: "  %d worker%@: %d variants in %.2f s: %.0f variants/s, %.2e job-days/s", workers, workers == 1 ? "" : "s", done, t,
                Double(done) / t, jobDays / t))
    }
}
