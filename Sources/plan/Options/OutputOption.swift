import PlanIO

/// `--out DIR`'s layout, checked before any work: an empty DIR would write `./NAME/`,
/// which nobody means; it is an invalid option value (exit 1).
func outputLayout(_ out: String) throws -> OutputLayout {
    if out.isEmpty { try failInvalid("error: --out '': name the folder the files go to (e.g. '\(OutputLayout.defaultRoot)')") }
    return OutputLayout(root: out)
}
