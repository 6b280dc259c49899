/// The version 2 rules this engine does not simulate yet, refused rather than computed
/// wrong: a Longhorn job's own snapshot (`snapshot_target`).
enum Version2Support {
    /// One error per unsupported use; empty for version 1 and for supported files.
    static func unsupported(_ s: Scenario) -> [Diagnostic] {
        guard s.version >= 2 else { return [] }
        var out: [Diagnostic] = []
        let later = "it is read and checked, and simulated in a later release of plan"
        for j in s.longhorn where j.snapshotTarget != nil {
            out.append(
                Diagnostic(
                    at: .none, path: "backups.longhorn.\(j.name).snapshot_target", "the snapshot of a backup job is not simulated yet; \(later)",
                    suggestion: "remove snapshot_target to simulate the rest"))
        }
        return out
    }
}
