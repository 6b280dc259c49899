/// The value syntax as regular expressions (ECMA 262, as JSON Schema's `pattern` takes
/// them), for `plan schema`: an editor can then flag `20 gigs` or `50MiB daily` before the
/// loader does. Built from the same unit tables the parsers read, so a unit added there
/// is added here. Each pattern accepts every text its parser accepts (a test checks the
/// examples of scenario.md "Value syntax" and the near misses); a few texts it accepts are
/// still refused by the parser for their value (`-1GiB`, `2026-02-30`, a size past 2^70).
public enum ValuePattern {
    /// A decimal number as `scanNumber` reads it, without a sign: `4096`, `1.5`, `.5`, `1e3`.
    static let number = #"([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?"#

    /// Longest symbols first, so that a reader of the pattern sees `GiB` before `Gi`.
    static func alternatives(_ symbols: [String]) -> String {
        "(" + symbols.sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }.joined(separator: "|") + ")"
    }

    /// A word in any case: `day` → `[dD][aA][yY]` (JSON Schema patterns have no flags).
    static func anyCase(_ word: String) -> String {
        word.map { c in
            let lower = c.lowercased()
            let upper = c.uppercased()
            return lower == upper ? String(c) : "[\(lower)\(upper)]"
        }.joined()
    }

    /// Zero written alone (`0`, `0.0`, `-0`): the one rate or duration without a unit.
    static let zero = #"[+-]?(0+(\.0*)?|\.0+)"#

    static let sizeUnits = alternatives(SizeUnit.all.map(\.symbol))

    /// `20Gi`, `1.5TiB`, `500MB`, `4096`, `2 GiB`.
    public static let size = #"^\s*\+?"# + number + #"\s*"# + sizeUnits + #"?\s*$"#

    /// `2GiB/day`, `100MiB/h`, `3%/month`, `-1GiB/month` (growth may shrink), `0`.
    public static let rate: String = {
        let periods = RatePeriod.allCases.flatMap { [$0.symbol] + $0.aliases }
        let period = "(" + periods.sorted { $0.count > $1.count }.map(anyCase).joined(separator: "|") + ")"
        let amount = "(" + number + #"\s*"# + sizeUnits + "?|" + number + #"\s*%)"#
        return #"^\s*("# + zero + #"|[+-]?"# + amount + #"\s*/\s*"# + period + #")\s*$"#
    }()

    /// `30d`, `720h`, `5min`, `720h0m0s`, `1h30m`, `0`: pieces written together, Go style.
    public static let duration = #"^\s*("# + zero + #"|\+?("# + number + alternatives(DurationUnit.all.map(\.symbol)) + #")+)\s*$"#

    /// `80%`, `0.8`.
    public static let percent = #"^\s*\+?"# + number + #"\s*%?\s*$"#

    /// `0.35` as text (a YAML number is checked by the schema's `exclusiveMinimum`/`maximum`).
    public static let ratio = #"^\s*\+?"# + number + #"\s*$"#

    /// `50`, `50.00`, `$50`.
    public static let money = #"^\s*\+?\$?"# + number + #"\s*$"#

    /// CNPG's `retentionPolicy`, exactly as the CRD's pattern: `30d`, `4w`, `3m`.
    public static let retentionPolicy = "^[1-9][0-9]*[dwm]$"

    /// `2026-01-01`.
    public static let date = #"^\s*[0-9]{4}-[0-9]{2}-[0-9]{2}\s*$"#

    /// `2026-03-01`, `2026-03-01T06:00:00Z`, `2026-03-01 06:00` (UTC only: no offset).
    public static let dateTime = #"^\s*[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2})?[Zz]?)?\s*$"#
}
