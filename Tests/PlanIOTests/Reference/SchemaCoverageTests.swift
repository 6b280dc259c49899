import PlanCore
import Testing

@testable import PlanIO

/// The reference cannot drift from the loader: every mapping the reference documents is
/// probed in the loader with an unknown key, and the keys the loader then says it expects
/// must be exactly the reference's keys of that mapping, in order. A key the loader accepts
/// without an entry, or an entry the loader does not accept, fails here.
@Suite("The schema covers exactly the loader's keys")
struct SchemaCoverageTests {
    /// A YAML value built in the test, written in flow style.
    indirect enum Y {
        case map([(String, Y)])
        case list([Y])
        case s(String)

        var yaml: String {
            switch self {
            case .s(let text): return "\"" + text + "\""
            case .list(let items): return "[" + items.map(\.yaml).joined(separator: ", ") + "]"
            case .map(let pairs): return "{" + pairs.map { "\($0.0): \($0.1.yaml)" }.joined(separator: ", ") + "}"
            }
        }

        /// `self` with `key: value` added to the mapping at `path` (`NAME`: the first entry,
        /// `x[]`: the first item of list `x`), creating mappings the document lacks.
        func inserting(_ key: String, _ value: Y, at path: ArraySlice<String>) -> Y {
            guard let head = path.first else {
                guard case .map(let pairs) = self else { return self }
                return .map(pairs + [(key, value)])
            }
            let rest = path.dropFirst()
            let isItem = head.hasSuffix("[]")
            let name = isItem ? String(head.dropLast(2)) : head
            guard case .map(var pairs) = self else { return self }
            let index = name == "NAME" ? pairs.indices.first : pairs.firstIndex { $0.0 == name }
            guard let index else { return .map(pairs + [(name, Y.map([]).inserting(key, value, at: rest))]) }
            var child = pairs[index].1
            if isItem, case .list(var items) = child, let first = items.first {
                items[0] = first.inserting(key, value, at: rest)
                child = .list(items)
            } else {
                child = child.inserting(key, value, at: rest)
            }
            pairs[index].1 = child
            return .map(pairs)
        }

        /// The path as the loader names it: the first entry's name for `NAME`, no `[]`.
        func realPath(_ path: [String]) -> String {
            var node = self
            var out: [String] = []
            for head in path {
                let name = head.hasSuffix("[]") ? String(head.dropLast(2)) : head
                guard case .map(let pairs) = node else { break }
                let pair = name == "NAME" ? pairs.first : pairs.first { $0.0 == name }
                out.append(pair?.0 ?? name)
                node = pair?.1 ?? .map([])
                if head.hasSuffix("[]"), case .list(let items) = node, let first = items.first { node = first }
            }
            return out.joined(separator: ".")
        }
    }

    /// A valid version 2 scenario with every mapping of the format once; the s3 target
    /// first, so that `targets.NAME` is a target every target key applies to.
    static let base: Y = .map([
        ("version", .s("2")),
        ("start", .s("2026-01-01")),
        ("horizon", .s("30d")),
        (
            "workloads",
            .map([
                ("db", .map([("kind", .s("postgres")), ("size", .s("1GiB")), ("series", .map([("namespace", .s("apps"))]))])),
                ("files", .map([("kind", .s("volume")), ("size", .s("1GiB"))])),
            ])
        ),
        (
            "backups",
            .map([
                ("cnpg", .map([("pg", .map([("workload", .s("db")), ("retention", .s("7d")), ("target", .s("minio"))]))])),
                ("velero", .map([("nightly", .map([("schedule", .s("0 3 * * *")), ("volumes", .list([.s("files")])), ("target", .s("minio"))]))])),
                (
                    "longhorn",
                    .map([
                        (
                            "daily",
                            .map([("schedule", .s("0 4 * * *")), ("retain", .s("3")), ("volumes", .list([.s("files")])), ("target", .s("s3"))])
                        )
                    ])
                ),
            ])
        ),
        (
            "targets",
            .map([
                (
                    "s3",
                    .map([
                        ("kind", .s("s3")),
                        (
                            "prices",
                            .map([
                                (
                                    "storage_gb_month",
                                    .list([.map([("up_to", .s("50Ti")), ("price", .s("0.023"))]), .map([("price", .s("0.022"))])])
                                ),
                                ("classes", .map([("standard-ia", .map([("storage_gb_month", .s("0.0125"))]))])),
                            ])
                        ),
                        ("lifecycle", .list([.map([("after", .s("30d")), ("class", .s("standard-ia"))])])),
                        ("series", .map([("buckets", .list([.s("longhorn")]))])),
                    ])
                ),
                ("minio", .map([("kind", .s("minio")), ("capacity", .s("1Ti"))])),
            ])
        ),
        ("restore", .map([("bandwidth", .s("100MiB/s"))])),
        ("kpis", .map([("rpo", .s("1d"))])),
        ("drills", .map([("monthly", .map([("schedule", .s("0 4 1 * *")), ("workload", .s("db")), ("job", .s("cnpg/pg"))]))])),
        (
            "faults",
            .map([("outage", .map([("kind", .s("runs-fail")), ("job", .s("velero/nightly")), ("from", .s("2026-01-05")), ("for", .s("1d"))]))])
        ),
    ])

