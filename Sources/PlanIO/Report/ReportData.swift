import PlanCore

/// What `ReportCollector` keeps: per target and per workload, one sample per bucket.
public struct ReportData: Sendable {
    /// Days simulated, `H`.
    public var horizonDays: Int
    /// Consecutive days one sample stands for (1: every day is kept).
    public var bucketDays: Int
    /// In the order of `RowLayout.targets`.
    public var targets: [TargetSeries]
    /// In the order of `RowLayout.workloads`.
    public var workloads: [WorkloadSeries]

    /// True when samples stand for more than one day.
    public var isDownsampled: Bool { bucketDays > 1 }

    /// The days `[from, to)` that the sample of `day` stands for.
    public func bucket(of day: Int) -> (from: Int, to: Int) {
        let from = day / bucketDays * bucketDays
        return (from, min(from + bucketDays, horizonDays))
    }
}

/// A value at one day's end.
public struct DaySample: Sendable, Hashable {
    /// Day index `d` (0 is the start date).
    public var day: Int
    public var value: Double
}

/// A target's used bytes on one day and, in the order of `TargetSeries.jobs`, the stored
/// bytes of each job that makes them up.
public struct TargetSample: Sendable, Hashable {
    public var day: Int
    /// Bytes used at the day's end (`targets.csv` `used_bytes`).
    public var used: Double
    /// Bytes stored per job, summed over its volumes (`daily.csv` `stored_bytes`).
    public var jobs: [Double]
}

/// One target's chart data.
public struct TargetSeries: Sendable {
    public var target: Target
    /// Series names: `TIER/NAME`, with ` (replica)` for a job this target replicates.
    public var jobs: [String]
    public var samples: [TargetSample]
}

/// One workload's chart data (`workloads.csv`).
public struct WorkloadSeries: Sendable {
    public var workload: Workload
    /// True when a job protects it (it has an RTO).
    public var protected: Bool
    /// End-of-day size, bytes.
    public var size: [DaySample]
    /// RTO in seconds (`.infinity` before a restore is possible); empty when not protected.
    public var rto: [DaySample]
}
