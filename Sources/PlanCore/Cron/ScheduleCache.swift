/// Fire times computed once and shared by many simulations of the same start and horizon
/// (the variants of a sweep): a job's schedule is searched once, not once per variant.
public struct ScheduleCache: Sendable {
    struct Key: Hashable, Sendable {
        var schedule: CronSchedule
        var immediate: Bool
    }

    let start: CivilDate
    let horizonDays: Int
    /// Per schedule: its fire times and the longest gap between them (`JobSchedules.longestGap`).
    private var table: [Key: (fires: [Double], gap: Double)] = [:]

    /// An empty cache for one start and horizon.
    public init(start: CivilDate, horizonDays: Int) {
        self.start = start
        self.horizonDays = horizonDays
    }

    /// Adds the schedules of every job of `s` (ignored unless it has the cache's start and horizon).
    public mutating func add(jobsOf s: Scenario) {
        guard s.start == start && s.horizonDays == horizonDays else { return }
        for j in s.cnpg { add(j.schedule, immediate: j.immediate) }
        for j in s.velero { add(j.schedule, immediate: false) }
        for j in s.longhorn { add(j.schedule, immediate: false) }
    }

    public mutating func add(_ schedule: CronSchedule, immediate: Bool) {
        let key = Key(schedule: schedule, immediate: immediate)
        guard table[key] == nil else { return }
        let fires = Prepared.fireTimes(schedule, start: start, horizonDays: horizonDays, immediate: immediate)
        table[key] = (fires, JobSchedules.longestGap(fires, horizon: Double(Int64(horizonDays) * 86_400)))
    }

    /// The cached times and their longest gap, when the cache covers this start, horizon
    /// and schedule.
    func fires(_ schedule: CronSchedule, start: CivilDate, horizonDays: Int, immediate: Bool) -> (fires: [Double], gap: Double)? {
        guard start == self.start, horizonDays == self.horizonDays else { return nil }
        return table[Key(schedule: schedule, immediate: immediate)]
    }
}
