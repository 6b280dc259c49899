/// The fault kinds this engine does not simulate yet, refused rather than computed wrong:
/// `archive-down` (WAL held in pg_wal and released at the end), `retention-stops`,
/// `maintenance-stops` (postponed deletions) and `target-down` (the union of them all).
/// `runs-fail` is simulated.
enum FaultSupport {
    /// One error per fault of a kind not simulated yet; empty otherwise.
    static func unsupported(_ s: Scenario) -> [Diagnostic] {
        guard s.version >= 2 else { return [] }
        return s.faults.filter { $0.kind != .runsFail }.map { f in
            Diagnostic(
                at: .none, path: "faults.\(f.name)",
                "faults of kind \(f.kind.rawValue) are read and checked but not simulated yet; runs-fail is",
                suggestion: "remove the fault to simulate the rest")
        }
    }
}
