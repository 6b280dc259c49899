import Testing

@testable import PlanCore
@testable import PlanIO

/// The byte writer of the day files (issue 15) writes exactly the characters of the
/// `String` formatting it replaced, on edge cases and on 200,000 seeded random values.
@Suite("CSV cells as bytes")
struct ByteFormatTests {
    func bytes(_ cell: Cell) -> String {
        var out: [UInt8] = []
        cell.appendCSV(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    func text(_ cell: Cell) -> String {
        var out = ""
        cell.appendCSV(to: &out)
        return out
    }

    @Test(
        "edge cases: halves, negative zero, tiny negatives, 64-bit limits, infinities",
        arguments: [
            0, -0.0, 0.5, 1.5, 2.5, -0.5, -0.4, -0.00004, 0.00005, 0.000049, 123_456.78905, 9.0e18, 8.999_999e18, 1e19, 0x1p53, 0x1p53 - 1,
            890_000_000_000_000.5,
            1.180591620717411e21, -3.25, 1e-300, Double.infinity, -Double.infinity, 4_294_967_295.5, 99.99995, 0.1 + 0.2,
            // Rounding without libm: the largest double below ½ (floor(x + ½) would give 1),
            // the last half below 2^52, and halves after scaling by 10^4 and 10^6.
            0.49999999999999994, -0.49999999999999994, 4_503_599_627_370_495.5, -4_503_599_627_370_495.5, 2.00005, 0.0000005,
            1.0000005,
        ] as [Double])
    func edges(_ x: Double) {
        for cell in [Cell.integer(x), .money(x), .decimal6(x)] {
            #expect(bytes(cell) == text(cell), "\(cell)")
        }
    }

    @Test("ints, and 200,000 random values of every magnitude in the three formats")
    func random() {
        for n in [0, 7, 10, -1, -10, Int.max, Int.min + 1, 1_000_000_007] {
            #expect(bytes(.int(n)) == String(n))
        }
        var state: UInt64 = 15
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        var mismatches: [String] = []
        for _ in 0..<200_000 {
            let mantissa = Double(next() % 1_000_000_000) / 1_000_000
            let exponent = Double(Int(next() % 40) - 12)
            let sign: Double = next() % 4 == 0 ? -1 : 1
            let x = sign * mantissa * pow10(exponent)
            for cell in [Cell.integer(x), .money(x), .decimal6(x)] where bytes(cell) != text(cell) {
                mismatches.append("\(cell): \(bytes(cell)) vs \(text(cell))")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    func pow10(_ e: Double) -> Double {
        var r = 1.0
        for _ in 0..<Int(Swift.abs(e)) { r *= 10 }
        return e < 0 ? 1 / r : r
    }
}

extension ByteFormatTests {
    func json(_ cell: Cell) -> String {
        var out: [UInt8] = []
        cell.appendJSON(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    @Test(
        "JSON values as bytes are the String path's: escapes, control characters, other scripts, numbers, inf, null",
        arguments: [
            Cell.text(""), .text("minio"), .text("a\"b\\c"), .text("line\nbreak\ttab\rcr"), .text("\u{01}\u{1f}\u{7f}"),
            .text("ünïcödé ✓ 🐘"), .int(-42), .integer(1.5), .money(-0.00004), .decimal6(2.0 / 3), .integer(.infinity),
            .money(-.infinity), .integer(.nan), .empty,
        ])
    func jsonCells(_ cell: Cell) {
        #expect(json(cell) == cell.json)
    }

    @Test("the escapes, written out: quote, backslash, newline, tab, CR, other control characters as \\u00XX, the rest as it is")
    func jsonEscapes() {
        #expect(JSONRenderer.string("a\"b\\c\n\t\r\u{01}\u{1f}ü✓") == "\"a\\\"b\\\\c\\n\\t\\r\\u0001\\u001fü✓\"")
        #expect(json(.text("")) == "\"\"")
    }
}

extension ByteFormatTests {
    @Test("digit counts at every power of ten: 10^k − 1 has k digits, 10^k has k + 1, and 0 has one")
    func digitCounts() {
        #expect(ByteFormat.digitCount(0) == 1)
        var p: UInt64 = 1
        for k in 1...19 {
            p *= 10
            #expect(ByteFormat.digitCount(p - 1) == k, "10^\(k) - 1")
            #expect(ByteFormat.digitCount(p) == k + 1, "10^\(k)")
        }
        #expect(ByteFormat.digitCount(.max) == 20)  // 18446744073709551615
    }

    @Test("a cursor into a small ByteBuffer writes the bytes an array does, while the buffer grows under it")
    func cursorGrows() {
        let cells: [Cell] = [
            .int(-42), .integer(5_988_913_365), .money(-0.00004), .decimal6(2.0 / 3), .text("cnpg/gitea-postgres"), .integer(.infinity),
            .money(1e300), .empty, .integer(0x1p53),
        ]
        var array: [UInt8] = []
        let buffer = ByteBuffer(capacity: 64)
        for round in 0..<50 {
            for cell in cells {
                cell.appendCSV(to: &array)
                array.append(44)
                buffer.write { cursor in
                    cell.appendCSV(to: &cursor)
                    cursor.append(44)
                }
            }
            #expect(buffer.count == array.count, "round \(round)")
        }
        #expect(buffer.bytes == array)
        // 1e300 (in [10^300, 10^301)) as money is its 301 whole digits, a point and 4 zeros:
        // 306 bytes, more than one number cell's room.
        let text = String(decoding: array, as: UTF8.self)
        let long: [Substring] = text.split(separator: ",").filter { $0.count > 64 }
        #expect(long.count == 50 && long.allSatisfy { $0.count == 306 && $0.hasSuffix(".0000") })
        buffer.removeAll()
        #expect(buffer.count == 0 && buffer.text.isEmpty)
    }
}
