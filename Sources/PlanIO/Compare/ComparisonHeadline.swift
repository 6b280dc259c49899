import PlanCore

/// What a reviewer reads first about a comparison: the cost over the horizon and in the
/// dearest month, when each target with a capacity fills, and the KPIs that change status.
///
/// Derived from a `RunComparison` only (no new figures): the total is the horizon's `total`
/// row, the peak month each side's largest month total as billed (`peak_monthly_cost` of
/// `plan tune`, a partial month not scaled), Δ and Δ% as everywhere in `plan compare`.
/// The table (`--headline`), JSON (`headline`), Markdown and `--fail-on` read this one value.
public struct ComparisonHeadline: Sendable, Hashable {
    /// A side's currency, or `A/B` when the sides differ.
    public var currency: String
    /// False when the sides bill in different currencies: money deltas then mean nothing.
    public var sameCurrency: Bool
    /// The cost over each side's whole horizon (money).
    public var total: NumberChange
    /// Each side's largest month total (money), and which month it is (`YYYY-MM`; the
    /// earliest of equal months).
    public var peakMonth: NumberChange
    public var peakMonthA: String?
    public var peakMonthB: String?
    /// The full date of every target that has a capacity on either side (S3 never fills),
    /// by name.
    public var full: [TargetFull]
    /// The KPI rows whose status differs and where a side fails: `pass → FAIL`,
    /// `FAIL → pass`, and rows on one side only that fail there. `info ↔ pass` is left out.
    public var kpiChanges: [RunComparison.KPIChange]
    /// How many KPI rows fail on each side.
    public var failingA: Int
    public var failingB: Int

    public struct TargetFull: Sendable, Hashable {
        public var target: String
        public var full: DateChange
        /// True when the date differs (a new date, a date gone, or moved).
        public var shifted: Bool { full.a != full.b }
    }

    public init(_ c: RunComparison) {
        let (ra, rb) = (c.a.result, c.b.result)
        sameCurrency = ra.currency == rb.currency
        currency = sameCurrency ? ra.currency : "\(ra.currency)/\(rb.currency)"
        total = c.horizon.first { $0.target == "total" }?.cost ?? NumberChange(a: ra.totalCost.amount, b: rb.totalCost.amount)
        peakMonth = NumberChange(a: ra.peakMonthlyCost.amount, b: rb.peakMonthlyCost.amount)
        func peak(_ r: SimulationResult) -> String? {
            r.monthly.first { $0.target == "total" && $0.totalCost.amount == r.peakMonthlyCost.amount }?.month
        }
        peakMonthA = peak(ra)
        peakMonthB = peak(rb)
        let capacity = Set((ra.targets + rb.targets).filter { $0.usable != nil }.map(\.name))
        full = c.targets.filter { capacity.contains($0.target) }.map { TargetFull(target: $0.target, full: $0.full) }
        failingA = ra.kpis.filter { $0.status == .fail }.count
        failingB = rb.kpis.filter { $0.status == .fail }.count
        kpiChanges = c.kpis.filter { $0.statusA != $0.statusB && ($0.statusA == .fail || $0.statusB == .fail) }
    }

    /// KPI rows that fail in B and not in A (`pass → FAIL`, `info → FAIL`, or new in B):
    /// what B breaks.
    public var regressions: [RunComparison.KPIChange] { kpiChanges.filter { $0.statusB == .fail } }
    /// KPI rows that fail in A and not in B: what B fixes.
    public var improvements: [RunComparison.KPIChange] { kpiChanges.filter { $0.statusA == .fail } }
}

extension RunComparison {
    /// The headline of this comparison (see `ComparisonHeadline`).
    public var headline: ComparisonHeadline { ComparisonHeadline(self) }
}
