import Testing

@testable import PlanCore

/// Numbers past 64 bits (the model handles sizes up to 2^70 B): every digit exact, since a
/// double that large is an integer.
@Suite("Format: past 64 bits")
struct FormatLargeTests {
    @Test("powers of two print their exact decimal digits")
    func exact() {
        // 2^70 = 1 180 591 620 717 411 303 424; 2^64 = 18 446 744 073 709 551 616.
        #expect(Format.fixed(0x1p70, 0) == "1180591620717411303424")
        #expect(Format.fixed(-0x1p64, 2) == "-18446744073709551616.00")
        // 1e19 is the double 10 000 000 000 000 000 000 exactly (2^19 × 5^19, 5^19 < 2^53).
        #expect(Format.fixed(1e19, 4) == "10000000000000000000.0000")
    }
}
