import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Which store a daemon under test keeps its state in: the end-to-end suites run against both.
enum Store: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite, postgres
    var testDescription: String { rawValue }
}

/// One throwaway PostgreSQL cluster for the whole test run (`scripts/pg-cluster.sh`: `initdb` as an
/// unprivileged user into a temporary folder, a free port, stopped when this process exits); each
/// harness gets a database of its own on it.
enum PostgresCluster {
    /// The repository's root, from this source file's place in it.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    private struct Cluster {
        let url: String
        let bin: String
        let osUser: String?
    }

    private static let cluster: Result<Cluster, any Error> = Result {
        let folder = NSTemporaryDirectory() + "sord-pg-tests-\(getpid())"
        // Through system(3), not Foundation's Process: the server the script leaves running keeps
        // Process from ever seeing the script exit (seen with swift-corelibs-foundation 6.3).
        let out = folder + ".out", err = folder + ".err"
        setenv("SORD_PG_WATCH_PID", String(getpid()), 1)
        let status = system("'\(repository.path)/scripts/pg-cluster.sh' start '\(folder)' > '\(out)' 2> '\(err)' < /dev/null")
        let url = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
        guard status == 0 else {
            throw ClusterError(description: "pg-cluster.sh start failed: \((try? String(contentsOfFile: err, encoding: .utf8)) ?? "")")
        }
        let env = try String(contentsOfFile: folder + "/cluster.env", encoding: .utf8)
        func setting(_ name: String) -> String? {
            env.split(separator: "\n").first { $0.hasPrefix(name + "=") }
                .map { String($0.dropFirst(name.count + 1)).trimmingCharacters(in: CharacterSet(charactersIn: "'\"")) }
        }
        return Cluster(url: url.trimmingCharacters(in: .whitespacesAndNewlines), bin: setting("PG_BIN") ?? "/usr/lib/postgresql/15/bin",
                       osUser: setting("PG_OS_USER"))
    }

    struct ClusterError: Error, CustomStringConvertible {
        let description: String
    }

    /// A new, empty database on the cluster; its URL.
    static func newDatabase() throws -> String {
        let cluster = try cluster.get()
        let name = "sord_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let created = try DaemonHarness.run(cluster.bin + "/psql", [cluster.url, "-v", "ON_ERROR_STOP=1", "-q", "-c", "CREATE DATABASE \(name)"])
        guard created.status == 0 else { throw ClusterError(description: "CREATE DATABASE failed: \(created.err)") }
        guard cluster.url.hasSuffix("/sord") else { throw ClusterError(description: "unexpected cluster URL \(cluster.url)") }
        return String(cluster.url.dropLast("sord".count)) + name
    }

    /// The superuser URL of the cluster's `sord` database.
    static func adminURL() throws -> String {
        try cluster.get().url
    }

    /// The operating-system user the server runs as (files it must own, e.g. a TLS key, go to it).
    static func serverUser() throws -> String? {
        try cluster.get().osUser
    }

    /// Runs `sql` on the database at `url` with stock `psql`; returns its rows, columns joined by `|`.
    static func query(_ url: String, _ sql: String) throws -> (status: Int32, rows: [String], err: String) {
        let cluster = try cluster.get()
        let result = try DaemonHarness.run(cluster.bin + "/psql", [url, "-X", "-A", "-t", "-F", "|", "-v", "ON_ERROR_STOP=1", "-c", sql])
        return (result.status, result.out.split(separator: "\n").map(String.init), result.err)
    }
}
