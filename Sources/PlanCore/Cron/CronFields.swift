/// The bit sets of one cron line, as robfig/cron v3 holds them (its `SpecSchedule`).
struct CronFields: Sendable, Hashable {
    /// Bits 0–59.
    var seconds: UInt64
    /// Bits 0–59.
    var minutes: UInt64
    /// Bits 0–23.
    var hours: UInt64
    /// Bits 1–31.
    var daysOfMonth: UInt64
    /// Bits 1–12.
    var months: UInt64
    /// Bits 0–6, 0 = Sunday.
    var daysOfWeek: UInt64
    /// Day-of-month was `*` or `?` with no step or step 1 (Go's `starBit`).
    var daysOfMonthUnrestricted: Bool
    /// Day-of-week was `*` or `?` with no step or step 1 (Go's `starBit`).
    var daysOfWeekUnrestricted: Bool
}
