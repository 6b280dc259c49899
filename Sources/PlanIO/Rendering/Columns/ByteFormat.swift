import PlanCore

/// CSV cells written straight into a byte buffer (issue 15): the same characters as
/// `Format.fixed` and `String(n)`, without a `String` per cell. The day files are tens of
/// thousands of lines a run, and building a `String` for each number was most of the time
/// `plan simulate` spent.
@usableFromInline enum ByteFormat {
    /// Appends the decimal digits of `n`.
    @inlinable @inline(__always) static func append<O: ByteOutput & ~Copyable>(_ n: UInt64, to out: inout O) {
        if n < 10 {
            out.append(UInt8(truncatingIfNeeded: n) &+ 48)
            return
        }
        let count = digitCount(n)
        out.write(room: 20) { start in
            writeDigits(n, digits: count, endingAt: start + count)
            return count
        }
    }

    /// Appends `n` as `String(n)` writes it.
    @inlinable @inline(__always) static func append<O: ByteOutput & ~Copyable>(_ n: Int, to out: inout O) {
        if n < 0 {
            out.append(45)  // "-"
            append(n.magnitude.toUInt64, to: &out)
        } else {
            append(UInt64(n), to: &out)
        }
    }

    /// Appends `Format.fixed(x, decimals)` (half away from zero, `-` only when a digit is
    /// not zero, `inf`/`nan`); values whose scaled digits pass 2^53 go through
    /// `Format.fixed` itself. `decimals` is at most 19, so that 10^decimals is a `UInt64`
    /// (cells use 0, 4 and 6).
    ///
    /// The cell is written in place, its length known beforehand (sign, whole part, point,
    /// fraction, each part's digits from its known end backwards): one capacity check per
    /// cell, not one per byte (a 100-year run writes 60 MB of them).
    @inline(__always) static func fixed<O: ByteOutput & ~Copyable>(_ x: Double, _ decimals: Int, to out: inout O) {
        guard x.isFinite else {
            out.append(Format.fixed(x, decimals))
            return
        }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let a = Swift.abs(x) * scale
        // Past 2^53 (only there does `a` round to 2^53 or more), `Format.fixed` writes it.
        guard a < Format.wide else {
            out.append(Format.fixed(x, decimals))
            return
        }
        let n = UInt64(a.nearestWholeBelow2p53)
        let p = powers[decimals]
        let integer = decimals > 0 ? n / p : n
        let negative = x < 0 && n != 0
        let integerDigits = digitCount(integer)
        let count = (negative ? 1 : 0) + integerDigits + (decimals > 0 ? decimals + 1 : 0)
        // At most a sign, 16 digits below 2^53, a point and 19 decimals.
        out.write(room: 40) { start in
            var q = start
            if negative {
                q.pointee = 45  // "-"
                q += 1
            }
            q += integerDigits
            writeDigits(integer, digits: integerDigits, endingAt: q)
            if decimals > 0 {
                q.pointee = 46  // "."
                writeDigits(n % p, digits: decimals, endingAt: q + 1 + decimals)
            }
            return count
        }
    }

    /// "00", "01", … "99": the digits are written two at a time.
    @usableFromInline static let pairs: StaticString =
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"

    /// 10^0 … 10^19.
    @usableFromInline static let powers: [UInt64] = [
        1, 10, 100, 1000, 10000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000, 10_000_000_000, 100_000_000_000,
        1_000_000_000_000, 10_000_000_000_000, 100_000_000_000_000, 1_000_000_000_000_000, 10_000_000_000_000_000,
        100_000_000_000_000_000, 1_000_000_000_000_000_000, 10_000_000_000_000_000_000,
    ]

    /// How many decimal digits `n` has (1 for 0): ⌊log10(2^bits)⌋ from the bit length
    /// (⌊bits × 1233 / 4096⌋ = ⌊bits × log10 2⌋ for every bit length up to 64), then one comparison.
    @inlinable @inline(__always) static func digitCount(_ n: UInt64) -> Int {
        let guess = ((64 - (n | 1).leadingZeroBitCount) &* 1233) >> 12
        return n >= powers[guess] ? guess + 1 : Swift.max(guess, 1)
    }

    /// Writes exactly `digits` digits of `n` (< 10^digits), zero-padded (a whole part is
    /// given its `digitCount`, a fraction its decimals), ending just before `end`.
    @inlinable @inline(__always) static func writeDigits(_ n: UInt64, digits: Int, endingAt end: UnsafeMutablePointer<UInt8>) {
        let pairs = ByteFormat.pairs.utf8Start
        var i = end
        var v = n
        var left = digits
        while left >= 2 {
            let r = Int(truncatingIfNeeded: v % 100) &* 2
            v /= 100
            i -= 2
            i[0] = pairs[r]
            i[1] = pairs[r &+ 1]
            left -= 2
        }
        if left == 1 {
            i -= 1
            i[0] = UInt8(truncatingIfNeeded: v % 10) &+ 48
        }
    }
}

