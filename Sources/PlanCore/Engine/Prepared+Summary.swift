/// KPIs, target and workload summaries (model.md "KPIs"; cli.md kpis.csv), from the
/// trackers of the daily loop.
extension Prepared {
    func summarize(
        jobs: [JobSummary], monthly: [MonthlyRow], monthFirstDay: [Int], monthScaled: [Double], rtoWorst: [Double], rtoFirstFail: [Int?],
        ranYet: [Bool], sizePeak: [Double], volAlert: [Int?], volFull: [Int?], usedPeak: [Double], usedPeakDay: [Int?],
        capAlert: [Int?], capFull: [Int?], effWorst: Double?, effFirstFail: Int?
    ) -> SimulationResult {
        let s = scenario
        func date(_ d: Int?) -> CivilDate? { d.map { s.start.adding(days: $0) } }
        var kpis: [KPIRow] = []

        // monthly_budget: partial months scaled to whole months.
        let worstMonth = monthScaled.max() ?? 0
        var budget = KPIRow(
            kpi: .monthlyBudget, subject: "total", limit: s.kpis.monthlyBudget?.amount, worst: worstMonth, unit: .money,
            status: .info, firstFailure: nil)
        if let limit = s.kpis.monthlyBudget?.amount {
            let failing = monthScaled.firstIndex { $0 > limit }
            budget.status = failing == nil ? .pass : .fail
            budget.firstFailure = date(failing.map { monthFirstDay[$0] })
        }
        kpis.append(budget)

        // rpo per workload: fails from the start date.
        for (i, w) in s.workloads.enumerated() {
            var row = KPIRow(kpi: .rpo, subject: w.name, limit: s.kpis.rpo?.value, worst: rpo[i], unit: .seconds, status: .info)
            if let limit = s.kpis.rpo?.value {
                row.status = rpo[i] > limit ? .fail : .pass
                if row.status == .fail { row.firstFailure = s.start }
            }
            kpis.append(row)
        }
        // rto per workload: judged from the day of the first run; never backed up → inf.
        for (i, w) in s.workloads.enumerated() {
            let backedUp = protected[i] && ranYet[i]
            let worst = backedUp ? rtoWorst[i] : .infinity
            var row = KPIRow(kpi: .rto, subject: w.name, limit: s.kpis.rto?.value, worst: worst, unit: .seconds, status: .info)
            if s.kpis.rto != nil {
                if backedUp {
                    row.status = rtoFirstFail[i] == nil ? .pass : .fail
                    row.firstFailure = date(rtoFirstFail[i])
                } else {
                    row.status = .fail
                    row.firstFailure = s.start
                }
            }
            kpis.append(row)
        }
        // efficiency.
        var eff = KPIRow(kpi: .efficiency, subject: "all", limit: s.kpis.efficiency?.fraction, worst: effWorst, unit: .share, status: .info)
        if s.kpis.efficiency != nil, effWorst != nil {
            eff.status = effFirstFail == nil ? .pass : .fail
            eff.firstFailure = date(effFirstFail)
        }
        kpis.append(eff)

        // Capacity per target with a capacity.
        var targets: [TargetSummary] = []
        for (i, t) in s.targets.enumerated() {
            let usable = t.usable
            var needed: ByteCount? = nil
            if let u = usable {
                let alert = t.alert.fraction
                kpis.append(
                    KPIRow(
                        kpi: .capacityAlert, subject: t.name, limit: u.bytes * alert, worst: usedPeak[i], unit: .bytes,
                        status: capAlert[i] == nil ? .pass : .fail, firstFailure: date(capAlert[i])))
                let perRaw = t.kind == .minio ? Double(t.drives) / Double(t.drives - t.parity) : 1
                needed = alert > 0 ? ByteCount(usedPeak[i] / alert * perRaw) : nil
            }
            targets.append(
                TargetSummary(
                    name: t.name, kind: t.kind, usable: usable, peakUsed: ByteCount(usedPeak[i]), peakDate: date(usedPeakDay[i]),
                    alertDate: date(capAlert[i]), fullDate: date(capFull[i]), neededCapacity: needed))
        }
        for (i, t) in s.targets.enumerated() {
            if let u = t.usable {
                kpis.append(
                    KPIRow(
                        kpi: .capacityFull, subject: t.name, limit: u.bytes, worst: usedPeak[i], unit: .bytes,
                        status: capFull[i] == nil ? .pass : .fail, firstFailure: date(capFull[i])))
            }
        }
        // Volume fill.
        var workloads: [WorkloadSummary] = []
        for (i, w) in s.workloads.enumerated() {
            workloads.append(
                WorkloadSummary(
                    name: w.name, peakSize: ByteCount(sizePeak[i]), volume: w.volume, alertDate: date(volAlert[i]),
                    fullDate: date(volFull[i])))
            if let v = w.volume {
                kpis.append(
                    KPIRow(
                        kpi: .volumeAlert, subject: w.name, limit: v.bytes * s.kpis.volumeAlert.fraction, worst: sizePeak[i],
                        unit: .bytes, status: volAlert[i] == nil ? .pass : .fail, firstFailure: date(volAlert[i])))
            }
        }
        for (i, w) in s.workloads.enumerated() {
            if let v = w.volume {
                kpis.append(
                    KPIRow(
                        kpi: .volumeFull, subject: w.name, limit: v.bytes, worst: sizePeak[i], unit: .bytes,
                        status: volFull[i] == nil ? .pass : .fail, firstFailure: date(volFull[i])))
            }
        }

        var warnings = self.warnings
        for (i, w) in s.workloads.enumerated() {
            if let full = volFull[i], let v = w.volume {
                warnings.append(
                    "workloads.\(w.name): outgrows its volume of \(Format.exactSize(v.bytes)) on \(s.start.adding(days: full)) (day \(full))")
            }
        }

        let totals = monthly.filter { $0.target == "total" }
        return SimulationResult(
            scenarioName: s.name, currency: s.currency, start: s.start, horizonDays: s.horizonDays, monthly: monthly,
            kpis: kpis, targets: targets, workloads: workloads, jobs: jobs, warnings: warnings,
            totalCost: Money(totals.reduce(0) { $0 + $1.totalCost.amount }),
            peakMonthlyCost: Money(totals.map(\.totalCost.amount).max() ?? 0),
            jobDays: (s.cnpg.count + s.velero.count + s.longhorn.count) * s.horizonDays)
    }
}

extension KPIRow {
    init(kpi: KPIKind, subject: String, limit: Double?, worst: Double?, unit: KPIUnit, status: KPIStatus) {
        self.init(kpi: kpi, subject: subject, limit: limit, worst: worst, unit: unit, status: status, firstFailure: nil)
    }
}
