import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// A real Prometheus (Debian's `prometheus` and `promtool`, /usr/bin) on a free local port,
/// serving blocks backfilled from OpenMetrics text. `stop()` kills it and waits; the tests
/// call it on every path (`defer`).
final class PrometheusServer {
    let process = Process()
    let port: Int
    var url: String { "http://127.0.0.1:\(port)" }

    enum Failure: Error, CustomStringConvertible {
        case missing(String)
        case failed(String)
        var description: String {
            switch self {
            case .missing(let tool):
                return
                    "\(tool) is not installed: the calibrate end-to-end test needs Debian's prometheus package (apt-get install -y prometheus, as .ci/run does)"
            case .failed(let why): return why
            }
        }
    }

    static func tool(_ name: String) throws -> String {
        for dir in ["/usr/bin", "/usr/local/bin"] where FileManager.default.isExecutableFile(atPath: dir + "/" + name) {
            return dir + "/" + name
        }
        throw Failure.missing(name)
    }

    /// Backfills `openMetrics` into `directory/data` and starts Prometheus on it; returns
    /// once `/-/ready` answers 200.
    init(openMetrics: String, directory: URL) throws {
        let promtool = try PrometheusServer.tool("promtool")
        let prometheus = try PrometheusServer.tool("prometheus")
        let input = directory.appendingPathComponent("metrics.om")
        let data = directory.appendingPathComponent("data")
        let config = directory.appendingPathComponent("prometheus.yml")
        try Data(openMetrics.utf8).write(to: input)
        try Data("global:\n  scrape_interval: 1m\nscrape_configs: []\n".utf8).write(to: config)
        let backfill = try PrometheusServer.run(
            promtool, ["tsdb", "create-blocks-from", "openmetrics", "--max-block-duration=744h", input.path, data.path])
        guard backfill.status == 0 else { throw Failure.failed("promtool create-blocks-from failed:\n\(backfill.output)") }
        port = try PrometheusServer.freePort()
        process.executableURL = URL(fileURLWithPath: prometheus)
        // Retention far beyond the backfilled month, so the old blocks are kept.
        process.arguments = [
            "--storage.tsdb.path=\(data.path)", "--config.file=\(config.path)", "--web.listen-address=127.0.0.1:\(port)",
            "--storage.tsdb.retention.time=100y",
        ]
        let log = FileHandle(forWritingAtPath: "/dev/null")
        process.standardOutput = log
        process.standardError = log
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if !process.isRunning { throw Failure.failed("prometheus exited with status \(process.terminationStatus) before it was ready") }
            if let (status, _) = PrometheusServer.get(url + "/-/ready"), status == 200 { return }
            Thread.sleep(forTimeInterval: 0.2)
        }
        stop()
        throw Failure.failed("prometheus was not ready within 60 s on port \(port)")
    }

    /// Kills the server and waits for it to end.
    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }

    deinit { stop() }

    /// An instant query's single value (`/api/v1/query`), for PromQL's own `deriv` and
    /// `predict_linear`.
    func instant(_ query: String, at time: Int) throws -> Double {
        var components = URLComponents(string: url + "/api/v1/query")
        components?.queryItems = [URLQueryItem(name: "query", value: query), URLQueryItem(name: "time", value: "\(time)")]
        let encoded = components?.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B")
        components?.percentEncodedQuery = encoded
        guard let address = components?.url?.absoluteString, let (status, body) = PrometheusServer.get(address), status == 200,
            let object = try JSONSerialization.jsonObject(with: body) as? [String: Any],
            let data = object["data"] as? [String: Any], let result = data["result"] as? [[String: Any]], result.count == 1,
            let value = result[0]["value"] as? [Any], value.count == 2, let text = value[1] as? String, let number = Double(text)
        else { throw Failure.failed("the instant query '\(query)' gave no single value") }
        return number
    }

    /// The raw answer of a range query, as `curl` saves it.
    func rangeAnswer(_ query: String, start: Int, end: Int, step: Int) throws -> Data {
        var components = URLComponents(string: url + "/api/v1/query_range")
        components?.queryItems = [
            URLQueryItem(name: "query", value: query), URLQueryItem(name: "start", value: "\(start)"),
            URLQueryItem(name: "end", value: "\(end)"), URLQueryItem(name: "step", value: "\(step)"),
        ]
        let encoded = components?.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B")
        components?.percentEncodedQuery = encoded
        guard let address = components?.url?.absoluteString, let (status, body) = PrometheusServer.get(address), status == 200 else {
            throw Failure.failed("the range query '\(query)' failed")
        }
        return body
    }

    /// A GET with a 10 s timeout: the status and body, or nil without an answer.
    static func get(_ address: String) -> (Int, Data)? {
        guard let url = URL(string: address) else { return nil }
        final class Box: @unchecked Sendable { var value: (Int, Data)? }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        var request = URLRequest(url: url)
        request.timeoutInterval = 10
        URLSession.shared.dataTask(with: request) { data, response, _ in
            if let response = response as? HTTPURLResponse { box.value = (response.statusCode, data ?? Data()) }
            done.signal()
        }.resume()
        done.wait()
        return box.value
    }

    /// Runs a tool to its end: the exit status and everything it printed.
    static func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = arguments
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        try p.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    /// A port nothing listens on: bound to port 0, read back, closed.
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure.failed("cannot open a socket") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw Failure.failed("cannot bind a local port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
