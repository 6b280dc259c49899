/// KPIs, target and workload summaries (model.md "KPIs"; cli.md kpis.csv), from the
/// trackers of the day loop.
extension Prepared {
    /// The result of the run: the KPI rows in kpis.csv order (`monthly_budget`, `rpo`, `rto`,
    /// `efficiency`, `capacity_alert`, `capacity_full`, `volume_alert`, `volume_full`), the
    /// summaries, and the warnings (the static ones, then the volumes outgrown).
    func summarize(_ trackers: KPITrackers, lastDay state: DayState) -> SimulationResult {
        let s = scenario
        let capacity = trackers.capacity.results(s)
        var kpis: [KPIRow] = []
        kpis.reserveCapacity(8 + 4 * s.workloads.count + 2 * s.targets.count + (state.faults == nil ? 0 : 4 * s.workloads.count))
        kpis.append(trackers.costs.budgetRow(limit: s.kpis.monthlyBudget?.amount, start: s.start))
        kpis += rpoRows()
        kpis += trackers.rto.kpiRows(s, ranYet: state.ranYet)
        kpis.append(trackers.efficiency.kpiRow(start: s.start))
        if let drills = state.drills { kpis.append(drills.kpiRow(limit: s.kpis.mttr?.value)) }
        if let faults = state.faults { kpis += faults.kpiRows(s) }
        kpis += capacity.kpis
        kpis += trackers.volumes.kpiRows(s)

        let monthly = trackers.costs.rows
        let totals = monthly.filter { $0.target == "total" }
        var result = SimulationResult(
            scenarioName: s.name, currency: s.currency, start: s.start, horizonDays: s.horizonDays, monthly: monthly,
            kpis: kpis, targets: capacity.targets, workloads: trackers.volumes.summaries(s),
            jobs: trackers.jobs.summaries(horizonDays: s.horizonDays, lastDay: state.rows.jobs),
            warnings: warnings.map { $0 + Checks.volumeWarnings(s, fullDays: trackers.volumes.full) } ?? [],
            totalCost: Money(totals.reduce(0) { $0 + $1.totalCost.amount }),
            peakMonthlyCost: Money(totals.map(\.totalCost.amount).max() ?? 0),
            jobDays: (s.cnpg.count + s.velero.count + s.longhorn.count) * s.horizonDays, drills: state.drills?.rows ?? [],
            version: s.version)
        result.hasFaults = state.faults != nil
        result.jobCosts = trackers.costs.jobRows
        return result
    }

    /// One `rpo` row per workload: known before the first day, so it fails from the start
    /// date when it fails at all.
    func rpoRows() -> [KPIRow] {
        let s = scenario
        return s.workloads.indices.map { i in
            var row = KPIRow(kpi: .rpo, subject: s.workloads[i].name, limit: s.kpis.rpo?.value, worst: rpo[i], unit: .seconds, status: .info)
            if let limit = s.kpis.rpo?.value {
                row.status = rpo[i] > limit ? .fail : .pass
                if row.status == .fail { row.firstFailure = s.start }
            }
            return row
        }
    }
}

extension KPIRow {
    /// A row without a first failure.
    init(kpi: KPIKind, subject: String, limit: Double?, worst: Double?, unit: KPIUnit, status: KPIStatus) {
        self.init(kpi: kpi, subject: subject, limit: limit, worst: worst, unit: unit, status: status, firstFailure: nil)
    }
}
