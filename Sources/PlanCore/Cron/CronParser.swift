/// Reading cron text as robfig/cron v3 reads it (scenario.md "cron"): descriptors, field
/// counts per dialect, and each field's lists, ranges, steps and names.
enum CronParser {
    /// The whitespace-separated words of `text`.
    static func words(of text: String) -> [Substring] {
        text.split(whereSeparator: { $0.isWhitespace })
    }

    static func parse(_ text: String, dialect: CronDialect) -> Result<CronSchedule.Rule, CronError> {
        do {
            return .success(try rule(words: words(of: text), dialect: dialect))
        } catch {
            return .failure(error)
        }
    }

    // MARK: Lines

    private static let standardShape = "5 fields (minute hour day-of-month month day-of-week)"
    private static let cnpgShape = "6 fields (second minute hour day-of-month month day-of-week) or 5 (without day-of-week)"

    private static func rule(words allWords: [Substring], dialect: CronDialect) throws(CronError) -> CronSchedule.Rule {
        var words = allWords
        let shape = dialect == .standard ? standardShape : cnpgShape
        guard let first = words.first else {
            throw CronError("empty cron expression; expected \(shape) or a descriptor such as '@daily'")
        }
        if first.hasPrefix("TZ=") || first.hasPrefix("CRON_TZ=") {
            try checkTimeZone(first)
            words.removeFirst()
            guard !words.isEmpty else { throw CronError("'\(first)' is followed by no schedule") }
        }
        if words == ["never"] {
            return .never
        }
        if words[0].hasPrefix("@") {
            return try descriptor(words)
        }
        switch (dialect, words.count) {
        case (.standard, 5):
            return .fields(try fields(second: "0", words[0], words[1], words[2], words[3], words[4]))
        case (.standard, 6):
            let rest = words.dropFirst().joined(separator: " ")
            throw CronError(
                "expected \(shape), found 6: Velero and Longhorn have no seconds field",
                suggestion: words[0] == "0" ? "drop the seconds: write '\(rest)'" : "drop the seconds field"
            )
        case (.cnpg, 6):
            return .fields(try fields(second: words[0], words[1], words[2], words[3], words[4], words[5]))
        case (.cnpg, 5):
            do {
                return .fields(try fields(second: words[0], words[1], words[2], words[3], words[4], "*"))
            } catch {
                // Probably written minute-first: say how CNPG reads it, if that reading is valid.
                if error.suggestion == nil, (try? standardFields(words)) != nil {
                    let meant = "0 " + words.joined(separator: " ")
                    throw CronError(
                        error.message,
                        suggestion: "CNPG reads 5 fields seconds first (second minute hour day-of-month month); "
                            + "for minute hour day-of-month month day-of-week write '\(meant)'"
                    )
                }
                throw error
            }
        default:
            throw CronError("expected \(shape), found \(words.count)")
        }
    }

    /// `words` read as a 5-field Velero line (used to tell what a CNPG 5-field line meant).
    static func standardFields(_ words: [Substring]) throws(CronError) -> CronFields {
        guard words.count == 5 else { throw CronError("expected \(standardShape), found \(words.count)") }
        return try fields(second: "0", words[0], words[1], words[2], words[3], words[4])
    }

    private static func fields(
        second: Substring, _ minute: Substring, _ hour: Substring, _ dayOfMonth: Substring, _ month: Substring,
        _ dayOfWeek: Substring
    ) throws(CronError) -> CronFields {
        let s = try CronField.second.parse(second)
        let m = try CronField.minute.parse(minute)
        let h = try CronField.hour.parse(hour)
        let dom = try CronField.dayOfMonth.parse(dayOfMonth)
        let mon = try CronField.month.parse(month)
        let dow = try CronField.dayOfWeek.parse(dayOfWeek)
        return CronFields(
            seconds: s.bits, minutes: m.bits, hours: h.bits, daysOfMonth: dom.bits, months: mon.bits,
            daysOfWeek: dow.bits, daysOfMonthUnrestricted: dom.unrestricted, daysOfWeekUnrestricted: dow.unrestricted
        )
    }

    /// `TZ=…` and `CRON_TZ=…` prefixes: the simulation runs in UTC, so only UTC is accepted.
    private static func checkTimeZone(_ word: Substring) throws(CronError) {
        let zone = word.drop(while: { $0 != "=" }).dropFirst()
        guard zone == "UTC" || zone == "Etc/UTC" else {
            throw CronError(
                "time zone '\(zone)' in '\(word)' is not supported: the simulation runs in UTC",
                suggestion: "remove '\(word)' and write the hours in UTC"
            )
        }
    }

    // MARK: Descriptors

    private static let descriptorNames = ["@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"]

