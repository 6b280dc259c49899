import PlanCore

/// The kind of a scenario key's value (scenario.md "Value syntax" and the key tables):
/// how the reference names it and which forms the loader accepts.
enum ValueType: Sendable {
    /// `version`: `1` or `2`.
    case version
    /// A name of the scenario (`name`): 1–63 characters of `a-z 0-9 -`.
    case name
    case text
    case date
    /// A date or a UTC date-time (a fault's window).
    case dateTime
    case size
    /// A rate; `signed` when it may be negative (growth).
    case rate(signed: Bool)
    /// A rate in bytes per period (restore speeds).
    case absoluteRate
    case duration
    /// A duration of whole days, at least 1.
    case wholeDays
    case percent
    case money
    case bool
    case integer(atLeast: Int)
    case number(atLeast: Double)
    case cron(CronDialect)
    case retentionPolicy
    /// CNPG `retention_check`: `after-backup` or a duration.
    case retentionCheck
    /// One of a fixed set of words.
    case words([String])
    /// An algorithm among those the tool offers, or a measured ratio.
    case compression([CompressionAlgorithm])
    /// Velero: `none` or a measured ratio.
    case noneOrRatio
    /// The name of another entry of the file (`noun`: "workload", "target").
    case reference(String)
    /// A list of names of other entries, or of things outside the file (buckets).
    case names(String)
    /// A job as `TIER/NAME`.
    case job
    /// A list of jobs as `TIER/NAME`.
    case jobs
    /// `storage_gb_month`: one price, or a list of `{up_to, price}` tiers.
    case priceTiers
    /// `lifecycle`: a list of `{after, class}` transitions.
    case transitions
    /// A mapping with fixed keys.
    case mapping
    /// A mapping of entries by name; the noun of one entry.
    case named(String)

    /// How the key tables name the type (Markdown).
    var label: String {
        switch self {
        case .version: return "`1` \\| `2`"
        case .name: return "name"
        case .text: return "string"
        case .date: return "date"
        case .dateTime: return "date or date-time"
        case .size: return "size"
        case .rate: return "rate"
        case .absoluteRate: return "rate (absolute)"
        case .duration: return "duration"
        case .wholeDays: return "duration, whole days ≥ 1"
        case .percent: return "percent"
        case .money: return "money"
        case .bool: return "bool"
        case .integer(let minimum): return "int ≥ \(minimum)"
        case .number(let minimum): return "number ≥ \(ScenarioValidator.format(minimum))"
        case .cron(.cnpg): return "cron (CNPG, seconds first)"
        case .cron(.standard): return "cron (5 fields)"
        case .retentionPolicy: return "retention policy"
        case .retentionCheck: return "`after-backup` or duration"
        case .words(let words): return words.map { "`\($0)`" }.joined(separator: " \\| ")
        case .compression(let algorithms): return algorithms.map { "`\($0.rawValue)`" }.joined(separator: " ") + " or ratio"
        case .noneOrRatio: return "`none` or ratio"
        case .reference(let noun): return "\(noun) name"
        case .names(let noun): return "list of \(noun) names"
        case .job: return "`TIER/NAME`"
        case .jobs: return "list of `TIER/NAME`"
        case .priceTiers: return "money or list of tiers"
        case .transitions: return "list of `{after, class}`"
        case .mapping: return "map"
        case .named(let noun): return "map of \(noun)s by name"
        }
    }

    /// The accepted forms, for `plan explain` (plain text with `code` quotes).
    var forms: String {
        switch self {
        case .version: return "1 or 2; 2 enables the version 2 keys"
        case .name, .reference, .named:
            return "names of 1–63 characters of a-z, 0-9 and '-', starting with a letter; 'total' is reserved"
        case .text: return "any text"
        case .date: return "an ISO 8601 date: 2026-01-01"
        case .dateTime:
            return
                "a date (its 00:00 UTC) or a UTC date-time: 2026-03-01, 2026-03-01T06:00:00Z, 2026-03-01 06:00 (T or a space; seconds and Z optional; no zone offset)"
        case .size:
            return
                "a number and a unit: 20Gi, 1.5TiB, 500MB, 2 GiB, or bytes (4096); IEC Ki Mi Gi Ti Pi and KiB … PiB are powers of 1024, SI kB KB MB GB TB PB and k M G T P powers of 1000"
        case .rate(let signed):
            return
                "a size per period (2GiB/day, 100MiB/h, 14GB/week) or a percent of the current size per period (3%/month, 0.5%/day); periods s, min, h, day, week, month (365.25/12 days), year (365.25 days); 0 alone"
                + (signed ? "; may be negative (-1GiB/month)" : "")
        case .absoluteRate: return "a size per period: 100MiB/s, 2GiB/min, 1TB/h"
        case .duration:
            return
                "a number and a unit, pieces written together Go style: 30d, 720h, 5min, 90s, 2w, 1y (365 days), 720h0m0s, 1h30m; units s, m/min, h, d, w, y; 0 alone"
        case .wholeDays: return "a duration of whole days, at least 1: 30d, 4w, 720h"
        case .percent: return "a percent (80%) or a fraction from 0 to 1 (0.8)"
        case .money: return "an amount in the scenario's currency: 50, 50.00, $50"
        case .bool: return "true or false"
        case .integer(let minimum): return "a whole number of at least \(minimum)"
        case .number(let minimum): return "a number of at least \(ScenarioValidator.format(minimum))"
        case .cron(.cnpg):
            return
                "CNPG's ScheduledBackup cron, 6 fields seconds first ('0 0 2 * * *' is 02:00 daily; a 5-field value is read seconds first too, with a warning), @hourly @daily @weekly @monthly @yearly, @every DURATION, or never (WAL archiving without base backups)"
        case .cron(.standard):
            return
                "a 5-field cron 'minute hour day-of-month month day-of-week' ('0 2 * * *' is 02:00 daily), @hourly @daily @weekly @monthly @yearly, or @every DURATION; lists, ranges, steps, month and day names; UTC"
        case .retentionPolicy:
            return "CNPG's retentionPolicy: a whole number of at least 1 and d (days), w (weeks) or m (months of 31 days): 30d, 4w, 3m"
        case .retentionCheck: return "after-backup, or a duration above 0 (30min): the Barman Cloud plugin's interval"
        case .words(let words): return "one of " + words.joined(separator: ", ")
        case .compression(let algorithms):
            return "one of " + algorithms.map(\.rawValue).joined(separator: ", ") + ", or a measured ratio in (0, 1] (stored ÷ raw)"
        case .noneOrRatio: return "none, or a measured ratio in (0, 1] (Velero's Kopia uploader does not compress)"
        case .names(let noun): return "a list of \(noun) names, none twice: [a, b]"
        case .job: return "TIER/NAME with TIER one of \(Schema.tiers.joined(separator: ", ")): cnpg/app-postgres"
        case .jobs: return "a list of TIER/NAME, none twice: [cnpg/app-postgres]"
        case .priceTiers:
            return
                "a price per GB-month (0.023), or a list of tiers [{up_to: 50Ti, price: 0.023}, {price: 0.022}] with a cumulative, increasing up_to, the last tier without one"
        case .transitions:
            return "a list [{after: 30d, class: standard-ia}, …]: whole days, strictly increasing, each class colder than the one before"
        case .mapping: return "a mapping of the keys below"
        }
    }
}
