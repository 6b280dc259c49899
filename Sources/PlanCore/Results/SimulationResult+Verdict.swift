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
}
