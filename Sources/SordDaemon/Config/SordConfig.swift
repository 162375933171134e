import Foundation
import SordStore
import TOMLKit

/// The daemon's configuration (`config/sord.toml`, SPEC section 8). Every key has a default, so an
/// empty file is a working development setup; unknown keys are refused so a typo never passes silently.
public struct SordConfig: Sendable, Equatable {
    /// The spool root (inbox, work, archive, sor, state).
    public var spool = "spool"
    /// The SQLite database file.
    public var databasePath = "spool/state/sord.sqlite"
    /// A PostgreSQL URL (`postgres://user@host:port/db`); when set, the store is PostgreSQL and
    /// `databasePath` is not used (SPEC 13).
    public var databaseURL = ""
    /// Largest accepted submission, in bytes (SUB-002 above it).
    public var maxBytes = 8 * 1024 * 1024
    /// Seconds between full inbox rescans (inotify covers the time between).
    public var rescanSeconds = 30
    /// A file found without inotify events (at start-up, by a rescan) is claimed once it has not
    /// changed for this many seconds (SPEC 4).
    public var settleSeconds = 5
    /// Identical bytes from the same user within this many hours are duplicates (SUB-006).
    public var dedupeHours = 24
    /// Mode of the per-user inbox folders (0700, or e.g. 0770 to open them to a drop group).
    public var inboxMode = 0o700
    /// Days a mailbox file is kept after delivery.
    public var retentionDays = 60
    /// Most files a mailbox may hold (TDS-109 above it).
    public var maxFiles = 10_000
    /// Days a processed input is kept in the archive.
    public var archiveDays = 30
    /// Days an unanswered Tax Pro Account request stays pending before it expires (SPEC 12.2).
    public var tpaRequestDays = 30
    /// Seconds between runs of the scheduler (request expiry, scheduled payments, direct debits);
    /// it also runs at start-up.
    public var schedulerSeconds = 60
    /// Most transcript items in one request.
    public var maxItemsPerRequest = 1_000
    /// Most TDS items per CAF number per hour (0 = no limit).
    public var maxPerHourPerCAF = 0
    /// HTTPS API listen address (`host:port`; empty turns the API off).
    public var apiListen = "127.0.0.1:8443"
    public var tlsCert = "spool/state/pki/server.pem"
    public var tlsKey = "spool/state/pki/server.key"
    public var clientCA = "spool/state/pki/ca.pem"
    /// Most API connections open at once; beyond it new connections wait to be accepted.
    public var apiMaxConnections = 256
    /// Seconds from accepting a connection to a complete request head (TLS handshake included).
    public var apiHeaderTimeoutSeconds = 10
    /// Seconds from a request head to the end of its body.
    public var apiBodyTimeoutSeconds = 120
    /// Seconds a kept-alive connection may wait for its next request.
    public var apiIdleTimeoutSeconds = 60
    /// Plain-HTTP metrics and health listen address (empty turns it off).
    public var metricsListen = "127.0.0.1:9464"
    /// `trace`, `debug`, `info`, `notice`, `warning`, `error` or `critical`.
    public var logLevel = "info"
    /// `logfmt` or `json`.
    public var logFormat = "logfmt"
    /// Most submissions claimed and committed together (group commit).
    public var batchSize = 256
    /// Seconds SIGTERM waits for in-flight work before exiting.
    public var shutdownGraceSeconds = 20
    /// This node's name among several sharing one database and spool (SPEC 13): it holds the
    /// leases on the outbox rows it delivers. Letters, digits, `.`, `_` and `-`; the host name by
    /// default.
    public var nodeID = SordConfig.hostName
    /// Seconds a node's lease on work lasts (outbox rows it delivers, files it claimed); after it
    /// another node (or its own restart) takes the work over.
    public var leaseSeconds = 60

