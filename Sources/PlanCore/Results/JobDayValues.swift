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
