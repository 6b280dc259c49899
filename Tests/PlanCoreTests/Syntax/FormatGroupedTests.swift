import Testing

@testable import PlanCore

/// Thousands separators (`Format.grouped`): a comma before every third digit of the whole
/// part counted from its end, never after a leading `-` nor in the fraction.
@Suite("Format: thousands separators")
struct FormatGroupedTests {
    @Test("a comma before every third digit from the end of the whole part")
    func wholeParts() {
        let cases: [(String, String)] = [
            ("1", "1"), ("999", "999"), ("1000", "1,000"), ("12345", "12,345"), ("123456", "123,456"),
            ("1234567", "1,234,567"),
            // 2^64 = 18 446 744 073 709 551 616: twenty digits, six commas.
            ("18446744073709551616", "18,446,744,073,709,551,616"),
        ]
        for (number, written) in cases { #expect(Format.grouped(number) == written) }
    }

    @Test("the sign stays in front, and the fraction keeps its digits")
    func signAndFraction() {
        #expect(Format.grouped("-1234") == "-1,234")
        #expect(Format.grouped("-123") == "-123")  // no comma after the sign
        #expect(Format.grouped("1234567.5") == "1,234,567.5")
        #expect(Format.grouped("-1234.56789") == "-1,234.56789")  // 5 fraction digits, none grouped
        #expect(Format.grouped(".5") == ".5")
        #expect(Format.grouped("") == "")
        #expect(Format.grouped("inf") == "inf")
    }

    @Test("an integer is grouped as its decimal text")
    func integers() {
        #expect(Format.grouped(10_000_000) == "10,000,000")
        #expect(Format.grouped(-1_234_567) == "-1,234,567")
        #expect(Format.grouped(Int.min) == "-9,223,372,036,854,775,808")
        #expect(Format.grouped(0) == "0")
    }
}

/// `Format.fixed` below 2^53, at the decimals the summary and the report use (0, 1, 2) and
/// past them; the CSV decimals (0, 4, 6) are also checked against `ByteFormat` on 200,000
/// random values (`ByteFormatTests`).
@Suite("Format: fixed decimals")
struct FormatFixedTests {
    @Test("half away from zero, a sign only on a digit that is not zero, the fraction zero-padded")
    func decimals() {
        #expect(Format.fixed(5, 0) == "5")
        #expect(Format.fixed(-7.5, 0) == "-8")  // 7.5 is exact: away from zero
        #expect(Format.fixed(0, 1) == "0.0")
        #expect(Format.fixed(-0.04, 1) == "0.0")  // 0.4 rounds to 0: no sign
        // 0.05 is 0.05000000000000000277…; × 10 it is the double 0.5, away from zero: 1.
        #expect(Format.fixed(-0.05, 1) == "-0.1")
        #expect(Format.fixed(1234.5, 2) == "1234.50")
        #expect(Format.fixed(0.125, 2) == "0.13")  // 12.5 exactly, away from zero
        #expect(Format.fixed(76.0, 1) == "76.0")
    }

    @Test("many decimals: every digit written, the buffer sized for them")
    func manyDecimals() {
        // 2^-20 = 0.00000095367431640625 exactly: × 10^20 it is 5^20 = 95,367,431,640,625 (< 2^53).
        #expect(Format.fixed(0x1p-20, 20) == "0.00000095367431640625")
        #expect(Format.fixed(0, 30) == "0." + String(repeating: "0", count: 30))
    }

    @Test("more than 19 decimals of a value whose digits pass 2^53: zeros after the 19th, not a trap")
    func wideManyDecimals() {
        // 0.375 × 10^21 passes 2^53 (about 9.007 × 10^15), so the whole part and the fraction
        // go apart; 0.375 × 10^19 = 3,750,000,000,000,000,000 is exact (375 × 2^16 × 5^16, a
        // multiple of the 512 between doubles there), then two zeros.
        #expect(Format.fixed(0.375, 21) == "0.375" + String(repeating: "0", count: 18))
        // 2^60 + 0.5 is no double (2^60 is a whole number's step of 256): 2^60 itself,
        // 1,152,921,504,606,846,976, then 25 zeros.
        #expect(Format.fixed(0x1p60, 25) == "1152921504606846976." + String(repeating: "0", count: 25))
        #expect(Format.fixed(-0x1p60, 25) == "-1152921504606846976." + String(repeating: "0", count: 25))
    }
}
