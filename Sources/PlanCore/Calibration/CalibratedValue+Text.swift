import Foundation  // math functions only (pow, log10, floor); no I/O

/// Fitted values written in scenario syntax (scenario.md "Value syntax"), to four
/// significant figures: a measurement is not more exact than that, and the file stays
/// readable (`2.134GiB`, `1.873GiB/day`, `0.3456%/day`).
extension CalibratedValue {
    public var scenarioText: String {
        switch self {
        case .size(let b): return CalibratedValue.size(b.bytes)
        case .rate(.absolute(let perDay)):
            let text = CalibratedValue.size(perDay)
            return text == "0" ? "0" : text + "/day"
        case .rate(.relative(let fraction, let periodDays)):
            let perDay = periodDays == 1 ? fraction : Foundation.pow(1 + fraction, 1 / periodDays) - 1
            let percent = CalibratedValue.significant(perDay * 100)
            return percent == "0" ? "0" : percent + "%/day"
        }
    }

    /// Bytes in the IEC unit that puts the number in [1, 1024): `2.134GiB`; under 1 KiB,
    /// whole bytes (`512`); under one byte, `0`. PiB is the largest unit the value syntax
    /// reads, so more is written in PiB (`2220PiB`).
    static func size(_ bytes: Double) -> String {
        guard bytes.isFinite else { return "0" }
        let units = ["", "KiB", "MiB", "GiB", "TiB", "PiB"]
        var v = Swift.abs(bytes)
        if v < 1 { return "0" }
        var i = 0
        while v >= 1024 && i < units.count - 1 {
            v /= 1024
            i += 1
        }
        let sign = bytes < 0 ? "-" : ""
        if i == 0 { return sign + String(Int(v.rounded())) }
        return sign + significant(v) + units[i]
    }

    /// `x` to four significant figures, without trailing zeros: `2.134`, `123.5`, `0.3456`.
    static func significant(_ x: Double) -> String {
        guard x != 0, x.isFinite else { return "0" }
        let magnitude = Int(Foundation.floor(Foundation.log10(Swift.abs(x))))
        let decimals = max(0, 3 - magnitude)
        guard decimals <= 12 else { return "0" }
        var s = Format.fixed(x, decimals)
        if s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        return s == "-0" ? "0" : s
    }
}
