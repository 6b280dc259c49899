import Foundation
import Testing

@testable import PlanCore
@testable import PlanIO

/// The headline of `plan compare` and `--fail-on`, on two scenarios small enough to bill by
/// hand with the built-in S3 prices of model.md (us-east-1: 0.023 per GB-month, GB = 2^30
/// bytes, and 0.005 per 1,000 PUTs).
///
/// One Velero job stores 10 GiB of resources per run with a 120-hour ttl on a 45 GiB MinIO
/// (one drive, parity 0: usable 45 GiB, alert at 80% = 36 GiB, 31 a month), replicated to
/// S3 `off`, from 2026-01-01 for 59 days (January and February, both whole). A runs daily,
/// B every 12 hours; the budget is 32 a month.
@Suite("Compare headline and --fail-on")
struct HeadlineTests {
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
    /// B: twice a day, and a description with the characters Markdown must not act on.
    static let yamlB =
        yamlA
        .replacingOccurrences(of: "\"nightly | 5-day ttl\"", with: "\"twice a day | *cheap*? ask @ops <b>now</b> `x`\"")
        .replacingOccurrences(of: "\"0 0 * * *\"", with: "\"0 */12 * * *\"")

    static func side(_ yaml: String, _ file: String) throws -> ComparisonSide {
        let options = LoadOptions(file: file, defaultName: "pr", today: CivilDate(year: 2026, month: 1, day: 1))
        let s = try ScenarioLoader.load(text: yaml, options: options).get()
        // Labelled as `plan compare pr-a.yaml pr-b.yaml` labels a scenario file.
        return ComparisonSide(simulated: s, result: try Engine.simulate(s).get(), label: file, scenarioPath: file, overrides: [])
    }

    static func comparison() throws -> RunComparison {
        RunComparison(a: try side(yamlA, "pr-a.yaml"), b: try side(yamlB, "pr-b.yaml"))
    }

    // Used bytes at the end of day d (runs at t = k × 86,400 for A, j × 43,200 for B; a run
    // is kept while t + 5 d > 86,400 (d + 1)): A keeps runs d − 3 … d, B runs 2d − 7 … 2d + 1:
    //   A: 10, 20, 30, then 40 GiB;   B: 20, 40, 60, 80, then 90 GiB.
    // January (31 days):
    //   A GiB-days 10 + 20 + 30 + 28 × 40 = 1,180; B 20 + 40 + 60 + 80 + 27 × 90 = 2,630.
    //   PUTs: 10 a run, A 31 runs = 310, B 62 runs = 620.
    // February (28 days): A 28 × 40 = 1,120 GiB-days, 280 PUTs; B 28 × 90 = 2,520, 560.
    // S3 cost = 0.023 × GiB-days / days_in_month + PUTs × 0.005 / 1000; MinIO 31 a month.
    static let janA = 31 + 0.023 * 1180 / 31 + 310 * 0.005 / 1000  // 31.877034…
    static let febA = 31 + 0.023 * 1120 / 28 + 280 * 0.005 / 1000  // 31 + 0.92 + 0.0014 = 31.9214
    static let janB = 31 + 0.023 * 2630 / 31 + 620 * 0.005 / 1000  // 32.954390…
    static let febB = 31 + 0.023 * 2520 / 28 + 560 * 0.005 / 1000  // 31 + 2.07 + 0.0028 = 33.0728

    static func close(_ x: Double?, _ y: Double) -> Bool { x.map { Swift.abs($0 - y) < 1e-9 } ?? false }

    @Test("total and peak-month cost, Δ and Δ%, worked from the S3 price list")
    func costs() throws {
        let h = try Self.comparison().headline
        #expect(h.currency == "USD" && h.sameCurrency)
        // Total: A 63.798434, B 66.027190; Δ 2.228756; Δ% 2.228756 / 63.798434 = 3.49%.
        #expect(Self.close(h.total.a, Self.janA + Self.febA))
        #expect(Self.close(h.total.b, Self.janB + Self.febB))
        #expect(Self.close(h.total.delta, Self.janB + Self.febB - Self.janA - Self.febA))
        #expect(Self.close(h.total.relative, (Self.janB + Self.febB) / (Self.janA + Self.febA) - 1))
        // Peak month: February on both sides (31.9214 > 31.8770, 33.0728 > 32.9544);
        // Δ 1.1514, Δ% 1.1514 / 31.9214 = 3.61%.
        #expect((h.peakMonthA, h.peakMonthB) == ("2026-02", "2026-02"))
        #expect(Self.close(h.peakMonth.a, 31.9214) && Self.close(h.peakMonth.b, 33.0728))
        #expect(Self.close(h.peakMonth.delta, 1.1514))
        #expect(Self.close(h.peakMonth.relative, 1.1514 / 31.9214))
    }