    private static func descriptor(_ words: [Substring]) throws(CronError) -> CronSchedule.Rule {
        let name = String(words[0])
        if name == "@every" {
            guard words.count > 1 else {
                throw CronError("'@every' needs a duration", suggestion: "write for example '@every 6h'")
            }
            return .every(seconds: try everyInterval(words.dropFirst().joined(separator: " ")))
        }
        guard descriptorNames.contains(name) else {
            let lower = name.lowercased()
            if descriptorNames.contains(lower) || lower == "@every" {
                throw CronError(
                    "unknown descriptor '\(name)'",
                    suggestion: "the Go cron library reads descriptors in lowercase: write '\(lower)'")
            }
            throw CronError(
                "unknown descriptor '\(name)'; expected "
                    + "@yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly or @every DURATION")
        }
        guard words.count == 1 else {
            throw CronError("'\(name)' takes nothing after it, found '\(words.joined(separator: " "))'")
        }
        let all = CronFields(
            seconds: 1, minutes: 1, hours: 1, daysOfMonth: CronField.dayOfMonth.allBits, months: CronField.month.allBits,
            daysOfWeek: CronField.dayOfWeek.allBits, daysOfMonthUnrestricted: true, daysOfWeekUnrestricted: true)
        var f = all
        switch name {
        case "@yearly", "@annually":
            f.daysOfMonth = 1 << 1
            f.daysOfMonthUnrestricted = false
            f.months = 1 << 1
        case "@monthly":
            f.daysOfMonth = 1 << 1
            f.daysOfMonthUnrestricted = false
        case "@weekly":
            f.daysOfWeek = 1 << 0
            f.daysOfWeekUnrestricted = false
        case "@hourly":
            f.hours = CronField.hour.allBits
        default:  // @daily, @midnight
            break
        }
        return .fields(f)
    }

    // MARK: @every durations

    private static let durationUnits: [(String, Int64)] = [
        ("s", 1), ("m", 60), ("min", 60), ("h", 3_600), ("d", 86_400), ("w", 604_800), ("y", 31_536_000),
    ]

    /// A duration in the scenario syntax (`6h`, `90m`, `1h30m`, `720h0m0s`, `1.5h`, `2w`, `1y`)
    /// as whole seconds, at least 1.
    static func everyInterval(_ text: String) throws(CronError) -> Int64 {
        let notDuration = CronError(
            "@every: '\(text)' is not a duration; expected a number and a unit (s, m, min, h, d, w, y)",
            suggestion: "write for example '@every 6h' or '@every 1h30m'")
        let chars = Array(text.unicodeScalars)
        var i = 0
        var total: Int64 = 0
        guard !chars.isEmpty else { throw notDuration }
        while i < chars.count {
            // A number: digits, optionally a fraction.
            var whole: Int64 = 0
            var fraction: Int64 = 0
            var scale: Int64 = 1
            var digits = 0
            while i < chars.count, let d = digitValue(chars[i]) {
                guard whole < 1_000_000_000_000 else { throw CronError("@every: '\(text)' is too long") }
                whole = whole * 10 + d
                digits += 1
                i += 1
            }
            if i < chars.count, chars[i] == "." {
                i += 1
                while i < chars.count, let d = digitValue(chars[i]) {
                    if scale < 1_000_000_000 {
                        fraction = fraction * 10 + d
                        scale *= 10
                    } else if d != 0 {
                        throw CronError("@every: '\(text)' is not a whole number of seconds")
                    }
                    digits += 1
                    i += 1
                }
            }
            guard digits > 0 else { throw notDuration }
            // A unit: a run of letters.
            var unit = ""
            while i < chars.count, chars[i].properties.isAlphabetic {
                unit.unicodeScalars.append(chars[i])
                i += 1
            }
            guard !unit.isEmpty else {
                if i == chars.count, chars.count == digits {
                    throw CronError(
                        "@every: '\(text)' needs a unit", suggestion: "write for example '@every \(text)s' or '@every \(text)m'")
                }
                throw notDuration
            }
            guard let perUnit = durationUnits.first(where: { $0.0 == unit })?.1 else {
                throw CronError("@every: unknown unit '\(unit)' in '\(text)'; expected s, m, min, h, d, w or y")
            }
            let fractionSeconds = fraction * perUnit  // fraction < 1e9, perUnit < 1e8: no overflow
            guard fractionSeconds % scale == 0 else {
                throw CronError("@every: '\(text)' is not a whole number of seconds")
            }
            let (wholeSeconds, o1) = whole.multipliedReportingOverflow(by: perUnit)
            let (sum, o2) = total.addingReportingOverflow(wholeSeconds + fractionSeconds / scale)
            guard !o1, !o2, sum <= 1_000 * 31_536_000 else { throw CronError("@every: '\(text)' is too long") }
            total = sum
        }
        guard total >= 1 else {
            throw CronError("@every: the interval must be at least 1s, found '\(text)'")
        }
        return total
    }

    private static func digitValue(_ c: Unicode.Scalar) -> Int64? {
        c.value >= 48 && c.value <= 57 ? Int64(c.value - 48) : nil
    }
}
