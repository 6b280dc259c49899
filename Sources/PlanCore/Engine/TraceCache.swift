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
        /// The job's peak and uploads over its first `rows` rows (its own-target rows, in
        /// `JobTracker`'s order), summed as `JobTracker.record` sums them day by day: a run
        /// that copies every job takes them from here instead of summing its days again.
        var own: OwnTotals? = nil

        struct OwnTotals: Sendable {
            var rows: Int
            var peak: Double
            var uploaded: Double
        }
        /// The memory the trace takes, bytes.
        var bytes: Int { values.count * MemoryLayout<JobDayValues>.stride + rto.count * 8 + ran.count }
    }

    /// Every workload's size and WAL at the end of each day, shared by the variants that
    /// change no workload, start or horizon (model.md "Workloads": a pure function of those).
    struct WorkloadDays: Sendable {
        /// `workloads × days` sizes at the day's end, bytes, day-major.
        var size: [Double]
        /// `workloads × days` WAL written during the day, bytes (0 but for `postgres`), day-major.
        var wal: [Double]
        /// The sizes recorded day by day, as the day loop records them, with the
        /// `volume_alert` share of the run that computed them: a run with the same share
        /// takes the peaks and the alert and full days from here.
        var volumes: VolumeTracker
        var bytes: Int { (size.count + wal.count) * 8 }
    }

    /// What a `WorkloadDays` depends on.
    struct WorkloadKey: Hashable, Sendable {
        var workloads: [Workload]
        var start: CivilDate
        var horizonDays: Int
    }

    private let state: Mutex<(entries: [TraceKey: Entry], workloads: [WorkloadKey: WorkloadDays], bytes: Int)>
    /// The most bytes of traces kept.
    public let budget: Int

    /// A cache that keeps at most `budget` bytes of traces.
    public init(budget: Int = 512 << 20) {
        self.budget = budget
        state = Mutex(([:], [:], 0))
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

    /// The workload days of `key`, if kept.
    func workloadDays(_ key: WorkloadKey) -> WorkloadDays? { state.withLock { $0.workloads[key] } }

    /// Keeps `days` for `key`, unless they are kept or would exceed the budget.
    func insert(_ key: WorkloadKey, _ days: WorkloadDays) {
        state.withLock { s in
            guard s.workloads[key] == nil, s.bytes + days.bytes <= budget else { return }
            s.workloads[key] = days
            s.bytes += days.bytes
        }
    }

    /// How many job traces are kept.
    public var count: Int { state.withLock { $0.entries.count } }

    /// How many tables of workload days are kept.
    var workloadDaysCount: Int { state.withLock { $0.workloads.count } }
}

/// One worker's lookups in a shared `TraceCache`: it remembers the entries the previous run
/// found, by job position, so a run whose jobs are mostly the previous run's (consecutive
/// variants of a sweep differ in the fastest-varying value) finds them by comparing keys,
/// without hashing them and without the cache's lock. Not shared between threads.
public final class TraceSession {
    public let cache: TraceCache
    /// Per job position: the last key found and its entry.
    private var recent: [(key: TraceKey, entry: TraceCache.Entry)?] = []
    /// The last workload days found.
    private var recentDays: (key: TraceCache.WorkloadKey, days: TraceCache.WorkloadDays)?
    /// How many of this session's runs read their days' sums straight from the traces
    /// (`Prepared.summaryDays`): what the tests check the fast path by.
    var summaryRuns = 0

    public init(_ cache: TraceCache) { self.cache = cache }

    /// The trace of `key`, job `j` of the run (loop order), if kept.
    func entry(_ key: TraceKey, job j: Int) -> TraceCache.Entry? {
        if j < recent.count, let r = recent[j], r.key == key { return r.entry }
        guard let entry = cache.entry(key) else { return nil }
        if j >= recent.count { recent += Array(repeating: nil, count: j + 1 - recent.count) }
        recent[j] = (key, entry)
        return entry
    }

    /// The workload days of `key`, if kept.
    func workloadDays(_ key: TraceCache.WorkloadKey) -> TraceCache.WorkloadDays? {
        if let r = recentDays, r.key == key { return r.days }
        guard let days = cache.workloadDays(key) else { return nil }
        recentDays = (key, days)
        return days
    }
}

/// Everything a job's daily rows depend on.
struct TraceKey: Hashable, Sendable {
    enum Job: Hashable, Sendable {
        /// `snapshotReplicas`: those of the `snapshot_target` when the job has snapshot rows.
        case longhorn(LonghornJob, replicas: Int, snapshotReplicas: Double?)
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