    /// The host name, as a node id.
    static var hostName: String {
        let name = ProcessInfo.processInfo.hostName.prefix { $0 != "." }
        let safe = String(name.filter { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) })
        return safe.isEmpty ? "node" : safe
    }

    public init() {}

    /// An error in the configuration file: where and what.
    public struct Invalid: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// Reads and validates a configuration file. A missing file is an error unless `allowMissing`.
    public static func load(path: String, allowMissing: Bool = false) throws -> SordConfig {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            if allowMissing && !FileManager.default.fileExists(atPath: path) { return SordConfig() }
            throw Invalid(description: "\(path): cannot read the configuration file")
        }
        return try parse(text, source: path)
    }

    /// Parses and validates TOML text.
    public static func parse(_ text: String, source: String = "sord.toml") throws -> SordConfig {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw Invalid(description: "\(source): line \(error.source.begin.line): \(error.description)")
        }
        var config = SordConfig()
        var reader = TableReader(source: source)
        for section in table.keys {
            guard let body = table[section]?.table else {
                throw Invalid(description: "\(source): [\(section)] must be a table")
            }
            try reader.read(section: section, body: body, into: &config)
        }
        try config.validate(source: source)
        return config
    }

    func validate(source: String) throws {
        func fail(_ message: String) throws -> Never { throw Invalid(description: "\(source): \(message)") }
        if !databaseURL.isEmpty && !(databaseURL.hasPrefix("postgres://") || databaseURL.hasPrefix("postgresql://")) {
            try fail("database.url must start with postgres:// or postgresql://")
        }
        if maxBytes < 1 { try fail("inbox.max_bytes must be at least 1") }
        if rescanSeconds < 1 { try fail("inbox.rescan_seconds must be at least 1") }
        if settleSeconds < 0 { try fail("inbox.settle_seconds must not be negative") }
        if dedupeHours < 0 { try fail("inbox.dedupe_hours must not be negative") }
        if !(0...0o777).contains(inboxMode) || inboxMode & 0o700 != 0o700 { try fail("inbox.mode must give the owner rwx, e.g. 0o700") }
        if retentionDays < 1 { try fail("mailbox.retention_days must be at least 1") }
        if maxFiles < 1 { try fail("mailbox.max_files must be at least 1") }
        if archiveDays < 0 { try fail("archive.archive_days must not be negative") }
        if tpaRequestDays < 1 { try fail("account.tpa_request_days must be at least 1") }
        if schedulerSeconds < 1 { try fail("account.scheduler_seconds must be at least 1") }
        if maxItemsPerRequest < 1 { try fail("tds.max_items_per_request must be at least 1") }
        if maxPerHourPerCAF < 0 { try fail("tds.max_per_hour_per_caf must not be negative") }
        if !["trace", "debug", "info", "notice", "warning", "error", "critical"].contains(logLevel) {
            try fail("log.level must be one of trace, debug, info, notice, warning, error, critical")
        }
        if !["logfmt", "json"].contains(logFormat) { try fail("log.format must be logfmt or json") }
        for (key, value) in [("api.max_connections", apiMaxConnections), ("api.header_timeout_seconds", apiHeaderTimeoutSeconds),
                             ("api.body_timeout_seconds", apiBodyTimeoutSeconds), ("api.idle_timeout_seconds", apiIdleTimeoutSeconds)]
            where value < 1 {
            try fail("\(key) must be at least 1")
        }
        if batchSize < 1 { try fail("pipeline.batch_size must be at least 1") }
        if nodeID.isEmpty || nodeID.count > 64 || !nodeID.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }) {
            try fail("pipeline.node must be 1-64 letters, digits, '.', '_' or '-'")
        }
        if leaseSeconds < 5 { try fail("pipeline.lease_seconds must be at least 5") }
        if shutdownGraceSeconds < 1 { try fail("pipeline.shutdown_grace_seconds must be at least 1") }
        for (key, value) in [("api.listen", apiListen), ("metrics.listen", metricsListen)] where !value.isEmpty {
            if ListenAddress(value) == nil { try fail("\(key) must be host:port") }
        }
    }
}

/// A `host:port` listen address.
public struct ListenAddress: Sendable, Equatable {
    public let host: String
    public let port: Int

