/// What a simulation produces: the static layout of its daily rows, the rows of each day
/// (streamed to a `SimulationSink`, never all held), and the summary (months, KPIs,
/// targets, warnings) that is small enough to keep.

/// A backup tier, as `daily.csv` names it.
public enum Tier: String, Sendable, Hashable, Comparable {
    case cnpg, velero, longhorn
    public static func < (a: Tier, b: Tier) -> Bool { a.rawValue < b.rawValue }
}

/// The fixed part of one `daily.csv` row: which job, volume and target it describes.
public struct JobRowKey: Sendable, Hashable {
    /// `TIER/NAME`.
    public var job: String
    public var tier: Tier
    public var target: String
    /// The volume's workload; empty for a Velero resources row.
    public var workload: String
    /// Index into `DayRows.jobs` of the values this row shows (a replica row repeats the
    /// values of its original).
    public var source: Int
    /// True for the copy under a target that `replicates` the job.
    public var isReplica: Bool
}

/// One job row's values at a day's end (model.md; `daily.csv` columns).
public struct JobDayValues: Sendable, Hashable {
    public var restorePoints: Double = 0
    /// Bytes stored (after compression).
    public var stored: Double = 0
    /// The same bytes before compression.
    public var raw: Double = 0
    /// Stored bytes written by the day's runs.
    public var uploaded: Double = 0
    public var objects: Double = 0
    public var putRequests: Double = 0
    public init() {}
}

/// One `workloads.csv` row's values.
public struct WorkloadDayValues: Sendable, Hashable {
    /// End-of-day size, bytes.
    public var size: Double = 0
    /// WAL generated that day (postgres only), bytes.
    public var wal: Double? = nil
    /// The day's RTO in seconds (`.infinity`: no restore possible yet); `nil` when no job protects it.
    public var rto: Double? = nil
    public init() {}
}

/// The static layout of the daily rows, in `daily.csv` order.
public struct RowLayout: Sendable {
    /// Sorted by job, target, workload (empty first): the order of `daily.csv` within a day.
    public var jobRows: [JobRowKey]
    /// Workloads sorted by name.
    public var workloads: [Workload]
    /// Targets sorted by name.
    public var targets: [Target]
    public init(jobRows: [JobRowKey], workloads: [Workload], targets: [Target]) {
        self.jobRows = jobRows
        self.workloads = workloads
        self.targets = targets
    }
}

/// The rows of one simulated day. Arrays are indexed as in `RowLayout` (`jobs` by
/// `JobRowKey.source`).
public struct DayRows: Sendable {
    public var day: Int
    public var date: CivilDate
    public var jobs: [JobDayValues]
    public var workloads: [WorkloadDayValues]
    /// Used bytes per target at the day's end.
    public var targetUsed: [Double]
}

/// Receives the rows as the engine produces them, one day at a time.
public protocol SimulationSink {
    mutating func begin(_ layout: RowLayout)
    mutating func day(_ rows: DayRows)
}

/// A sink that keeps nothing (benchmarks, summaries only).
public struct NullSink: SimulationSink {
    public init() {}
    public mutating func begin(_ layout: RowLayout) {}
    public mutating func day(_ rows: DayRows) {}
}

/// One `monthly.csv` row.
public struct MonthlyRow: Sendable, Hashable {
    /// `YYYY-MM`.
    public var month: String
    /// A target name, or `total`.
    public var target: String
    public var days: Int
    public var fixedCost: Money
    public var storageCost: Money
    public var requestCost: Money
    public var totalCost: Money
    public var gbMonths: Double
    public var putRequests: Double

    public init(
        month: String, target: String, days: Int, fixedCost: Money, storageCost: Money, requestCost: Money,
        totalCost: Money, gbMonths: Double, putRequests: Double
    ) {
        self.month = month
        self.target = target
        self.days = days
        self.fixedCost = fixedCost
        self.storageCost = storageCost
        self.requestCost = requestCost
        self.totalCost = totalCost
        self.gbMonths = gbMonths
        self.putRequests = putRequests
    }
}

public enum KPIKind: String, Sendable, Hashable, CaseIterable {
    case monthlyBudget = "monthly_budget"
    case rpo, rto, efficiency
    case capacityAlert = "capacity_alert"
    case capacityFull = "capacity_full"
    case volumeAlert = "volume_alert"
    case volumeFull = "volume_full"
}

public enum KPIUnit: String, Sendable, Hashable {
    case money, seconds, share, bytes
}

public enum KPIStatus: String, Sendable, Hashable {
    case pass, fail, info
}

