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

// With the CSV renderers in the loop (what `plan simulate` does besides writing).
do {
    let s = load(horizon: "3650d")
    var best = Double.infinity
    for _ in 0..<5 {
        var sink = CSVCollector()
        best = min(best, seconds { _ = Engine.simulate(s, into: &sink) })
    }
    print(String(format: "10y with the three daily CSV files rendered in memory: %.1f ms", best * 1000))
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
