/// The daily engine of model.md: simulates a validated scenario day by day, streams the
/// daily rows to a sink and returns the summary (monthly costs, KPIs, targets, warnings).
///
/// - Complexity: O(H × rows + runs) time, where H is the horizon in days; memory is O(rows +
///   months + the restore points kept), independent of H. No allocation per day once the
///   restore-point queues have reached their working size.
public enum Engine {
    /// Runs per job beyond which a scenario is refused (bounded time and memory).
    public static let maximumRunsPerJob = 10_000_000

    /// Simulates `scenario`, streaming rows to `sink`. With `warnings` false the result has
    /// none and their checks are skipped (a sweep's variants: about 6% of each).
    public static func simulate<S: SimulationSink>(
        _ scenario: Scenario, into sink: inout S, schedules: ScheduleCache? = nil, traces: TraceCache? = nil, warnings: Bool = true
    ) -> Result<SimulationResult, Diagnostics> {
        simulate(scenario, into: &sink, schedules: schedules, session: traces.map(TraceSession.init), warnings: warnings)
    }

    /// Simulates `scenario` with the traces of `session` (one worker's lookups in a shared
    /// cache, which remember the previous run's), streaming rows to `sink`.
    public static func simulate<S: SimulationSink>(
        _ scenario: Scenario, into sink: inout S, schedules: ScheduleCache? = nil, session: TraceSession?, warnings: Bool = true
    ) -> Result<SimulationResult, Diagnostics> {
        var prepared: Prepared
        switch Prepared.make(scenario, schedules: schedules, warnings: warnings) {
        case .success(let p): prepared = p
        case .failure(let d): return .failure(d)
        }
        // A job's trace is keyed by what its rows depend on (TraceKey), which faults are not:
        // a sweep of fault windows simulates every variant in full (found by review).
        return .success(prepared.run(into: &sink, traces: scenario.faults.isEmpty ? session : nil))
    }

    /// Simulates without keeping the daily rows.
    public static func simulate(
        _ scenario: Scenario, schedules: ScheduleCache? = nil, traces: TraceCache? = nil, warnings: Bool = true
    ) -> Result<SimulationResult, Diagnostics> {
        var sink = NullSink()
        return simulate(scenario, into: &sink, schedules: schedules, traces: traces, warnings: warnings)
    }

    /// Simulates with `session`'s traces, without keeping the daily rows.
    public static func simulate(_ scenario: Scenario, schedules: ScheduleCache? = nil, session: TraceSession?, warnings: Bool = true) -> Result<
        SimulationResult, Diagnostics
    > {
        var sink = NullSink()
        return simulate(scenario, into: &sink, schedules: schedules, session: session, warnings: warnings)
    }
}
