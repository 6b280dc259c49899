import Foundation
import PlanCore
import PlanIO

/// Prints the engine's speed on the seed scenario: time per run and per simulated
/// job-day, for horizons of 1, 10 and 100 years (the cost must grow linearly in days).
/// Run it in a release build: `swift run -c release plan-bench`.

func load(horizon: String) -> Scenario {
    let options = LoadOptions(
        file: BuiltInScenario.fileName, defaultName: "seed", today: CivilDate(year: 2026, month: 1, day: 1),
        overrides: [try! Override.parse("horizon=\(horizon)").get()])
    switch ScenarioLoader.load(text: BuiltInScenario.seedYAML, options: options) {
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