/// One `kpis.csv` row.
public struct KPIRow: Sendable, Hashable {
    public var kpi: KPIKind
    public var subject: String
    public var limit: Double?
    /// `nil`: nothing to report (an efficiency with nothing ever stored).
    public var worst: Double?
    public var unit: KPIUnit
    public var status: KPIStatus
    public var firstFailure: CivilDate?

    public init(
        kpi: KPIKind, subject: String, limit: Double?, worst: Double?, unit: KPIUnit, status: KPIStatus,
        firstFailure: CivilDate?
    ) {
        self.kpi = kpi
        self.subject = subject
        self.limit = limit
        self.worst = worst
        self.unit = unit
        self.status = status
        self.firstFailure = firstFailure
    }
}

/// Per target: the figures of the summary table.
public struct TargetSummary: Sendable, Hashable {
    public var name: String
    public var kind: TargetKind
    public var usable: ByteCount?
    public var peakUsed: ByteCount
    public var peakDate: CivilDate?
    public var alertDate: CivilDate?
    public var fullDate: CivilDate?
    /// Raw capacity needed to stay under the alert level for the whole horizon
    /// (`peak / alert`, and for MinIO `× drives / (drives − parity)`); `nil` for S3.
    public var neededCapacity: ByteCount?

    public init(
        name: String, kind: TargetKind, usable: ByteCount?, peakUsed: ByteCount, peakDate: CivilDate?,
        alertDate: CivilDate?, fullDate: CivilDate?, neededCapacity: ByteCount?
    ) {
        self.name = name
        self.kind = kind
        self.usable = usable
        self.peakUsed = peakUsed
        self.peakDate = peakDate
        self.alertDate = alertDate
        self.fullDate = fullDate
        self.neededCapacity = neededCapacity
    }
}

/// Per workload: the figures of the summary.
public struct WorkloadSummary: Sendable, Hashable {
    public var name: String
    public var peakSize: ByteCount
    public var volume: ByteCount?
    public var alertDate: CivilDate?
    public var fullDate: CivilDate?

    public init(name: String, peakSize: ByteCount, volume: ByteCount?, alertDate: CivilDate?, fullDate: CivilDate?) {
        self.name = name
        self.peakSize = peakSize
        self.volume = volume
        self.alertDate = alertDate
        self.fullDate = fullDate
    }
}

/// Per job: what it stores and uploads (the figures a design document guesses).
public struct JobSummary: Sendable, Hashable {
    /// `TIER/NAME`.
    public var job: String
    public var target: String
    /// The largest stored bytes at a day's end, all its rows on its own target.
    public var peakStored: ByteCount
    /// Stored bytes uploaded over the horizon, divided by its days.
    public var meanDailyUpload: ByteCount
    /// Restore points at the end of the horizon (the fewest over its rows).
    public var finalRestorePoints: Int

    public init(job: String, target: String, peakStored: ByteCount, meanDailyUpload: ByteCount, finalRestorePoints: Int) {
        self.job = job
        self.target = target
        self.peakStored = peakStored
        self.meanDailyUpload = meanDailyUpload
        self.finalRestorePoints = finalRestorePoints
    }
}

/// Everything a simulation reports besides the daily rows.
public struct SimulationResult: Sendable {
    public var scenarioName: String
    public var currency: String
    public var start: CivilDate
    public var horizonDays: Int
    public var monthly: [MonthlyRow]
    public var kpis: [KPIRow]
    public var targets: [TargetSummary]
    public var workloads: [WorkloadSummary]
    /// In `daily.csv` job order.
    public var jobs: [JobSummary]
    public var warnings: [String]
    /// Sum of every month's total over the horizon.
    public var totalCost: Money
    /// The largest month total (unscaled).
    public var peakMonthlyCost: Money
    /// Job-days simulated (jobs × days), for the benchmark.
    public var jobDays: Int

    public init(
        scenarioName: String, currency: String, start: CivilDate, horizonDays: Int, monthly: [MonthlyRow],
        kpis: [KPIRow], targets: [TargetSummary], workloads: [WorkloadSummary], jobs: [JobSummary],
        warnings: [String], totalCost: Money, peakMonthlyCost: Money, jobDays: Int
    ) {
        self.scenarioName = scenarioName
        self.currency = currency
        self.start = start
        self.horizonDays = horizonDays
        self.monthly = monthly
        self.kpis = kpis
        self.targets = targets
        self.workloads = workloads
        self.jobs = jobs
        self.warnings = warnings
        self.totalCost = totalCost
        self.peakMonthlyCost = peakMonthlyCost
        self.jobDays = jobDays
    }
}
