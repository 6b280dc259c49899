import PlanCore

/// CSV cells written straight into a byte buffer (issue 15): the same characters as
/// `Format.fixed` and `String(n)`, without a `String` per cell. The day files are tens of
/// thousands of lines a run, and building a `String` for each number was most of the time
/// `plan simulate` spent.
enum ByteFormat {
    /// Appends the decimal digits of `n`.
    @inline(__always) static func append(_ n: UInt64, to out: inout [UInt8]) {
        if n < 10 {
            out.append(UInt8(truncatingIfNeeded: n) &+ 48)
            return
        }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: UInt64 has at most 20 digits
        var count = 0
        var v = n
        withUnsafeMutableBytes(of: &digits) { buffer in
            while v > 0 {
                buffer[count] = UInt8(truncatingIfNeeded: v % 10) &+ 48
                v /= 10
                count += 1
            }
            var i = count
            while i > 0 {
                i -= 1
                out.append(buffer[i])
            }
        }
    }

    /// Appends `n` as `String(n)` writes it.
    @inline(__always) static func append(_ n: Int, to out: inout [UInt8]) {
        if n < 0 {
            out.append(45)  // "-"
            append(n.magnitude.toUInt64, to: &out)
        } else {
            append(UInt64(n), to: &out)
        }
    }

    /// Appends `Format.fixed(x, decimals)` (half away from zero, `-` only when a digit is
    /// not zero, `inf`/`nan`); values whose scaled digits pass 2^53 go through `Format.fixed` itself.
    @inline(__always) static func fixed(_ x: Double, _ decimals: Int, to out: inout [UInt8]) {
        guard x.isFinite else {
            out.append(contentsOf: Format.fixed(x, decimals).utf8)
            return
        }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (Swift.abs(x) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < Format.wide else {
            out.append(contentsOf: Format.fixed(x, decimals).utf8)
            return
        }
        let n = UInt64(scaled)
        if x < 0 && n != 0 { out.append(45) }
        if decimals == 0 {
            append(n, to: &out)
            return
        }
        let p = UInt64(scale)
        append(n / p, to: &out)
        out.append(46)  // "."
        var frac = n % p
        // Zero-padded to `decimals` digits, written from the last.
        let start = out.count
        for _ in 0..<decimals { out.append(48) }
        var i = out.count - 1
        while frac > 0 && i >= start {
            out[i] = UInt8(truncatingIfNeeded: frac % 10) &+ 48
            frac /= 10
            i -= 1
        }
    }
}

extension UInt {
    fileprivate var toUInt64: UInt64 { UInt64(self) }
}

extension Cell {
    /// Appends the CSV cell's bytes: the same characters as `appendCSV(to: inout String)`.
    @inline(__always) public consuming func appendCSV(to out: inout [UInt8]) {
        switch self {
        case .text(let s): out.append(contentsOf: s.utf8)
        case .int(let n): ByteFormat.append(n, to: &out)
        case .integer(let x):
            if x.isInfinite { out.append(contentsOf: (x > 0 ? "inf" : "-inf").utf8) } else { ByteFormat.fixed(x, 0, to: &out) }
        case .money(let x):
            if x.isInfinite { out.append(contentsOf: (x > 0 ? "inf" : "-inf").utf8) } else { ByteFormat.fixed(x, 4, to: &out) }
        case .decimal6(let x):
            if x.isInfinite { out.append(contentsOf: (x > 0 ? "inf" : "-inf").utf8) } else { ByteFormat.fixed(x, 6, to: &out) }
        case .empty: break
        }
    }
}

extension Cell {
    /// Appends the JSON value's bytes: the same characters as `json` (a string escaped as
    /// `JSONRenderer.string` escapes it, the CSV cell's number, `"inf"`, `null`).
    @inline(__always) public consuming func appendJSON(to out: inout [UInt8]) {
        switch self {
        case .text(let s): ByteFormat.jsonString(s, to: &out)
        case .int(let n): ByteFormat.append(n, to: &out)
        case .integer(let x), .money(let x), .decimal6(let x):
            if x.isInfinite {
                out.append(contentsOf: (x > 0 ? "\"inf\"" : "\"-inf\"").utf8)
                return
            }
            let start = out.count
            appendCSV(to: &out)
            if out.count == start { out.append(contentsOf: "null".utf8) }
        case .empty: out.append(contentsOf: "null".utf8)
        }
    }
}

extension ByteFormat {
    /// The digits of a `\u00XX` escape.
    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends `s` as a JSON string literal: `"` and `\` escaped, `\n`, `\t`, `\r`, and
    /// `\u00XX` for the other control characters; every other byte as it is (a UTF-8 byte of
    /// a multi-byte scalar is never below 0x80).
    @inline(__always) static func jsonString(_ s: String, to out: inout [UInt8]) {
        out.append(34)  // "
        for b in s.utf8 {
            switch b {
            case 34: out.append(contentsOf: [92, 34])  // \"
            case 92: out.append(contentsOf: [92, 92])  // \\
            case 10: out.append(contentsOf: [92, 110])  // \n
            case 9: out.append(contentsOf: [92, 116])  // \t
            case 13: out.append(contentsOf: [92, 114])  // \r
            case 0..<0x20:
                out.append(contentsOf: [92, 117, 48, 48, hexDigits[Int(b >> 4)], hexDigits[Int(b & 15)]])  // \u00XX
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
    @inline(__always) public static func appendJSONObject(_ row: Row, columns: [Self], keys: [[UInt8]], to out: inout [UInt8]) {
        out.append(123)  // {
        for (i, column) in columns.enumerated() {
            if i > 0 { out.append(contentsOf: [44, 32]) }  // ", "
            out.append(contentsOf: keys[i])
            column.jsonCell(row).appendJSON(to: &out)
        }
        out.append(125)  // }
    }

    /// The `"name": ` prefix of each column of `columns`, for `appendJSONObject`.
    public static func jsonKeys(_ columns: [Self]) -> [[UInt8]] { columns.map { Array("\"\($0.name)\": ".utf8) } }
}
