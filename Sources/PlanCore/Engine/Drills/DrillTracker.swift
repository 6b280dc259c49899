/// The drills of a version 2 run (model.md "Drills", "KPIs (version 2)"): each firing's
/// restore, its reads and costs, the month's free egress used in time order, and `mttr`.
struct DrillTracker {
    let plans: [DrillPlan]
    /// `restore.egress_free`, bytes per calendar month over every s3 target.
    let egressFree: Double
    /// The rows of drills.csv, in time order (equal times by drill name).
    var rows: [DrillRow] = []
    /// The month whose allowance is being used (`year × 12 + month`), and what is left of it.
    var allowanceMonth = -1
    var allowanceLeft = 0.0
    /// Σ restore seconds and firings so far, and the day the running mean first passed the
    /// limit after a firing.
    var restoreSum = 0.0
    var firings = 0
    var firstOver: CivilDate?
    /// Firings of the day being simulated: (time, plan index), reused.
    private var today: [(t: Double, plan: Int)] = []
    /// Per plan, the next fire not yet simulated.
    private var next: [Int]

    init(plans: [DrillPlan], egressFree: Double) {
        self.plans = plans
        self.egressFree = egressFree
        next = Array(repeating: 0, count: plans.count)
    }

    /// Day `d`'s firings, read from `book` after its day (the classes are those at the end of
    /// day `d − 1`); costs go to `costs`.
    mutating func run(
        day d: Int, date: CivilDate, book: BucketBook, models: [WorkloadModel], scenario s: Scenario, mttrLimit: Double?,
        costs: inout CostTracker
    ) {
        let end = Double(d + 1) * 86_400
        today.removeAll(keepingCapacity: true)
        for p in plans.indices {
            while next[p] < plans[p].fires.count && plans[p].fires[next[p]] < end {
                today.append((plans[p].fires[next[p]], p))
                next[p] += 1
            }
        }
        guard !today.isEmpty else { return }
        today.sort { ($0.t, plans[$0.plan].name) < ($1.t, plans[$1.plan].name) }
        let monthKey = date.year * 12 + date.month
        if monthKey != allowanceMonth {
            allowanceMonth = monthKey
            allowanceLeft = egressFree
        }
        for (t, p) in today {
            let row = fire(plans[p], at: t, day: d, date: date, book: book, models: models, scenario: s, costs: &costs)
            rows.append(row)
            restoreSum += row.restoreSeconds
            firings += 1
            if let limit = mttrLimit, firstOver == nil, restoreSum / Double(firings) > limit { firstOver = date }
        }
    }

    /// One firing at `t` of `plan`.
    mutating func fire(
        _ plan: DrillPlan, at t: Double, day d: Int, date: CivilDate, book: BucketBook, models: [WorkloadModel], scenario s: Scenario,
        costs: inout CostTracker
    ) -> DrillRow {
        let target = s.targets[plan.target]
        var row = DrillRow(
            date: date, secondOfDay: Int(t - Double(d) * 86_400), drill: plan.name, workload: s.workloads[plan.workload].name,
            job: plan.job, target: target.name, bytesRead: 0, getRequests: 0, egressBytes: 0, egressCost: .zero, retrievalCost: .zero,
            retrievalSeconds: 0, restoreSeconds: .infinity)
        let model = models[plan.workload]
        // model.md "Drills and faults": a drill reading a target that is down fails.
        if plan.targetDown?.contains(t) == true { return row }
        guard let point = plan.point(at: t, model: model) else { return row }
        let byClass = plan.classBytes(point.bytes, book: book, day: d)
        // model.md: each class's share of the GETs is bytes_c / bytes (the point's bytes).
        let read = point.bytes
        let delay = DrillPlan.delay(byClass)
        row.bytesRead = point.bytes
        row.getRequests = point.gets
        row.egressBytes = point.bytes
        row.retrievalSeconds = delay
        let bandwidth = s.restore.bandwidthBytesPerSecond
        if case .cnpg = plan.source {
            row.restoreSeconds = model.size(at: point.time) / bandwidth + point.wal / s.restore.walReplayBytesPerSecond + delay
        } else {
            row.restoreSeconds = model.size(at: point.time) / bandwidth + delay
        }
        var getCost = 0.0
        if target.kind == .s3, let prices = target.prices {
            var retrieval = 0.0
            for c in StorageClass.allCases where byClass[c.rank] > 0 {
                let share = read > 0 ? byClass[c.rank] / read : 0
                if c == .standard {
                    getCost += point.gets * share * prices.getPer1000.amount / 1000
                } else if let p = prices.classes[c] {
                    retrieval += byClass[c.rank] / 1_073_741_824 * p.retrievalGB.amount
                    if c.isArchive { retrieval += point.gets * share * p.restorePer1000.amount / 1000 }
                    getCost += point.gets * share * p.getPer1000.amount / 1000
                }
            }
            let free = min(allowanceLeft, point.bytes)
            allowanceLeft -= free
            row.egressCost = Money((point.bytes - free) / 1_073_741_824 * (prices.egressGB?.amount ?? 0))
            row.retrievalCost = Money(retrieval)
        }
        costs.addDrill(
            target: plan.target, gets: point.gets, egressBytes: point.bytes, egressCost: row.egressCost.amount,
            retrievalCost: row.retrievalCost.amount, getCost: getCost)
        return row
    }

    /// The `mttr` row: the mean restore time over every firing against `limit`.
    func kpiRow(limit: Double?) -> KPIRow {
        let mean: Double? = firings > 0 ? restoreSum / Double(firings) : nil
        var row = KPIRow(kpi: .mttr, subject: "all", limit: limit, worst: mean, unit: .seconds, status: .info)
        if let limit, let mean {
            row.status = mean > limit ? .fail : .pass
            if row.status == .fail { row.firstFailure = firstOver }
        }
        return row
    }
}
