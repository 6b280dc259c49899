import PlanCore

/// `--format json`: one document with the scenario name, currency, horizon, warnings and
/// one array per CSV file but `daily.csv`, keyed by the CSV column names (cli.md). Numbers
/// are the CSV cells' rounded values as JSON numbers, an infinite value is `"inf"`, a
/// value that does not apply is `null`. Version 2 adds `drills`, `job_costs` (jobs.csv's
/// rows) and, with fault keys, `faults`.
public enum JSONRenderer {
    public static func render(_ result: SimulationResult, rows: JSONRows) -> String {
        var out = "{\n"
        out += "  \"name\": \(string(result.scenarioName)),\n"
        out += "  \"currency\": \(string(result.currency)),\n"
        out += "  \"start\": \(string(result.start.description)),\n"
        out += "  \"horizon\": \(result.horizonDays),\n"
        out += "  \"warnings\": [" + result.warnings.map(string).joined(separator: ", ") + "],\n"
        out += "  \"monthly\": " + array(result.monthly.map(monthly)) + ",\n"
        out += "  \"kpis\": " + array(result.kpis.map(kpi)) + ",\n"
        out += "  \"targets\": " + array(rows.targets) + ",\n"
        if result.version >= 2 {
            out += "  \"workloads\": " + array(rows.workloads) + ",\n"
            out += "  \"drills\": " + array(result.drills.map { DrillsColumn.jsonObject($0, version: 2) }) + ",\n"
            out += "  \"job_costs\": " + array(result.jobCosts.map { JobsColumn.jsonObject($0, version: 2) })
            out += result.hasFaults ? ",\n  \"faults\": " + array(rows.faults) + "\n" : "\n"
        } else {
            out += "  \"workloads\": " + array(rows.workloads) + "\n"
        }
        out += "}\n"
        return out
    }

    public static func array(_ objects: [String]) -> String {
        objects.isEmpty ? "[]" : "[\n    " + objects.joined(separator: ",\n    ") + "\n  ]"
    }

    /// A JSON string literal.
    public static func string(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    /// A CSV number cell as a JSON value: `inf` becomes a string, empty `null`.
    public static func number(_ cell: String) -> String {
        if cell.isEmpty { return "null" }
        if cell == "inf" || cell == "-inf" { return "\"\(cell)\"" }
        return cell
    }

    public static func object(_ pairs: [(String, String)]) -> String {
        "{" + pairs.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
    }

    static func monthly(_ r: MonthlyRow) -> String { MonthlyColumn.jsonObject(r, version: r.billing == nil ? 1 : 2) }

    static func kpi(_ r: KPIRow) -> String { KPIsColumn.jsonObject(r) }
}
