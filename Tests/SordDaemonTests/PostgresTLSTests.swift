import Foundation
import SordStore
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// TLS to PostgreSQL (`[database] url` with libpq's `sslmode` and `sslrootcert`): the test cluster
/// is given a server certificate made with stock `openssl`, and the driver's connections are checked
/// from the server's side (`pg_stat_ssl`).
@Suite("PostgreSQL over TLS", .serialized)
struct PostgresTLSTests {
    /// A CA and a server certificate for `localhost`/127.0.0.1 signed by it, plus a second CA that
    /// signed nothing; the server is switched to TLS with them (plain connections still work).
    struct Certificates {
        let folder: String
        var ca: String { folder + "/ca.pem" }
        var stranger: String { folder + "/stranger.pem" }

        static func enableOnCluster() throws -> Certificates {
            let folder = NSTemporaryDirectory() + "sord-pg-tls-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o755])
            func openssl(_ arguments: [String]) throws {
                let result = try DaemonHarness.run("/usr/bin/openssl", arguments)
                #expect(result.status == 0, "openssl \(arguments.first ?? ""): \(result.err)")
            }
            for ca in ["ca", "stranger"] {
                try openssl(["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "2",
                             "-subj", "/CN=sord test \(ca)", "-keyout", "\(folder)/\(ca).key", "-out", "\(folder)/\(ca).pem"])
            }
            try openssl(["req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-subj", "/CN=localhost",
                         "-keyout", "\(folder)/server.key", "-out", "\(folder)/server.csr"])
            // One certificate for the host the tests connect to, one for another host, same key and CA.
            for (name, san) in [("server", "DNS:localhost,IP:127.0.0.1"), ("elsewhere", "DNS:db.elsewhere.test")] {
                try "subjectAltName=\(san)\n".write(toFile: folder + "/\(name).ext", atomically: true, encoding: .utf8)
                try openssl(["x509", "-req", "-in", "\(folder)/server.csr", "-CA", "\(folder)/ca.pem", "-CAkey", "\(folder)/ca.key",
                             "-CAcreateserial", "-days", "2", "-extfile", "\(folder)/\(name).ext", "-out", "\(folder)/\(name).pem"])
                chmod(folder + "/\(name).pem", 0o644)
            }
            // PostgreSQL wants its key owned by the server's user, readable by nobody else.
            chmod(folder + "/server.key", 0o600)
            if getuid() == 0, let user = try PostgresCluster.serverUser(), let owner = getpwnam(user) {
                chown(folder + "/server.key", owner.pointee.pw_uid, owner.pointee.pw_gid)
            }
            let certificates = Certificates(folder: folder)
            try certificates.serve("server")
            return certificates
        }

        /// Makes the server present `name`.pem (new connections), with TLS on.
        func serve(_ name: String) throws {
            let admin = try PostgresCluster.adminURL()
            for sql in ["ALTER SYSTEM SET ssl_cert_file = '\(folder)/\(name).pem'", "ALTER SYSTEM SET ssl_key_file = '\(folder)/server.key'",
                        "ALTER SYSTEM SET ssl = on", "SELECT pg_reload_conf()"] {
                let result = try PostgresCluster.query(admin, sql)
                #expect(result.status == 0, "\(sql): \(result.err)")
            }
            let deadline = Date().addingTimeInterval(10)
            while Date() < deadline, try PostgresCluster.query(admin, "SHOW ssl_cert_file").rows != ["\(folder)/\(name).pem"] {
                usleep(100_000)
            }
            usleep(200_000)  // the postmaster applies the reload for new connections
        }

        /// Turns TLS off again and removes the files.
        func remove() throws {
            let admin = try PostgresCluster.adminURL()
            for sql in ["ALTER SYSTEM RESET ssl", "ALTER SYSTEM RESET ssl_cert_file", "ALTER SYSTEM RESET ssl_key_file", "SELECT pg_reload_conf()"] {
                _ = try PostgresCluster.query(admin, sql)
            }
            try? FileManager.default.removeItem(atPath: folder)
        }
    }

    /// Whether the driver's own connection is encrypted, as the server sees it.
    func encrypted(_ url: String) throws -> Bool {
        let driver = try PostgresDriver(url: url)
        defer { driver.close() }
        return try driver.read { db in
            try db.queryOne("SELECT CASE WHEN ssl THEN 'yes' ELSE 'no' END FROM pg_stat_ssl WHERE pid = pg_backend_pid()")?.string(0)
        } == "yes"
    }

    @Test("sslmode: verify-full and verify-ca against the right CA, require without one, disable in the clear; a wrong CA or host name is refused")
    func modes() throws {
        let certificates = try Certificates.enableOnCluster()
        defer { try? certificates.remove() }
        let database = try PostgresCluster.newDatabase()
        let byName = database.replacingOccurrences(of: "@127.0.0.1:", with: "@localhost:")

        #expect(try encrypted(byName + "?sslmode=verify-full&sslrootcert=\(certificates.ca)"))
        #expect(try encrypted(database + "?sslmode=verify-ca&sslrootcert=\(certificates.ca)"))
        #expect(try encrypted(database + "?sslmode=require"))
        #expect(try !encrypted(database + "?sslmode=disable"))
        #expect(try !encrypted(database), "a loopback host without sslmode is reached in the clear")

        // A certificate from a CA not trusted, or not made for the host, never carries a query.
        #expect(throws: (any Error).self) { try encrypted(byName + "?sslmode=verify-full&sslrootcert=\(certificates.stranger)") }
        #expect(throws: (any Error).self) { try encrypted(database + "?sslmode=verify-ca&sslrootcert=\(certificates.stranger)") }
        // A certificate of the right CA for another host: verify-ca takes it, verify-full does not.
        try certificates.serve("elsewhere")
        #expect(try encrypted(byName + "?sslmode=verify-ca&sslrootcert=\(certificates.ca)"))
        #expect(throws: (any Error).self) { try encrypted(byName + "?sslmode=verify-full&sslrootcert=\(certificates.ca)") }
    }

    @Test("Bad TLS settings in the URL are refused with a message naming the setting", arguments: [
        ("?sslmode=prefer", "sslmode prefer"),
        ("?sslmode=verify-full&sslrootcert=/nonexistent/ca.pem", "sslrootcert /nonexistent/ca.pem cannot be read"),
        ("?sslcert=/tmp/client.pem", "unknown parameter sslcert"),
    ])
    func refused(suffix: String, message: String) throws {
        do {
            _ = try PostgresDriver(url: "postgres://sord@127.0.0.1:1/sord" + suffix)
            Issue.record("accepted \(suffix)")
        } catch {
            #expect("\(error)".contains(message), "\(error)")
        }
    }
}
