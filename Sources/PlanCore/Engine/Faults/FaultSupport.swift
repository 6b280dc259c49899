/// The fault kinds this engine does not simulate yet, refused rather than computed wrong:
/// `archive-down` (WAL held in pg_wal and released at the end) and `target-down` (the union
/// of every effect). `runs-fail`, `retention-stops` and `maintenance-stops` are simulated.
enum FaultSupport {
    /// One error per fault of a kind not simulated yet; empty otherwise.
    static func unsupported(_ s: Scenario) -> [Diagnostic] {
        guard s.version >= 2 else { return [] }
        let simulated: Set<FaultKind> = [.runsFail, .retentionStops, .maintenanceStops]
        return s.faults.filter { !simulated.contains($0.kind) }.map { f in
            Diagnostic(
                at: .none, path: "faults.\(f.name)",
                "faults of kind \(f.kind.rawValue) are read and checked but not simulated yet; runs-fail, retention-stops and maintenance-stops are",
                suggestion: "remove the fault to simulate the rest")
        }
    }
}
