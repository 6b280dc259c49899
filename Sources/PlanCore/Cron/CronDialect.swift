/// How a cron expression is read (scenario.md "cron").
public enum CronDialect: Sendable, Hashable {
    /// Velero and Longhorn: 5 fields, `minute hour day-of-month month day-of-week`.
    case standard
    /// CNPG ScheduledBackup: seconds first; 6 fields, or 5 with any day of the week.
    case cnpg
}
