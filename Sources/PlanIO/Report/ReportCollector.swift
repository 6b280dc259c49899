import PlanCore

/// The series a report draws, collected day by day as the engine produces them, in memory
/// bounded by `maximumPoints` per series whatever the horizon.
///
/// A horizon of at most `maximumPoints` days keeps every day. A longer one is cut into
/// buckets of `bucketDays` consecutive days (`⌈H / maximumPoints⌉`), and each bucket keeps
/// one day: the day with the largest value (the first of equal ones), so a peak is never
/// lost. For a target, that is the day its used bytes peak, with every job's stored bytes
/// of that same day, so the stacked jobs still add up to the target's used bytes.
public struct ReportCollector: SimulationSink {
    /// Points per series a report draws at most.
    public static let maximumPoints = 1_000

    public private(set) var data: ReportData
    /// Per target: per series, the value rows (`JobRowKey.source`) whose stored bytes it sums.
    private var sources: [[[Int]]] = []

    /// `horizonDays` is the scenario's horizon, which sets the bucket size.
    public init(horizonDays: Int, maximumPoints: Int = ReportCollector.maximumPoints) {
        let points = max(1, maximumPoints)
        data = ReportData(
            horizonDays: horizonDays, bucketDays: max(1, (horizonDays + points - 1) / points),
            targets: [], workloads: [])
    }

    public mutating func begin(_ layout: RowLayout) {
        sources = []
        data.targets = layout.targets.map { t in
            // One series per job (and per replicated job) on this target, in daily.csv order.
            var names: [String] = []
            var rows: [[Int]] = []
            for key in layout.jobRows where key.target == t.name {
                let name = key.isReplica ? key.job + " (replica)" : key.job
                if let i = names.firstIndex(of: name) {
                    rows[i].append(key.source)
                } else {
                    names.append(name)
                    rows.append([key.source])
                }
            }
            sources.append(rows)
            return TargetSeries(target: t, jobs: names, samples: [])
        }
        data.workloads = layout.workloads.map { WorkloadSeries(workload: $0, protected: false, size: [], rto: []) }
    }

    public mutating func day(_ rows: DayRows) {
        let k = data.bucketDays
        let bucket = rows.day / k
        for t in data.targets.indices {
            let used = rows.targetUsed[t]
            let isNewBucket = data.targets[t].samples.last.map { $0.day / k != bucket } ?? true
            guard isNewBucket || used > data.targets[t].samples[data.targets[t].samples.count - 1].used else { continue }
            let jobs = sources[t].map { series in series.reduce(0.0) { $0 + rows.jobs[$1].stored } }
            let sample = TargetSample(day: rows.day, used: used, jobs: jobs)
            if isNewBucket {
                data.targets[t].samples.append(sample)
            } else {
                data.targets[t].samples[data.targets[t].samples.count - 1] = sample
            }
        }
        for w in data.workloads.indices {
            let v = rows.workloads[w]
            ReportCollector.keepLargest(&data.workloads[w].size, DaySample(day: rows.day, value: v.size), bucketDays: k)
            if let rto = v.rto {
                data.workloads[w].protected = true
                ReportCollector.keepLargest(&data.workloads[w].rto, DaySample(day: rows.day, value: rto), bucketDays: k)
            }
        }
    }

    /// Appends `sample` as its bucket's first day, or puts it in place of the bucket's
    /// day when it is larger.
    static func keepLargest(_ samples: inout [DaySample], _ sample: DaySample, bucketDays k: Int) {
        if let last = samples.last, last.day / k == sample.day / k {
            if sample.value > last.value { samples[samples.count - 1] = sample }
        } else {
            samples.append(sample)
        }
    }
}
