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

    /// `30d`, `6h`, `5min`, `1d 2h`, `90s`: the two largest units that divide the value.
    public static func duration(_ seconds: Double) -> String {
        durationParts(seconds, limit: 2).joined(separator: " ")
    }

    /// A duration in scenario syntax, exact to the second: `30d`, `12h`, `5min`, `1d2h`.
    public static func exactDuration(_ seconds: Double) -> String {
        durationParts(seconds, limit: 4).joined()
    }

    /// A duration as Go's `time.ParseDuration` reads it (Velero's `ttl`): whole hours as
    /// `720h`, else seconds, `90s`. Go durations have no days.
    public static func goDuration(_ seconds: Double) -> String {
        let hours = seconds / 3600
        return hours == hours.rounded() ? "\(Int(hours))h" : "\(Int(seconds.rounded()))s"
    }

    /// Whole units from days down to seconds; `inf` beyond what whole seconds can count.
    static func durationParts(_ seconds: Double, limit: Int) -> [String] {
        guard seconds.isFinite, Swift.abs(seconds) < 9e15 else { return ["inf"] }
        var rest = Int(seconds.rounded())
        if rest == 0 { return ["0s"] }
        var parts: [String] = []
        for (unit, size) in [("d", 86_400), ("h", 3_600), ("min", 60), ("s", 1)] where rest >= size {
            parts.append("\(rest / size)\(unit)")
            rest %= size
            if parts.count == limit { break }
        }
        return parts
    }

    /// A size as a scenario would write it: the largest IEC or SI unit that writes it
    /// exactly (to one decimal), else bytes: `20Gi`, `500MB`, `1.5TB`, `4096`.
    public static func exactSize(_ bytes: Double) -> String {
        let units: [(String, Double)] = [
            ("Pi", 1_125_899_906_842_624), ("PB", 1e15), ("Ti", 1_099_511_627_776), ("TB", 1e12), ("Gi", 1_073_741_824),
            ("GB", 1e9), ("Mi", 1_048_576), ("MB", 1e6), ("Ki", 1024), ("kB", 1e3),
        ]
        for (unit, scale) in units where Swift.abs(bytes) >= scale {
            let n = bytes / scale
            if n == n.rounded() || (n * 10).rounded() == n * 10 { return plain(n) + unit }
        }
        return plain(bytes)
    }

    /// A number without trailing zeros (up to 6 decimals): `2`, `0.35`, `30.4375`.
    public static func plain(_ x: Double) -> String {
        if x == x.rounded() && Swift.abs(x) < 1e15 { return String(Int64(x)) }
        var s = fixed(x, 6)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }

    /// `10,000,000`: an integer with thousands separators.
    public static func grouped(_ n: Int) -> String { grouped(String(n)) }

    /// `1234567.5` → `1,234,567.5`: a number as `fixed` writes it (ASCII; or `inf`) with thousands
    /// separators in its whole part, after a leading `-`.
    ///
    /// On the bytes: a 10-year report groups tens of thousands of numbers for its tooltips,
    /// and counting `Character`s for each digit made that a quarter of its time.
    public static func grouped(_ number: String) -> String {
        let u = Array(number.utf8)
        let point = u.firstIndex(of: 46) ?? u.count  // "."
        let start = point > 0 && u[0] == 45 ? 1 : 0  // "-"
        let digits = point - start
        guard digits > 3 else { return number }
        var out: [UInt8] = []
        out.reserveCapacity(u.count + digits / 3)
        out.append(contentsOf: u[..<start])
        for i in 0..<digits {
            if i > 0 && (digits - i) % 3 == 0 { out.append(44) }  // ","
            out.append(u[start + i])
        }
        out.append(contentsOf: u[point...])
        return String(decoding: out, as: UTF8.self)
    }

    /// `x` with `decimals` digits after the point, rounded half away from zero.
    public static func fixed(_ x: Double, _ decimals: Int) -> String {
        if !x.isFinite { return x.isNaN ? "nan" : (x > 0 ? "inf" : "-inf") }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (Swift.abs(x) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < wide else { return wideFixed(x, decimals, scale: scale) }
        // The digits of `scaled` from the last: `decimals` of them, the point, the whole
        // part (at least one digit), the sign; one `String` made from them (no heap for 15
        // bytes or fewer). The report formats tens of thousands of coordinates this way.
        let n = UInt64(scaled)
        let negative = x < 0 && n != 0
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: decimals + 24) { buffer in
            var i = buffer.count
            var v = n
            func digit() {
                i -= 1
                buffer[i] = UInt8(truncatingIfNeeded: v % 10) &+ 48
                v /= 10
            }
            if decimals > 0 {
                for _ in 0..<decimals { digit() }
                i -= 1
                buffer[i] = 46  // "."
            }
            repeat { digit() } while v > 0
            if negative {
                i -= 1
                buffer[i] = 45  // "-"
            }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[i...]), as: UTF8.self)
        }
    }

    /// 2^53: from here on `|x| × 10^decimals` is no longer exact in a double, so `fixed`
    /// prints the whole part and the fraction apart (`wideFixed`).
    public static let wide = 0x1p53

    /// `fixed` for a value whose scaled digits pass 2^53 (sizes up to 2^70 B, or money past
    /// 9 × 10^11): the whole part with every digit it has, then the fraction alone rounded
    /// half away from zero. A double of 2^52 or more is a whole number, so its fraction is 0.
    /// The fraction is correctly rounded for `decimals` up to 9 (cells use 0 to 6): from 10
    /// on, `fraction × 10^decimals` can need more than 53 bits and round onto a half
    /// (`fixed(1048575.9766771113, 10)` gives …114, the exact double being …1113499…).
    ///
    /// The fraction's digits stop at the 19th decimal (10^19 is the largest power of ten a
    /// `UInt64` holds; past it they were never exact): more decimals are zeros after it,
    /// where 20 or more trapped (every caller asks for 0 to 6).
    static func wideFixed(_ x: Double, _ decimals: Int, scale: Double) -> String {
        guard decimals <= 19 else {
            return wideFixed(x, 19, scale: 1e19) + String(repeating: "0", count: decimals - 19)
        }
        let a = Swift.abs(x)
        let whole = a.rounded(.towardZero)
        // `a - whole` is exact. Its scaled value never rounds up to a whole 1: the guard saw the
        // rounded product reach 2^53, so a × 10^decimals ≥ 2^53 − ½ and a's step (more than
        // a / 2^53) is about 10^-decimals or more; a fraction is at most 1 less one step, so
        // fraction × 10^decimals stays below 10^decimals − ½.
        let fraction = ((a - whole) * scale).rounded(.toNearestOrAwayFromZero)
        var s = x < 0 && (whole != 0 || fraction != 0) ? "-" : ""
        s += wholeDigits(whole)
        guard decimals > 0 else { return s }
        let digits = String(UInt64(fraction))
        return s + "." + String(repeating: "0", count: decimals - digits.count) + digits
    }

    /// The decimal digits of a finite whole double `a` ≥ 0, every one exact: the double is
    /// its 53-bit significand times 2^k, doubled k times in base-10^18 limbs.
    static func wholeDigits(_ a: Double) -> String {
        if a < 0x1p64 { return String(UInt64(a)) }
        let base: UInt64 = 1_000_000_000_000_000_000
        var limbs: [UInt64] = [a.significandBitPattern | (1 << 52)]  // least significant first; < 2^53 < base
        for _ in 0..<(Int(a.exponent) - 52) {
            var carry: UInt64 = 0
            for i in limbs.indices {
                let v = limbs[i] &* 2 &+ carry  // < 2 × 10^18 + 1: no overflow
                limbs[i] = v % base
                carry = v / base
            }
            if carry > 0 { limbs.append(carry) }
        }
        var s = String(limbs[limbs.count - 1])
        for limb in limbs.dropLast().reversed() {
            let d = String(limb)
            s += String(repeating: "0", count: 18 - d.count) + d
        }
        return s
    }
}
