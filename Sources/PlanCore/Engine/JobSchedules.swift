/// The fire times of every job of a scenario, searched once before anything is simulated.
///
/// Shared by the engine (each tier's simulator consumes its job's times) and by the static
/// checks (a schedule that never fires, a `ttl` not longer than the longest gap), so the
/// cron search runs once per job whether or not the horizon is then simulated.
struct JobSchedules {
    /// Per Longhorn job, in scenario order: fire times in `[0, H)`, seconds since start, UTC.
    var longhorn: [[Double]] = []
    /// Per Velero job, in scenario order: fire times in `[0, H)`, seconds since start, UTC.
    var velero: [[Double]] = []
    /// Per CNPG job, in scenario order: fire times in `[0, H)`, seconds since start, UTC,
    /// with a run at 0 for `immediate`; nil when the job's workload is unknown (never the
    /// case in a validated scenario), since such a job is not simulated.
    var cnpg: [[Double]?] = []
    /// Per Longhorn and Velero job: the longest gap between its times (`longestGap` over
    /// the horizon), when every such job's times came from a `ScheduleCache`, which keeps
    /// it; nil otherwise, and for the successful runs of a scenario with faults. (A CNPG
    /// job's RPO is its `archive_timeout`.)
    var gaps: (longhorn: [Double], velero: [Double])? = nil

    /// Searches every job's schedule over the horizon of `s`, taking the times from `cache`
    /// when it holds them.
    ///
    /// Fails with one diagnostic per job whose schedule fires more than
    /// `Engine.maximumRunsPerJob` times within the horizon, in job order (Longhorn, Velero,
    /// CNPG).
    ///
    /// - Complexity: O(runs) time and memory, plus the cron search.
    static func make(_ s: Scenario, cache: ScheduleCache?) -> Result<JobSchedules, Diagnostics> {
        var errors: [Diagnostic] = []
        var gaps: (longhorn: [Double], velero: [Double])? = ([], [])
        // `path` is only formatted for a diagnostic (a sweep's variants need none).
        func fires(_ schedule: CronSchedule, path: @autoclosure () -> String, immediate: Bool = false) -> (times: [Double], gap: Double?) {
            let cached = cache?.fires(schedule, start: s.start, horizonDays: s.horizonDays, immediate: immediate)
            let times = cached?.fires ?? Prepared.fireTimes(schedule, start: s.start, horizonDays: s.horizonDays, immediate: immediate)
            if times.count > Engine.maximumRunsPerJob {
                errors.append(
                    Diagnostic(
                        at: .none, path: path(),
                        "'\(schedule.text)' fires more than \(Format.grouped(Engine.maximumRunsPerJob)) times within the horizon; at most \(Format.grouped(Engine.maximumRunsPerJob)) runs per job are simulated",
                        suggestion: "use a less frequent schedule or a shorter horizon"))
            }
            return (times, cached?.gap)
        }
        var result = JobSchedules()
        result.longhorn = s.longhorn.map { j in
            let f = fires(j.schedule, path: "backups.longhorn.\(j.name).schedule")
            if let g = f.gap { gaps?.longhorn.append(g) } else { gaps = nil }
            return f.times
        }
        result.velero = s.velero.map { j in
            let f = fires(j.schedule, path: "backups.velero.\(j.name).schedule")
            if let g = f.gap { gaps?.velero.append(g) } else { gaps = nil }
            return f.times
        }
        result.cnpg = s.cnpg.map { j in
            guard s.workloads.contains(where: { $0.name == j.workload }) else { return nil }
            return fires(j.schedule, path: "backups.cnpg.\(j.name).schedule", immediate: j.immediate).times
        }
        result.gaps = gaps
        return errors.isEmpty ? .success(result) : .failure(Diagnostics(errors))
    }

    /// The longest time between two consecutive runs, seconds; the whole horizon (`horizon`,
    /// seconds) when the job runs fewer than twice.
    ///
    /// - Complexity: O(runs).
    static func longestGap(_ fires: [Double], horizon: Double) -> Double {
        guard fires.count >= 2 else { return horizon }
        var gap = 0.0
        for i in 1..<fires.count { gap = max(gap, fires[i] - fires[i - 1]) }
        return gap
    }
}

extension JobSchedules {
    /// The runs that succeed: every scheduled run but those inside a fault window of its
    /// job (model.md "Failed runs").
    func successful(_ windows: FaultWindows, _ s: Scenario) -> JobSchedules {
        var out = JobSchedules()
        out.longhorn = zip(s.longhorn, longhorn).map { j, f in f.filter { !windows.fails("longhorn/\(j.name)", at: $0) } }
        out.velero = zip(s.velero, velero).map { j, f in f.filter { !windows.fails("velero/\(j.name)", at: $0) } }
        out.cnpg = zip(s.cnpg, cnpg).map { j, f in f?.filter { !windows.fails("cnpg/\(j.name)", at: $0) } }
        return out
    }
}
