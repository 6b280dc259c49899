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
        for warning in run.warnings { out += "warning: \(warning)\n" }
        if let written = run.written {
            out += "\nWrote \(written)\n"
        } else if run.problems.isEmpty {
            out += "\nReport only: --write FILE or --in-place writes these values into the scenario\n"
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
