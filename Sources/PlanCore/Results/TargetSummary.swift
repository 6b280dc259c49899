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
