import Foundation
import PlanCore

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The Prometheus HTTP API, `GET /api/v1/query_range` only, on the address given and
/// nowhere else (gitops.md "plan calibrate"). Every failure is one message of the
/// environment (exit 2): no connection, a timeout, an HTTP error, `status: error`, or an
/// answer with `warnings` (Prometheus says it may be partial).
public struct PrometheusClient: Sendable {
    public let base: URL
    /// Seconds a request may take.
    public var timeout: Double

    /// Nil when `address` is not an `http` or `https` URL.
    public init?(address: String, timeout: Double = 30) {
        guard let url = URL(string: address), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
            url.host != nil
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
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.httpMethod = "GET"
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        let shown = "Prometheus at '\(base.absoluteString)'"
        let answer: (Data, Int)
        switch await PrometheusClient.fetch(request, timeout: timeout) {
        case .success(let a): answer = a
        case .failure(let f): return .failure(PrometheusFailure("error: cannot query \(shown): \(f.message)"))
        }
        let (data, status) = answer
        let source = "\(shown), query '\(query)'"
        let parsed = MetricsDocument.parse(Array(data), source: source)
        guard (200..<300).contains(status) else {
            // Prometheus explains a refused query in a JSON body (`status: error`).
            if case .failure(let e) = parsed, e.path == "status" { return .failure(PrometheusFailure(e.description + " (HTTP \(status))")) }
            let body = String(decoding: data.prefix(200), as: UTF8.self)
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

    /// One GET: the body and the HTTP status, or why there is none. The body is read as it
    /// arrives and the request cancelled past `maximum` bytes (or at once when the
    /// `Content-Length` says so).
    static func fetch(_ request: URLRequest, timeout: Double, maximum: Int = maximumAnswerBytes) async -> Result<
        (Data, Int), PrometheusFailure
    > {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        configuration.urlCache = nil
        return await withCheckedContinuation { continuation in
            let body = CappedBody(maximum: maximum, timeout: timeout, continuation: continuation)
            // The delegate's callbacks come one at a time on the session's own serial queue.
            let session = URLSession(configuration: configuration, delegate: body, delegateQueue: nil)
            body.session = session
            session.dataTask(with: request).resume()
            // Our own deadline as well: Foundation's resource timeout does not fire on Linux
            // while a server keeps sending.
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout) {
                body.finish(.failure(PrometheusFailure("no answer within \(Int(timeout)) s (timed out)")))
            }
        }
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

/// A response body gathered as it arrives, cut off past `maximum` bytes: the delegate of
/// `PrometheusClient.fetch`'s session. It resumes its continuation once, at the first of:
/// the answer complete, an error, the cap passed, the deadline; then the session is
/// cancelled, so no more of the answer is kept.
final class CappedBody: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    let maximum: Int
    let timeout: Double
    var session: URLSession?
    private let lock = NSLock()
    private var continuation: CheckedContinuation<Result<(Data, Int), PrometheusFailure>, Never>?
    private var data = Data()
    private var status = 0

    init(maximum: Int, timeout: Double, continuation: CheckedContinuation<Result<(Data, Int), PrometheusFailure>, Never>) {
        self.maximum = maximum
        self.timeout = timeout
        self.continuation = continuation
    }

    var tooLarge: PrometheusFailure {
        PrometheusFailure("the answer is larger than \(maximum / 1_048_576) MiB, the most plan reads from one answer")
    }

    /// Resumes the caller with `result` unless it was resumed already, and stops the session.
    func finish(_ result: Result<(Data, Int), PrometheusFailure>) {
        lock.lock()
        let waiting = continuation
        continuation = nil
        data = Data()
        let session = self.session
        self.session = nil
        lock.unlock()
        guard let waiting else { return }
        session?.invalidateAndCancel()
        waiting.resume(returning: result)
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
        lock.lock()
        status = (response as? HTTPURLResponse)?.statusCode ?? 0
        lock.unlock()
        if response.expectedContentLength > Int64(maximum) {
            completionHandler(.cancel)
            finish(.failure(tooLarge))
            return
        }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive chunk: Data) {
        lock.lock()
        guard continuation != nil else {
            lock.unlock()
            return
        }
        data.append(chunk)
        let over = data.count > maximum
        lock.unlock()
        if over { finish(.failure(tooLarge)) }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        if let error {
            let e = error as NSError
            let reason =
                e.code == NSURLErrorTimedOut
                ? "no answer within \(Int(timeout)) s (timed out)"
                : e.code == NSURLErrorCannotConnectToHost
                    ? "connection refused (is it running, and is the address right?)" : e.localizedDescription
            finish(.failure(PrometheusFailure(reason)))
        } else {
            lock.lock()
            let answer = (data, status)
            lock.unlock()
            finish(.success(answer))
        }
    }
}
