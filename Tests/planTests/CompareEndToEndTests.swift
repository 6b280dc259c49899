import Foundation
import Testing

/// `plan compare` through the built binary: the headline, `--format markdown` and
/// `--fail-on`'s exit codes (0, 1, 3, 64), with what is printed before the exit.
///
/// The scenarios are those of `PlanIOTests/Compare/HeadlineTests.swift`, where their costs
/// are worked by hand: B (twice a day) costs 2.23 more over the horizon (+3.49%) and
/// 1.15 more in its peak month (+3.61%), and fails `monthly_budget total` and
/// `capacity_full m`, which A passes.
@Suite("plan compare end to end", .serialized)
struct CompareEndToEndTests {
    static let yamlA = """
        name: pr
        description: "nightly | 5-day ttl"
        start: 2026-01-01
        horizon: 59d
        workloads: {}
        backups:
          velero:
            res: {schedule: "0 0 * * *", ttl: 120h, resources: 10GiB, target: m}
        targets:
          m: {kind: minio, capacity: 45Gi, monthly_cost: 31}
          off: {kind: s3, replicates: [velero/res]}
        kpis:
          monthly_budget: 32

        """
    static let yamlB =
        yamlA
        .replacingOccurrences(of: "\"nightly | 5-day ttl\"", with: "\"twice a day | *cheap*? ask @ops <b>now</b> `x`\"")
        .replacingOccurrences(of: "\"0 0 * * *\"", with: "\"0 */12 * * *\"")

    static func box() throws -> Sandbox {
        let box = try Sandbox()
        try box.write("pr-a.yaml", yamlA)
        try box.write("pr-b.yaml", yamlB)
        return box
    }

    static func golden(_ name: String) throws -> String {
        try String(
            contentsOf: Sandbox.repository.appendingPathComponent("Tests/PlanIOTests/Compare/Golden/" + name), encoding: .utf8)
    }

