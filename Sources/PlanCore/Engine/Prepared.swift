/// The plan of one run: every job's simulator with its fire times, the row layout, and the
/// row lists the day loop reads, computed once before the first day.
///
/// Built by `make(_:schedules:)` from a validated scenario; `run(into:traces:)` then
/// simulates it day by day (`Prepared+Run.swift`).
struct Prepared {
    let scenario: Scenario
    /// The daily rows' order and keys (cli.md daily.csv).
    let layout: RowLayout
    /// Per workload, in scenario order: its size, churn and WAL over time.
    let models: [WorkloadModel]
    /// Per Longhorn job, in scenario order.
    var longhorn: [LonghornSim]
    /// Per Velero job, in scenario order.
    var velero: [VeleroSim]
    /// Per CNPG job of a known workload, in scenario order.
    var cnpg: [CNPGSim]
    /// Per target: the value rows whose stored bytes it holds (own jobs and replicas), one
    /// flat list (the day loop reads it without retaining an inner array per target).
    let targetSources: Ragged
    /// Value rows on their own object-store target (efficiency).
    let efficiencyRows: [Int]
    /// The number of value rows (own-target rows; a replica row repeats one of them).
    let rowCount: Int
    /// Per workload: protected by at least one job (RPO/RTO).
    let protected: [Bool]
    /// Per workload: its RPO, seconds (`WorkloadProtection.rpo`).
    let rpo: [Double]
    /// The warnings known before the first day (`Checks.staticWarnings`); nil when the
    /// caller asked for none (a sweep's variants, whose warnings nobody reads).
    let warnings: [String]?
    /// Per job (`TIER/NAME`, sorted), its own-target value rows.
    let jobGroups: [(job: String, target: String, rows: [Int])]
    /// Version 2: the object store as billed, before day 0; nil for version 1.
    let bucket: BucketBook?
    /// Version 2: the drills; empty for version 1.
    let drills: [DrillPlan]
    /// Version 2, per workload: the newest point of each protecting job, read for the daily
    /// RTO when an archive class adds a retrieval delay; empty where none does.
    let rtoPlans: [[DrillPlan]]
    /// Version 2 with fault keys: the failed runs and the WAL volumes; nil otherwise.
    let faults: FaultTracker?

    /// Fire times in `[0, H)` as seconds, with a run at 0 added for `immediate`; one more
    /// than `Engine.maximumRunsPerJob` when the schedule fires too often.
    static func fireTimes(_ schedule: CronSchedule, start: CivilDate, horizonDays: Int, immediate: Bool) -> [Double] {
        var times = schedule.fireTimes(start: start, horizonSeconds: Int64(horizonDays) * 86_400, limit: Engine.maximumRunsPerJob)
        if immediate && times.first != 0 { times.insert(0, at: 0) }
        return times.map(Double.init)
    }

    /// The plan of a run of `s`, taking fire times from `schedules` when it holds them; fails
    /// when a schedule fires more than `Engine.maximumRunsPerJob` times.
    ///
    /// - Complexity: O(runs + rows log rows), plus the cron search.
    static func make(_ s: Scenario, schedules: ScheduleCache? = nil, warnings: Bool = true) -> Result<Prepared, Diagnostics> {
        let fires: JobSchedules
        switch JobSchedules.make(s, cache: schedules) {
        case .success(let f): fires = f
        case .failure(let d): return .failure(d)
        }
        // Version 2 faults: the tiers see only the successful runs (model.md "Failed runs").
        let faults = s.version >= 2 && s.hasFaultKeys ? FaultWindows(s) : nil
        let successful = faults.map { fires.successful($0, s) } ?? fires
        var builder = PreparedBuilder(s)
        builder.windows = faults
        for (j, f) in zip(s.longhorn, successful.longhorn) {
            builder.addLonghorn(j, fires: f)
            builder.longhorn[builder.longhorn.count - 1].retentionStops = faults?.retentionStops["longhorn/\(j.name)"]
        }
        for (j, f) in zip(s.velero, successful.velero) {
            builder.addVelero(j, fires: f)
            builder.velero[builder.velero.count - 1].retentionStops = faults?.retentionStops["velero/\(j.name)"]
            builder.velero[builder.velero.count - 1].maintenanceStops = faults?.maintenanceStops["velero/\(j.name)"]
        }
        for (j, f) in zip(s.cnpg, successful.cnpg) {
            guard let f else { continue }
            let before = builder.cnpg.count
            builder.addCNPG(j, fires: f)
            if builder.cnpg.count > before {
                builder.cnpg[before].retentionStops = faults?.retentionStops["cnpg/\(j.name)"]
                builder.cnpg[before].archiveDown = faults?.archiveDown["cnpg/\(j.name)"]
            }
        }
        let protection = WorkloadProtection(s, fires: successful, scheduled: fires, windows: faults)
        builder.faults = faults.map { FaultTracker(s, scheduled: fires, windows: $0) }
        return .success(
            builder.build(protection: protection, warnings: warnings ? Checks.staticWarnings(s, fires: fires, protection: protection) : nil))
    }
}
