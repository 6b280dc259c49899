import Foundation
import PlanCore

/// The five CSV files of cli.md, rendered as text (value in, string out).
///
/// RFC 4180 except for `\n` line ends; bytes and counts as integers, money with 4
/// decimals, shares and seconds with 6, `inf` for an infinite value, an empty cell for a
/// value that does not apply. Every cell rounds its own unrounded value, half away from zero.
public enum CSVRenderer {
    /// The header lines, `\n` included, from the column declarations (`Columns/`).
    public static let dailyHeader = DailyColumn.header
    public static let workloadsHeader = WorkloadsColumn.header
    public static let targetsHeader = TargetsColumn.header
    public static let monthlyHeader = MonthlyColumn.header
    public static let kpisHeader = KPIsColumn.header

    // MARK: Cells

    /// Bytes and counts: the nearest integer.
    @inline(__always) public static func integer(_ x: Double) -> String {
        x.isInfinite ? (x > 0 ? "inf" : "-inf") : Format.fixed(x, 0)
    }
    /// Money: 4 decimals.
    @inline(__always) public static func money(_ x: Double) -> String {
        x.isInfinite ? (x > 0 ? "inf" : "-inf") : Format.fixed(x, 4)
    }
    /// Shares and seconds: 6 decimals.
    @inline(__always) public static func decimal6(_ x: Double) -> String {
        x.isInfinite ? (x > 0 ? "inf" : "-inf") : Format.fixed(x, 6)
    }

    /// A text cell, quoted when it holds a comma, quote or line break.
    /// A cell of text the user wrote (a setting's value, a `--vary` value), safe to open in a
    /// spreadsheet: one beginning with `=`, `+`, `-`, `@`, a tab or a carriage return gets a
    /// leading `'`, as OWASP recommends against formula injection; a number stays a number.
    public static func freeText(_ s: String) -> String {
        guard let first = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), Double(s) == nil else { return text(s) }
        return text("'" + s)
    }

    public static func text(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    // MARK: Daily files

    /// Appends the day's `daily.csv` rows, in layout order.
    public static func appendDaily(_ rows: DayRows, layout: RowLayout, to out: inout String) {
        DailyColumn.appendCSV(rows, layout: layout, to: &out)
    }

    /// Appends the day's `workloads.csv` rows.
    public static func appendWorkloads(_ rows: DayRows, layout: RowLayout, to out: inout String) {
        WorkloadsColumn.appendCSV(rows, layout: layout, to: &out)
    }

    /// Appends the day's `targets.csv` rows.
    public static func appendTargets(_ rows: DayRows, layout: RowLayout, to out: inout String) {
        TargetsColumn.appendCSV(rows, layout: layout, to: &out)
    }

    // MARK: Summary files

    /// `monthly.csv`; a version 2 scenario's rows carry `billing` and get its columns.
    public static func monthly(_ rows: [MonthlyRow], version: Int? = nil) -> String {
        file(MonthlyColumn.self, rows, version: version ?? (rows.first?.billing == nil ? 1 : 2))
    }

    /// `drills.csv` (version 2).
    public static func drills(_ rows: [DrillRow]) -> String {
        file(DrillsColumn.self, rows, version: 2)
    }

    /// `jobs.csv` (version 2): each target's month split between its daily rows.
    public static func jobs(_ rows: [JobCostRow]) -> String {
        file(JobsColumn.self, rows, version: 2)
    }

    /// A KPI value in the cell format of its unit.
    public static func kpiValue(_ x: Double, unit: KPIUnit) -> String {
        Cell.kpiValue(x, unit: unit).csv
    }

    public static func kpis(_ rows: [KPIRow]) -> String {
        file(KPIsColumn.self, rows, version: 1)
    }

    /// A whole file: the header, then one line per row.
    static func file<C: OutputColumn>(_: C.Type, _ rows: [C.Row], version: Int) -> String {
        var out = C.header(version: version)
        let columns = C.columns(version: version)
        for r in rows { C.appendCSV(r, columns: columns, to: &out) }
        return out
    }
}
