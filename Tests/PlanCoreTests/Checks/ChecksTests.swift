import Testing

@testable import PlanCore

/// `plan validate` prints `Checks.warnings(for:)` without simulating; `plan simulate` prints
/// the engine's warnings. They must be the same lines in the same order.
@Suite("Checks without simulating")
struct ChecksTests {
    @Test("the warnings equal the engine's on random small scenarios", arguments: 0..<100)
    func sameWarnings(seed: Int) throws {
        var s = RandomScenario.make(seed: UInt64(seed) &* 7919 &+ 17)
        // Long enough for volumes to fill (the one warning that needs the workloads' sizes).
        s.horizonDays = 400 + seed * 20
        let simulated = try Engine.simulate(s).get().warnings
        let checked = try Checks.warnings(for: s).get()
        #expect(checked == simulated, "seed \(seed), horizon \(s.horizonDays) days")
    }
}
