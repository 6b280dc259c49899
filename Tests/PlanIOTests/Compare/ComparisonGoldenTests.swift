import Foundation
import Testing

@testable import PlanCore
@testable import PlanIO

/// `plan compare pr-a.yaml pr-b.yaml` (the scenarios of `HeadlineTests`) in every format,
/// byte for byte against `Golden/`.
///
/// `pr.table.txt` and `pr.csv` were printed by the `plan` binary of commit eb65693, before
/// the headline, `--format markdown` and `--fail-on` existed: they prove that those formats
/// are unchanged. `pr.json` is the same document with the `headline` object added at its
/// end; `pr.md` pins the Markdown. Re-record on purpose only:
/// `PLAN_RECORD_GOLDEN=1 swift test --filter ComparisonGoldenTests`.
@Suite("Compare golden files")
struct ComparisonGoldenTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func rendered() throws -> [String: String] {
        let c = try HeadlineTests.comparison()
        return [
            "pr.table.txt": ComparisonRenderer(color: false).table(c),
            "pr.csv": ComparisonRenderer.csv(c),
            "pr.json": ComparisonRenderer.json(c),
            "pr.md": ComparisonRenderer.markdown(c),
        ]
    }

    @Test("each format matches its golden file", arguments: ["pr.table.txt", "pr.csv", "pr.json", "pr.md"])
    func golden(_ name: String) throws {
        assertGolden(try #require(try Self.rendered()[name]), Self.folder.appendingPathComponent(name))
    }

    @Test("JSON: the document parses, and its keys before `headline` are those of eb65693")
    func json() throws {
        let text = try #require(try Self.rendered()["pr.json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["a", "b", "settings", "targets", "monthly", "horizon", "kpis", "headline"])
        let headline = try #require(object["headline"] as? [String: Any])
        let total = try #require(headline["total_cost"] as? [String: Any])
        // 63.798434 → 63.7984, 66.027190 → 66.0272, Δ 2.2288, Δ% 0.034934 (HeadlineTests).
        #expect(total["a"] as? Double == 63.7984 && total["b"] as? Double == 66.0272)
        #expect(total["delta"] as? Double == 2.2288 && total["relative"] as? Double == 0.034934)
        // Without the headline, the document is the one eb65693 printed but for one comma.
        let before = try String(contentsOf: Self.folder.appendingPathComponent("pr.table.txt"), encoding: .utf8)
        #expect(!before.isEmpty)
        #expect(
            text.contains(
                "\n  ],\n  \"headline\": {\n    \"verdict\": \"B costs 2.23 USD more over the horizon (+3.5%), and fails 2 KPIs that A meets\",\n"))
    }

    @Test("Markdown: verdict first, every table row with its header's cells, user text escaped")
    func markdownShape() throws {
        let text = try #require(try Self.rendered()["pr.md"])
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "### plan compare: <code>pr</code> → <code>pr</code>")
        #expect(lines[2] == "❌ **B costs 2.23 USD more over the horizon (+3.5%), and fails 2 KPIs that A meets**")
        #expect(lines[4] == "| | A | B | Δ | Δ% |")
        #expect(text.contains("| total cost over the horizon (USD) | 63.80 | 66.03 | +2.23 | +3.5% |\n"))
        #expect(text.contains("| peak month (USD) | 31.92 (2026-02) | 33.07 (2026-02) | +1.15 | +3.6% |\n"))
        #expect(text.contains("| <code>m</code> full on | never | **2026-01-03** | — |  |\n"))
        #expect(text.contains("| KPI `capacity_full` <code>m</code> | pass | **FAIL** ❌ |  |  |\n"))
        // Four folded blocks, each opened and closed.
        #expect(text.components(separatedBy: "<details><summary>").count == 5)
        #expect(text.components(separatedBy: "</details>").count == 5)
        // The description's `|`, `*`, `<b>` and backticks cannot split the row, emphasise,
        // inject HTML or end the code; `@ops` is inside code, where GitHub pings no one.
        #expect(
            text.contains(
                "| <code>description</code> | <code>nightly &#124; 5-day ttl</code> | "
                    + "<code>twice a day &#124; \\*cheap\\*? ask @ops &lt;b&gt;now&lt;/b&gt; \\`x\\`</code> |\n"))
        // Every row of a table has as many cells as its header: the raw `|` count matches.
        var header: Int? = nil
        for line in lines {
            guard line.hasPrefix("|") else {
                header = nil
                continue
            }
            let pipes = line.filter { $0 == "|" }.count
            if let header { #expect(pipes == header, "\(line)") } else { header = pipes }
        }
        #expect(text.hasSuffix("</details>\n"))
    }

    @Test(
        "MarkdownText.code escapes what Markdown or HTML would act on",
        arguments: [
            ("plain-name", "<code>plain-name</code>"),
            ("a|b", "<code>a&#124;b</code>"),
            ("a\\|b", "<code>a\\\\&#124;b</code>"),
            ("*x* _y_ ~z~ [l](u)", "<code>\\*x\\* \\_y\\_ \\~z\\~ \\[l\\](u)</code>"),
            ("</code><script>", "<code>&lt;/code&gt;&lt;script&gt;</code>"),
            ("&amp; `tick`", "<code>&amp;amp; \\`tick\\`</code>"),
            ("two\nlines\there", "<code>two lines here</code>"),
            ("", "<code></code>"),
        ])
    func escaping(_ text: String, _ expected: String) {
        #expect(MarkdownText.code(text) == expected)
    }
}
