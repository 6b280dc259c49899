/// Human-readable figures for messages and the summary table (not for CSV cells, which
/// keep exact integers and fixed decimals).
public enum Format {
    /// `1.5 GiB`, `20.0 GiB`, `512 B`: IEC units, three significant figures.
    public static func bytes(_ b: Double) -> String {
        if !b.isFinite { return b > 0 ? "inf" : "-inf" }
        let units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB"]
        var v = Swift.abs(b)
        var i = 0
        while v >= 1024 && i < units.count - 1 {
            v /= 1024
            i += 1
        }
        let sign = b < 0 ? "-" : ""
        if i == 0 { return sign + String(Int(v.rounded())) + " B" }
        return sign + fixed(v, v >= 100 ? 0 : v >= 10 ? 1 : 2) + " " + units[i]
    }

    /// `30d`, `6h`, `5min`, `1d 2h`, `90s`: the largest units that divide the value.
    public static func duration(_ seconds: Double) -> String {
        if !seconds.isFinite { return "inf" }
        var rest = Int(seconds.rounded())
        if rest == 0 { return "0s" }
        var parts: [String] = []
        for (unit, size) in [("d", 86_400), ("h", 3_600), ("min", 60), ("s", 1)] where rest >= size {
            parts.append("\(rest / size)\(unit)")
            rest %= size
            if parts.count == 2 { break }
        }
        return parts.joined(separator: " ")
    }

    /// `x` with `decimals` digits after the point, rounded half away from zero.
    public static func fixed(_ x: Double, _ decimals: Int) -> String {
        if !x.isFinite { return x.isNaN ? "nan" : (x > 0 ? "inf" : "-inf") }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (Swift.abs(x) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9.0e18 else { return largeFixed(x, decimals) }
        let n = UInt64(scaled)
        let p = UInt64(scale)
        let sign = x < 0 && n != 0 ? "-" : ""
        if decimals == 0 { return sign + String(n) }
        let frac = String(n % p)
        return sign + String(n / p) + "." + String(repeating: "0", count: decimals - frac.count) + frac
    }

    /// An integer string for a value too large for 64 bits (sizes up to 2^70 B).
    static func largeFixed(_ x: Double, _ decimals: Int) -> String {
        // Doubles above 2^53 are integers: print them digit by digit.
        var v = Swift.abs(x).rounded(.toNearestOrAwayFromZero)
        var digits: [Character] = []
        while v >= 1 {
            let r = v.truncatingRemainder(dividingBy: 10)  // exact (fmod)
            digits.append(Character(String(Int(r))))
            v = ((v - r) / 10).rounded()
        }
        var s = String(digits.reversed())
        if s.isEmpty { s = "0" }
        if decimals > 0 { s += "." + String(repeating: "0", count: decimals) }
        return (x < 0 ? "-" : "") + s
    }
}
