/// How a column's values are written in a CSV cell and kept in the run store (cli.md
/// "Files written", `RunStore+Schema.swift` conventions).
public enum ColumnKind: Sendable, Hashable {
    /// Text as it is; TEXT in the store.
    case text
    /// Bytes and counts: the nearest integer; INTEGER in the store (REAL when it does not
    /// fit 64 bits, and for infinity).
    case integer
    /// Money: 4 decimals; REAL in the store, unrounded.
    case money
    /// Shares, seconds and GB-months: 6 decimals; REAL in the store, unrounded.
    case decimal6
    /// A KPI value, in the format of its row's unit (`CSVRenderer.kpiValue`); REAL in the
    /// store, unrounded.
    case kpiValue

    /// The store column's SQLite type.
    public var storeType: String {
        switch self {
        case .text: return "TEXT"
        case .integer: return "INTEGER"
        case .money, .decimal6, .kpiValue: return "REAL"
        }
    }

    /// True when the store keeps the CSV's rounded integer rather than the unrounded value.
    public var storesInteger: Bool { self == .integer }
}
