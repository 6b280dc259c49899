/// The warnings of model.md "Warnings", computed without simulating the horizon.
///
/// Every warning but one depends only on the scenario and its jobs' fire times; the
/// exception, a workload that outgrows its `volume`, needs the workload's size at each day's
/// end, which the workload model gives without any job being simulated. `plan validate`
/// calls `warnings(for:)`; the engine calls the two parts separately (the static ones before
/// its day loop, the volume ones from its own trackers), so both print the same lines in the
/// same order.
public enum Checks {
    /// The warnings of `s`, in the order `plan simulate` prints them, or the errors that
    /// would make the engine refuse the scenario (a schedule firing more than
    /// `Engine.maximumRunsPerJob` times).
    ///
    /// - Complexity: O(runs + H × workloads), H the horizon in days; no job is simulated.
    public static func warnings(for s: Scenario, schedules: ScheduleCache? = nil) -> Result<[String], Diagnostics> {
        switch JobSchedules.make(s, cache: schedules) {
        case .failure(let d):
            return .failure(d)
        case .success(let fires):
            let protection = WorkloadProtection(s, fires: fires)
            return .success(staticWarnings(s, fires: fires, protection: protection) + volumeWarnings(s, fullDays: VolumeTracker.fullDays(s)))
        }
    }

    /// The warnings that depend on the scenario and its fire times alone, in output order:
    /// each job's (Longhorn, Velero, CNPG), then each workload's, then the targets', then the
    /// faults'.
    static func staticWarnings(_ s: Scenario, fires: JobSchedules, protection: WorkloadProtection) -> [String] {
        var out: [String] = []
        let horizon = Double(Int64(s.horizonDays) * 86_400)
        for (j, f) in zip(s.longhorn, fires.longhorn) { out += longhornWarnings(j, fires: f) }
        for (j, f) in zip(s.velero, fires.velero) { out += veleroWarnings(j, fires: f, horizon: horizon) }
        for (j, f) in zip(s.cnpg, fires.cnpg) {
            if let f { out += cnpgWarnings(j, fires: f) }
        }
        for (i, w) in s.workloads.enumerated() { out += workloadWarnings(w, protected: protection.protected[i]) }
        out += fileSystemCopyWarnings(s)
        out += targetWarnings(s)
        out += faultWarnings(s, horizon: horizon)
        return out
    }

    /// A workload that outgrows its `volume`: one line per workload with a full day in
    /// `fullDays` (per workload, in scenario order: the first day its size exceeds its
    /// volume, days since start).
    static func volumeWarnings(_ s: Scenario, fullDays: [Int?]) -> [String] {
        var out: [String] = []
        for (i, w) in s.workloads.enumerated() {
            if let full = fullDays[i], let v = w.volume {
                out.append("workloads.\(w.name): outgrows its volume of \(Format.exactSize(v.bytes)) on \(s.start.adding(days: full)) (day \(full))")
            }
        }
        return out
    }
}
