/// A backup tier, as `daily.csv` names it.
public enum Tier: String, Sendable, Hashable, Comparable {
    case cnpg, velero, longhorn
    public static func < (a: Tier, b: Tier) -> Bool { a.rawValue < b.rawValue }
}
