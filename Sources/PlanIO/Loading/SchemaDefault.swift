import PlanCore

/// What a key is when the file leaves it out. Defaults are values of `ScenarioDefaults` (or
/// of the model's own initialisers), never written a second time here; this type only says
/// how to spell them as a scenario would.
enum SchemaDefault: Sendable {
    /// The file must give it.
    case required
    /// Required in some cases only, as the text says ("for minio and cluster targets").
    case requiredWhen(String)
    /// Absent means not set (a KPI with no limit); the text says what that means, if anything.
    case none(String?)
    /// Taken from elsewhere, as the text says ("growth + churn").
    case derived(String)
    /// A value.
    case value(DefaultValue)

    /// True when the file must give the key in every case.
    var isRequired: Bool {
        if case .required = self { return true }
        return false
    }

    /// The default column of the key tables (Markdown).
    var label: String {
        switch self {
        case .required: return "required"
        case .requiredWhen(let when): return "required " + when
        case .none(let meaning): return meaning.map { "— (\($0))" } ?? "—"
        case .derived(let text): return text
        case .value(let value): return "`" + value.yaml + "`"
        }
    }
}

/// A default value, spelled in the scenario's own syntax.
enum DefaultValue: Sendable {
    case int(Int)
    case bool(Bool)
    case text(String)
    case duration(Seconds, TimeUnit)
    case size(ByteCount)
    /// A speed in bytes per second.
    case bytesPerSecond(Double)
    case share(Share)
    case money(Money)
    case rate(Rate)
    case number(Double)
    case compression(Compression)
    /// A compression ratio where 1 is `none` (Velero).
    case ratio(Double)
    case retentionCheck(RetentionCheck)
    case emptyList
    case emptyMap

    /// The unit a duration default is spelled in: the one the real tool's documentation uses.
    enum TimeUnit: String, Sendable {
        case s, min, h, d

        var seconds: Double {
            switch self {
            case .s: return 1
            case .min: return 60
            case .h: return 3_600
            case .d: return 86_400
            }
        }
    }

    /// As a scenario would write it: `720h`, `10MiB`, `80%`, `none`.
    var yaml: String {
        switch self {
        case .int(let n): return String(n)
        case .bool(let b): return b ? "true" : "false"
        case .text(let t): return t
        case .duration(let s, let unit): return ScenarioValidator.format(s.value / unit.seconds) + unit.rawValue
        case .size(let b): return Self.size(b.bytes)
        case .bytesPerSecond(let b): return Self.size(b) + "/s"
        case .share(let s): return ScenarioValidator.format(s.fraction * 100) + "%"
        case .money(let m): return ScenarioValidator.format(m.amount)
        case .number(let x): return ScenarioValidator.format(x)
        case .rate(.absolute(let perDay)): return perDay == 0 ? "0" : Self.size(perDay) + "/day"
        case .rate(.relative(let fraction, let days)): return ScenarioValidator.format(fraction * 100) + "%/" + ScenarioValidator.format(days) + "d"
        case .compression(.algorithm(let a)): return a.rawValue
        case .compression(.ratio(let r)), .ratio(let r): return r == 1 ? "none" : ScenarioValidator.format(r)
        case .retentionCheck(.afterBackup): return "after-backup"
        case .retentionCheck(.every(let s)): return ScenarioValidator.format(s.value) + "s"
        case .emptyList: return "[]"
        case .emptyMap: return "{}"
        }
    }

    /// The largest IEC unit that divides `bytes` exactly: `10MiB`, `100GiB`.
    static func size(_ bytes: Double) -> String {
        let units: [(String, Double)] = [("TiB", ByteCount.tiB), ("GiB", ByteCount.giB), ("MiB", ByteCount.miB), ("KiB", ByteCount.kiB)]
        for (symbol, scale) in units where bytes >= scale && (bytes / scale).rounded() == bytes / scale {
            return ScenarioValidator.format(bytes / scale) + symbol
        }
        return ScenarioValidator.format(bytes)
    }
}
