/// The figures behind `plan alerts` (gitops.md "`plan alerts`"): every threshold of every
/// generated rule, derived from a scenario and its simulation, never from a constant alone.
///
/// Units: seconds, bytes, bytes per second. The margins, and why each is what it is:
///
/// - Backups late: `threshold = gap + margin`, `gap` the longest time between two fire times
///   of the schedule (searched over `gapWindowDays`, so every month length and year turn is
///   seen), `margin = 1 h + duration`, `duration` the time to copy the job's largest data at
///   `restore.bandwidth` (the only throughput the scenario gives; a backup timestamp is set
///   when the backup *ends*, so a run that takes longer than the previous one must not
///   alert), plus one hour for the scheduler (Velero's schedule controller, Longhorn's
///   CronJob pods, CNPG's ScheduledBackup) to start it.
/// - WAL: `budget = kpis.rpo`, or `12 × archive_timeout` (one hour at CNPG's default) when no
///   RPO is set. Failing archives alert after `budget / 2` (half the budget is left to fix
///   it); a `ready` backlog of more segments than one budget of WAL fills (at the
///   scenario's peak WAL rate, and at least one forced switch per `archive_timeout`) alerts
///   after `archive_timeout` (the next forced switch should have drained it); a backlog with
///   nothing archived for longer than `budget` alerts at once (the RPO is already broken).
/// - Capacity of a target: `limit = alert × usable` (model.md "Targets"). `lead` is the time
///   the simulated growth of `used` takes to go from the alert level to full, at least 1 day
///   and at most 28 days; `window` covers one whole backup-and-expiry cycle of the target's
///   jobs and a quarter of the lead, rounded up to an hour, at least 1 hour and at most 7 days (Prometheus keeps 15
///   days by default).
/// - Volume of a workload: the same lead (from `volume_alert` to full at the planned growth)
///   and window rule.
/// - Growth: `deriv` over 7 days above `1.25 × planned + 1% of the volume (or size) a day`:
///   25% is the error a plan can take before its dates move by a quarter, and the floor
///   keeps a workload planned flat from alerting on noise.
public struct AlertThresholds: Sendable, Hashable {
    /// Fire times are searched over this many days for the longest gap: four years and a day.
    public static let gapWindowDays = 4 * 366 + 1
    /// Scheduler slack added to every backup-late margin, seconds.
    public static let schedulerSlack = 3_600.0
    /// `kpis.rpo` absent: the WAL budget is this many `archive_timeout`s.
    public static let archiveTimeoutsPerBudget = 12.0
    /// Bounds of the prediction lead, seconds.
    public static let leadBounds = (1.0 * 86_400, 28.0 * 86_400)
    /// Bounds of a `predict_linear` window, seconds.
    public static let windowBounds = (3_600.0, 7.0 * 86_400)
    /// The `deriv` window of the growth rule, seconds (gitops.md: 7 days).
    public static let growthWindow = 7.0 * 86_400
    /// Measured growth may exceed the planned growth by this share.
    public static let growthMargin = 0.25
    /// And by this share of the volume (or the size) per day.
    public static let growthFloorShare = 0.01
    /// A WAL segment, bytes.
    public static let walSegmentBytes = 16.0 * 1_048_576

    public var scenario: String
    public var backups: [BackupLate]
    public var wal: [WALArchiving]
    public var targets: [TargetCapacity]
    public var volumes: [VolumeFill]
    public var growth: [GrowthAbovePlan]

    /// Which tool's metric tells that a backup finished.
    public enum Tool: String, Sendable, Hashable {
        case cnpg, velero, longhorn
    }

    /// One job's "backups are late" rule.
    public struct BackupLate: Sendable, Hashable {
        public var tool: Tool
        public var job: String
        /// The workloads it protects (CNPG: one; Longhorn: one series per volume).
        public var workloads: [String]
        public var schedule: String
        /// Longest gap between two runs, seconds.
        public var gap: Double
        /// Time to copy the job's largest data at the restore bandwidth, seconds.
        public var duration: Double
        /// `schedulerSlack + duration`, rounded up to a minute.
        public var margin: Double
        public var threshold: Double { gap + margin }
    }

    /// One CNPG cluster's WAL archiving rules.
    public struct WALArchiving: Sendable, Hashable {
        public var job: String
        public var workload: String
        /// The RPO budget, seconds, and where it came from.
        public var budget: Double
        public var budgetFromRPO: Bool
        public var archiveTimeout: Double
        /// Peak WAL the workload writes, bytes per day.
        public var peakWALPerDay: Double
        /// More `ready` segments than this break the budget.
        public var backlogSegments: Int
        /// Failing archives alert after this long, seconds.
        public var failingFor: Double { budget / 2 }
    }

