import PlanCore

/// The sections of the summary a version 2 run adds (model.md "Version 2"): what the
/// object stores bill beyond storage and PUTs, and the drills. Derived from the monthly and
/// drill rows alone, so a run read back from the store prints them the same.
extension TableRenderer {
    /// "Object store": per target over the horizon, the mean noncurrent bytes beside the
    /// peak used, and each cost by kind; the requests beyond PUTs.
    func objectStore(_ r: SimulationResult, bold: (String) -> String) -> String {
        var out = bold("Object store, over the horizon") + "\n"
        var rows = [
            [
                "target", "noncurrent (mean)", "storage", "requests", "egress", "retrieval", "early delete", "transition", "GETs",
                "LISTs",
            ]
        ]
        let names = r.targets.map(\.name) + ["total"]
        for name in names {
            let months = r.monthly.filter { $0.target == name }
            let billing = months.compactMap(\.billing)
            // Noncurrent GiB-days of each month, then the mean over the horizon's days.
            let noncurrentDays = zip(months, billing).reduce(0.0) { sum, pair in
                sum + pair.1.noncurrentGBMonths * Double(CivilDate.daysIn(pair.0.month))
            }
            let mean = noncurrentDays / Double(max(1, r.horizonDays)) * 1_073_741_824
            func money(_ f: (MonthlyBilling) -> Money) -> String { TableRenderer.money(billing.reduce(0) { $0 + f($1).amount }) }
            rows.append([
                name, Format.bytes(mean), TableRenderer.money(months.reduce(0) { $0 + $1.storageCost.amount }),
                TableRenderer.money(months.reduce(0) { $0 + $1.requestCost.amount }), money(\.egressCost), money(\.retrievalCost),
                money(\.earlyDeleteCost), money(\.transitionCost), Format.grouped(Int(billing.reduce(0) { $0 + $1.getRequests })),
                Format.grouped(Int(billing.reduce(0) { $0 + $1.listRequests })),
            ])
        }
        out += TableRenderer.columns(rows, right: Set(1...9))
        return out + "\n"
    }

    /// "Drills": per drill, its firings, mean and worst restore time, the bytes its last
    /// firing read, and its egress and retrieval costs over the horizon.
    func drills(_ r: SimulationResult, bold: (String) -> String) -> String {
        var out = bold("Drills") + "\n"
        guard !r.drills.isEmpty else { return out + "  none\n\n" }
        var rows = [["drill", "job", "target", "firings", "mean restore", "worst restore", "last read", "cost"]]
        var names: [String] = []
        for d in r.drills where !names.contains(d.drill) { names.append(d.drill) }
        for name in names {
            let firings = r.drills.filter { $0.drill == name }
            guard let last = firings.last else { continue }
            let mean = firings.reduce(0) { $0 + $1.restoreSeconds } / Double(firings.count)
            let worst = firings.map(\.restoreSeconds).max() ?? 0
            let cost = firings.reduce(0) { $0 + $1.egressCost.amount + $1.retrievalCost.amount }
            rows.append([
                name, last.job, last.target, String(firings.count), Format.duration(mean), Format.duration(worst), Format.bytes(last.bytesRead),
                TableRenderer.money(cost),
            ])
        }
        out += TableRenderer.columns(rows, right: [3, 4, 5, 6, 7])
        return out + "\n"
    }
}

extension TableRenderer {
    /// "Faults": each job's success rate, and each WAL volume's peak occupancy (pg_wal, with
    /// the data when it shares the data volume) and how many hours of archive outage it
    /// holds at its worst day. Derived from the KPI rows, so a run read back prints it the same.
    func faults(_ r: SimulationResult, bold: (String) -> String) -> String {
        var out = bold("Faults") + "\n"
        var rows = [["job", "success rate"]]
        for k in r.kpis where k.kpi == .successRate {
            rows.append([k.subject, k.worst.map { Format.fixed($0 * 100, 1) + "%" } ?? "—"])
        }
        out += TableRenderer.columns(rows, right: [1])
        let volumes = r.kpis.filter { $0.kpi == .walVolumeFull }
        if !volumes.isEmpty {
            rows = [["WAL volume", "size", "peak occupancy", "outage it holds"]]
            for v in volumes {
                let tolerance = r.kpis.first { $0.kpi == .walTolerance && $0.subject == v.subject }?.worst
                rows.append([
                    v.subject, v.limit.map(Format.bytes) ?? "—", v.worst.map(Format.bytes) ?? "—",
                    tolerance.map { $0.isFinite ? Format.fixed($0 / 3600, 1) + " h" : "∞" } ?? "—",
                ])
            }
            out += TableRenderer.columns(rows, right: [1, 2, 3])
        }
        return out + "\n"
    }
}