    @Test("full dates of the targets with a capacity, and the KPIs that change status")
    func datesAndKPIs() throws {
        let h = try Self.comparison().headline
        // m is full above 45 GiB: A never (40 GiB at most), B on day 2 (60 GiB, 2026-01-03).
        // S3 `off` has no capacity and is left out.
        #expect(h.full == [.init(target: "m", full: DateChange(a: nil, b: CivilDate(year: 2026, month: 1, day: 3)))])
        #expect(h.full[0].shifted)
        // Budget 32: A's months 31.88 and 31.92 pass, B's 32.95 and 33.07 fail. capacity_full:
        // A passes, B fails. capacity_alert fails on both sides (40 and 90 > 36 GiB): no change.
        #expect(h.kpiChanges.map { "\($0.kpi.rawValue) \($0.subject)" } == ["monthly_budget total", "capacity_full m"])
        #expect(h.regressions.count == 2 && h.improvements.isEmpty)
        #expect((h.failingA, h.failingB) == (1, 3))
        #expect(
            ComparisonRenderer.verdict(h)
                == "B costs 2.23 USD more over the horizon (+3.5%), and fails 2 KPIs that A meets")
    }

    @Test("B against A the other way round: FAIL → pass, and a fall in cost")
    func reversed() throws {
        let c = try Self.comparison()
        let h = RunComparison(a: c.b, b: c.a).headline
        #expect(h.regressions.isEmpty && h.improvements.count == 2)
        // Δ = −2.228756, Δ% = −2.228756 / 66.027190 = −3.4%.
        #expect(ComparisonRenderer.verdict(h) == "B costs 2.23 USD less over the horizon (-3.4%), and meets 2 KPIs that A fails")
        #expect(h.full[0].full == DateChange(a: CivilDate(year: 2026, month: 1, day: 3), b: nil))
    }

    @Test("the same scenario on both sides: no change at all")
    func same() throws {
        let a = try Self.side(Self.yamlA, "pr-a.yaml")
        let h = RunComparison(a: a, b: a).headline
        #expect(ComparisonRenderer.verdict(h) == "B costs the same over the horizon (to the cent), and changes no KPI's status")
        #expect(h.kpiChanges.isEmpty && !h.full[0].shifted)
        for text in ["kpi", "cost:+0", "cost:+0%", "peak:+0"] {
            let condition = try FailCondition.parse(text).get()
            #expect(try condition.check(h).get() == nil, "\(text)")
        }
    }

    @Test("the headline above the table: verdict, A → B, Δ and Δ%")
    func headlineLines() throws {
        let text = ComparisonRenderer(color: false).headline(try Self.comparison())
        #expect(
            text == """
                Headline: B costs 2.23 USD more over the horizon (+3.5%), and fails 2 KPIs that A meets
                  total cost (USD)                63.80  →            66.03  +2.23  +3.5%
                  peak month (USD)      31.92 (2026-02)  →  33.07 (2026-02)  +1.15  +3.6%
                  m full on                       never  →       2026-01-03      —
                  failing KPIs                        1  →                3     +2
                  monthly_budget total             pass  →             FAIL
                  capacity_full m                  pass  →             FAIL

                """)
    }

    // MARK: --fail-on

    @Test(
        "--fail-on against the worked figures: Δ 2.23 (+3.49%) total, 1.15 (+3.61%) peak month",
        arguments: [
            ("kpi", true),
            ("cost:+3%", true), ("cost:+3.5%", false), ("cost:3.4%", true),
            ("cost:+2", true), ("cost:+2.23", false), ("cost:+$2.22", true), ("cost:+25", false),
            ("peak:+3.6%", true), ("peak:+3.7%", false), ("peak:+1.15", false), ("peak:+1.1", true),
        ])
    func failOn(_ text: String, _ met: Bool) throws {
        let h = try Self.comparison().headline
        let reason = try FailCondition.parse(text).get().check(h).get()
        #expect((reason != nil) == met, "\(text): \(reason ?? "not met")")
    }

    @Test("--fail-on says why, with the figures")
    func failOnMessages() throws {
        let h = try Self.comparison().headline
        let lines = try FailCondition.met(
            try FailCondition.parse(all: ["kpi", "cost:+3%", "peak:+1", "cost:+25"]).get(), in: h
        ).get()
        #expect(
            lines == [
                "--fail-on 'kpi': 2 KPIs fail in B and not in A: monthly_budget total (pass → FAIL), capacity_full m (pass → FAIL)",
                "--fail-on 'cost:+3%': total cost rises +3.5% (63.80 → 66.03 USD), more than +3%",
                "--fail-on 'peak:+1': peak month cost rises 1.15 USD (31.92 → 33.07 USD), more than +1",
            ])
        // Reversed, B is cheaper and fixes both KPIs: nothing is met.
        let c = try Self.comparison()
        let back = RunComparison(a: c.b, b: c.a).headline
        #expect(try FailCondition.met(try FailCondition.parse(all: ["kpi", "cost:+0", "peak:+0%"]).get(), in: back).get().isEmpty)
    }

    @Test(
        "bad conditions: one message each, naming the accepted forms",
        arguments: [
            (
                "kpis",
                "--fail-on 'kpis': error: unknown condition 'kpis'; expected kpi, cost:+P%, cost:+AMOUNT, peak:+P% or peak:+AMOUNT; did you mean 'kpi'?"
            ),
            (
                "cost",
                "--fail-on 'cost': error: 'cost' needs a threshold; expected kpi, cost:+P%, cost:+AMOUNT, peak:+P% or peak:+AMOUNT; write it as in '--fail-on kpi', '--fail-on cost:+10%' or '--fail-on peak:+25'"
            ),
            (
                "peek:+10%",
                "--fail-on 'peek:+10%': error: unknown figure 'peek'; expected kpi, cost:+P%, cost:+AMOUNT, peak:+P% or peak:+AMOUNT; did you mean 'peak:+10%'?"
            ),
            (
                "cost:-10%",
                "--fail-on 'cost:-10%': error: '-10%' is a fall; --fail-on takes a rise: kpi, cost:+P%, cost:+AMOUNT, peak:+P% or peak:+AMOUNT; write 'cost:+10%' to fail when total cost rises by more than 10%"
            ),
            (
                "cost:+ten%",
                "--fail-on 'cost:+ten%': error: expected a percent such as '10%' after 'cost:+', found 'ten%'; write it as in '--fail-on kpi', '--fail-on cost:+10%' or '--fail-on peak:+25'"
            ),
            (
                "cost:+€25",
                "--fail-on 'cost:+€25': error: expected a percent such as '10%' or an amount such as '25' after 'cost:+', found '€25'; write '25' and set 'currency'; amounts are not converted"
            ),
        ])
    func badConditions(_ text: String, _ message: String) {
        switch FailCondition.parse(text) {
        case .success(let c): Issue.record("'\(text)' parsed as \(c)")
        case .failure(let d): #expect(d.description == message)
        }
    }

    @Test("a money condition on sides in different currencies is refused")
    func currencies() throws {
        let a = try Self.side(Self.yamlA, "pr-a.yaml")
        let b = try Self.side(Self.yamlB + "currency: EUR\n", "pr-b.yaml")
        let h = RunComparison(a: a, b: b).headline
        #expect(!h.sameCurrency && h.currency == "USD/EUR")
        let result = try FailCondition.parse("cost:+10%").get().check(h)
        #expect(throws: Diagnostic.self) { try result.get() }
        // KPIs are no money: still judged.
        #expect(try FailCondition.parse("kpi").get().check(h).get() != nil)
    }
}