    /// One target's capacity rule.
    public struct TargetCapacity: Sendable, Hashable {
        public var target: String
        public var kind: TargetKind
        public var usable: Double
        public var alert: Double
        public var limit: Double { alert * usable }
        /// Simulated mean growth of `used` up to its peak, bytes per day.
        public var growthPerDay: Double
        public var peakUsed: Double
        public var alertDate: CivilDate?
        /// `predict_linear` lead and window, seconds.
        public var lead: Double
        public var window: Double
        /// The longest gap among the jobs that write to the target, seconds.
        public var cycle: Double
    }

    /// One workload's "volume on course to fill" rule.
    public struct VolumeFill: Sendable, Hashable {
        public var workload: String
        public var kind: WorkloadKind
        public var volume: Double
        public var volumeAlert: Double
        /// Planned growth at the alert level, bytes per day.
        public var growthPerDay: Double
        public var alertDate: CivilDate?
        public var lead: Double
        public var window: Double
    }

    /// One workload's "grows faster than planned" rule: measured slope (bytes per second)
    /// above `factor × size + offset` (absolute growth: `factor` 0).
    public struct GrowthAbovePlan: Sendable, Hashable {
        public var workload: String
        public var kind: WorkloadKind
        public var planned: Rate
        /// Bytes per second per byte of current size (relative growth), else 0.
        public var factor: Double
        /// Bytes per second.
        public var offset: Double
        /// The floor's bytes per day, for the description.
        public var floorPerDay: Double
    }
}

