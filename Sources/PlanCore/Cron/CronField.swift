/// One field of a cron line: its name in messages, its bounds and its names.
struct CronField: Sendable {
    var name: String
    var min: Int
    var max: Int
    /// Names for `min`, `min + 1`, … (`jan` = 1, `sun` = 0), matched in any case.
    var names: [String] = []
    /// Said after the bounds in an out-of-range message.
    var boundsNote: String = ""

    static let second = CronField(name: "second", min: 0, max: 59)
    static let minute = CronField(name: "minute", min: 0, max: 59)
    static let hour = CronField(name: "hour", min: 0, max: 23)
    static let dayOfMonth = CronField(name: "day-of-month", min: 1, max: 31)
    static let month = CronField(
        name: "month", min: 1, max: 12,
        names: ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])
    static let dayOfWeek = CronField(
        name: "day-of-week", min: 0, max: 6, names: ["sun", "mon", "tue", "wed", "thu", "fri", "sat"],
        boundsNote: " (0 = sunday)")

    /// Bits `min…max`.
    var allBits: UInt64 { bits(from: min, to: max, step: 1) }

    private func bits(from start: Int, to end: Int, step: Int) -> UInt64 {
        var b: UInt64 = 0
        for v in stride(from: start, through: end, by: step) { b |= 1 << UInt64(v) }
        return b
    }

    private func error(_ message: String, suggestion: String? = nil) -> CronError {
        CronError("\(name): \(message)", suggestion: suggestion)
    }

    /// A whole field: a comma-separated list of items, each `*`, `?`, `N`, `A-B`, or one of
    /// these with `/STEP` (`N/STEP` means `N-max/STEP`).
    ///
    /// `unrestricted` is Go's `starBit`: some item is `*` or `?` with no step or step 1.
    func parse(_ text: Substring) throws(CronError) -> (bits: UInt64, unrestricted: Bool) {
        var bits: UInt64 = 0
        var unrestricted = false
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            guard !item.isEmpty else { throw error("empty item in list '\(text)'") }
            let r = try parseItem(item)
            bits |= r.bits
            unrestricted = unrestricted || r.unrestricted
        }
        return (bits, unrestricted)
    }

    private func parseItem(_ item: Substring) throws(CronError) -> (bits: UInt64, unrestricted: Bool) {
        let slashParts = item.split(separator: "/", omittingEmptySubsequences: false)
        guard slashParts.count <= 2 else { throw error("'\(item)' has more than one '/'") }
        let rangeText = slashParts[0]
        var step = 1
        if slashParts.count == 2 {
            let stepText = slashParts[1]
            guard !stepText.isEmpty else { throw error("'\(item)' has no step after '/'") }
            guard let s = Self.number(stepText) else { throw error("step '\(stepText)' in '\(item)' is not a number") }
            // Go's cron reads the step with strconv.Atoi, which refuses a number past 2^63 − 1.
            guard Int64(stepText) != nil else { throw error("step '\(stepText)' in '\(item)' is too large") }
            guard s > 0 else { throw error("step 0 in '\(item)' must be at least 1") }
            step = s
        }
        guard !rangeText.isEmpty else { throw error("'\(item)' has nothing before '/'") }

        var start: Int
        var end: Int
        var star = false
        if rangeText == "*" || rangeText == "?" {
            (start, end, star) = (min, max, true)
        } else {
            let ends = rangeText.split(separator: "-", omittingEmptySubsequences: false)
            switch ends.count {
            case 1:
                start = try value(ends[0], in: item)
                end = slashParts.count == 2 ? max : start  // N/step means N-max/step
            case 2:
                if ends[0] == "*" || ends[0] == "?" {
                    throw error("'\(item)' is not a range: '\(ends[0])' already means \(min)-\(max)")
                }
                guard !ends[0].isEmpty else { throw error("'\(item)' has no start before '-'") }
                guard !ends[1].isEmpty else { throw error("'\(item)' has no end after '-'") }
                start = try value(ends[0], in: item)
                end = try value(ends[1], in: item)
                guard start <= end else {
                    throw error("range '\(rangeText)' starts after it ends", suggestion: "write '\(ends[1])-\(ends[0])'")
                }
            default:
                throw error("'\(item)' has more than one '-'")
            }
        }
        // As in Go: `*/1` keeps the star, a step above 1 makes the field restricted.
        return (bits(from: start, to: end, step: step), star && step == 1)
    }

    /// A number or a name, checked against the bounds.
    private func value(_ text: Substring, in item: Substring) throws(CronError) -> Int {
        if let n = Self.number(text) {
            guard n >= min, n <= max else {
                let suggestion = name == "day-of-week" && n == 7 ? "write '0' or 'sun' for sunday" : nil
                throw error("'\(text)' is out of range \(min)-\(max)\(boundsNote)", suggestion: suggestion)
            }
            return n
        }
        let lower = text.lowercased()
        if let i = names.firstIndex(of: lower) { return min + i }
        guard !names.isEmpty else { throw error("'\(text)' is not a number") }
        let expected = "expected \(names.joined(separator: ", ")) or \(min)-\(max)"
        let prefix = String(lower.prefix(3))
        if lower.count > 3, names.contains(prefix) {
            throw error("unknown name '\(text)'; \(expected)", suggestion: "write '\(prefix)'")
        }
        throw error("unknown name '\(text)'; \(expected)")
    }

    /// Decimal digits only; values too large for any field come back as `Int.max`.
    private static func number(_ text: Substring) -> Int? {
        guard !text.isEmpty else { return nil }
        var n = 0
        for c in text.unicodeScalars {
            guard c.value >= 48, c.value <= 57 else { return nil }
            n = n > 1_000_000 ? n : n * 10 + Int(c.value - 48)
        }
        return n > 1_000_000 ? Int.max : n
    }
}
