import Foundation

/// Numbers, durations and selectors as PromQL and Prometheus' rule files write them.
public enum PromQL {
    /// A duration in the largest single unit that writes it exactly: `26h`, `1d`, `90m`,
    /// `45s` (whole seconds, rounded up; `0s` for zero). One unit, so that every version of
    /// Prometheus and the PrometheusRule CRD's pattern read it.
    public static func duration(_ seconds: Double) -> String {
        let s = Int64(Swift.max(0, seconds).rounded(.up))
        if s == 0 { return "0s" }
        for (unit, size) in [("d", Int64(86_400)), ("h", 3_600), ("m", 60)] where s % size == 0 { return "\(s / size)\(unit)" }
        return "\(s)s"
    }

    /// A number: an integer when it is one (bytes, seconds), else 9 significant digits.
    public static func number(_ x: Double) -> String {
        if x == x.rounded() && Swift.abs(x) < 9e18 { return String(Int64(x)) }
        return String(format: "%.9g", x)
    }

    /// A label matcher list, `{a="x", b=~"y"}`; empty when there is none.
    public static func selector(_ matchers: [(String, String, Bool)]) -> String {
        if matchers.isEmpty { return "" }
        return "{" + matchers.map { "\($0.0)\($0.2 ? "=~" : "=")\"\(escape($0.1))\"" }.joined(separator: ", ") + "}"
    }

    /// A string inside PromQL's double quotes.
    public static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }

    /// `s` matched literally inside a regular expression.
    public static func regexQuote(_ s: String) -> String {
        var out = ""
        for c in s {
            if "\\.+*?()|[]{}^$".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }
}
