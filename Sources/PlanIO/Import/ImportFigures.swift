import Foundation
import PlanCore

/// The figures of an import that are computed rather than copied: sizes written in the
/// largest binary unit that keeps them whole, and the cautious guesses for what no
/// manifest holds (gitops.md; README "plan import" lists them).
enum ImportFigures {
    /// `bytes` as `20Gi`, `512Mi`, or a plain number of bytes.
    static func size(_ bytes: Double) -> String {
        let units: [(String, Double)] = [("Ti", 1_099_511_627_776), ("Gi", 1_073_741_824), ("Mi", 1_048_576), ("Ki", 1024)]
        for (unit, factor) in units where bytes >= factor && (bytes / factor).rounded() == bytes / factor {
            return "\(Int(bytes / factor))\(unit)"
        }
        return "\(Int(bytes.rounded()))"
    }

    /// A daily rate rounded up to whole MiB (at least 1 MiB): `28MiB/day`.
    static func dailyRate(_ bytesPerDay: Double) -> String {
        "\(max(1, Int((bytesPerDay / 1_048_576).rounded(.up))))MiB/day"
    }

    /// The guessed data size: half of its volume (a volume is sized with room to grow).
    static func guessedSize(volume: Double) -> Double { (volume / 2 / 1_048_576).rounded(.up) * 1_048_576 }

    /// The guessed growth: the other half of the volume filled in a year (pessimistic for
    /// capacity: most volumes are sized for longer).
    static func guessedGrowth(volume: Double) -> Double { volume / 2 / 365 }

    /// The guessed churn: 1% of the data rewritten a day.
    static let guessedChurn = "1%/day"
    static let churnShare = 0.01

    /// A Kubernetes quantity (`20Gi`, `500M`, `1.5Ti`) in bytes, or nil.
    static func quantity(_ text: String) -> Double? {
        guard case .success(let b) = ValueSyntax.size(text) else { return nil }
        return b.bytes
    }

    /// Whether `text` is a quantity in Kubernetes' grammar (`resource.Quantity`): a signed
    /// decimal number and a suffix, binary (`Ki` … `Ei`), decimal (`n`, `u`, `m`, `k`, `M`,
    /// `G`, `T`, `P`, `E`) or an exponent (`1e3`). Plan takes only some of them as sizes.
    static func isKubernetesQuantity(_ text: String) -> Bool {
        var rest = Substring(text)
        func number(_ s: inout Substring) -> Bool {
            if s.first == "+" || s.first == "-" { s = s.dropFirst() }
            let whole = s.prefix { $0.isASCII && $0.isNumber }
            s = s.dropFirst(whole.count)
            var fraction: Substring = ""
            if s.first == "." {
                s = s.dropFirst()
                fraction = s.prefix { $0.isASCII && $0.isNumber }
                s = s.dropFirst(fraction.count)
            }
            return !whole.isEmpty || !fraction.isEmpty
        }
        guard number(&rest) else { return false }
        if ["Ki", "Mi", "Gi", "Ti", "Pi", "Ei", "n", "u", "m", "", "k", "M", "G", "T", "P", "E"].contains(rest) { return true }
        guard rest.first == "e" || rest.first == "E" else { return false }
        rest = rest.dropFirst()
        if rest.first == "+" || rest.first == "-" { rest = rest.dropFirst() }
        return !rest.isEmpty && rest.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// A PostgreSQL size parameter in bytes: units `kB MB GB TB` are powers of 1024, and a
    /// bare number is in the parameter's own unit (MB for `max_wal_size`).
    static func postgresSize(_ text: String, bareUnit: Double = 1_048_576) -> Double? {
        let t = text.trimmingCharacters(in: .whitespaces)
        let units: [(String, Double)] = [("kB", 1024), ("MB", 1_048_576), ("GB", 1_073_741_824), ("TB", 1_099_511_627_776), ("B", 1)]
        for (unit, factor) in units where t.hasSuffix(unit) {
            guard let n = Double(t.dropLast(unit.count).trimmingCharacters(in: .whitespaces)), n > 0 else { return nil }
            return n * factor
        }
        guard let n = Double(t), n > 0 else { return nil }
        return n * bareUnit
    }
}
