/// Instants in UTC written back in scenario syntax (`faults.NAME.from`, `until`).
extension Format {
    /// `2026-03-01` for a midnight, else `2026-03-01T06:00:00Z`; `second` is the second of
    /// `date`, 0 … 86399.
    public static func dateTime(_ date: CivilDate, second: Int) -> String {
        guard second != 0 else { return date.description }
        return date.description + "T" + pad(second / 3_600, 2) + ":" + pad(second / 60 % 60, 2) + ":" + pad(second % 60, 2) + "Z"
    }

    /// The instant `seconds` after 00:00 UTC of `start` (negative: before it), rounded down
    /// to the second, as `dateTime(_:second:)` writes it.
    public static func dateTime(start: CivilDate, seconds: Double) -> String {
        let whole = Int64(seconds.rounded(.down))
        let days = whole >= 0 ? whole / 86_400 : -((-whole + 86_399) / 86_400)
        return dateTime(start.adding(days: Int(days)), second: Int(whole - days * 86_400))
    }
}
