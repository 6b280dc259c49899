import PlanCore

/// One cell of an output row, unrounded, with the format its CSV cell takes.
public enum Cell: Sendable, Hashable {
    /// Written as it is in CSV (names never hold a comma), a string in JSON.
    case text(String)
    /// A whole number that is already an `Int` (day numbers, days of a month).
    case int(Int)
    /// Bytes and counts: the nearest integer.
    case integer(Double)
    /// Money: 4 decimals.
    case money(Double)
    /// Shares and seconds: 6 decimals.
    case decimal6(Double)
    /// A value that does not apply: an empty CSV cell, `null` in JSON and the store.
    case empty

    /// A number in the format of a KPI unit (`CSVRenderer.kpiValue`), or `.empty`.
    public static func kpiValue(_ x: Double?, unit: KPIUnit) -> Cell {
        guard let x else { return .empty }
        switch unit {
        case .money: return .money(x)
        case .seconds, .share: return .decimal6(x)
        case .bytes: return .integer(x)
        }
    }

    /// Appends the CSV cell.
    @inline(__always) public consuming func appendCSV(to out: inout String) {
        switch self {
        case .text(let s): out += s
        case .int(let n): out += String(n)
        case .integer(let x): out += CSVRenderer.integer(x)
        case .money(let x): out += CSVRenderer.money(x)
        case .decimal6(let x): out += CSVRenderer.decimal6(x)
        case .empty: break
        }
    }

    /// The CSV cell.
    public var csv: String {
        var out = ""
        appendCSV(to: &out)
        return out
    }

    /// The JSON value: a string, the CSV cell's number (`"inf"` for infinity), or `null`.
    public var json: String {
        switch self {
        case .text(let s): return JSONRenderer.string(s)
        case .int(let n): return String(n)
        case .integer, .money, .decimal6: return JSONRenderer.number(csv)
        case .empty: return "null"
        }
    }

    /// The number a numeric cell holds; nil for text and an empty cell.
    public var number: Double? {
        switch self {
        case .int(let n): return Double(n)
        case .integer(let x), .money(let x), .decimal6(let x): return x
        case .text, .empty: return nil
        }
    }
}