extension Double {
    /// This magnitude's nearest integer, half away from zero, without libm's `round` (a call
    /// on baseline x86-64, 2% of a 100-year run; 1.6% of a recording's engine thread, for the
    /// run store's numbers). For 0 ≤ self < 2^53: the whole part converts exactly, `self −
    /// whole` is exact, and whole + 1 is exact, so it is the integer of
    /// `rounded(.toNearestOrAwayFromZero)`. Through `Int64`: one instruction each way, where
    /// `UInt64` takes several on x86-64.
    @inlinable public var nearestWholeBelow2p53: Int64 {
        let whole = Int64(self)
        return self - Double(whole) >= 0.5 ? whole + 1 : whole
    }
}

extension UInt {
    @inlinable var toUInt64: UInt64 { UInt64(self) }
}

extension Cell {
    /// Appends the CSV cell's bytes: the same characters as `appendCSV(to: inout String)`.
    @inline(__always) public consuming func appendCSV<O: ByteOutput & ~Copyable>(to out: inout O) {
        switch self {
        case .text(let s): out.append(s)
        case .int(let n): ByteFormat.append(n, to: &out)
        case .integer(let x):
            if x.isInfinite { out.append(x > 0 ? "inf" : "-inf") } else { ByteFormat.fixed(x, 0, to: &out) }
        case .money(let x):
            if x.isInfinite { out.append(x > 0 ? "inf" : "-inf") } else { ByteFormat.fixed(x, 4, to: &out) }
        case .decimal6(let x):
            if x.isInfinite { out.append(x > 0 ? "inf" : "-inf") } else { ByteFormat.fixed(x, 6, to: &out) }
        case .empty: break
        }
    }
}

extension Cell {
    /// Appends the JSON value's bytes: the same characters as `json` (a string escaped as
    /// `JSONRenderer.string` escapes it, the CSV cell's number, `"inf"`, `null`).
    @inline(__always) public consuming func appendJSON<O: ByteOutput & ~Copyable>(to out: inout O) {
        switch self {
        case .text(let s): ByteFormat.jsonString(s, to: &out)
        case .int(let n): ByteFormat.append(n, to: &out)
        case .integer(let x), .money(let x), .decimal6(let x):
            if x.isInfinite {
                out.append(x > 0 ? "\"inf\"" : "\"-inf\"")
                return
            }
            // A number's CSV cell is never empty (digits, or `nan`), so never `null`.
            appendCSV(to: &out)
        case .empty: out.append("null")
        }
    }
}

extension ByteFormat {
    /// The digits of a `\u00XX` escape.
    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends `s` as a JSON string literal: `"` and `\` escaped, `\n`, `\t`, `\r`, and
    /// `\u00XX` for the other control characters; every other byte as it is (a UTF-8 byte of
    /// a multi-byte scalar is never below 0x80).
    @inline(__always) static func jsonString<O: ByteOutput & ~Copyable>(_ s: String, to out: inout O) {
        out.append(34)  // "
        func escaped(_ c: UInt8) {
            out.append(92)  // \
            out.append(c)
        }
        for b in s.utf8 {
            switch b {
            case 34, 92: escaped(b)  // \" and \\
            case 10: escaped(110)  // \n
            case 9: escaped(116)  // \t
            case 13: escaped(114)  // \r
            case 0..<0x20:
                out.append([92, 117, 48, 48, hexDigits[Int(b >> 4)], hexDigits[Int(b & 15)]])  // \u00XX
            default: out.append(b)
            }
        }
        out.append(34)
    }
}

extension OutputColumn {
    /// Appends `row` as the one-line JSON object of `jsonObject(_:version:)`, bytes for bytes.
    ///
    /// - Parameter keys: each column's `"name": ` as bytes, in the order of `columns`.
    @inline(__always) public static func appendJSONObject<O: ByteOutput & ~Copyable>(
        _ row: Row, columns: [Self], keys: [[UInt8]], to out: inout O
    ) {
        out.append(123)  // {
        for (i, column) in columns.enumerated() {
            if i > 0 {
                out.append(44)  // ","
                out.append(32)
            }
            out.append(keys[i])
            column.jsonCell(row).appendJSON(to: &out)
        }
        out.append(125)  // }
    }

    /// The `"name": ` prefix of each column of `columns`, for `appendJSONObject`.
    public static func jsonKeys(_ columns: [Self]) -> [[UInt8]] { columns.map { Array("\"\($0.name)\": ".utf8) } }
}
