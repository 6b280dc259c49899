/// A parsed cron schedule, read as the tool that runs the job reads it (scenario.md "cron",
/// model.md "Time"). STUB: to be implemented.
public struct CronSchedule: Sendable, Hashable {
    /// The text as written in the scenario.
    public var text: String
    public var dialect: CronDialect

    /// Parses `text` as `dialect` reads it.
    public static func parse(_ text: String, dialect: CronDialect) -> Result<CronSchedule, CronError> {
        .success(CronSchedule(text: text, dialect: dialect))
    }

    /// For a CNPG schedule written with 5 fields: the warning of model.md, saying what it
    /// really means and the 6-field form that was probably meant; otherwise `nil`.
    public var cnpgFiveFieldWarning: String? { nil }

    /// Every fire time in `[0, horizonSeconds)`, in seconds since 00:00 UTC of `start`,
    /// ascending. Stops after `limit + 1` times so that a caller can tell the limit was passed.
    public func fireTimes(start: CivilDate, horizonSeconds: Int64, limit: Int) -> [Int64] {
        []
    }
}

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
