import Testing

@testable import PlanCore

/// The `runs-fail` rule of `rpo` checked by brute force (model.md "Failed runs", "Readings
/// settled"): for a workload protected only by Longhorn `backup` and Velero jobs, the RPO is
/// the smallest over its jobs of the longest gap of the list *first scheduled run,
/// successful runs, last scheduled run*, the scheduled runs searched from the job's cron and
/// a run failing when any raw `runs-fail` window of the job, or `target-down` window of its
/// own target, holds it (`a ≤ t < b`).
@Suite("RPO with failed runs, by brute force")
struct FaultRPOTests {
    /// The naive RPO of one job: infinite when it has scheduled runs and no successful one,
    /// the horizon when the list has fewer than two distinct times.
    static func naiveRPO(_ s: Scenario, job: String, target: String, schedule: CronSchedule) -> Double {
        let horizon = Double(s.horizonDays) * 86_400
        let scheduled = schedule.fireTimes(start: s.start, horizonSeconds: Int64(s.horizonDays) * 86_400, limit: Int.max).map(Double.init)
        let windows = FaultInvariantTests.spans(s, job: job, target: target, [.runsFail])
        let successful = scheduled.filter { t in !windows.contains { $0.a <= t && t < $0.b } }
        guard let first = scheduled.first, let last = scheduled.last else { return horizon }
        if successful.isEmpty { return .infinity }
        var times: [Double] = []
        for t in [first] + successful + [last] where times.last != t { times.append(t) }
        guard times.count >= 2 else { return horizon }
        var longest = 0.0
        for i in 1..<times.count { longest = max(longest, times[i] - times[i - 1]) }
        return longest
    }

    @Test("rpo = min over jobs of the longest gap of first scheduled, successful…, last scheduled", arguments: 0..<150)
    func rpo(seed: Int) throws {
        let s = RandomScenario.makeFaults(seed: UInt64(seed) &* 2_654_435_761 &+ 3, kinds: [.runsFail, .runsFail, .targetDown, .retentionStops])
        let (result, _) = try FaultInvariantTests.run(s)
        var failures: [String] = []
        for w in s.workloads where !s.cnpg.contains(where: { $0.workload == w.name }) {
            var offered: [Double] = []
            for j in s.longhorn where j.task == .backup && j.volumes.contains(w.name) {
                offered.append(Self.naiveRPO(s, job: "longhorn/\(j.name)", target: j.target, schedule: j.schedule))
            }
            for j in s.velero where j.volumes.contains(w.name) {
                offered.append(Self.naiveRPO(s, job: "velero/\(j.name)", target: j.target, schedule: j.schedule))
            }
            guard let expected = offered.min() else { continue }
            let row = result.kpis.first { $0.kpi == .rpo && $0.subject == w.name }
            let worst = row?.worst
            if worst != expected {
                failures.append("seed \(seed) rpo \(w.name): engine \(String(describing: worst)) ≠ brute force \(expected) (offered \(offered))")
            }
        }
        #expect(failures.isEmpty, "\(failures.count) violations:\n\(failures.prefix(12).joined(separator: "\n"))")
    }
}