    static let probe = "zzzz-probe"

    static func load(_ y: Y) -> [Diagnostic] {
        let options = LoadOptions(file: "probe.yaml", defaultName: "probe", today: CivilDate(year: 2026, month: 1, day: 1))
        switch ScenarioLoader.load(text: "# probe\n" + y.yaml + "\n", options: options) {
        case .success: return []
        case .failure(let d): return d.items
        }
    }

    @Test("the probe scenario is valid without the probe")
    func baseIsValid() {
        #expect(Self.load(Self.base).map(\.description) == [])
    }

    /// The keys the loader lists for an unknown key in the mapping at `path`, or `nil` when
    /// it reports none there.
    static func loaderKeys(at path: String, in y: Y) -> [String]? {
        let segments = path.isEmpty ? [] : path.split(separator: ".").map(String.init)
        let probed = y.inserting(probe, .s("1"), at: segments[...])
        let real = y.realPath(segments)
        let where_ = real.isEmpty ? probe : real + "." + probe
        let diagnostic = load(probed).first { $0.path == where_ && $0.message == "unknown key" }
        guard let suggestion = diagnostic?.suggestion, suggestion.hasPrefix("expected one of ") else { return nil }
        return suggestion.dropFirst("expected one of ".count).components(separatedBy: ", ")
    }

    @Test("every mapping of the reference takes exactly the loader's keys", arguments: ScenarioReference.mappings.map(\.path))
    func mappingMatchesLoader(path: String) throws {
        let mapping = try #require(ScenarioReference.mappings.first { $0.path == path })
        let loader = Self.loaderKeys(at: path, in: Self.base)
        #expect(
            loader == mapping.keys.map(\.name),
            "mapping '\(path)': the loader expects \(loader ?? []), the reference documents \(mapping.keys.map(\.name))")
    }

    @Test("a version 1 file is offered exactly the reference's version 1 keys")
    func version1Keys() throws {
        guard case .map(let pairs) = Self.base else { return }
        let v1: Y = .map(pairs.filter { !["drills", "faults"].contains($0.0) }.map { $0.0 == "version" ? ($0.0, .s("1")) : $0 })
        let top = try #require(ScenarioReference.mappings.first { $0.path.isEmpty })
        #expect(Self.loaderKeys(at: "", in: v1) == top.keys.filter { !$0.isVersion2 }.map(\.name))
        let workload = try #require(ScenarioReference.mappings.first { $0.path == "workloads.NAME" })
        #expect(Self.loaderKeys(at: "workloads.NAME", in: v1) == workload.keys.filter { !$0.isVersion2 }.map(\.name))
    }

    @Test("the required keys of the reference are the ones the loader asks for")
    func requiredKeys() {
        // An empty cnpg job: the loader names each missing key once.
        let empty = Self.base.inserting("empty", .map([]), at: ["backups", "cnpg"])
        let missing = Self.load(empty).filter { $0.path == "backups.cnpg.empty" }.map(\.message)
        #expect(missing == Schema.requiredKeys(Schema.cnpgKeys).map { "missing required key '\($0)'" })
    }

    @Test("every key has a meaning, every default of ScenarioDefaults is spelled as scenario.md spells it")
    func entries() {
        for entry in ScenarioReference.entries {
            #expect(!entry.key.meaning.isEmpty, "\(entry.path) has no meaning")
        }
        func fallback(_ path: String) -> String? { ScenarioReference.entries.first { $0.path == path }?.key.fallback.label }
        // scenario.md's default column, worked from ScenarioDefaults' values by hand.
        #expect(fallback("horizon") == "`365d`")
        #expect(fallback("backups.velero.NAME.ttl") == "`720h`")
        #expect(fallback("backups.velero.NAME.resources") == "`10MiB`")
        #expect(fallback("backups.velero.NAME.compression") == "`none`")
        #expect(fallback("backups.velero.NAME.reclaim_delay") == "`3d`")
        #expect(fallback("backups.cnpg.NAME.archive_timeout") == "`5min`")
        #expect(fallback("backups.cnpg.NAME.schedule") == "`@daily`")
        #expect(fallback("backups.cnpg.NAME.retention_check") == "`after-backup`")
        #expect(fallback("backups.longhorn.NAME.compression") == "`lz4`")
        #expect(fallback("targets.NAME.poll_interval") == "`300s`")
        #expect(fallback("restore.bandwidth") == "`100MiB/s`")
        #expect(fallback("restore.wal_replay") == "`32MiB/s`")
        #expect(fallback("restore.egress_free") == "`100GiB`")
        #expect(fallback("kpis.capacity_alert") == "`80%`")
        #expect(fallback("workloads.NAME.max_wal_size") == "`1GiB`")
        #expect(fallback("workloads.NAME.growth") == "`0`")
    }
}