    public init?(_ text: String) {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
              (0...65535).contains(port) else { return nil }
        var host = String(text[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty else { return nil }
        self.host = host
        self.port = port
    }
}

/// Reads the known keys of each section and refuses anything else.
private struct TableReader {
    let source: String

    mutating func read(section: String, body: TOMLTable, into c: inout SordConfig) throws {
        for key in body.keys {
            let value = body[key]!
            let name = "\(section).\(key)"
            switch (section, key) {
            case ("paths", "spool"): c.spool = try string(value, name)
            case ("database", "path"): c.databasePath = try string(value, name)
            case ("database", "url"): c.databaseURL = try string(value, name)
            case ("inbox", "max_bytes"): c.maxBytes = try int(value, name)
            case ("inbox", "rescan_seconds"): c.rescanSeconds = try int(value, name)
            case ("inbox", "settle_seconds"): c.settleSeconds = try int(value, name)
            case ("inbox", "dedupe_hours"): c.dedupeHours = try int(value, name)
            case ("inbox", "mode"): c.inboxMode = try int(value, name)
            case ("mailbox", "retention_days"): c.retentionDays = try int(value, name)
            case ("mailbox", "max_files"): c.maxFiles = try int(value, name)
            case ("archive", "archive_days"): c.archiveDays = try int(value, name)
            case ("account", "tpa_request_days"): c.tpaRequestDays = try int(value, name)
            case ("account", "scheduler_seconds"): c.schedulerSeconds = try int(value, name)
            case ("tds", "max_items_per_request"): c.maxItemsPerRequest = try int(value, name)
            case ("tds", "max_per_hour_per_caf"): c.maxPerHourPerCAF = try int(value, name)
            case ("api", "listen"): c.apiListen = try string(value, name)
            case ("api", "tls_cert"): c.tlsCert = try string(value, name)
            case ("api", "tls_key"): c.tlsKey = try string(value, name)
            case ("api", "client_ca"): c.clientCA = try string(value, name)
            case ("api", "max_connections"): c.apiMaxConnections = try int(value, name)
            case ("api", "header_timeout_seconds"): c.apiHeaderTimeoutSeconds = try int(value, name)
            case ("api", "body_timeout_seconds"): c.apiBodyTimeoutSeconds = try int(value, name)
            case ("api", "idle_timeout_seconds"): c.apiIdleTimeoutSeconds = try int(value, name)
            case ("metrics", "listen"): c.metricsListen = try string(value, name)
            case ("log", "level"): c.logLevel = try string(value, name)
            case ("log", "format"): c.logFormat = try string(value, name)
            case ("pipeline", "batch_size"): c.batchSize = try int(value, name)
            case ("pipeline", "shutdown_grace_seconds"): c.shutdownGraceSeconds = try int(value, name)
            case ("pipeline", "node"): c.nodeID = try string(value, name)
            case ("pipeline", "lease_seconds"): c.leaseSeconds = try int(value, name)
            default: throw SordConfig.Invalid(description: "\(source): unknown setting \(name)")
            }
        }
    }

    func string(_ value: any TOMLValueConvertible, _ name: String) throws -> String {
        guard let s = value.string else { throw SordConfig.Invalid(description: "\(source): \(name) must be a string") }
        return s
    }

    func int(_ value: any TOMLValueConvertible, _ name: String) throws -> Int {
        guard let i = value.int else { throw SordConfig.Invalid(description: "\(source): \(name) must be an integer") }
        return i
    }
}

extension SordConfig {
    /// The configured store for people to read: the SQLite path, or the PostgreSQL host, port and
    /// database (never a password).
    public var storeDescription: String {
        guard !databaseURL.isEmpty, let url = URLComponents(string: databaseURL) else { return databasePath }
        return "postgres://\(url.host ?? "")\(url.port.map { ":\($0)" } ?? "")\(url.path)"
    }

    /// Opens the configured store: PostgreSQL when `[database] url` is set, else SQLite at `path`.
    public func openDatabase() throws -> SordDatabase {
        try SordDatabase.open(path: databasePath, url: databaseURL)
    }
}
