/// Why a cron expression was rejected.
public struct CronError: Error, Sendable, Hashable {
    /// Lowercase, no final period: `expected 5 fields (minute hour day-of-month month day-of-week), found 4`.
    public var message: String
    public var suggestion: String?
    public init(_ message: String, suggestion: String? = nil) {
        self.message = message
        self.suggestion = suggestion
    }
}
