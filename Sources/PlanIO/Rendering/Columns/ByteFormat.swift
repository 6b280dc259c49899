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
        withScratch { buffer in
            let start = digits(n, endingAt: buffer.count, in: buffer)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start...]))
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
    /// not zero, `inf`/`nan`); values whose scaled digits pass 2^53 go through
    /// `Format.fixed` itself. `decimals` is at most 19, so that 10^decimals is a `UInt64`
    /// (cells use 0, 4 and 6).
    ///
    /// The number is written backwards into a buffer on the stack and appended once: one
    /// capacity check per cell, not one per byte (a 100-year run writes 60 MB of them).
    @inline(__always) static func fixed(_ x: Double, _ decimals: Int, to out: inout [UInt8]) {
        guard x.isFinite else {
            out.append(contentsOf: Format.fixed(x, decimals).utf8)
            return
        }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let a = Swift.abs(x) * scale
        // Past 2^53 (only there does `a` round to 2^53 or more), `Format.fixed` writes it.
        guard a < Format.wide else {
            out.append(contentsOf: Format.fixed(x, decimals).utf8)
            return
        }
        // Half away from zero without libm's `round` (a call on baseline x86-64, 2% of a
        // 100-year run): 0 ≤ a < 2^53, so its whole part converts exactly, `a − whole` is
        // exact, and whole + 1 is exact. The same integer as `a.rounded(.toNearestOrAwayFromZero)`.
        let whole = UInt64(a)
        let n = a - Double(whole) >= 0.5 ? whole + 1 : whole
        withScratch { buffer in
            var i = buffer.count
            var whole = n
            if decimals > 0 {
                // Zero-padded to `decimals` digits, from the last.
                let p = UInt64(scale)
                var fraction = n % p
                whole = n / p
                for _ in 0..<decimals {
                    i -= 1
                    buffer[i] = UInt8(truncatingIfNeeded: fraction % 10) &+ 48
                    fraction /= 10
                }
                i -= 1
                buffer[i] = 46  // "."
            }
            i = digits(whole, endingAt: i, in: buffer)
            if x < 0 && n != 0 {
                i -= 1
                buffer[i] = 45  // "-"
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[i...]))
        }
    }

    /// Writes the digits of `n` (at least one) so that they end just before `end`; returns
    /// where they start.
    @inline(__always) private static func digits(_ n: UInt64, endingAt end: Int, in buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var i = end
        var v = n
        repeat {
            i -= 1
            buffer[i] = UInt8(truncatingIfNeeded: v % 10) &+ 48
            v /= 10
        } while v > 0
        return i
    }

    /// A 48-byte buffer on the stack: a sign, 20 digits of a `UInt64`, a point and 19
    /// decimals, with room to spare.
    @inline(__always) private static func withScratch(_ body: (UnsafeMutableBufferPointer<UInt8>) -> Void) {
        var scratch: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &scratch) { raw in
            body(raw.bindMemory(to: UInt8.self))
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
