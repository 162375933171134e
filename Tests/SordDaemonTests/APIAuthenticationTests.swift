import Foundation
import Testing

/// Who gets in: the TLS handshake refuses a client without a certificate and one whose certificate
/// another CA signed (curl fails, no HTTP status); a certificate of our CA that is not registered
/// (rotated away) or belongs to a disabled user gets 403 `forbidden`.
@Suite("API authentication", .serialized)
struct APIAuthenticationTests {
    @Test("No certificate and a foreign CA's certificate are refused by TLS; unregistered and disabled get 403")
    func clientCertificates() throws {
        let h = try DaemonHarness()
        let ports = try h.enableListeners()
        try h.addUser("dana.oak")
        try h.addUser("erin.ash", first: "Erin", last: "Ash", tin: "400-55-9876")
        try h.addUser("finn.elm", first: "Finn", last: "Elm", tin: "400-55-4321")
        // finn's first certificate, signed by our CA, is replaced: it is no longer registered.
        let rotated = h.root.appendingPathComponent("rotated").path
        #expect(try h.sord(["user", "rotate-cert", "finn.elm", "--generate-key", rotated]).status == 0)
        #expect(try h.sord(["user", "disable", "erin.ash"]).status == 0)
        try h.startDaemon()

        // The registered, active user gets in.
        #expect(try h.https("GET", "/v1/mailbox", port: ports.api, user: "dana.oak").status == 200)

        // No client certificate: the handshake fails, no HTTP exchange at all.
        let anonymous = try h.https("GET", "/v1/mailbox", port: ports.api, user: nil)
        #expect(anonymous.exit != 0)
        #expect(anonymous.status == 0)

        // A certificate from another CA (self-signed here).
        let foreignKey = h.root.appendingPathComponent("foreign.key").path
        let foreignCert = h.root.appendingPathComponent("foreign.pem").path
        let made = try DaemonHarness.run("/usr/bin/openssl", [
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", foreignKey,
            "-out", foreignCert, "-subj", "/CN=dana.oak", "-days", "2",
        ])
        #expect(made.status == 0, "\(made.err)")
        let foreign = try h.https("GET", "/v1/mailbox", port: ports.api, user: nil, cert: foreignCert, key: foreignKey)
        #expect(foreign.exit != 0)
        #expect(foreign.status == 0)

        // Our CA, but not (any more) registered: 403 with the JSON error.
        let stale = try h.https("GET", "/v1/mailbox", port: ports.api, user: "finn.elm")
        #expect(stale.status == 403)
        #expect(stale.errorCode == "forbidden")
        // The rotated certificate works.
        #expect(try h.https("GET", "/v1/mailbox", port: ports.api, user: nil, cert: rotated + "/finn.elm.pem",
                            key: rotated + "/finn.elm.key").status == 200)
        // A disabled user: 403 on every route, including ones that do not exist.
        for (method, path) in [("GET", "/v1/mailbox"), ("PUT", "/v1/inbox/x.json"), ("GET", "/nowhere")] {
            let disabled = try h.https(method, path, port: ports.api, user: "erin.ash")
            #expect(disabled.status == 403, "\(method) \(path)")
            #expect(disabled.errorCode == "forbidden")
        }
        #expect(h.stopDaemon() == 0)
    }
}
