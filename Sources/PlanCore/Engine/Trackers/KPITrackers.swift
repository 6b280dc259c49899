/// Every tracker of the day loop: what the KPIs, the monthly costs and the summaries need
/// of each day, kept as the days pass so no day's rows are stored.
struct KPITrackers {
    var costs: CostTracker
    var rto: RTOTracker
    var volumes: VolumeTracker
    var capacity: CapacityTracker
    var jobs: JobTracker
    var efficiency: EfficiencyTracker

    /// Empty trackers for a run of `p`.
    init(_ p: borrowing Prepared) {
        let s = p.scenario
        costs = CostTracker(targets: s.targets, version: s.version, rows: p.layout.jobRows)
        // Every month of the horizon (at most one per 28 days, plus a partial one at each
        // end), so the monthly lists never grow by copying.
        let months = s.horizonDays / 28 + 2
        costs.rows.reserveCapacity(months * (s.targets.count + 1))
        costs.firstDay.reserveCapacity(months)
        costs.scaled.reserveCapacity(months)
        rto = RTOTracker(protected: p.protected, limit: s.kpis.rto?.value)
        volumes = VolumeTracker(s)
        capacity = CapacityTracker(s.targets)
        jobs = JobTracker(groups: p.jobGroups)
        efficiency = EfficiencyTracker(rows: p.efficiencyRows, limit: s.kpis.efficiency?.fraction)
    }
}
