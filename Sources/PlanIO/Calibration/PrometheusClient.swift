import CCurlLoader
import Foundation
import PlanCore

/// The Prometheus HTTP API, `GET /api/v1/query_range` only, on the address given and
/// nowhere else (gitops.md "plan calibrate"). Every failure is one message of the
/// environment (exit 2): no connection, a timeout, an HTTP error, `status: error`, or an
/// answer with `warnings` (Prometheus says it may be partial).
public struct PrometheusClient: Sendable {
    public let base: URL
    /// Seconds a request may take.
    public var timeout: Double

    /// Nil when `address` is not an `http` or `https` URL with a host (and a port, if any,
    /// from 1 to 65535: Foundation keeps `:99999`, which curl then calls a bad URL).
    public init?(address: String, timeout: Double = 30) {
        guard let url = URL(string: address), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
            url.host != nil, (1...65_535).contains(url.port ?? 80)
        else { return nil }
        base = url
        self.timeout = timeout
    }

    /// The request URL: the base's path with `/api/v1/query_range` appended, and the query
    /// parameters percent-encoded (`+` too, which a server would read as a space).
    public func url(query: String, start: Int64, end: Int64, step: Int) -> URL? {
        guard var components = URLComponents(url: base, resolvingAgainstBaseURL: false) else { return nil }
        var path = components.path
        while path.hasSuffix("/") { path.removeLast() }
        components.path = path + "/api/v1/query_range"
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "+&=;")
        func encode(_ s: String) -> String { s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s }
        components.percentEncodedQuery = [
            ("query", query), ("start", PrometheusClient.seconds(start)), ("end", PrometheusClient.seconds(end)), ("step", "\(step)"),
        ].map { "\($0)=\(encode($1))" }.joined(separator: "&")
        return components.url
    }

    /// Milliseconds as the API's float seconds: `1435781430.781`.
    static func seconds(_ ms: Int64) -> String {
        let whole = ms >= 0 ? ms / 1_000 : -((-ms + 999) / 1_000)
        let frac = ms - whole * 1_000
        return "\(whole)." + String(repeating: "0", count: 3 - String(frac).count) + String(frac)
    }

    /// Runs one range query; the series, or a message for standard error.
    public func queryRange(_ query: String, start: Int64, end: Int64, step: Int) async -> Result<[LabeledSeries], PrometheusFailure> {
        guard let url = url(query: query, start: start, end: end, step: step) else {
            return .failure(PrometheusFailure("error: cannot build a query URL from '\(base.absoluteString)'"))
        }
        let shown = "Prometheus at '\(base.absoluteString)'"
        let answer: ([UInt8], Int)
        switch await PrometheusClient.fetch(url, timeout: timeout) {
        case .success(let a): answer = a
        case .failure(let f): return .failure(PrometheusFailure("error: cannot query \(shown): \(f.message)"))
        }
        let (data, status) = answer
        let source = "\(shown), query '\(query)'"
        let parsed = MetricsDocument.parse(data, source: source)
        guard (200..<300).contains(status) else {
            // Prometheus explains a refused query in a JSON body (`status: error`).
            if case .failure(let e) = parsed, e.path == "status" { return .failure(PrometheusFailure(e.description + " (HTTP \(status))")) }
            let body = PrometheusClient.oneLine(String(decoding: data.prefix(200), as: UTF8.self))
            return .failure(PrometheusFailure("\(source): error: HTTP \(status)" + (body.isEmpty ? "" : ": \(body)")))
        }
        switch parsed {
        case .failure(let e): return .failure(PrometheusFailure(e.description))
        case .success(let document):
            let partial = document.warnings.filter { $0.hasPrefix("Prometheus warning") }
            if !partial.isEmpty {
                return .failure(PrometheusFailure("\(source): error: the answer may be partial: " + partial.joined(separator: "; ")))
            }
            return .success(document.series)
        }
    }

    /// The most bytes `plan` reads from one answer: the cap of an input file
    /// (`StreamingFile.maximumInputBytes`), so a server that streams without end is cut
    /// off there rather than filling the memory.
    public static let maximumAnswerBytes = StreamingFile.maximumInputBytes

    /// One GET (`Accept: application/json`): the body and the HTTP status, or why there is
    /// none. libcurl (loaded on the first request, not at start: `CCurlLoader`) reads the
    /// body as it arrives and stops past `maximum` bytes, or at once when the
    /// `Content-Length` says so; `timeout` bounds the whole transfer, a server that keeps
    /// sending included. Blocks the calling thread until then (`fetch` is the async form).
    public static func get(_ url: URL, timeout: Double, maximum: Int = maximumAnswerBytes) -> Result<([UInt8], Int), PrometheusFailure> {
        var status = 0
        var body = plan_http_body(bytes: nil, count: 0)
        var message = [CChar](repeating: 0, count: 1_024)
        let outcome = plan_http_get(
            url.absoluteString, "application/json", Int(timeout * 1_000), maximum, &status, &body, &message, message.count)
        switch outcome {
        case PLAN_HTTP_ANSWERED:
            let bytes = body.count == 0 ? [] : Array(UnsafeBufferPointer(start: body.bytes, count: body.count))
            plan_http_free(&body)
            return .success((bytes, status))
        case PLAN_HTTP_TOO_LARGE:
            return .failure(PrometheusFailure("the answer is larger than \(maximum / 1_048_576) MiB, the most plan reads from one answer"))
        case PLAN_HTTP_REFUSED: return .failure(PrometheusFailure("connection refused (is it running, and is the address right?)"))
        case PLAN_HTTP_TIMED_OUT: return .failure(PrometheusFailure("no answer within \(Int(timeout)) s (timed out)"))
        default:
            // libcurl's own one-line reason ("Could not resolve host: …").
            let reason = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            return .failure(PrometheusFailure(PrometheusClient.oneLine(reason)))
        }
    }

    /// `get` on a thread of its own: it blocks, and the Swift concurrency pool has only a
    /// thread or two per core.
    static func fetch(_ url: URL, timeout: Double, maximum: Int = maximumAnswerBytes) async -> Result<([UInt8], Int), PrometheusFailure> {
        await withCheckedContinuation { continuation in
            let fetch: @Sendable () -> Void = { continuation.resume(returning: get(url, timeout: timeout, maximum: maximum)) }
            // No thread to be had: fetched on this one, which waits for it.
            if !DetachedThread.start(fetch) { fetch() }
        }
    }

    /// `text` on one line: every run of white space and control characters (a proxy's HTML
    /// page, a binary body, an escape sequence) one space, none at the ends.
    static func oneLine(_ text: String) -> String {
        var out = ""
        var gap = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace || scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                gap = !out.isEmpty
            } else {
                if gap { out.append(" ") }
                gap = false
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A PromQL string literal: `"…"` with `\` and `"` escaped.
    public static func literal(_ s: String) -> String {
        "\"" + s.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"") + "\""
    }

    /// A PromQL regular expression matching `s` exactly, as a string literal's content.
    public static func regexQuoted(_ s: String) -> String {
        var out = ""
        for c in s {
            if c.isLetter || c.isNumber || c == "-" || c == "_" { out.append(c) } else { out += "\\" + String(c) }
        }
        return out
    }
}

/// Why a query got no usable answer: one message for standard error (exit 2).
public struct PrometheusFailure: Error, Sendable, Hashable {
    public var message: String
    public init(_ message: String) { self.message = message }
}
