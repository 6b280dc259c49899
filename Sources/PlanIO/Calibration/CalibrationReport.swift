import PlanCore

/// The text `plan calibrate` prints: the window, how each workload was matched, and per
/// figure the old value, the new one, the samples, their range, R² and the residual spread.
public enum CalibrationReport {
    public static func render(_ run: CalibrationRun, source: String) -> String {
        let w = run.window
        let span = Format.exactDuration(Double(w.end - w.start) / 1_000)
        var out = "plan calibrate: \(run.scenario.name)  \(instant(w.start)) … \(instant(w.end)) (\(span)"
        out += (run.step.map { ", step \(Format.exactDuration(Double($0)))" } ?? "") + ", from \(source))\n\n"
        out += "Series\n"
        out += TableRenderer.columns(run.outcome.matches.map { ["\($0.workload):", $0.text] }, right: [])
        if !run.outcome.fits.isEmpty {
            out += "\nFigures\n"
            var rows = [["figure", "old", "new", "samples", "first sample … last", "R²", "spread", "from"]]
            for (f, old) in zip(run.outcome.fits, run.oldTexts) {
                let logarithmic = f.metric.hasPrefix("log(")
                var from = "\(f.metric) (\(f.source)"
                if f.skipped > 0 { from += ", \(f.skipped) NaN/Inf sample\(f.skipped == 1 ? "" : "s") left out" }
                rows.append([
                    f.path, old ?? defaultText(f.figure), f.value.scenarioText, Format.grouped(f.fit.count),
                    instant(f.fit.origin) + " … " + instant(f.fit.last), r2(f.fit.rSquared),
                    logarithmic ? "±" + Format.fixed(f.fit.spread * 100, 2) + "%" : Format.bytes(f.fit.spread), from + ")",
                ])
            }
            out += TableRenderer.columns(rows, right: [3])
            out += "\n  start: \(run.scenario.start) → \(run.newStart) (the day after the range)\n"
        }
        if let check = run.check { out += "\n" + checkSection(check) }
        for warning in run.warnings { out += "warning: \(warning)\n" }
        if let written = run.written {
            out += "\nWrote \(written)\n"
        } else if run.problems.isEmpty {
            out += "\nReport only: --write FILE or --in-place writes these values into the scenario\n"
        }
        return out
    }

    /// `--check`: per target, simulated and measured at the range's end, the drift and the slopes.
    public static func checkSection(_ check: DriftOutcome) -> String {
        let tolerance = DriftCheck.percent(check.tolerance.fraction, signed: false)
        var out =
            "Check: simulated from \(check.start) for \(check.days) day\(check.days == 1 ? "" : "s"), beside the buckets' measured usage (tolerance \(tolerance))\n"
        if !check.targets.isEmpty {
            var rows = [["target", "simulated", "measured", "drift", "simulated slope", "measured slope", "samples", "buckets"]]
            for t in check.targets {
                rows.append([
                    t.target, Format.bytes(t.simulated), Format.bytes(t.measured), DriftCheck.percent(t.drift), DriftCheck.perDay(t.simulatedSlope),
                    DriftCheck.perDay(t.measuredSlope), Format.grouped(t.samples),
                    t.buckets.joined(separator: ", ") + " (" + t.metrics.joined(separator: ", ") + ")",
                ])
            }
            out += TableRenderer.columns(rows, right: [1, 2, 3, 4, 5, 6])
        }
        for t in check.targets where t.allBuckets {
            out += "  \(t.target): every bucket, since targets.\(t.target) lists no series.buckets and is the only minio target\n"
        }
        for note in check.notes { out += "  \(note)\n" }
        let drifted = check.drifted
        if drifted.isEmpty {
            out += "  no target drifted more than \(tolerance)\n"
        } else {
            out += "  \(drifted.count) of \(check.targets.count) target\(check.targets.count == 1 ? "" : "s") drifted more than \(tolerance): "
            out +=
                drifted.map { $0.keepsGrowing ? "\($0.target) (retention is set, but the bucket keeps growing)" : $0.target }.joined(separator: ", ")
                + "\n"
        }
        return out
    }

    /// What a key left out of the file means.
    static func defaultText(_ figure: CalibratedFigure) -> String {
        switch figure {
        case .size: return "—"
        case .growth: return "0 (default)"
        case .wal: return "growth + churn (default)"
        }
    }

    /// R² with four decimals: `0.9987`.
    public static func r2(_ x: Double) -> String { Format.fixed(x, 4) }

    /// `2026-08-01T00:00:00Z` (a midnight: `2026-08-01`).
    static func instant(_ ms: Int64) -> String {
        Format.dateTime(start: CivilDate(daysSinceEpoch: 0), seconds: Double(ms) / 1_000)
    }
}
