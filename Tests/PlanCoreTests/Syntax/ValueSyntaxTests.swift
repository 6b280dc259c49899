import Testing

@testable import PlanCore

/// The value syntax of scenario.md, every unit and form, with expected values worked out by
/// hand in the comments, and every error with its exact message and suggestion.
@Suite
struct ValueSyntaxTests {
    // MARK: - size

    @Test(arguments: [
        // A bare number, or `B`, is bytes.
        ("4096", 4096.0),
        ("0", 0),
        ("-0", 0),  // minus zero is zero, not negative
        ("+5", 5),
        ("512B", 512),
        // SI and Kubernetes decimal units: powers of 1000.
        ("1k", 1_000),
        ("1kB", 1_000),
        ("1KB", 1_000),
        ("500M", 500_000_000),  // 500 × 1000^2
        ("500MB", 500_000_000),
        ("3G", 3_000_000_000),  // 3 × 1000^3
        ("3GB", 3_000_000_000),
        ("1T", 1_000_000_000_000),
        ("2TB", 2_000_000_000_000),  // E1: 2 × 1000^4
        ("2P", 2_000_000_000_000_000),  // 2 × 1000^5
        ("2PB", 2_000_000_000_000_000),
        // IEC units: powers of 1024.
        ("1Ki", 1_024),
        ("1KiB", 1_024),
        ("3Mi", 3_145_728),  // 3 × 1024^2 = 3 × 1048576
        ("3MiB", 3_145_728),
        ("20Gi", 21_474_836_480),  // 20 × 1024^3 = 20 × 1073741824
        ("20GiB", 21_474_836_480),
        ("1.5Ti", 1_649_267_441_664),  // E1: 1.5 × 1024^4 = 1.5 × 1099511627776
        ("1.5TiB", 1_649_267_441_664),
        ("2Pi", 2_251_799_813_685_248),  // 2 × 1024^5 = 2 × 1125899906842624
        ("1024PiB", 1_152_921_504_606_846_976),  // 2^10 × 2^50 = 2^60
        // Number forms: fraction, leading dot, exponent; spaces around and before the unit.
        (".5GiB", 536_870_912),  // 0.5 × 1073741824
        ("1.1GB", 1_100_000_000),  // read as 1.1e9, not 1.1 × 1e9 rounded twice
        ("1e3", 1_000),
        ("1e3MB", 1_000_000_000),  // 1000 × 10^6
        ("2.5E-1GB", 250_000_000),  // 0.25 × 10^9
        ("1.5e3KiB", 1_536_000),  // 1500 × 1024
        ("2 GiB", 2_147_483_648),  // 2 × 1073741824
        ("2   GiB", 2_147_483_648),
        (" 20Gi ", 21_474_836_480),
        // The model's limit, 2^70 bytes, is itself accepted.
        ("1048576PiB", 1_180_591_620_717_411_303_424),  // 2^20 × 2^50 = 2^70
        ("1180591620717411303424", 1_180_591_620_717_411_303_424),
    ])
    func size(text: String, bytes: Double) throws {
        #expect(try ValueSyntax.size(text).get() == ByteCount(bytes))
    }

    static let sizeUnits = "B, kB, KB, MB, GB, TB, PB, k, M, G, T, P, Ki, Mi, Gi, Ti, Pi, KiB, MiB, GiB, TiB, PiB"

    @Test(arguments: [
        ("lots", ValueError("expected a size such as '20Gi', '500MB' or '4096', found 'lots'")),
        ("", ValueError("expected a size such as '20Gi', '500MB' or '4096', found ''")),
        ("GiB", ValueError("expected a size such as '20Gi', '500MB' or '4096', found 'GiB'")),
        ("1,000", ValueError("expected a size such as '20Gi', '500MB' or '4096', found '1,000'")),
        ("1.2.3", ValueError("expected a size such as '20Gi', '500MB' or '4096', found '1.2.3'")),
        ("-5GiB", ValueError("size '-5GiB' is negative")),
        ("-1", ValueError("size '-1' is negative")),
        ("20XB", ValueError("size '20XB' has an unknown unit 'XB'; expected one of \(sizeUnits)")),
        ("5Ei", ValueError("size '5Ei' has an unknown unit 'Ei'; expected one of \(sizeUnits)")),
        ("20Gi/day", ValueError("size '20Gi/day' has an unknown unit 'Gi/day'; expected one of \(sizeUnits)")),
        // A unit in the wrong case: the suggestion fixes the case only.
        (
            "20gb",
            ValueError(
                "size '20gb' has an unknown unit 'gb'; expected one of \(sizeUnits)", suggestion: "did you mean '20GB'?"
            )
        ),
        (
            "20 gib",
            ValueError(
                "size '20 gib' has an unknown unit 'gib'; expected one of \(sizeUnits)",
                suggestion: "did you mean '20 GiB'?")
        ),
        (
            "1kb",
            ValueError(
                "size '1kb' has an unknown unit 'kb'; expected one of \(sizeUnits)", suggestion: "did you mean '1kB'?")
        ),
        ("nan", ValueError("size 'nan' is not a finite number")),
        (".inf", ValueError("size '.inf' is not a finite number")),
        ("-Infinity", ValueError("size '-Infinity' is not a finite number")),
        ("1e30PiB", ValueError("size '1e30PiB' is larger than the model's limit of 2^70 bytes (1 ZiB)")),
        // 2^70 + 2^50 bytes: just past the limit.
        ("1048577PiB", ValueError("size '1048577PiB' is larger than the model's limit of 2^70 bytes (1 ZiB)")),
        ("1e400", ValueError("size '1e400' is larger than the model's limit of 2^70 bytes (1 ZiB)")),
    ])
    func sizeError(text: String, error: ValueError) {
        #expect(ValueSyntax.size(text) == .failure(error))
    }

}
