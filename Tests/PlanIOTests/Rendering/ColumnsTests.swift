import Foundation
import PlanCore
import Testing

@testable import PlanIO

/// The column declarations of `Rendering/Columns/` against cli.md: every output that is
/// derived from them (the CSV headers and rows, the JSON objects) has exactly the columns
/// the spec lists, in its order. The run store's tables are checked against the same
/// declarations in PlanStoreTests.
@Suite("Output columns")
struct ColumnsTests {
    /// cli.md "Files written", typed out: a column missing from a declaration, or renamed,
    /// fails here.
    static let spec: [String: [String]] = [
        "daily": [
            "date", "day", "job", "tier", "target", "workload", "restore_points", "stored_bytes", "raw_bytes", "uploaded_bytes",
            "objects", "put_requests",
        ],
        "workloads": ["date", "day", "workload", "kind", "size_bytes", "volume_bytes", "wal_bytes", "rto_seconds"],
        "targets": ["date", "day", "target", "kind", "used_bytes", "usable_bytes", "used_share"],
        "monthly": [
            "month", "target", "days", "fixed_cost", "storage_cost", "request_cost", "total_cost", "gb_months", "put_requests",
        ],
        "kpis": ["kpi", "subject", "limit", "worst", "unit", "status", "first_failure"],
    ]

    /// cli.md "Version 2 columns", typed out: appended to the lists above in version 2, and
    /// `drills.csv`.
    static let specVersion2: [String: [String]] = [
        "daily": spec["daily", default: []] + ["deleted_bytes", "noncurrent_bytes"],
        "workloads": spec["workloads", default: []],
        "targets": spec["targets", default: []] + ["noncurrent_bytes"],
        "monthly": spec["monthly", default: []] + [
            "get_requests", "list_requests", "egress_bytes", "egress_cost", "retrieval_cost", "early_delete_cost", "transition_cost",
            "noncurrent_gb_months",
        ],
        "kpis": spec["kpis", default: []],
        "drills": [
            "date", "time", "drill", "workload", "job", "target", "bytes_read", "get_requests", "egress_bytes", "egress_cost",
            "retrieval_cost", "retrieval_seconds", "restore_seconds",
        ],
    ]

    /// The declared names of every file a scenario of `version` writes, by file name.
    static func declared(version: Int) -> [String: [String]] {
        var out = [
            DailyColumn.file: DailyColumn.columns(version: version).map(\.name),
            WorkloadsColumn.file: WorkloadsColumn.columns(version: version).map(\.name),
            TargetsColumn.file: TargetsColumn.columns(version: version).map(\.name),
            MonthlyColumn.file: MonthlyColumn.columns(version: version).map(\.name),
            KPIsColumn.file: KPIsColumn.columns(version: version).map(\.name),
        ]
        if version >= 2 { out[DrillsColumn.file] = DrillsColumn.columns(version: version).map(\.name) }
        return out
    }

    /// The seed cluster for 60 days, simulated into the CSV and JSON collectors.
    static func simulated() throws -> (SimulationResult, CSVCollector, JSONCollector) {
        let options = LoadOptions(
            file: "seed.yaml", defaultName: "seed", today: CivilDate(year: 2026, month: 1, day: 1),
            overrides: try ["horizon=60d", "start=2026-01-15"].map { try Override.parse($0).get() })
        let scenario = try ScenarioLoader.load(text: BuiltInScenario.seedYAML, options: options).get()
        var sink = SinkPair(CSVCollector(), JSONCollector())
        let result = try Engine.simulate(scenario, into: &sink).get()
        return (result, sink.first, sink.second)
    }

