import Foundation

/// A misbehaving HTTP server on 127.0.0.1, for the tests of what `plan calibrate
/// --prometheus` does with an answer that never ends: it answers every request with `200`
/// and then sends 1 MiB chunks until the client goes away (or, with `announced`, first
/// declares a `Content-Length` of `announced` bytes). No real Prometheus does this; a proxy
/// in between or a wrong address can. With `silent`, it accepts a request and never answers
/// (a host that hangs), holding the connection until the client closes it. With `answer`,
/// it sends those bytes (a whole response: a redirect, an error page) and closes. It keeps
/// the last request's head (`lastRequest`).
final class EndlessHTTPServer: @unchecked Sendable {
    let port: Int
    private let fd: Int32
    private let thread: Thread
    private let log = RequestLog()

    /// The head of the last request received (request line and headers).
    var lastRequest: String { log.text }

    /// The last request, written by the server's thread and read by the test.
    private final class RequestLog: @unchecked Sendable {
        private let lock = NSLock()
        private var last = ""
        var text: String {
            lock.lock()
            defer { lock.unlock() }
            return last
        }
        func keep(_ bytes: ArraySlice<UInt8>) {
            lock.lock()
            last = String(decoding: bytes, as: UTF8.self)
            lock.unlock()
        }
    }

    init(announced: Int64? = nil, silent: Bool = false, answer: String? = nil) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw PrometheusServer.Failure.failed("cannot open a socket") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let fd = self.fd
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 && listen(fd, 4) == 0
            }
        }
        guard bound else {
            close(fd)
            throw PrometheusServer.Failure.failed("cannot listen on a local port")
        }
        port = Int(UInt16(bigEndian: address.sin_port))
        let header =
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n" + (announced.map { "Content-Length: \($0)\r\n" } ?? "") + "\r\n"
        let log = self.log
        thread = Thread {
            let chunk = [UInt8](repeating: UInt8(ascii: "x"), count: 1 << 20)
            while true {
                let client = accept(fd, nil, nil)
                // `stop` shut the listening socket down. Closed here, not there: once closed,
                // its number can be another test's new socket, which this loop would then
                // serve.
                guard client >= 0 else {
                    close(fd)
                    return
                }
                var request = [UInt8](repeating: 0, count: 65_536)
                let received = recv(client, &request, request.count, 0)
                log.keep(request.prefix(max(0, received)))
                if let answer {
                    _ = Array(answer.utf8).withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                    close(client)
                    continue
                }
                if silent {
                    while recv(client, &request, request.count, 0) > 0 {}
                    close(client)
                    continue
                }
                var sending = Array(header.utf8).withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) > 0 }
                while sending { sending = chunk.withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) > 0 } }
                close(client)
            }
        }
        thread.start()
    }

    var address: String { "http://127.0.0.1:\(port)" }

    /// Stops accepting: the server's thread closes the socket when it sees it shut.
    func stop() {
        shutdown(fd, Int32(SHUT_RDWR))
    }
}
