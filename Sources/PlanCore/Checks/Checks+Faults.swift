/// The warnings about faults (scenario.md `faults.NAME`: a window outside the horizon is a
/// warning, not an error, so that `--start` and `--horizon` overrides keep a file valid).
extension Checks {
    /// A fault whose window `[from, until)` lies wholly outside the horizon `[0, 86400·H)`
    /// (`horizon`, seconds): it never takes effect. A window without an end reaches every
    /// day from `from` on.
    static func faultWarnings(_ s: Scenario, horizon: Double) -> [String] {
        s.faults.compactMap { f in
            let end = f.until ?? .infinity
            guard end <= 0 || f.from >= horizon else { return nil }
            let from = Format.dateTime(start: s.start, seconds: f.from)
            let window = f.until.map { "[\(from), \(Format.dateTime(start: s.start, seconds: $0)))" } ?? "from \(from) on"
            let last = s.start.adding(days: s.horizonDays - 1)
            return "faults.\(f.name): its window \(window) lies wholly outside the horizon (\(s.start) to \(last)): the fault never takes effect"
        }
    }
}
