/// The verdict of a run, derived from its KPI rows: written once here and read by the
/// summary, the report, `plan report`'s line and `--fail-on-kpi`.
extension SimulationResult {
    /// The failing KPI rows, the earliest first failure first; ties keep the order of the
    /// KPI table (kpis.csv). A failing row without a date sorts as the start date.
    ///
    /// - Complexity: O(k log k) for k KPI rows.
    public var failingKPIs: [KPIRow] {
        kpis.enumerated().filter { $0.element.status == .fail }.sorted {
            ($0.element.firstFailure ?? start, $0.offset) < ($1.element.firstFailure ?? start, $1.offset)
        }.map(\.element)
    }

    /// The KPI that fails first (see `failingKPIs`), or nil when none fails.
    public var firstFailingKPI: KPIRow? { failingKPIs.first }

    /// How many KPI rows are checks: rows with a limit, passing or failing (not `info`).
    public var kpiCheckCount: Int { kpis.filter { $0.status != .info }.count }

    /// One notice per target that fills up (issue 14): from its full date on, the figures
    /// are what the plan would store, not what the target can hold, and nothing else on the
    /// page says so beyond the failed capacity KPI. Empty when no target fills.
    public var overflowNotices: [String] {
        targets.compactMap { t in
            guard let full = t.fullDate, let usable = t.usable else { return nil }
            let share = usable.bytes > 0 ? Format.fixed(t.peakUsed.bytes / usable.bytes * 100, 0) + "%" : "—"
            var text =
                "\(t.name) is full on \(full): from then on its used bytes (peak \(Format.bytes(t.peakUsed.bytes)), \(share) of its \(Format.bytes(usable.bytes)) usable), its cost and the restore points of the jobs on it show what the plan would store; a full target refuses those uploads"
            if let need = t.neededCapacity { text += "; size it for \(Format.bytes(need.bytes)) raw, or keep less" }
            return text
        }
    }
}
