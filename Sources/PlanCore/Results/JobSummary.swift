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
