/// A validated scenario (scenario.md, version 1): what is protected, how it is backed up,
/// where backups land and what the plan must meet.
///
/// Every collection is sorted by name, so iteration order (and so output order) never
/// depends on the order of keys in the file.
public struct Scenario: Sendable, Hashable {
    /// `version`: 1, or 2 for the rules of model.md "Version 2".
    public var version: Int
    public var name: String
    public var description: String?
    /// Day 0 of the simulation (00:00 UTC).
    public var start: CivilDate
    /// Whole days simulated, `H` of model.md (1 … 36,500).
    public var horizonDays: Int
    public var currency: String
    public var workloads: [Workload]
    public var cnpg: [CNPGJob]
    public var velero: [VeleroJob]
    public var longhorn: [LonghornJob]
    public var targets: [Target]
    public var restore: RestoreSpeeds
    public var kpis: KPILimits
    /// Version 2: scheduled restore tests, sorted by name.
    public var drills: [Drill]
    /// Version 2: the faults, sorted by name.
    public var faults: [Fault]
    /// Version 2: the file uses a fault key (`faults`, even empty, `wal_volume`,
    /// `max_wal_size`, `kpis.success_rate`, `kpis.wal_tolerance`): the outputs gain
    /// `faults.csv` and the fault KPI rows (cli.md).
    public var hasFaultKeys: Bool

    public init(
        version: Int = ScenarioDefaults.version, name: String, description: String? = nil, start: CivilDate, horizonDays: Int,
        currency: String = ScenarioDefaults.currency,
        workloads: [Workload], cnpg: [CNPGJob] = [], velero: [VeleroJob] = [], longhorn: [LonghornJob] = [],
        targets: [Target], restore: RestoreSpeeds = RestoreSpeeds(), kpis: KPILimits = KPILimits(),
        drills: [Drill] = [], faults: [Fault] = [], hasFaultKeys: Bool = false
    ) {
        self.version = version
        self.name = name
        self.description = description
        self.start = start
        self.horizonDays = horizonDays
        self.currency = currency
        self.workloads = workloads.sorted { $0.name < $1.name }
        self.cnpg = cnpg.sorted { $0.name < $1.name }
        self.velero = velero.sorted { $0.name < $1.name }
        self.longhorn = longhorn.sorted { $0.name < $1.name }
        self.targets = targets.sorted { $0.name < $1.name }
        self.restore = restore
        self.kpis = kpis
        self.drills = drills.sorted { $0.name < $1.name }
        self.faults = faults.sorted { $0.name < $1.name }
        self.hasFaultKeys = hasFaultKeys || !faults.isEmpty
    }
}