    /// The keys of a one-line JSON object, in the order written.
    static func keys(_ object: String) throws -> [String] {
        let regex = try NSRegularExpression(pattern: #""([a-z_]+)": "#)
        return regex.matches(in: object, range: NSRange(object.startIndex..., in: object)).compactMap {
            Range($0.range(at: 1), in: object).map { String(object[$0]) }
        }
    }

    @Test("every file's declaration is cli.md's list of columns, in order")
    func declarations() {
        #expect(Self.declared(version: 1) == Self.spec)
        #expect(Self.declared(version: 2) == Self.specVersion2)
    }

    @Test("the CSV files have the declared header and as many cells in every row")
    func csv() throws {
        let (result, csv, _) = try Self.simulated()
        let files = [
            "daily": csv.daily, "workloads": csv.workloads, "targets": csv.targets,
            "monthly": CSVRenderer.monthly(result.monthly), "kpis": CSVRenderer.kpis(result.kpis),
        ]
        for (name, text) in files {
            let lines = text.split(separator: "\n")
            let columns = try #require(Self.spec[name])
            #expect(lines.first.map(String.init) == columns.joined(separator: ","), "\(name).csv header")
            #expect(lines.count > 1, "\(name).csv has rows")
            for (i, line) in lines.enumerated() {
                let cells = line.split(separator: ",", omittingEmptySubsequences: false).count
                #expect(cells == columns.count, "\(name).csv line \(i + 1): \(cells) cells")
            }
        }
    }

    @Test("the JSON arrays' objects have the declared keys, in CSV order")
    func json() throws {
        let (result, _, json) = try Self.simulated()
        let arrays = [
            "monthly": result.monthly.map(JSONRenderer.monthly), "kpis": result.kpis.map(JSONRenderer.kpi),
            "targets": json.rows.targets, "workloads": json.rows.workloads,
        ]
        for (name, objects) in arrays {
            #expect(!objects.isEmpty, "\(name) has objects")
            for object in objects {
                #expect(try Self.keys(object) == Self.spec[name], "\(name): \(object)")
            }
        }
        // The document holds the same objects, and parses.
        let document = JSONRenderer.render(result, rows: json.rows)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(document.utf8)) as? [String: Any])
        for name in arrays.keys {
            let objects = try #require(parsed[name] as? [[String: Any]], "\(name)")
            #expect(objects.allSatisfy { Set($0.keys) == Set(Self.spec[name] ?? []) }, "\(name)")
        }
    }

    @Test("the day files' writer, with its stamp and key cells rendered once, writes what each row's cells say")
    func writer() throws {
        // Each day file starts with the stamp, then its key columns, then at least one value.
        func layout<C: DayFileColumn>(_: C.Type) {
            #expect(C.allCases.prefix(C.dayStampCount).map(\.name) == ["date", "day"], "\(C.file)")
            #expect(C.dayStampCount + C.keyCount < C.allCases.count, "\(C.file)")
        }
        layout(DailyColumn.self)
        layout(WorkloadsColumn.self)
        layout(TargetsColumn.self)

        // Every line of a run, row by row from the declared cells, against the writer's.
        struct PlainCSV: SimulationSink {
            var layout = RowLayout(jobRows: [], workloads: [], targets: [])
            var files: [String: String] = [:]
            mutating func begin(_ layout: RowLayout) { self.layout = layout }
            mutating func day(_ day: DayRows) {
                add(DailyColumn.self, day)
                add(WorkloadsColumn.self, day)
                add(TargetsColumn.self, day)
            }
            mutating func add<C: DayFileColumn>(_: C.Type, _ day: DayRows) {
                var text = files[C.file] ?? C.header
                C.forEachRow(of: day, layout: layout) { text += C.csvLine($0) }
                files[C.file] = text
            }
        }
        let options = LoadOptions(file: "seed.yaml", defaultName: "seed", today: CivilDate(year: 2026, month: 1, day: 1))
        let scenario = try ScenarioLoader.load(text: BuiltInScenario.seedYAML, options: options).get()
        var sink = SinkPair(CSVCollector(), PlainCSV())
        _ = try Engine.simulate(scenario, into: &sink).get()
        #expect(sink.first.daily == sink.second.files["daily"])
        #expect(sink.first.workloads == sink.second.files["workloads"])
        #expect(sink.first.targets == sink.second.files["targets"])
    }

    @Test("every cell has the format its column's kind declares")
    func kinds() throws {
        let (result, _, _) = try Self.simulated()
        for r in result.monthly {
            for c in MonthlyColumn.allCases { #expect(Self.matches(c.cell(r), c.kind), "monthly \(c.name)") }
        }
        for r in result.kpis {
            for c in KPIsColumn.allCases { #expect(Self.matches(c.cell(r), c.kind), "kpis \(c.name)") }
        }
        let options = LoadOptions(file: "seed.yaml", defaultName: "seed", today: CivilDate(year: 2026, month: 1, day: 1))
        let scenario = try ScenarioLoader.load(text: BuiltInScenario.seedYAML, options: options).get()
        var sink = KindCheck()
        _ = try Engine.simulate(scenario, into: &sink).get()
        #expect(sink.mismatches.isEmpty, "\(sink.mismatches.prefix(5))")
        #expect(sink.rows > 0)

        struct KindCheck: SimulationSink {
            var layout = RowLayout(jobRows: [], workloads: [], targets: [])
            var mismatches: [String] = []
            var rows = 0
            mutating func begin(_ layout: RowLayout) { self.layout = layout }
            mutating func day(_ day: DayRows) {
                check(DailyColumn.self, day)
                check(WorkloadsColumn.self, day)
                check(TargetsColumn.self, day)
            }
            mutating func check<C: DayFileColumn>(_: C.Type, _ day: DayRows) {
                C.forEachRow(of: day, layout: layout) { row in
                    rows += 1
                    for c in C.allCases where !(ColumnsTests.matches(c.cell(row), c.kind) && ColumnsTests.matches(c.jsonCell(row), c.kind)) {
                        mismatches.append("\(C.file) \(c.name) day \(day.day)")
                    }
                }
            }
        }
    }

    /// True when `cell` is written as `kind` says (a KPI value takes its row's unit's format).
    static func matches(_ cell: Cell, _ kind: ColumnKind) -> Bool {
        switch (cell, kind) {
        case (.empty, _), (.text, .text), (.int, .integer), (.integer, .integer), (.money, .money), (.decimal6, .decimal6),
            (.integer, .kpiValue), (.money, .kpiValue), (.decimal6, .kpiValue):
            return true
        default: return false
        }
    }
}