    @Test("3: --fail-on kpi when B fails a KPI that A passes; the whole table is printed first, unchanged")
    func failOnKPI() throws {
        let box = try Self.box()
        let run = try box.plan("compare", "pr-a.yaml", "pr-b.yaml", "--fail-on", "kpi")
        run.expect(status: 3)
        // The table of eb65693, byte for byte (recorded with that binary).
        #expect(run.stdout == (try Self.golden("pr.table.txt")))
        #expect(
            run.stderr == """
                plan: --fail-on 'kpi': 2 KPIs fail in B and not in A: monthly_budget total (pass → FAIL), capacity_full m (pass → FAIL)
                plan: 1 --fail-on condition met; exit 3

                """)
    }

    @Test(
        "cost and peak thresholds against Δ 2.23 (+3.49%) and 1.15 (+3.61%)",
        arguments: [
            (["--fail-on", "cost:+10%"], 0), (["--fail-on", "cost:+3%"], 3), (["--fail-on", "cost:+25"], 0),
            (["--fail-on", "cost:+2"], 3), (["--fail-on", "peak:+10%"], 0), (["--fail-on", "peak:+3.6%"], 3),
            (["--fail-on", "peak:+25", "--fail-on", "cost:+25"], 0), (["--fail-on", "peak:+25", "--fail-on", "kpi"], 3),
        ] as [([String], Int32)])
    func thresholds(_ options: [String], _ status: Int32) throws {
        let box = try Self.box()
        let run = try box.plan(["compare", "pr-a.yaml", "pr-b.yaml", "--format", "csv"] + options)
        run.expect(status: status)
        #expect(run.stdout == (try Self.golden("pr.csv")), "the CSV is printed whatever the exit code")
        #expect(run.stderr.isEmpty == (status == 0))
    }

    @Test("0: B against A reversed is cheaper and fixes both KPIs: nothing is met")
    func reversed() throws {
        let box = try Self.box()
        let run = try box.plan(
            "compare", "pr-b.yaml", "pr-a.yaml", "--fail-on", "kpi", "--fail-on", "cost:+0", "--fail-on", "peak:+0%", "--format",
            "markdown")
        run.expect(status: 0)
        #expect(run.stderr.isEmpty)
        #expect(run.stdout.contains("✅ **B costs 2.23 USD less over the horizon (-3.4%), and meets 2 KPIs that A fails**\n"))
    }

    @Test("--format markdown prints the PR comment of the golden file; --headline puts the headline above the table")
    func formats() throws {
        let box = try Self.box()
        let markdown = try box.plan("compare", "pr-a.yaml", "pr-b.yaml", "--format", "markdown")
        markdown.expect(status: 0)
        #expect(markdown.stdout == (try Self.golden("pr.md")))
        let json = try box.plan("compare", "pr-a.yaml", "pr-b.yaml", "--format", "json")
        #expect(json.stdout == (try Self.golden("pr.json")))
        let table = try box.plan("compare", "pr-a.yaml", "pr-b.yaml", "--headline")
        table.expect(status: 0)
        #expect(table.stdout.hasPrefix("Headline: B costs 2.23 USD more over the horizon (+3.5%), and fails 2 KPIs that A meets\n"))
        #expect(table.stdout.hasSuffix("\n\n" + (try Self.golden("pr.table.txt"))))
    }

    @Test(
        "1: a bad condition is refused before anything is simulated, naming the accepted forms",
        arguments: [
            (
                "kpis",
                "--fail-on 'kpis': error: unknown condition 'kpis'; expected kpi, cost:+P%, cost:+AMOUNT, peak:+P% or peak:+AMOUNT; did you mean 'kpi'?"
            ),
            (
                "cost:10 percent",
                "--fail-on 'cost:10 percent': error: expected a percent such as '10%' or an amount such as '25' after 'cost:+', found '10percent'; write it as in '--fail-on kpi', '--fail-on cost:+10%' or '--fail-on peak:+25'"
            ),
        ])
    func badCondition(_ condition: String, _ message: String) throws {
        let box = try Self.box()
        // A missing B file shows that nothing was read or simulated: the condition comes first.
        let run = try box.plan("compare", "pr-a.yaml", "missing.yaml", "--fail-on", "kpi", "--fail-on", condition)
        run.expect(status: 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr == message + "\n")
    }

    @Test("1: a money condition on sides in different currencies, after the output; 64: an unknown format")
    func currenciesAndFormat() throws {
        let box = try Self.box()
        try box.write("pr-eur.yaml", Self.yamlB + "currency: EUR\n")
        let run = try box.plan("compare", "pr-a.yaml", "pr-eur.yaml", "--fail-on", "cost:+10%")
        run.expect(status: 1)
        #expect(run.stdout.hasPrefix("plan compare\n"))
        #expect(
            run.stderr
                == "--fail-on 'cost:+10%': error: the sides are billed in different currencies (USD/EUR); amounts are not converted; compare two scenarios with the same 'currency'\n"
        )
        #expect(try box.plan("compare", "pr-a.yaml", "pr-b.yaml", "--format", "html").status == 64)
        #expect(try box.plan("compare", "pr-a.yaml", "pr-b.yaml", "--fail-on").status == 64)
    }

    /// Issue 11: `plan compare`'s table printed a description and a currency raw, so an
    /// escape sequence in them cleared the screen; a path in an error message too. Run on a
    /// pseudo-terminal (`script`), as a person sees it.
    @Test("escape sequences in a description, a currency or a path reach a terminal written out")
    func escapesOnATerminal() throws {
        let box = try Sandbox()
        let seed = try String(contentsOf: Sandbox.repository.appendingPathComponent("scenarios/seed.yaml"), encoding: .utf8)
        let marked = seed.replacingOccurrences(
            of: "description: GitOps cluster", with: "currency: \"USD\\e]0;owned\\a\"\ndescription: \"d\\e[2Jx\" # GitOps cluster")
        #expect(marked != seed)
        try box.write("a.yaml", marked)
        try box.write("b.yaml", marked.replacingOccurrences(of: "retention: 30d", with: "retention: 7d"))
        let binary = try PlanBinary.url().path
        let command = "\(binary) compare a.yaml b.yaml --no-color; \(binary) validate 'no\u{1B}[2Jfile.yaml'"
        let run = try PlanProcess.run(["-qec", command, "/dev/null"], in: box.root.path, prefix: ["/usr/bin/script"], binary: nil)
        #expect(run.stdout.contains("Monthly cost"), "\(run.stdout)")
        #expect(!run.stdout.unicodeScalars.contains("\u{1B}"), "a raw escape reached the terminal")
        #expect(run.stdout.contains("USD\\u{1B}]0;owned\\u{7}"))
        #expect(run.stdout.contains("no\\u{1B}[2Jfile.yaml"))
    }
}
