import PlanCore

/// One `plan compare --fail-on CONDITION`: a regression of B against A that fails a CI
/// pipeline (exit 3), judged on the comparison's headline.
///
/// - `kpi`: a KPI row fails in B and not in A (`pass → FAIL`, `info → FAIL`, or a row new
///   in B that fails).
/// - `cost:+P%`, `cost:+AMOUNT`: the total cost over the horizon rises by more than P
///   percent of A's, or by more than AMOUNT in the scenario's currency (`cost:+25`,
///   `cost:+$25`, `cost:+0` for any rise of a cent or more).
/// - `peak:+P%`, `peak:+AMOUNT`: the same for the peak month's cost.
///
/// "More than" is strict: a rise of exactly the threshold passes. An amount is compared to
/// the cent (a rise under half a cent is no rise); a share unrounded. From A at 0 any rise
/// is above every share.
public struct FailCondition: Sendable, Hashable {
    public enum Figure: String, Sendable, Hashable {
        case cost, peak

        var title: String { self == .cost ? "total cost" : "peak month cost" }
    }

    public enum Threshold: Sendable, Hashable {
        /// A share of A's figure (0.10 is 10%).
        case share(Double)
        /// An amount of money in the scenario's currency.
        case amount(Double)
    }

    public enum Kind: Sendable, Hashable {
        case kpi
        case rise(Figure, Threshold)
    }

    public var kind: Kind
    /// As typed.
    public var text: String

    public init(kind: Kind, text: String) {
        self.kind = kind
        self.text = text
    }

    /// The forms `--fail-on` takes, for help and messages.
    public static let forms = "kpi, cost:+P%, cost:+AMOUNT, peak:+P% or peak:+AMOUNT"

    /// Parses one `--fail-on` value: `kpi`, `cost:+10%`, `cost:+25`, `peak:+10%`, `peak:+25`.
    public static func parse(_ argument: String) -> Result<FailCondition, Diagnostic> {
        let at = Diagnostic.Location.option(name: "--fail-on", value: argument)
        let example = "write it as in '--fail-on kpi', '--fail-on cost:+10%' or '--fail-on peak:+25'"
        func failure(_ message: String, _ suggestion: String? = example) -> Result<FailCondition, Diagnostic> {
            .failure(Diagnostic(at: at, path: "", message, suggestion: suggestion))
        }
        let text = argument.filter { $0 != " " && $0 != "\t" }
        if text == "kpi" { return .success(FailCondition(kind: .kpi, text: argument)) }
        guard let colon = text.firstIndex(of: ":") else {
            let known = ["kpi", "cost", "peak"]
            if known.contains(text) {
                return failure("'\(text)' needs a threshold; expected \(forms)")
            }
            let near = Suggest.closest(to: text, among: known).map { $0 == "kpi" ? "did you mean 'kpi'?" : "did you mean '\($0):+10%'?" }
            return failure("unknown condition '\(argument)'; expected \(forms)", near ?? example)
        }
        let name = String(text[..<colon])
        guard let figure = Figure(rawValue: name) else {
            let near = Suggest.closest(to: name, among: ["cost", "peak"]).map { "did you mean '\($0):\(text[text.index(after: colon)...])'?" }
            return failure("unknown figure '\(name)'; expected \(forms)", near ?? example)
        }
        var value = Substring(text[text.index(after: colon)...])
        if value.first == "-" {
            return failure(
                "'\(value)' is a fall; --fail-on takes a rise: \(forms)",
                "write '\(name):+\(value.dropFirst())' to fail when \(figure.title) rises by more than \(value.dropFirst())")
        }
        if value.first == "+" { value = value.dropFirst() }
        if value.isEmpty { return failure("'\(name):' needs a threshold; expected \(forms)") }
        if value.last == "%" {
            let number = value.dropLast()
            guard let percent = Double(number), percent.isFinite, number.allSatisfy({ $0.isNumber || $0 == "." }) else {
                return failure("expected a percent such as '10%' after '\(name):+', found '\(value)'")
            }
            return .success(FailCondition(kind: .rise(figure, .share(percent / 100)), text: argument))
        }
        switch ValueSyntax.money(String(value)) {
        case .success(let money): return .success(FailCondition(kind: .rise(figure, .amount(money.amount)), text: argument))
        case .failure(let e):
            return failure(
                "expected a percent such as '10%' or an amount such as '25' after '\(name):+', found '\(value)'",
                e.suggestion ?? example)
        }
    }

    /// Why the condition is met, in words (`total cost rises 3.5% (63.80 → 66.03 USD), more
    /// than +3%`), or nil when it is not. A money condition on sides billed in different
    /// currencies is a failure: the amounts are not comparable.
    public func check(_ h: ComparisonHeadline) -> Result<String?, Diagnostic> {
        switch kind {
        case .kpi:
            let worse = h.regressions
            guard !worse.isEmpty else { return .success(nil) }
            let list = worse.map { "\($0.kpi.rawValue) \($0.subject) (\(ComparisonCells.statusChange($0)))" }
            return .success("\(worse.count) KPI\(worse.count == 1 ? " fails" : "s fail") in B and not in A: " + list.joined(separator: ", "))
        case .rise(let figure, let threshold):
            guard h.sameCurrency else {
                return .failure(
                    Diagnostic(
                        at: .option(name: "--fail-on", value: text), path: "",
                        "the sides are billed in different currencies (\(h.currency)); amounts are not converted",
                        suggestion: "compare two scenarios with the same 'currency'"))
            }
            let n = figure == .cost ? h.total : h.peakMonth
            guard let delta = n.delta, let a = n.a, let b = n.b else { return .success(nil) }
            let cents = (delta * 100).rounded() / 100
            let shown = "(\(ComparisonCells.money(a)) → \(ComparisonCells.money(b)) \(h.currency))"
            switch threshold {
            case .amount(let limit):
                guard cents > 0, cents > limit else { return .success(nil) }
                return .success("\(figure.title) rises \(TableRenderer.money(delta)) \(h.currency) \(shown), more than +\(Format.plain(limit))")
            case .share(let limit):
                guard cents > 0 else { return .success(nil) }
                let rise = n.relative ?? .infinity
                guard rise > limit else { return .success(nil) }
                let percent = rise.isFinite ? ComparisonCells.percent(rise) : "from 0"
                return .success("\(figure.title) rises \(percent) \(shown), more than +\(Format.plain(limit * 100))%")
            }
        }
    }
}

extension FailCondition {
    /// Every `--fail-on` value parsed, or every problem at once (exit 1).
    public static func parse(all arguments: [String]) -> Result<[FailCondition], CommandFailure> {
        var conditions: [FailCondition] = []
        var problems: [Diagnostic] = []
        for argument in arguments {
            switch parse(argument) {
            case .success(let c): conditions.append(c)
            case .failure(let d): problems.append(d)
            }
        }
        return problems.isEmpty ? .success(conditions) : .failure(.invalid(problems))
    }

    /// The lines saying which conditions are met, `--fail-on 'kpi': 2 KPIs fail in B …`,
    /// in the order given; empty when none is met.
    public static func met(_ conditions: [FailCondition], in h: ComparisonHeadline) -> Result<[String], CommandFailure> {
        var lines: [String] = []
        var problems: [Diagnostic] = []
        for c in conditions {
            switch c.check(h) {
            case .success(let reason?): lines.append("--fail-on '\(c.text)': \(reason)")
            case .success(nil): break
            case .failure(let d): problems.append(d)
            }
        }
        return problems.isEmpty ? .success(lines) : .failure(.invalid(problems))
    }
}
