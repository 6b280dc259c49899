import Foundation
import PlanCore

extension RunHeader {
    /// `now` in UTC as the run store records it: `YYYY-MM-DDTHH:MM:SSZ`.
    public static func timestamp(_ now: Date) -> String {
        let t = Int(now.timeIntervalSince1970.rounded(.down))
        let days = t >= 0 ? t / 86_400 : (t - 86_399) / 86_400
        let s = t - days * 86_400
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(CivilDate(daysSinceEpoch: days))T\(two(s / 3600)):\(two(s / 60 % 60)):\(two(s % 60))Z"
    }
}
