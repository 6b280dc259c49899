import Foundation
import GRDB
import GRDBSQLite
import PlanCore
import PlanIO

/// The JSON text of the `runs` columns that hold several values.
enum StoreJSON {
    static func array(_ strings: [String]) -> String {
        "[" + strings.map(JSONRenderer.string).joined(separator: ",") + "]"
    }

    /// An object of already rendered JSON values, in the order given.
    static func object(_ pairs: [(String, String)]) -> String {
        "{" + pairs.map { JSONRenderer.string($0.0) + ":" + JSONRenderer.number($0.1) }.joined(separator: ",") + "}"
    }

    /// `{"rpo": {"gitea-db": "pass", …}, …}`, in the order of kpis.csv.
    static func kpiStatuses(_ rows: [KPIRow]) -> String {
        var kinds: [String] = []
        var subjects: [String: [String]] = [:]
        for r in rows {
            if subjects[r.kpi.rawValue] == nil { kinds.append(r.kpi.rawValue) }
            subjects[r.kpi.rawValue, default: []].append(
                JSONRenderer.string(r.subject) + ":" + JSONRenderer.string(r.status.rawValue))
        }
        return "{"
            + kinds.map { JSONRenderer.string($0) + ":{" + (subjects[$0] ?? []).joined(separator: ",") + "}" }
            .joined(separator: ",") + "}"
    }
}
