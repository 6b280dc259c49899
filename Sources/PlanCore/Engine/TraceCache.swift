import Synchronization

/// Per-job daily values shared by many simulations (the variants of a sweep): a job whose
/// own settings, workloads, restore speeds, start and horizon are the same in two
/// variants produces the same rows every day, whatever the other jobs, targets and KPIs
/// are, so it is simulated once and its days are copied afterwards.
///
/// Sound because a job's rows depend only on what `TraceKey` holds (model.md: jobs never
/// read each other's state; targets, costs and KPIs only read the jobs' rows). Safe to
/// share between threads; bounded by a byte budget, past which nothing more is kept.
public final class TraceCache: Sendable {
    /// One job's trace: its values, RTO offers and runs on every day of the horizon.
    struct Entry: Sendable {
        /// `rowCount × days` values, day-major.
        var values: [JobDayValues]
        /// `slots × days` RTO contributions (NaN: none that day), slot = the job's n-th protected workload.
        var rto: [Double]
        /// Per day: the job ran.
        var ran: [Bool]
        /// The memory the trace takes, bytes.
        var bytes: Int { values.count * MemoryLayout<JobDayValues>.stride + rto.count * 8 + ran.count }
    }

    private let state: Mutex<(entries: [TraceKey: Entry], bytes: Int)>
    /// The most bytes of traces kept.
    public let budget: Int

    /// A cache that keeps at most `budget` bytes of traces.
    public init(budget: Int = 512 << 20) {
        self.budget = budget
        state = Mutex(([:], 0))
    }

    /// The trace of `key`, if kept.
    func entry(_ key: TraceKey) -> Entry? { state.withLock { $0.entries[key] } }

    /// Keeps `entry` as the trace of `key`, unless one is kept or it would exceed the budget.
    func insert(_ key: TraceKey, _ entry: Entry) {
        state.withLock { s in
            guard s.entries[key] == nil, s.bytes + entry.bytes <= budget else { return }
            s.entries[key] = entry
            s.bytes += entry.bytes
        }
    }

    /// How many traces are kept.
    public var count: Int { state.withLock { $0.entries.count } }
}

/// Everything a job's daily rows depend on.
struct TraceKey: Hashable, Sendable {
    enum Job: Hashable, Sendable {
        case longhorn(LonghornJob, replicas: Int)
        case velero(VeleroJob)
        case cnpg(CNPGJob)
    }

    var job: Job
    /// The workloads the job reads, in the order of its volumes.
    var workloads: [Workload]
    var restore: RestoreSpeeds
    var start: CivilDate
    var horizonDays: Int
}
