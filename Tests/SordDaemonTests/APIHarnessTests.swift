import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Shared setup of the API and metrics tests (no tests here): the daemon with its HTTPS API and
/// metrics listener on free loopback ports and the demo PKI, and `curl` as the client.
extension DaemonHarness {
    /// A port that was free a moment ago on 127.0.0.1.
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #expect(fd >= 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        #expect(bound)
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// `config` (as the harness writes it) with the API on loopback port `api` (TLS with the demo
    /// PKI in `pki`) and the metrics listener on `metrics`.
    static func listening(_ config: String, api: Int, metrics: Int, pki: String) -> String {
        config.replacingOccurrences(of: "[api]\nlisten = \"\"", with: """
            [api]
            listen = "127.0.0.1:\(api)"
            tls_cert = "\(pki)/server.pem"
            tls_key = "\(pki)/server.key"
            client_ca = "\(pki)/ca.pem"
            """)
        .replacingOccurrences(of: "[metrics]\nlisten = \"\"", with: "[metrics]\nlisten = \"127.0.0.1:\(metrics)\"")
    }

    /// Turns on the API and the metrics listener (demo PKI from `sord pki init`) and sets `max_bytes`.
    func enableListeners(maxBytes: Int = 8 * 1024 * 1024) throws -> Listeners {
        let listeners = Listeners(api: try Self.freePort(), metrics: try Self.freePort(), pki: spool + "/state/pki")
        var text = Self.listening(try String(contentsOfFile: configPath, encoding: .utf8), api: listeners.api,
                                  metrics: listeners.metrics, pki: listeners.pki)
        text = text.replacingOccurrences(of: "[inbox]\n", with: "[inbox]\nmax_bytes = \(maxBytes)\n")
        try text.write(toFile: configPath, atomically: true, encoding: .utf8)
        let pki = try sord(["pki", "init"])
        #expect(pki.status == 0, "pki init failed: \(pki.err)")
        return listeners
    }

    /// The listener ports and PKI folder of a test daemon.
    struct Listeners {
        let api: Int
        let metrics: Int
        let pki: String
    }

    /// What `curl` got: its exit status, the HTTP status (0 when none), headers (lowercased names), body.
    struct HTTPResult {
        let exit: Int32
        let status: Int
        let headers: [String: String]
        let body: Data
        let stderr: String

        var text: String { String(decoding: body, as: UTF8.self) }
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
        var errorCode: String? { (json["error"] as? [String: Any])?["code"] as? String }
    }

    /// One HTTPS request with curl, authenticating with `user`'s generated key (or with `cert`/`key`,
    /// or with no client certificate at all when both are nil). Paths are sent as written.
    func https(_ method: String, _ path: String, port: Int, user: String?, cert: String? = nil, key: String? = nil,
               headers: [String] = [], upload: String? = nil, extra: [String] = []) throws -> HTTPResult {
        var args = ["-sS", "--path-as-is", "-X", method, "--cacert", spool + "/state/pki/ca.pem", "--max-time", "30"]
        if let user {
            args += ["--cert", keys.appendingPathComponent("\(user).pem").path, "--key", keys.appendingPathComponent("\(user).key").path]
        } else if let cert, let key {
            args += ["--cert", cert, "--key", key]
        }
        for header in headers { args += ["-H", header] }
        if let upload { args += ["--data-binary", "@" + upload] }
        return try Self.curl(args + extra, url: "https://127.0.0.1:\(port)" + path)
    }

    /// One plain-HTTP GET (the metrics listener), given up after `maxTime` seconds.
    func http(_ path: String, port: Int, maxTime: Int = 30) throws -> HTTPResult {
        try Self.curl(["-sS", "--max-time", String(maxTime)], url: "http://127.0.0.1:\(port)" + path)
    }

    private static func curl(_ args: [String], url: String) throws -> HTTPResult {
        let folder = NSTemporaryDirectory() + "sord-curl-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let bodyPath = folder + "/body", headerPath = folder + "/headers"
        let result = try run("/usr/bin/curl", args + ["-o", bodyPath, "-D", headerPath, "-w", "%{http_code}", url])
        var headers: [String: String] = [:]
        let headerText = (try? String(contentsOfFile: headerPath, encoding: .utf8)) ?? ""
        for line in headerText.components(separatedBy: "\r\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return HTTPResult(exit: result.status, status: Int(result.out) ?? 0, headers: headers,
                          body: (try? Data(contentsOf: URL(fileURLWithPath: bodyPath))) ?? Data(), stderr: result.err)
    }

    /// Drops a file and waits for its ack; returns the ack's mailbox file id.
    func deliverAck(to user: String, file: String, _ body: String) throws -> String {
        try drop(user, file, body)
        let ack = try #require(try waitForAck(user, file: file))
        let submission = try #require(ack["submission"] as? String)
        let name = try #require(mailboxFiles(user).first { name in
            (try? openWithOpenSSL(user: user, path: mailboxNew(user) + "/" + name)).flatMap {
                (try? JSONSerialization.jsonObject(with: $0)) as? [String: Any]
            }?["submission"] as? String == submission
        })
        return String(name.prefix(26))
    }

    /// The audit entries (action, subject) recorded so far, oldest first.
    func auditEntries() throws -> [(action: String, subject: String)] {
        return try sql("SELECT action || '|' || subject FROM audit ORDER BY seq").map { line in
            let parts = line.split(separator: "|", maxSplits: 1).map(String.init)
            return (parts[0], parts.count > 1 ? parts[1] : "")
        }
    }
}

/// Stock SHA-256 (sha256sum) of some bytes, lowercase hex.
func sha256Hex(_ data: Data) throws -> String {
    let path = NSTemporaryDirectory() + "sord-sha-\(UUID().uuidString)"
    try data.write(to: URL(fileURLWithPath: path))
    defer { unlink(path) }
    let result = try DaemonHarness.run("/usr/bin/sha256sum", [path])
    return String(result.out.prefix(64))
}