extension AlertThresholds {
    /// Derives every threshold of `s` from the scenario and `result`, its simulation.
    public static func derive(_ s: Scenario, result: SimulationResult) -> AlertThresholds {
        let peaks = Dictionary(result.workloads.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let workloads = Dictionary(s.workloads.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let bandwidth = Swift.max(s.restore.bandwidthBytesPerSecond, 1)
        func peak(_ name: String) -> Double { peaks[name]?.peakSize.bytes ?? workloads[name]?.size.bytes ?? 0 }
        func late(_ tool: Tool, _ job: String, _ protected: [String], _ schedule: CronSchedule, largest: Double) -> BackupLate {
            let duration = largest / bandwidth
            let margin = ((schedulerSlack + duration) / 60).rounded(.up) * 60
            return BackupLate(
                tool: tool, job: job, workloads: protected, schedule: schedule.text, gap: longestGap(schedule, start: s.start),
                duration: duration, margin: margin)
        }

        var backups: [BackupLate] = []
        var gaps: [String: Double] = [:]
        for j in s.cnpg {
            let b = late(.cnpg, j.name, [j.workload], j.schedule, largest: peak(j.workload))
            backups.append(b)
            gaps[j.target, default: 0] = Swift.max(gaps[j.target, default: 0], b.gap)
        }
        for j in s.velero {
            let total = j.volumes.map(peak).reduce(j.resources.bytes, +)
            let b = late(.velero, j.name, j.volumes, j.schedule, largest: total)
            backups.append(b)
            gaps[j.target, default: 0] = Swift.max(gaps[j.target, default: 0], b.gap)
        }
        for j in s.longhorn {
            // A snapshot stays on the cluster's disks: Longhorn's backup timestamp never moves for it.
            let b = late(.longhorn, j.name, j.volumes, j.schedule, largest: j.volumes.map(peak).max() ?? 0)
            if j.task == .backup { backups.append(b) }
            gaps[j.snapshotTarget ?? j.target, default: 0] = Swift.max(gaps[j.snapshotTarget ?? j.target, default: 0], b.gap)
        }

        var wal: [WALArchiving] = []
        for j in s.cnpg {
            guard let w = workloads[j.workload] else { continue }
            let budget = s.kpis.rpo.map(\.value) ?? archiveTimeoutsPerBudget * j.archiveTimeout.value
            let perDay = peakWALPerDay(w, horizonDays: s.horizonDays)
            let bySwitches = budget / Swift.max(j.archiveTimeout.value, 1)
            let byBytes = perDay * budget / 86_400 / walSegmentBytes
            wal.append(
                WALArchiving(
                    job: j.name, workload: j.workload, budget: budget, budgetFromRPO: s.kpis.rpo != nil,
                    archiveTimeout: j.archiveTimeout.value, peakWALPerDay: perDay,
                    backlogSegments: Swift.max(1, Int(Swift.max(bySwitches, byBytes).rounded(.up)))))
        }

        var targets: [TargetCapacity] = []
        for t in s.targets {
            guard let usable = t.usable?.bytes, usable > 0, let summary = result.targets.first(where: { $0.name == t.name }) else { continue }
            let peakDay = summary.peakDate.map { Double($0.daysSinceEpoch - s.start.daysSinceEpoch + 1) } ?? Double(s.horizonDays)
            let growth = summary.peakUsed.bytes / Swift.max(peakDay, 1)
            let lead = leadTime(headroom: (1 - t.alert.fraction) * usable, perDay: growth)
            let cycle = gaps[t.name] ?? 0
            targets.append(
                TargetCapacity(
                    target: t.name, kind: t.kind, usable: usable, alert: t.alert.fraction, growthPerDay: growth,
                    peakUsed: summary.peakUsed.bytes, alertDate: summary.alertDate, lead: lead, window: window(lead: lead, cycle: cycle),
                    cycle: cycle))
        }

        var volumes: [VolumeFill] = []
        var growth: [GrowthAbovePlan] = []
        for w in s.workloads {
            let summary = peaks[w.name]
            if let volume = w.volume?.bytes, volume > 0 {
                let perDay = growthPerDay(w.growth, at: s.kpis.volumeAlert.fraction * volume)
                let lead = leadTime(headroom: (1 - s.kpis.volumeAlert.fraction) * volume, perDay: perDay)
                volumes.append(
                    VolumeFill(
                        workload: w.name, kind: w.kind, volume: volume, volumeAlert: s.kpis.volumeAlert.fraction, growthPerDay: perDay,
                        alertDate: summary?.alertDate, lead: lead, window: window(lead: lead, cycle: 0)))
            }
            let floor = growthFloorShare * (w.volume?.bytes ?? w.size.bytes)
            let factor: Double
            let offset: Double
            switch w.growth {
            case .absolute(let g):
                factor = 0
                offset = ((1 + growthMargin) * Swift.max(g, 0) + floor) / 86_400
            case .relative(let p, let period):
                factor = (1 + growthMargin) * Swift.max(dailyFactor(p, period) - 1, 0) / 86_400
                offset = floor / 86_400
            }
            growth.append(GrowthAbovePlan(workload: w.name, kind: w.kind, planned: w.growth, factor: factor, offset: offset, floorPerDay: floor))
        }
        return AlertThresholds(scenario: s.name, backups: backups, wal: wal, targets: targets, volumes: volumes, growth: growth)
    }

    /// The longest time between two consecutive fire times of `schedule`, seconds, over
    /// `gapWindowDays` from `start` (at most 100,000 runs: a denser schedule's gaps repeat
    /// within them); the whole window when it fires fewer than twice.
    ///
    /// `0 3 * * *` gives 86,400; `0 4 1 * *` gives 31 days (2,678,400).
    public static func longestGap(_ schedule: CronSchedule, start: CivilDate) -> Double {
        let window = Int64(gapWindowDays) * 86_400
        let fires = schedule.fireTimes(start: start, horizonSeconds: window, limit: 100_000).map(Double.init)
        return JobSchedules.longestGap(fires, horizon: Double(window))
    }

    /// `(1 + p)^(1/P)`: the daily growth factor of a relative rate.
    static func dailyFactor(_ p: Double, _ period: Double) -> Double {
        ((1 + p).logarithm / Swift.max(period, 1e-9)).exponential
    }

    /// Bytes per day a rate adds at `size` bytes.
    static func growthPerDay(_ r: Rate, at size: Double) -> Double {
        switch r {
        case .absolute(let g): return g
        case .relative(let p, let period): return size * (dailyFactor(p, period) - 1)
        }
    }

    /// The largest WAL of one day over the horizon, bytes per day.
    static func peakWALPerDay(_ w: Workload, horizonDays: Int) -> Double {
        let model = WorkloadModel(w)
        var peak = 0.0
        for day in 0..<Swift.max(horizonDays, 1) {
            peak = Swift.max(peak, model.wal(Double(day) * 86_400, Double(day + 1) * 86_400))
        }
        return peak
    }

    /// The time `headroom` bytes last at `perDay`, clamped to `leadBounds`; the upper bound
    /// when nothing grows.
    static func leadTime(headroom: Double, perDay: Double) -> Double {
        guard perDay > 0 else { return leadBounds.1 }
        return Swift.min(Swift.max(headroom / perDay * 86_400, leadBounds.0), leadBounds.1)
    }

    /// A `predict_linear` window: a quarter of the lead and one whole `cycle`, clamped to
    /// `windowBounds`, rounded up to an hour.
    static func window(lead: Double, cycle: Double) -> Double {
        let w = Swift.min(Swift.max(Swift.max(lead / 4, cycle), windowBounds.0), windowBounds.1)
        return (w / 3_600).rounded(.up) * 3_600
    }
}
