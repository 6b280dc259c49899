import Foundation
import PlanCore

/// The five CSV files of cli.md, rendered as text (value in, string out).
///
/// RFC 4180 except for `\n` line ends; bytes and counts as integers, money with 4
/// decimals, shares and seconds with 6, `inf` for an infinite value, an empty cell for a
/// value that does not apply. Every cell rounds its own unrounded value, half away from zero.
public enum CSVRenderer {
    public static let dailyHeader =
        "date,day,job,tier,target,workload,restore_points,stored_bytes,raw_bytes,uploaded_bytes,objects,put_requests\n"
    public static let workloadsHeader = "date,day,workload,kind,size_bytes,volume_bytes,wal_bytes,rto_seconds\n"
    public static let targetsHeader = "date,day,target,kind,used_bytes,usable_bytes,used_share\n"
    public static let monthlyHeader =
        "month,target,days,fixed_cost,storage_cost,request_cost,total_cost,gb_months,put_requests\n"
    public static let kpisHeader = "kpi,subject,limit,worst,unit,status,first_failure\n"

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
    public static func text(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    // MARK: Daily files

    /// Appends the day's `daily.csv` rows, in layout order.
    public static func appendDaily(_ rows: DayRows, layout: RowLayout, to out: inout String) {
        let prefix = rows.date.description + "," + String(rows.day) + ","
        for key in layout.jobRows {
            let v = rows.jobs[key.source]
            out += prefix
            out += key.job
            out += ","
            out += key.tier.rawValue
            out += ","
            out += key.target
            out += ","
            out += key.workload
            out += ","
            out += integer(v.restorePoints)
            out += ","
            out += integer(v.stored)
            out += ","
            out += integer(v.raw)
            out += ","
            out += integer(v.uploaded)
            out += ","
            out += integer(v.objects)
            out += ","
            out += integer(v.putRequests)
            out += "\n"
        }
    }

    /// Appends the day's `workloads.csv` rows.
    public static func appendWorkloads(_ rows: DayRows, layout: RowLayout, to out: inout String) {
        let prefix = rows.date.description + "," + String(rows.day) + ","
        for (i, w) in layout.workloads.enumerated() {
            let v = rows.workloads[i]
            out += prefix
            out += w.name
            out += ","
            out += w.kind.rawValue
            out += ","
            out += integer(v.size)
            out += ","
            if let vol = w.volume { out += integer(vol.bytes) }
            out += ","
            if w.kind == .postgres, let wal = v.wal { out += integer(wal) }
            out += ","
            if let rto = v.rto { out += decimal6(rto) }
            out += "\n"
        }
    }

    /// Appends the day's `targets.csv` rows.
    public static func appendTargets(_ rows: DayRows, layout: RowLayout, to out: inout String) {
        let prefix = rows.date.description + "," + String(rows.day) + ","
        for (i, t) in layout.targets.enumerated() {
            let used = rows.targetUsed[i]
            out += prefix
            out += t.name
            out += ","
            out += t.kind.rawValue
            out += ","
            out += integer(used)
            out += ","
            if let u = t.usable?.bytes {
                out += integer(u)
                out += ","
                out += decimal6(u > 0 ? used / u : (used > 0 ? .infinity : 0))
            } else {
                out += ","
            }
            out += "\n"
        }
    }

    // MARK: Summary files

    public static func monthly(_ rows: [MonthlyRow]) -> String {
        var out = monthlyHeader
        for r in rows {
            out += [
                r.month, r.target, String(r.days), money(r.fixedCost.amount), money(r.storageCost.amount),
                money(r.requestCost.amount), money(r.totalCost.amount), decimal6(r.gbMonths), integer(r.putRequests),
            ].joined(separator: ",")
            out += "\n"
        }
        return out
    }

    /// A KPI value in the cell format of its unit.
    public static func kpiValue(_ x: Double, unit: KPIUnit) -> String {
        switch unit {
        case .money: return money(x)
        case .seconds, .share: return decimal6(x)
        case .bytes: return integer(x)
        }
    }

    public static func kpis(_ rows: [KPIRow]) -> String {
        var out = kpisHeader
        for r in rows {
            out += [
                r.kpi.rawValue, r.subject, r.limit.map { kpiValue($0, unit: r.unit) } ?? "",
                r.worst.map { kpiValue($0, unit: r.unit) } ?? "", r.unit.rawValue, r.status.rawValue,
                r.firstFailure?.description ?? "",
            ].joined(separator: ",")
            out += "\n"
        }
        return out
    }
}
