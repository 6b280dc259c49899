import PlanCore

/// One `--require 'METRIC OP NUMBER'`: a constraint every feasible variant meets.
public struct Requirement: Sendable, Hashable {
    public enum Op: String, Sendable, Hashable, CaseIterable {
        case le = "<=", ge = ">=", eq = "==", lt = "<", gt = ">"
    }

    public var metric: Metric
    public var op: Op
    public var limit: Double
    /// As typed, without spaces: `restore_points(cnpg/gitea-postgres)>=14`.
    public var text: String

    public func holds(_ value: Double) -> Bool {
        switch op {
        case .le: return value <= limit
        case .ge: return value >= limit
        case .eq: return value == limit
        case .lt: return value < limit
        case .gt: return value > limit
        }
    }

    /// Parses `METRIC OP NUMBER`; NUMBER in the value syntax of the metric's unit (`800GB`,
    /// `20min`, `70%`, `$90`, `14`).
    public static func parse(_ argument: String) -> Result<Requirement, Diagnostic> {
        let at = Diagnostic.Location.option(name: "--require", value: argument)
        let text = argument.filter { $0 != " " && $0 != "\t" }
        // The longest operator first, so `<=` is not read as `<`.
        var found: (Op, Range<String.Index>)? = nil
        for op in [Op.le, .ge, .eq, .lt, .gt] {
            if let r = text.range(of: op.rawValue) {
                found = (op, r)
                break
            }
        }
        guard let (op, r) = found else {
            return .failure(
                Diagnostic(
                    at: at, path: "", "expected METRIC OP NUMBER with OP one of < <= > >= ==, found no operator",
                    suggestion: "write it as in 'restore_points(cnpg/app)>=14'"))
        }
        let name = String(text[..<r.lowerBound]), number = String(text[r.upperBound...])
        let metric: Metric
        switch parseMetric(name) {
        case .success(let m): metric = m
        case .failure(let e): return .failure(Diagnostic(at: at, path: "", e.message, suggestion: e.suggestion))
        }
        let limit: Result<Double, ValueError>
        switch metric.unit {
        case .money?: limit = ValueSyntax.money(number).map(\.amount)
        case .seconds?: limit = ValueSyntax.duration(number).map(\.value)
        case .share?: limit = ValueSyntax.percent(number).map(\.fraction)
        case .bytes?: limit = ValueSyntax.size(number).map(\.bytes)
        case nil:
            limit = Double(number).map { .success($0) } ?? .failure(ValueError("expected a number, found '\(number)'"))
        }
        switch limit {
        case .success(let v): return .success(Requirement(metric: metric, op: op, limit: v, text: text))
        case .failure(let e): return .failure(Diagnostic(at: at, path: "", e.message, suggestion: e.suggestion))
        }
    }

    static let metricNames =
        ["total_cost", "peak_monthly_cost", "peak_used(TARGET)", "restore_points(JOB)"] + KPIKind.allCases.map { "\($0.rawValue)(SUBJECT)" }

    static func parseMetric(_ name: String) -> Result<Metric, ValueError> {
        if name == "total_cost" { return .success(.totalCost) }
        if name == "peak_monthly_cost" { return .success(.peakMonthlyCost) }
        guard let open = name.firstIndex(of: "("), name.hasSuffix(")") else {
            return .failure(ValueError("unknown metric '\(name)'; expected one of \(metricNames.joined(separator: ", "))"))
        }
        let function = String(name[..<open])
        let argument = String(name[name.index(after: open)..<name.index(before: name.endIndex)])
        guard !argument.isEmpty else { return .failure(ValueError("'\(name)' names no subject")) }
        switch function {
        case "restore_points": return .success(.restorePoints(job: argument))
        case "peak_used": return .success(.peakUsed(target: argument))
        default:
            if let kind = KPIKind(rawValue: function) { return .success(.kpi(kind, subject: argument)) }
            return .failure(ValueError("unknown metric '\(function)'; expected one of \(metricNames.joined(separator: ", "))"))
        }
    }
}
