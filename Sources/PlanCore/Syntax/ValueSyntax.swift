/// Parsers for the value syntax of scenario.md: sizes, rates, durations, percents, ratios,
/// money, CNPG retention policies, dates and UTC date-times. Pure functions from the scalar
/// text of a YAML value (already unquoted) to a unit type.
///
/// Each kind lives in its own file (`ValueSyntax+Size.swift`, `ValueSyntax+Rate.swift`, …);
/// the decimal-number scanner they share is in `ValueSyntax+Number.swift`.
///
/// Leading and trailing whitespace is ignored everywhere except in a retention policy,
/// which CNPG reads exactly (`' 30d'` is refused there, with `30d` as the suggestion).
/// Failures are `ValueError`s written for a person: lowercase, no final period, the user's
/// value in single quotes, what was expected; a likely fix goes in `suggestion`.
public enum ValueSyntax {}

/// Why a value was rejected: lowercase, no final period, the user's value in single quotes.
public struct ValueError: Error, Sendable, Hashable {
    public var message: String
    public var suggestion: String?
    public init(_ message: String, suggestion: String? = nil) {
        self.message = message
        self.suggestion = suggestion
    }
}
