import Testing

@testable import PlanCore

/// Numbers whose digits pass 2^53 at the printed decimals (the model handles sizes up to
/// 2^70 B): every digit the double has, and only those, on every platform (no `UInt128`,
/// which macOS has only from 15).
@Suite("Format: past 2^53")
struct FormatLargeTests {
    @Test("powers of two print their exact decimal digits")
    func exact() {
        // 2^70 = 1 180 591 620 717 411 303 424; 2^64 = 18 446 744 073 709 551 616.
        #expect(Format.fixed(0x1p70, 0) == "1180591620717411303424")
        #expect(Format.fixed(-0x1p64, 2) == "-18446744073709551616.00")
        // 1e19 is the double 10 000 000 000 000 000 000 exactly (2^19 × 5^19, 5^19 < 2^53).
        #expect(Format.fixed(1e19, 4) == "10000000000000000000.0000")
        // 2^200 = (2^100)^2, 2^100 = 1 267 650 600 228 229 401 496 703 205 376.
        #expect(Format.fixed(0x1p200, 0) == "1606938044258990275541962092341162602522202993782792835301376")
        // 2^128 − 2^75 = (2^53 − 1) × 2^75, the largest double below 2^128:
        // 340 282 366 920 938 463 463 374 607 431 768 211 456 − 37 778 931 862 957 161 709 568.
        #expect(Format.fixed(0x1p128 - 0x1p75, 0) == "340282366920938425684442744474606501888")
    }

    @Test("a fraction keeps its own digits when whole and fraction together pass 2^53")
    func fractions() {
        // 8.9 × 10^14 < 2^50, where doubles step by 2^-3: the .5 is exact. × 10^4 in a double
        // is 8 900 000 000 000 005 120 (a step of 1024 there), which printed ".5120" before.
        #expect(Format.fixed(890_000_000_000_000.5, 4) == "890000000000000.5000")
        #expect(Format.fixed(-890_000_000_000_000.5, 4) == "-890000000000000.5000")
        // 2^50 − 1/8 at 2 decimals: .875 × 100 = 87.5, half away from zero: 88.
        #expect(Format.fixed(0x1p50 - 0.125, 2) == "1125899906842623.88")
        // 9 × 10^14 + 0.5 at 4 decimals scales past 9 × 10^18: the fraction was dropped to
        // "900000000000001.0000" (rounded whole) before.
        #expect(Format.fixed(900_000_000_000_000.5, 4) == "900000000000000.5000")
        // Below 2^53 at the printed decimals nothing changes: 2^53 − 1 = 9 007 199 254 740 991.
        #expect(Format.fixed(0x1p53 - 1, 0) == "9007199254740991")
        #expect(Format.fixed(0x1p53, 0) == "9007199254740992")
    }
}
