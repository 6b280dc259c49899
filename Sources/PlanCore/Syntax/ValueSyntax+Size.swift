/// Sizes: `20Gi`, `1.5TiB`, `500MB`, `1TB`, `4096`, `2 GiB` (scenario.md "Value syntax").

extension ValueSyntax {
    /// `20Gi`, `1.5TiB`, `500MB`, `1TB`, `4096`, `2 GiB`. Never negative, at most 2^70 bytes.
    ///
    /// A number (optional sign, fraction and exponent: `1e3`) then an optional unit, with
    /// spaces allowed between them. IEC `Ki Mi Gi Ti Pi` and `KiB … PiB` are powers of 1024;
    /// SI `kB`/`KB MB GB TB PB` and Kubernetes' `k M G T P` are powers of 1000; `B` or no
    /// unit is bytes. Units are case-sensitive (`20gb` is refused with `did you mean
    /// '20GB'?`), since `b` and `B`, `m` and `M` mean different things elsewhere.
    public static func size(_ text: String) -> Result<ByteCount, ValueError> {
        offeringFix(sizeUnfixed(text), text, fix: sizeFix) { (try? sizeUnfixed($0).get()) != nil }
    }

    static func sizeUnfixed(_ text: String) -> Result<ByteCount, ValueError> {
        switch sizeAmount(trimmed(text)) {
        case .failure(.notANumber):
            return .failure(ValueError("expected a size such as '20Gi', '500MB' or '4096', found '\(text)'"))
        case .failure(.nonFinite):
            return .failure(ValueError("size '\(text)' is not a finite number"))
        case .failure(.unknownUnit(let unit, let fixed)):
            return .failure(
                ValueError(
                    "size '\(text)' has an unknown unit '\(unit)'; expected one of \(SizeUnit.list)",
                    suggestion: fixed.map { "did you mean '\($0)'?" }))
        case .success(let bytes):
            if bytes < 0 { return .failure(ValueError("size '\(text)' is negative")) }
            if bytes > ByteCount.modelLimit.bytes {
                return .failure(ValueError("size '\(text)' is larger than \(SizeUnit.limitPhrase)"))
            }
            return .success(ByteCount(bytes))
        }
    }

    /// Why the amount of a size (or of an absolute rate) could not be read.
    enum AmountProblem: Error {
        case notANumber
        case nonFinite
        /// The unit as written, and the whole amount with the unit's case fixed when one
        /// unit matches it ignoring case (`20gib` → `20GiB`).
        case unknownUnit(Substring, fixed: String?)
    }

    /// The signed number of bytes written in `text` (already trimmed): a number, optional
    /// spaces, an optional unit. The caller checks the sign and the model's limit.
    static func sizeAmount(_ text: Substring) -> Result<Double, AmountProblem> {
        switch scanNumber(text) {
        case .missing: return .failure(.notANumber)
        case .nonFinite: return .failure(.nonFinite)
        case .literal(let literal, let rest):
            let unit = trimmed(rest)
            // `1,000` or `1.2.3` is not a number followed by a unit.
            if let c = unit.first, !c.isLetter { return .failure(.notANumber) }
            guard let scale = SizeUnit.scale(of: unit) else {
                let fixed = SizeUnit.caseInsensitiveMatch(unit).map { String(text[..<unit.startIndex]) + $0 }
                return .failure(.unknownUnit(unit, fixed: fixed))
            }
            switch scale {
            case .powerOf1000(let n): return .success(literal.value(timesPowerOf10: 3 * n))
            case .powerOf1024(let n): return .success(literal.value() * pow1024(n))
            }
        }
    }

    /// 1024^n, exact in a `Double` for every n used here.
    private static func pow1024(_ n: Int) -> Double {
        (0..<n).reduce(1.0) { product, _ in product * 1024 }
    }
}

/// The size units of scenario.md and what each multiplies by.
enum SizeUnit {
    enum Scale {
        case powerOf1000(Int)
        case powerOf1024(Int)
    }

    /// Every unit in the order error messages list them; `""` is a bare number (bytes).
    static let all: [(symbol: String, scale: Scale)] = [
        ("B", .powerOf1000(0)),
        ("kB", .powerOf1000(1)), ("KB", .powerOf1000(1)), ("MB", .powerOf1000(2)),
        ("GB", .powerOf1000(3)), ("TB", .powerOf1000(4)), ("PB", .powerOf1000(5)),
        ("k", .powerOf1000(1)), ("M", .powerOf1000(2)), ("G", .powerOf1000(3)),
        ("T", .powerOf1000(4)), ("P", .powerOf1000(5)),
        ("Ki", .powerOf1024(1)), ("Mi", .powerOf1024(2)), ("Gi", .powerOf1024(3)),
        ("Ti", .powerOf1024(4)), ("Pi", .powerOf1024(5)),
        ("KiB", .powerOf1024(1)), ("MiB", .powerOf1024(2)), ("GiB", .powerOf1024(3)),
        ("TiB", .powerOf1024(4)), ("PiB", .powerOf1024(5)),
    ]

    /// `B, kB, KB, MB, …, PiB` for "expected one of".
    static let list = all.map(\.symbol).joined(separator: ", ")

    /// How error messages name `ByteCount.modelLimit` (model.md "Workloads").
    static let limitPhrase = "the model's limit of 2^70 bytes (1 ZiB)"

    static func scale(of unit: Substring) -> Scale? {
        if unit.isEmpty { return .powerOf1000(0) }
        return all.first { $0.symbol == unit }?.scale
    }

    /// The first unit equal to `unit` ignoring case: `gib` → `GiB`, `kb` → `kB`.
    static func caseInsensitiveMatch(_ unit: Substring) -> String? {
        let lower = unit.lowercased()
        return all.first { $0.symbol.lowercased() == lower }?.symbol
    }
}
