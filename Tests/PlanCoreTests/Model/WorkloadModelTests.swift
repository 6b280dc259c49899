import Testing

@testable import PlanCore

/// model.md "Workloads": the closed forms, each checked against arithmetic done by hand.
@Suite("Workload growth, churn and WAL")
struct WorkloadModelTests {
    static let gib = 1_073_741_824.0
    static let day = 86_400.0

    static func close(_ a: Double, _ b: Double, _ tol: Double = 1e-12) -> Bool { abs(a - b) <= tol * max(1, abs(b)) }

    @Test("absolute growth is linear and never below 0")
    func linearShrinkStopsAtZero() {
        // 10 GiB shrinking 4 GiB/day: 6 GiB after 1 day, 0 from day 2.5 on.
        let m = WorkloadModel(Workload(name: "w", kind: .volume, size: ByteCount(10 * Self.gib), growth: .absolute(bytesPerDay: -4 * Self.gib)))
        #expect(Self.close(m.size(at: Self.day), 6 * Self.gib))
        #expect(m.size(at: 3 * Self.day) == 0)
    }

    @Test("relative churn on a shrinking size integrates only down to 0")
    func churnOnShrinkingSize() {
        // size(u) = 10 − 4u GiB, zero at u = 2.5. ∫₀³ size = 10 × 2.5 / 2 = 12.5 GiB·day;
        // churn 10%/day → 1.25 GiB.
        let m = WorkloadModel(
            Workload(
                name: "w", kind: .volume, size: ByteCount(10 * Self.gib), growth: .absolute(bytesPerDay: -4 * Self.gib),
                churn: .relative(fraction: 0.1, periodDays: 1)))
        #expect(Self.close(m.churn(0, 3 * Self.day), 1.25 * Self.gib))
    }

    @Test("default WAL: a negative absolute growth contributes 0")
    func walIgnoresShrinking() {
        // growth −1 GiB/day contributes 0; churn 2 GiB/day → WAL 2 GiB/day.
        let m = WorkloadModel(
            Workload(
                name: "db", kind: .postgres, size: ByteCount(100 * Self.gib), growth: .absolute(bytesPerDay: -Self.gib),
                churn: .absolute(bytesPerDay: 2 * Self.gib)))
        #expect(Self.close(m.wal(0, Self.day), 2 * Self.gib))
    }

    @Test("default WAL: a negative relative growth is clamped where the sum turns negative")
    func walClampsAtZero() {
        // growth −10%/day relative: size(u) = 100 × 0.9^u GiB... written as p = −0.1 per day,
        // so the WAL rate is −0.1 × size(u) + 5 GiB/day (absolute churn), positive while
        // size > 50 GiB, i.e. for u < ln(0.5)/ln(0.9) = 6.578813 days.
        let m = WorkloadModel(
            Workload(
                name: "db", kind: .postgres, size: ByteCount(100 * Self.gib), growth: .relative(fraction: -0.1, periodDays: 1),
                churn: .absolute(bytesPerDay: 5 * Self.gib)))
        // The rate 5 − 10 × 0.9^u is negative before u* and positive after, so
        // WAL = ∫_{u*}^{10} (5 − 10 × 0.9^u) du = 5 (10 − u*) − 10 (0.9^10 − 0.9^u*) / ln 0.9
        //     = 5 × 3.4211865 − 10 × (0.3486784 − 0.5) / (−0.1053605)
        //     = 17.1059326 − 14.3622645 = 2.7436681 GiB (scipy's quad agrees: 2.74366806).
        let expected = 2.7436681 * Self.gib
        #expect(abs(m.wal(0, 10 * Self.day) - expected) < 1e-6 * Self.gib)
        // And nothing before u*: the rate is negative there.
        #expect(m.wal(0, 6 * Self.day) == 0)
    }

    @Test("compound growth per week")
    func compoundPerWeek() {
        // 7%/week for 14 days: 1.07² = 1.1449.
        let m = WorkloadModel(Workload(name: "w", kind: .volume, size: ByteCount(1e9), growth: .relative(fraction: 0.07, periodDays: 7)))
        #expect(Self.close(m.size(at: 14 * Self.day), 1.1449e9, 1e-12))
    }
}
