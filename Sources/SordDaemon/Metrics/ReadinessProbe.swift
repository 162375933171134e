import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Asks a running daemon how it is, the way an operator's monitoring would: `GET /readyz` on the
/// metrics listener (plain HTTP, loopback). `sord status` shows the answer, so it can say why the
/// daemon waits (disk full, database busy) even when the disk has no room for a status file.
public enum ReadinessProbe {
    /// The `/readyz` body (`ready`, or `not ready: <trouble> since …: …`), or a sentence saying
    /// that nothing answered on `listen` within `timeout` seconds.
    public static func ask(listen: String, timeout: Int = 2) -> String {
        guard let address = ListenAddress(listen) else { return "unknown (the metrics listener is off)" }
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return "unknown (no socket)" }
        defer { close(fd) }
        var limit = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var peer = sockaddr_in()
        peer.sin_family = sa_family_t(AF_INET)
        peer.sin_port = in_port_t(UInt16(address.port).bigEndian)
        let host = address.host == "localhost" ? "127.0.0.1" : address.host
        guard inet_pton(AF_INET, host, &peer.sin_addr) == 1 else { return "unknown (metrics listener \(listen) is not an IPv4 address)" }
        let connected = withUnsafePointer(to: &peer) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
        guard connected else { return "not running (nothing answers on \(listen))" }
        let request = Array("GET /readyz HTTP/1.0\r\nHost: \(host)\r\n\r\n".utf8)
        guard send(fd, request, request.count, 0) == request.count else { return "not answering on \(listen)" }
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            response += buffer[..<n]
        }
        let text = String(decoding: response, as: UTF8.self)
        guard let body = text.range(of: "\r\n\r\n").map({ text[$0.upperBound...] }) else { return "not answering on \(listen)" }
        return body.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
