import Foundation
import PlanCore
import PlanIO
import Testing

/// The rendered output of `scenarios/seed.yaml`, byte for byte against the files in
/// `Golden/` (STYLE.md "Tests": golden files, re-recorded only on purpose).
///
/// These files pin the formatting (columns, widths, number formats, key order), not the
/// model's truth: a change of the model changes them, and the diff shows what moved.
/// To re-record after a deliberate change: `PLAN_RECORD_GOLDEN=1 swift test --filter GoldenTests`,
/// then run again without it and review the diff of `Golden/` before committing.
@Suite("Golden files of the seed's output")
struct GoldenTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// Lines of `daily.csv` kept in `seed.daily-head.csv` (the header and 39 rows).
    static let dailyHeadLines = 40

    /// The seed, loaded with a fixed today, simulated once, rendered every way `plan simulate` renders.
    static func rendered() throws -> [String: String] {
        let options = LoadOptions(
            file: BuiltInScenario.fileName, defaultName: "seed", today: CivilDate(year: 2026, month: 1, day: 1))
        let scenario = try ScenarioLoader.load(text: BuiltInScenario.seedYAML, options: options).get()
        var sink = SinkPair(CSVCollector(), JSONCollector())
        let result = try Engine.simulate(scenario, into: &sink).get()
        let dailyHead = sink.first.daily.split(separator: "\n", omittingEmptySubsequences: false).prefix(dailyHeadLines)
        return [
            // As `plan simulate` prints it with the default `--out output`.
            "seed.table.txt": TableRenderer(color: false).render(result, files: ["output/seed/"]),
            "seed.json": JSONRenderer.render(result, rows: sink.second.rows),
            "seed.monthly.csv": CSVRenderer.monthly(result.monthly),
            "seed.kpis.csv": CSVRenderer.kpis(result.kpis),
            "seed.daily-head.csv": dailyHead.joined(separator: "\n") + "\n",
        ]
    }

    @Test(
        "rendered output matches its golden file",
        arguments: ["seed.table.txt", "seed.json", "seed.monthly.csv", "seed.kpis.csv", "seed.daily-head.csv"])
    func golden(_ name: String) throws {
        let actual = try #require(try Self.rendered()[name])
        assertGolden(actual, Self.folder.appendingPathComponent(name))
    }

    @Test("BuiltInScenario.seedYAML is scenarios/seed.yaml byte for byte")
    func builtInIsSeedFile() throws {
        let url = Self.repository.appendingPathComponent("scenarios/seed.yaml")
        let file = try Data(contentsOf: url)
        let builtIn = Data(BuiltInScenario.seedYAML.utf8)
        if builtIn != file {
            let diff = GoldenDiff.describe(expected: String(decoding: file, as: UTF8.self), actual: BuiltInScenario.seedYAML)
            Issue.record(
                "BuiltInScenario.seedYAML differs from scenarios/seed.yaml (\(builtIn.count) bytes, file \(file.count) bytes):\n\(diff)")
        }
    }

    @Test("the JSON golden file is a JSON document")
    func jsonParses() throws {
        let data = try Data(contentsOf: Self.folder.appendingPathComponent("seed.json"))
        #expect(try JSONSerialization.jsonObject(with: data) is [String: Any])
    }
}

/// Compares `actual` with the golden file at `url`, or (re)writes the file when
/// `PLAN_RECORD_GOLDEN=1`, recording an issue either way so that a recording run never passes.
func assertGolden(_ actual: String, _ url: URL, sourceLocation: SourceLocation = #_sourceLocation) {
    let name = url.lastPathComponent
    if ProcessInfo.processInfo.environment["PLAN_RECORD_GOLDEN"] == "1" {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            Issue.record(
                "recorded Golden/\(name) (PLAN_RECORD_GOLDEN=1); run again without it, and review the diff", sourceLocation: sourceLocation)
        } catch {
            Issue.record("cannot record Golden/\(name): \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    guard let data = FileManager.default.contents(atPath: url.path) else {
        Issue.record(
            "no golden file Golden/\(name); record it with PLAN_RECORD_GOLDEN=1", sourceLocation: sourceLocation)
        return
    }
    let expected = String(decoding: data, as: UTF8.self)
    if expected != actual {
        let diff = GoldenDiff.describe(expected: expected, actual: actual)
        Issue.record(
            "output differs from Golden/\(name) (re-record with PLAN_RECORD_GOLDEN=1 only if the change is meant):\n\(diff)",
            sourceLocation: sourceLocation)
    }
}

/// A short unified-style diff around the first differing line.
enum GoldenDiff {
    static func describe(expected: String, actual: String, context: Int = 2, shown: Int = 6) -> String {
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var first = 0
        while first < e.count, first < a.count, e[first] == a[first] { first += 1 }
        // Skip the common tail, so an inserted line shows as one line.
        var tail = 0
        while tail < e.count - first, tail < a.count - first, e[e.count - 1 - tail] == a[a.count - 1 - tail] { tail += 1 }
        let from = max(0, first - context)
        let removed = Array(e[first..<(e.count - tail)])
        let added = Array(a[first..<(a.count - tail)])
        var out = "--- golden\n+++ actual\n"
        out += "@@ -\(first + 1),\(removed.count) +\(first + 1),\(added.count) @@\n"
        for line in e[from..<first] { out += "  " + line + "\n" }
        for line in removed.prefix(shown) { out += "- " + visible(line) + "\n" }
        if removed.count > shown { out += "- … \(removed.count - shown) more lines\n" }
        for line in added.prefix(shown) { out += "+ " + visible(line) + "\n" }
        if added.count > shown { out += "+ … \(added.count - shown) more lines\n" }
        for line in e[(e.count - tail)..<min(e.count, e.count - tail + context)] { out += "  " + line + "\n" }
        if expected.hasSuffix("\n") != actual.hasSuffix("\n") {
            out +=
                expected.hasSuffix("\n")
                ? "(the golden text ends with a newline, the actual one does not)\n"
                : "(the actual text ends with a newline, the golden one does not)\n"
        }
        return out
    }

    /// Shows trailing spaces and escape characters, which a diff would otherwise hide.
    static func visible(_ line: String) -> String {
        var s = line.replacingOccurrences(of: "\u{1B}", with: "\\e").replacingOccurrences(of: "\r", with: "\\r")
        if s.hasSuffix(" ") { s += "⏎" }
        return s
    }
}
