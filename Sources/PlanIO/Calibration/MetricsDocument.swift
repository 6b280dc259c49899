import Foundation
import PlanCore

/// A Prometheus range-query answer read from JSON: `query_range`'s whole document
/// (`{"status":"success","data":{"resultType":"matrix","result":[…]}}`, as `curl` saves it)
/// or only its matrix (`[{"metric":{…},"values":[[1435781430.781,"1"],…]}]`, as
/// `promtool query range -o json` prints it). Timestamps are float seconds, values strings
/// (`"NaN"`, `"+Inf"`, `"-Inf"` included: kept here, left out by the fit).
public struct MetricsDocument: Sendable {
    public var series: [LabeledSeries]
    /// Prometheus' `warnings` and `infos`, and what the reader noticed (no series at all).
    public var warnings: [String]

    /// Reads `bytes`; `source` (a file, a URL) names the document in messages.
    public static func parse(_ bytes: [UInt8], source: String) -> Result<MetricsDocument, MetricsDocumentError> {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
        } catch {
            return .failure(MetricsDocumentError(source: source, path: "", message: syntaxMessage(error, bytes)))
        }
        var reader = Reader(source: source)
        do {
            let series = try reader.document(object)
            return .success(MetricsDocument(series: series, warnings: reader.warnings))
        } catch {
            return .failure(error)
        }
    }

    /// What JSONSerialization says, with a line and column where it names a character.
    static func syntaxMessage(_ error: Error, _ bytes: [UInt8]) -> String {
        let text = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return "the file is empty; expected a query_range JSON document"
        }
        var where_ = ""
        // "Number 1e400 is not representable in Swift.": no offset given, so the number's first place.
        var offset = text.range(of: "character ").flatMap { Int(text[$0.upperBound...].prefix { $0.isNumber }) }
        if offset == nil, let r = text.range(of: "Number "), let end = text.range(of: " is not representable") {
            let number = Array(text[r.upperBound..<end.lowerBound].utf8)
            if !number.isEmpty {
                offset = bytes.indices.first { i in i + number.count <= bytes.count && Array(bytes[i..<i + number.count]) == number }
            }
        }
        if let n = offset, n <= bytes.count {
            let before = bytes[..<n]
            let line = before.filter { $0 == 0x0A }.count + 1
            let column = n - (before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0) + 1
            where_ = " at line \(line), column \(column)"
        }
        let message = "not valid JSON\(where_) (\(text.trimmingCharacters(in: .whitespaces)))"
        // A web page where the API's JSON was expected: a proxy's login page, Grafana, a 404.
        if bytes.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) == UInt8(ascii: "<") {
            return message + "; it begins with '<', as a web page does: is this Prometheus' HTTP API (or an export of query_range)?"
        }
        return message
    }

    /// Walks the parsed JSON, naming each place by its path (`data.result[2].values[5]`).
    struct Reader {
        let source: String
        var warnings: [String] = []

        func fail(_ path: String, _ message: String) -> MetricsDocumentError {
            MetricsDocumentError(source: source, path: path, message: message)
        }

        mutating func document(_ object: Any) throws(MetricsDocumentError) -> [LabeledSeries] {
            if let matrix = object as? [Any] { return try self.matrix(matrix, path: "") }
            guard let top = object as? [String: Any] else {
                throw fail("", "expected a query_range answer (an object with 'status' and 'data') or a matrix (a list), found \(kind(object))")
            }
            guard let status = top["status"] as? String else {
                throw fail("status", "missing; expected \"success\" (is this a Prometheus query_range answer?)")
            }
            for key in ["warnings", "infos"] {
                for w in top[key] as? [Any] ?? [] { warnings.append("Prometheus \(key == "infos" ? "info" : "warning"): \(w)") }
            }
            if status != "success" {
                let type = top["errorType"] as? String
                let text = top["error"] as? String ?? "no message"
                throw fail("status", "Prometheus answered '\(status)'" + (type.map { " (\($0))" } ?? "") + ": \(text)")
            }
            guard let data = top["data"] as? [String: Any] else { throw fail("data", "missing or not an object") }
            guard let type = data["resultType"] as? String else { throw fail("data.resultType", "missing") }
            guard type == "matrix" else {
                throw fail(
                    "data.resultType",
                    "'\(type)' is not a range query's answer; expected 'matrix' (save /api/v1/query_range, or an instant query of a range selector such as metric[30d])"
                )
            }
            guard let result = data["result"] as? [Any] else { throw fail("data.result", "missing or not a list") }
            return try matrix(result, path: "data.result")
        }

        mutating func matrix(_ items: [Any], path: String) throws(MetricsDocumentError) -> [LabeledSeries] {
            if items.isEmpty { warnings.append("the answer holds no series") }
            var out: [LabeledSeries] = []
            for (i, item) in items.enumerated() {
                let here = "\(path)[\(i)]"
                guard let entry = item as? [String: Any] else { throw fail(here, "expected a series object, found \(kind(item))") }
                guard let metric = entry["metric"] as? [String: Any] else { throw fail(here + ".metric", "missing or not an object") }
                var labels: [String: String] = [:]
                for (k, v) in metric {
                    guard let s = v as? String else { throw fail(here + ".metric.\(k)", "a label value must be a string, found \(kind(v))") }
                    labels[k] = s
                }
                guard let values = entry["values"] else {
                    if entry["value"] != nil { throw fail(here, "has one 'value', not 'values': an instant query's answer; save a range query") }
                    if entry["histograms"] != nil {
                        warnings.append("\(here): native histogram samples are not read")
                        continue
                    }
                    throw fail(here + ".values", "missing")
                }
                guard let pairs = values as? [Any] else {
                    throw fail(here + ".values", "expected a list of [time, \"value\"], found \(kind(values))")
                }
                var samples: [MetricSample] = []
                samples.reserveCapacity(pairs.count)
                for (j, pair) in pairs.enumerated() {
                    samples.append(try sample(pair, path: "\(here).values[\(j)]"))
                }
                samples.sort { $0.milliseconds < $1.milliseconds }
                out.append(LabeledSeries(labels: labels, samples: samples))
            }
            return out
        }

        func sample(_ pair: Any, path: String) throws(MetricsDocumentError) -> MetricSample {
            guard let p = pair as? [Any], p.count == 2 else {
                throw fail(path, "expected [time, \"value\"], found \(kind(pair))")
            }
            guard !(p[0] is String), let t = (p[0] as? NSNumber)?.doubleValue, t.isFinite, Swift.abs(t) < 9e15 else {
                throw fail(path + "[0]", "the time must be a number of seconds since 1970, found \(kind(p[0]))")
            }
            let value: Double
            if let text = p[1] as? String {
                guard let v = MetricsDocument.value(text) else {
                    throw fail(path + "[1]", "'\(text)' is not a number (a sample value is a string such as \"1.5e9\", \"NaN\" or \"+Inf\")")
                }
                value = v
            } else if let n = p[1] as? NSNumber {
                value = n.doubleValue
            } else {
                throw fail(path + "[1]", "the value must be a string such as \"1.5e9\", found \(kind(p[1]))")
            }
            return MetricSample(milliseconds: Int64((t * 1_000).rounded()), value: value)
        }

        func kind(_ v: Any) -> String {
            switch v {
            case is String: return "a string"
            case is [Any]: return "a list"
            case is [String: Any]: return "an object"
            case is NSNull: return "null"
            case is NSNumber: return "a number"
            default: return "'\(v)'"
            }
        }
    }

    /// A sample value as Go's `strconv.FormatFloat` writes it: a decimal number, `NaN`,
    /// `+Inf` or `-Inf`.
    static func value(_ text: String) -> Double? {
        switch text {
        case "NaN": return .nan
        case "+Inf", "Inf": return .infinity
        case "-Inf": return -.infinity
        default:
            guard let first = text.first, first.isNumber || first == "-" || first == "+" || first == "." else { return nil }
            return Double(text)
        }
    }
}

/// A metrics document that cannot be read: where (the file, the JSON path) and what is wrong.
public struct MetricsDocumentError: Error, Sendable, Hashable, CustomStringConvertible {
    public var source: String
    public var path: String
    public var message: String

    /// `FILE: error: data.result[0].values[3][1]: 'x' is not a number`.
    public var description: String {
        Diagnostic.visible("\(source): error: " + (path.isEmpty ? "" : path + ": ") + message)
    }
}
