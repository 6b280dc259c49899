/// What a `tune.csv` is a part of, written beside it as `tune.sweep` (so a spreadsheet
/// opening `tune.csv` sees only the table): the sweep's identity, which variants the file
/// holds, and a checksum of its rows, so that `--merge` can refuse a missing, edited,
/// truncated or foreign shard (issue 11).
public struct SweepRecord: Sendable, Hashable {
    /// A hash of the scenario as resolved (overrides included), the `--vary`, `--require`
    /// and `--objective` arguments and the number of variants: equal for every shard of one
    /// sweep.
    public var sweep: String
    /// Variants in the whole sweep.
    public var variants: Int
    /// The variants this file holds, `first…last`; nil for an empty shard.
    public var rows: ClosedRange<Int>?
    /// FNV-1a (64 bits) of the file's rows, header excluded, as written.
    public var checksum: String

    /// The file name beside `tune.csv`.
    public static let fileName = "tune.sweep"

    public init(sweep: String, variants: Int, rows: ClosedRange<Int>?, checksum: String) {
        self.sweep = sweep
        self.variants = variants
        self.rows = rows
        self.checksum = checksum
    }

    /// The record's text.
    public var text: String {
        "plan tune sweep\nsweep: \(sweep)\nvariants: \(variants)\nrows: \(rows.map { "\($0.lowerBound)-\($0.upperBound)" } ?? "none")\nchecksum: \(checksum)\n"
    }

    /// Reads a record's text; nil when it is not one.
    public static func parse(_ text: String) -> SweepRecord? {
        var fields: [String: String] = [:]
        let lines = text.split(separator: "\n").map(String.init)
        guard lines.first == "plan tune sweep" else { return nil }
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { return nil }
            fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingSpaces()
        }
        guard let sweep = fields["sweep"], let v = fields["variants"].flatMap({ Int($0) }), let rows = fields["rows"],
            let checksum = fields["checksum"]
        else { return nil }
        var range: ClosedRange<Int>? = nil
        if rows != "none" {
            let parts = rows.split(separator: "-").compactMap { Int($0) }
            guard parts.count == 2, parts[0] <= parts[1] else { return nil }
            range = parts[0]...parts[1]
        }
        return SweepRecord(sweep: sweep, variants: v, rows: range, checksum: checksum)
    }

    /// FNV-1a, 64 bits, over UTF-8 bytes, as 16 hex digits.
    public struct Hasher: Sendable {
        private var state: UInt64 = 0xcbf2_9ce4_8422_2325
        public init() {}
        public mutating func add(_ s: String) {
            for b in s.utf8 {
                state ^= UInt64(b)
                state = state &* 0x0000_0100_0000_01b3
            }
        }
        public var hex: String {
            let h = String(state, radix: 16)
            return String(repeating: "0", count: 16 - h.count) + h
        }
    }

    /// The hash of a list of parts, each ended by a NUL so that parts cannot run together.
    public static func hash(_ parts: [String]) -> String {
        var h = Hasher()
        for p in parts { h.add(p + "\u{0}") }
        return h.hex
    }
}
