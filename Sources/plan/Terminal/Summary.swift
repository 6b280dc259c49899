import Foundation
import PlanCore
import PlanIO

/// The table summary with its footer: what `plan simulate` prints and `plan show` prints again.
enum Summary {
    /// - Parameters:
    ///   - files: the folder of the CSV files, as `Wrote …` names it.
    ///   - recorded: the run's id and the store it went to, as `Recorded as run …` names them.
    static func text(_ result: SimulationResult, files: String?, recorded: (id: Int64, store: String)?, color: Bool) -> String {
        var out = TableRenderer(color: color).render(result, files: files.map { [$0] } ?? [])
        if let recorded { out += "Recorded as run \(recorded.id) in \(recorded.store)\n" }
        return out
    }

    /// Colour on a terminal unless `--no-color` or `NO_COLOR`.
    static func color(noColor: Bool) -> Bool {
        !noColor && StandardOutput.isTerminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    /// `now` in UTC as the run store records it: `YYYY-MM-DDTHH:MM:SSZ`.
    static func timestamp(_ now: Date) -> String {
        let t = Int(now.timeIntervalSince1970.rounded(.down))
        let days = t >= 0 ? t / 86_400 : (t - 86_399) / 86_400
        let s = t - days * 86_400
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(CivilDate(daysSinceEpoch: days))T\(two(s / 3600)):\(two(s / 60 % 60)):\(two(s % 60))Z"
    }
}
