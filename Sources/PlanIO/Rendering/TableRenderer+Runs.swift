import PlanCore

extension TableRenderer {
    /// `plan runs`: one line per recorded run, in the order given (newest first).
    public static func runs(_ runs: [RunListing]) -> String {
        var rows = [["run", "recorded (UTC)", "scenario", "file", "hash", "days", "total cost", "peak month", "KPIs", "overrides"]]
        for r in runs {
            let kpis = r.kpisChecked == 0 ? "—" : r.kpisFailed == 0 ? "all pass" : "\(r.kpisFailed) of \(r.kpisChecked) fail"
            rows.append([
                String(r.id), r.createdAt.replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: ""),
                r.scenario, r.scenarioPath ?? "(built-in)", String(r.contentHash.prefix(8)), String(r.horizonDays),
                money(r.totalCost) + " " + r.currency, money(r.peakMonthlyCost), kpis,
                r.overrides.map(shellQuoted).joined(separator: " "),
            ])
        }
        return columns(rows, right: [0, 5, 6, 7], indent: "")
    }

    /// `--set` arguments as a shell would take them back: quoted when they hold a space or
    /// a character the shell reads.
    public static func shellQuoted(_ s: String) -> String {
        let plain = s.unicodeScalars.allSatisfy { c in
            ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) || "-_./=:%,@+".unicodeScalars.contains(c)
        }
        return plain ? s : "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
