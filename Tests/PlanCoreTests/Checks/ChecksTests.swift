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

    /// A sweep's variants skip the warnings (nobody reads them there): the result then has
    /// none, and every figure is the same as with them.
    @Test("without warnings: none, and the same figures", arguments: 0..<40)
    func withoutWarnings(seed: Int) throws {
        var s = RandomScenario.make(seed: UInt64(seed) &* 7919 &+ 17)
        s.horizonDays = 400 + seed * 20
        let with = try Engine.simulate(s).get()
        let without = try Engine.simulate(s, warnings: false).get()
        #expect(without.warnings.isEmpty)
        #expect(without.kpis == with.kpis && without.monthly == with.monthly && without.targets == with.targets)
        #expect(without.workloads == with.workloads && without.jobs == with.jobs && without.totalCost == with.totalCost)
    }

    @Test("some random scenario has warnings, so the test above can fail")
    func someWarn() throws {
        let warned = (0..<40).contains { seed in
            var s = RandomScenario.make(seed: UInt64(seed) &* 7919 &+ 17)
            s.horizonDays = 400 + seed * 20
            return !((try? Engine.simulate(s).get().warnings) ?? []).isEmpty
        }
        #expect(warned)
    }
}
