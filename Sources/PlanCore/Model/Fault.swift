/// What goes wrong in a fault (model.md "Version 2: faults").
public enum FaultKind: String, Sendable, Hashable, CaseIterable {
    /// Scheduled runs of the job fail.
    case runsFail = "runs-fail"
    /// WAL archiving of a CNPG job is down: WAL is held in `pg_wal`, base backups fail.
    case archiveDown = "archive-down"
    /// The job deletes nothing.
    case retentionStops = "retention-stops"
    /// A `minio` or `s3` target is down: every effect above for the jobs on it.
    case targetDown = "target-down"
    /// Kopia maintenance of a Velero job does not run: volume data is not reclaimed.
    case maintenanceStops = "maintenance-stops"
}

/// `faults.NAME` (version 2): one what-if on a half-open window of simulation time.
public struct Fault: Sendable, Hashable {
    public var name: String
    public var kind: FaultKind
    /// The job, `TIER/NAME` (all kinds but `target-down`).
    public var job: String?
    /// The target (`target-down`).
    public var target: String?
    /// The window `[from, until)`, seconds since the start (00:00 UTC of `start`); `until`
    /// nil: for ever (`retention-stops`, `maintenance-stops` only).
    public var from: Double
    public var until: Double?

    public init(name: String, kind: FaultKind, job: String? = nil, target: String? = nil, from: Double, until: Double?) {
        self.name = name
        self.kind = kind
        self.job = job
        self.target = target
        self.from = from
        self.until = until
    }
}
