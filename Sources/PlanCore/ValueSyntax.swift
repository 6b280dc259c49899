/// Parsers for the value syntax of scenario.md: sizes, rates, durations, percents, ratios,
/// money, CNPG retention policies and dates. Pure functions from the scalar text of a YAML
/// value to a unit type. STUB: to be implemented.
public enum ValueSyntax {
    /// `20Gi`, `1.5TiB`, `500MB`, `1TB`, `4096`, `2 GiB`. Never negative, at most 2^70 bytes.
    public static func size(_ text: String) -> Result<ByteCount, ValueError> { .failure(ValueError("unimplemented")) }
    /// `2GiB/day`, `100MiB/h`, `3%/month`, `0` (negative allowed only where `allowNegative`).
    public static func rate(_ text: String, allowNegative: Bool) -> Result<Rate, ValueError> { .failure(ValueError("unimplemented")) }
    /// `30d`, `720h`, `5min`, `90s`, `2w`, `1y`, `720h0m0s`, `1h30m`, `0`. Never negative.
    public static func duration(_ text: String) -> Result<Seconds, ValueError> { .failure(ValueError("unimplemented")) }
    /// `80%` or a bare fraction in [0, 1].
    public static func percent(_ text: String) -> Result<Share, ValueError> { .failure(ValueError("unimplemented")) }
    /// A ratio in (0, 1].
    public static func ratio(_ text: String) -> Result<Double, ValueError> { .failure(ValueError("unimplemented")) }
    /// `50`, `50.00`, `$50`. Never negative.
    public static func money(_ text: String) -> Result<Money, ValueError> { .failure(ValueError("unimplemented")) }
    /// CNPG `retentionPolicy`: `30d`, `4w`, `3m` → days (`m` = 31 days).
    public static func retentionPolicy(_ text: String) -> Result<Int, ValueError> { .failure(ValueError("unimplemented")) }
    /// `2026-01-01`.
    public static func date(_ text: String) -> Result<CivilDate, ValueError> { .failure(ValueError("unimplemented")) }
}

/// Why a value was rejected: lowercase, no final period, the user's value in single quotes.
public struct ValueError: Error, Sendable, Hashable {
    public var message: String
    public var suggestion: String?
    public init(_ message: String, suggestion: String? = nil) {
        self.message = message
        self.suggestion = suggestion
    }
}
