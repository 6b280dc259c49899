public enum KPIKind: String, Sendable, Hashable, CaseIterable {
    case monthlyBudget = "monthly_budget"
    case rpo, rto, efficiency, mttr
    case successRate = "success_rate"
    case walVolumeFull = "wal_volume_full"
    case walTolerance = "wal_tolerance"
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
