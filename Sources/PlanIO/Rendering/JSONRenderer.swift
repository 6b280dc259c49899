import PlanCore

/// `--format json`: one document with the scenario name, currency, horizon, warnings and
/// one array per CSV file but `daily.csv`, keyed by the CSV column names (cli.md). Numbers
/// are the CSV cells' rounded values as JSON numbers, an infinite value is `"inf"`, a
/// value that does not apply is `null`. Version 2 adds `drills`, `job_costs` (jobs.csv's
/// rows), with fault keys `faults`, and the summary's tables (`summary`).
public enum JSONRenderer {
    public static func render(_ result: SimulationResult, rows: JSONRows) -> String {
        String(decoding: document(result, rows: rows), as: UTF8.self)
    }

    /// The document's bytes: the day rows' arrays (megabytes in a long run) are copied in as
    /// bytes, never through a `String`.
    public static func document(_ result: SimulationResult, rows: JSONRows) -> [UInt8] {
        // Room for the rows at once, and for the summary's arrays beside them: the rows are
        // most of a long run's document, and an array that doubles copies itself each time.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(rows.targetObjects.bytes.count + rows.workloadObjects.bytes.count + rows.faultObjects.bytes.count + 1 << 20)
        write(result, rows: rows) { bytes.append(contentsOf: $0) }
        return bytes
    }

    /// The document in pieces, in order, each handed to `emit`: the text around the day rows'
    /// arrays, and each array's objects as they were collected, not copied into one document
    /// (`plan simulate --format json` writes them to standard output one after the other).
    public static func write(_ result: SimulationResult, rows: JSONRows, to emit: ([UInt8]) -> Void) {
        var out = "{\n"
        out += "  \"name\": \(string(result.scenarioName)),\n"
        out += "  \"currency\": \(string(result.currency)),\n"
        out += "  \"start\": \(string(result.start.description)),\n"
        out += "  \"horizon\": \(result.horizonDays),\n"
        out += "  \"warnings\": [" + result.warnings.map(string).joined(separator: ", ") + "],\n"
        out += "  \"monthly\": " + array(result.monthly.map(monthly)) + ",\n"
        out += "  \"kpis\": " + array(result.kpis.map(kpi)) + ",\n"
        out += "  \"targets\": "
        /// Hands on the text so far, then `objects`' array.
        func append(_ objects: JSONRows.Objects<some DayFileColumn>) {
            emit(Array(out.utf8))
            out = ""
            objects.emitArray(emit)
        }
        append(rows.targetObjects)
        out += ",\n"
        if result.version >= 2 {
            out += "  \"workloads\": "
            append(rows.workloadObjects)
            out += ",\n"
            out += "  \"drills\": " + array(result.drills.map { DrillsColumn.jsonObject($0, version: 2) }) + ",\n"
            out += "  \"job_costs\": " + array(result.jobCosts.map { JobsColumn.jsonObject($0, version: 2) })
            if result.hasFaults {
                out += ",\n  \"faults\": "
                append(rows.faultObjects)
            }
            out += ",\n  \"summary\": " + summary(result) + "\n"
        } else {
            out += "  \"workloads\": "
            append(rows.workloadObjects)
            out += "\n"
        }
        out += "}\n"
        emit(Array(out.utf8))
    }

    public static func array(_ objects: [String]) -> String {
        objects.isEmpty ? "[]" : "[\n    " + objects.joined(separator: ",\n    ") + "\n  ]"
    }

    /// A JSON string literal (`ByteFormat.jsonString`, the one home of the escapes).
    public static func string(_ s: String) -> String {
        var out: [UInt8] = []
        ByteFormat.jsonString(s, to: &out)
        return String(decoding: out, as: UTF8.self)
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

    /// Version 2: the summary's own tables (issue 14), the figures the table prints, exact:
    /// per target its peak, usable capacity, alert and full dates and the raw capacity it
    /// needs; per job its peak stored bytes, mean daily upload and final restore points;
    /// per workload its peak size, volume and dates; the horizon's total and peak month.
    static func summary(_ r: SimulationResult) -> String {
        func bytes(_ b: ByteCount?) -> String { b.map { CSVRenderer.integer($0.bytes) } ?? "null" }
        func date(_ d: CivilDate?) -> String { d.map { string($0.description) } ?? "null" }
        let targets = r.targets.map { t in
            object([
                ("target", string(t.name)), ("kind", string(t.kind.rawValue)), ("peak_used_bytes", bytes(t.peakUsed)),
                ("peak_date", date(t.peakDate)), ("usable_bytes", bytes(t.usable)), ("alert_date", date(t.alertDate)),
                ("full_date", date(t.fullDate)), ("needed_raw_bytes", bytes(t.neededCapacity)),
            ])
        }
        let jobs = r.jobs.map { j in
            object([
                ("job", string(j.job)), ("target", string(j.target)), ("peak_stored_bytes", bytes(j.peakStored)),
                ("mean_daily_upload_bytes", bytes(j.meanDailyUpload)), ("final_restore_points", String(j.finalRestorePoints)),
            ])
        }
        let workloads = r.workloads.map { w in
            object([
                ("workload", string(w.name)), ("peak_size_bytes", bytes(w.peakSize)), ("volume_bytes", bytes(w.volume)),
                ("alert_date", date(w.alertDate)), ("full_date", date(w.fullDate)),
            ])
        }
        func list(_ items: [String]) -> String { items.isEmpty ? "[]" : "[\n      " + items.joined(separator: ",\n      ") + "\n    ]" }
        var out = "{\n"
        out += "    \"total_cost\": \(CSVRenderer.money(r.totalCost.amount)),\n"
        out += "    \"peak_month_cost\": \(CSVRenderer.money(r.peakMonthlyCost.amount)),\n"
        out += "    \"targets\": \(list(targets)),\n"
        out += "    \"jobs\": \(list(jobs)),\n"
        out += "    \"workloads\": \(list(workloads))\n"
        return out + "  }"
    }
}
