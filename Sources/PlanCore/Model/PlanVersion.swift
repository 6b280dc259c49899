/// The program's version: one constant, shown by `plan --version` and recorded with every
/// run in the run store.
public enum PlanVersion {
    public static let current = "0.1.0"
}
