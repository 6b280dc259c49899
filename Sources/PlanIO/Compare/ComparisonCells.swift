import PlanCore

/// The cells of `plan compare` in words people read, written once for the table, the
/// headline, Markdown and the `--fail-on` messages: `—` where a value is missing, a sign on
/// a positive delta, never `-0.00` or `-0.0%`.
enum ComparisonCells {
    static func word(_ s: KPIStatus) -> String { s == .fail ? "FAIL" : s.rawValue }
    static func bytes(_ x: Double?) -> String { x.map(Format.bytes) ?? "—" }
    static func signedBytes(_ x: Double?) -> String {
        guard let x else { return "—" }
        return (x > 0 ? "+" : "") + Format.bytes(x)
    }
    /// A signed count (`+2`, `0`, `-1`).
    static func signed(_ n: Int) -> String { (n > 0 ? "+" : "") + "\(n)" }
    static func date(_ d: CivilDate?) -> String { d?.description ?? "—" }
    /// A full or alert date in the headline: `never` when the side has none.
    static func dateOrNever(_ d: CivilDate?) -> String { d?.description ?? "never" }
    static func days(_ n: Int?) -> String {
        guard let n else { return "—" }
        return (n > 0 ? "+" : "") + "\(n)d"
    }
    static func money(_ x: Double?) -> String { x.map(TableRenderer.money) ?? "—" }
    static func signedMoney(_ x: Double?) -> String {
        guard let x else { return "—" }
        let s = TableRenderer.money(x)
        return x > 0 && s != "0.00" ? "+" + s : s == "-0.00" ? "0.00" : s
    }
    /// A share as a signed percent with one decimal (`+10.4%`).
    static func percent(_ x: Double?) -> String {
        guard let x else { return "—" }
        let s = Format.fixed(x * 100, 1)
        return (x > 0 && s != "0.0" ? "+" : "") + (s == "-0.0" ? "0.0" : s) + "%"
    }
    static func kpi(_ x: Double?, _ unit: KPIUnit) -> String { TableRenderer.kpiValue(x, unit) }
    static func signedKPI(_ x: Double?, _ unit: KPIUnit) -> String {
        guard let x else { return "—" }
        if x == 0 { return unit == .share ? "0.0 pp" : unit == .seconds ? "0s" : unit == .bytes ? "0 B" : "0.00" }
        let sign = x > 0 ? "+" : "-"
        switch unit {
        case .money: return signedMoney(x)
        case .bytes: return signedBytes(x)
        case .seconds: return sign + Format.duration(Swift.abs(x))
        case .share: return sign + Format.fixed(Swift.abs(x) * 100, 1) + " pp"
        }
    }
    /// `pass → FAIL`, with `—` for a side without the row.
    static func statusChange(_ k: RunComparison.KPIChange) -> String {
        "\(k.statusA.map(word) ?? "—") → \(k.statusB.map(word) ?? "—")"
    }
}
