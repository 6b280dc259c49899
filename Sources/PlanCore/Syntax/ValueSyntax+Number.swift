/// The decimal-number scanner shared by every value parser. Numbers are extracted by hand
/// and converted with `Double(String)`, so no Foundation is needed and every conversion is
/// correctly rounded.

/// A decimal number as written: `1.5`, `.5`, `4096`, `1e3`, `2.5E-2`, with its sign.
struct DecimalLiteral {
    /// True when written with a leading `-`.
    var negative: Bool
    /// Digits and at most one `.`, without sign or exponent: `1.5` of `-1.5e3`.
    var mantissa: Substring
    /// The exponent of an `e` suffix (0 without one), saturated far outside `Double`'s range.
    var exponent: Int

    /// The value times 10^`shift`, correctly rounded: `4.35` shifted by −2 is exactly the
    /// `Double` nearest 0.0435 (dividing by 100 would give 0.043499999999999997), and `1.1`
    /// shifted by 9 is the `Double` nearest 1.1e9. Overflow gives ±infinity.
    func value(timesPowerOf10 shift: Int = 0) -> Double {
        let e = exponent + shift
        let digits = e == 0 ? String(mantissa) : String(mantissa) + "e" + String(e)
        let magnitude = Double(digits) ?? .nan  // the scanner only passes valid literals
        return (negative ? -magnitude : magnitude) + 0  // `+ 0` turns −0 into 0
    }
}

/// What stands at the start of a text where a number is expected.
enum NumberScan {
    /// A decimal literal and the text after it.
    case literal(DecimalLiteral, rest: Substring)
    /// `inf`, `infinity`, `nan` or YAML's `.inf` / `.nan` (any case, any sign).
    case nonFinite(rest: Substring)
    /// No number at all.
    case missing
}

extension ValueSyntax {
    /// Scans an optionally signed decimal number at the start of `text`:
    /// `[+-]? (digits ('.' digits*)? | '.' digits) ([eE] [+-]? digits)?`. An `e` is taken
    /// as an exponent only when digits follow it.
    static func scanNumber(_ text: Substring) -> NumberScan {
        var rest = text
        var negative = false
        if let c = rest.first, c == "+" || c == "-" {
            negative = c == "-"
            rest = rest.dropFirst()
        }
        let lower = rest.lowercased()
        for word in ["infinity", "inf", ".inf", "nan", ".nan"] where lower.hasPrefix(word) {
            return .nonFinite(rest: rest.dropFirst(word.count))
        }
        let start = rest.startIndex
        let integerDigits = rest.prefix(while: \.isASCIIDigit).count
        rest = rest.dropFirst(integerDigits)
        var fractionDigits = 0
        if rest.first == "." {
            fractionDigits = rest.dropFirst().prefix(while: \.isASCIIDigit).count
            if integerDigits > 0 || fractionDigits > 0 { rest = rest.dropFirst(1 + fractionDigits) }
        }
        guard integerDigits + fractionDigits > 0 else { return .missing }
        let mantissa = text[start..<rest.startIndex]
        var exponent = 0
        if let e = rest.first, e == "e" || e == "E" {
            var after = rest.dropFirst()
            var exponentNegative = false
            if let c = after.first, c == "+" || c == "-" {
                exponentNegative = c == "-"
                after = after.dropFirst()
            }
            let digits = after.prefix(while: \.isASCIIDigit)
            if !digits.isEmpty {
                for d in digits {
                    // Saturate: any exponent past ±10^6 already over- or underflows a Double.
                    exponent = min(exponent * 10 + Int((d.asciiValue ?? 48) - 48), 1_000_000)
                }
                if exponentNegative { exponent = -exponent }
                rest = after.dropFirst(digits.count)
            }
        }
        return .literal(DecimalLiteral(negative: negative, mantissa: mantissa, exponent: exponent), rest: rest)
    }

    /// The literal when `text` is one number and nothing else.
    static func wholeNumber(_ text: Substring) -> DecimalLiteral? {
        if case .literal(let literal, let rest) = scanNumber(text), rest.isEmpty { return literal }
        return nil
    }

    /// `text` without leading and trailing whitespace.
    static func trimmed<S: StringProtocol>(_ text: S) -> Substring where S.SubSequence == Substring {
        let start = text.firstIndex { !$0.isWhitespace } ?? text.endIndex
        let end = text.lastIndex { !$0.isWhitespace }.map { text.index(after: $0) } ?? start
        return text[start..<end]
    }

    /// `text` without any whitespace, for "did you mean" suggestions (`30 d` → `30d`).
    static func withoutWhitespace<S: StringProtocol>(_ text: S) -> String {
        String(text.filter { !$0.isWhitespace })
    }

    /// A number as a person writes it: `0.8`, `1`, `0.015` (no trailing `.0`).
    static func plain(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
        return String(x)
    }
}

extension Character {
    /// `0` … `9` only (not other scripts' digits, which `Double` would not read).
    var isASCIIDigit: Bool { isASCII && isNumber }
}
