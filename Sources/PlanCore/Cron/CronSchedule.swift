/// A parsed cron schedule, read as the tool that runs the job reads it (scenario.md "cron",
/// model.md "Time").
///
/// The tools (Velero, Longhorn, CNPG) all use the Go library robfig/cron v3, so this type
/// follows it: each field is a bit set, `*` and `?` mark a field as unrestricted, and a day
/// matches when day-of-month *or* day-of-week matches if both are restricted, otherwise
/// when both match. All times are UTC.
///
/// - `.standard` (Velero, Longhorn): 5 fields `minute hour day-of-month month day-of-week`,
///   firing at second 0 of each matching minute.
/// - `.cnpg`: seconds first, 6 fields `second minute hour day-of-month month day-of-week`,
///   or 5 fields `second minute hour day-of-month month` with any day of the week.
/// - Both: `@yearly @annually @monthly @weekly @daily @midnight @hourly`, `@every DURATION`,
///   and plan's own `never` (scenario.md: no run at all).
public struct CronSchedule: Sendable, Hashable {
    /// The text as written in the scenario.
    public private(set) var text: String
    public private(set) var dialect: CronDialect
    /// What the text means, as bit sets or a fixed interval.
    var rule: Rule

    /// The meaning of a schedule.
    enum Rule: Sendable, Hashable {
        /// A field-based schedule (including the `@daily` family of descriptors).
        case fields(CronFields)
        /// `@every D`: fires at `0, D, 2D, …` seconds (model.md "Time"); `D ≥ 1`.
        case every(seconds: Int64)
        /// `never`: no run at all (a CNPG cluster that archives WAL without a ScheduledBackup).
        case never
    }

    init(text: String, dialect: CronDialect, rule: Rule) {
        self.text = text
        self.dialect = dialect
        self.rule = rule
    }

    /// Parses `text` as `dialect` reads it.
    ///
    /// Errors are lowercase, name the field and quote the offending value:
    /// `day-of-week: '7' is out of range 0-6 (0 = sunday)`.
    public static func parse(_ text: String, dialect: CronDialect) -> Result<CronSchedule, CronError> {
        CronParser.parse(text, dialect: dialect).map { CronSchedule(text: text, dialect: dialect, rule: $0) }
    }

    /// For a CNPG schedule written with 5 fields: the warning of model.md, saying what it
    /// really means and the 6-field form that was probably meant; otherwise `nil`.
    ///
    /// `'0 2 * * *' is read by CNPG seconds first: second 0 of minute 2 of every hour (24 base
    /// backups a day); for 02:00 every day write '0 0 2 * * *'`. There is no warning when
    /// the 5 fields are not a valid `minute hour day-of-month month day-of-week` line (such
    /// as `0 30 2 * *`, hour 30): then seconds first is the only reading and was meant.
    /// True for `never`: the job is never run.
    public var isNever: Bool { rule == .never }

    public var cnpgFiveFieldWarning: String? {
        guard dialect == .cnpg, case .fields(let fields) = rule else { return nil }
        let words = CronParser.words(of: text)
        guard words.count == 5 else { return nil }
        return CronWarning.cnpgFiveFields(words: words, actual: fields)
    }

    /// Every fire time in `[0, horizonSeconds)`, in seconds since 00:00 UTC of `start`,
    /// ascending. Stops after `limit + 1` times so that a caller can tell the limit was passed.
    ///
    /// A schedule that can never fire (`0 0 30 2 *`, February 30) returns no times at once.
    ///
    /// - Complexity: O(months in the horizon + fire times returned); no minute or second is
    ///   visited unless it fires.
    public func fireTimes(start: CivilDate, horizonSeconds: Int64, limit: Int) -> [Int64] {
        let cap = limit == Int.max ? Int.max : Swift.max(limit, -1) + 1
        guard horizonSeconds > 0 else { return [] }
        switch rule {
        case .every(let interval):
            return CronSearch.every(interval: interval, horizonSeconds: horizonSeconds, cap: cap)
        case .fields(let fields):
            return CronSearch.fireTimes(of: fields, start: start, horizonSeconds: horizonSeconds, cap: cap)
        case .never:
            return []
        }
    }
}
