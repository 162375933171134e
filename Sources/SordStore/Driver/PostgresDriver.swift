import Foundation
import Logging
import NIOCore
import NIOPosix
import NIOSSL
import PostgresNIO
import Synchronization

/// The store of several nodes (SPEC 13): PostgreSQL through PostgresNIO, behind the same seam as
/// SQLite. A blocking facade over PostgresNIO's futures: each call parks the calling thread on
/// `wait()`, so it must run on the caller's own threads (never an event loop, never the cooperative
/// pool). Connections are pooled; a transaction keeps one connection from BEGIN to COMMIT.
///
/// Write transactions run at READ COMMITTED: writers that need one another's results in order
/// (every decision, every audit append) lock the audit chain's head first, which orders them across
/// nodes; work queues use `FOR UPDATE SKIP LOCKED`.
public final class PostgresDriver: StoreDriver {
    private let configuration: PostgresConnection.Configuration
    private let group: MultiThreadedEventLoopGroup
    private let idle = Mutex<[PostgresConnection]>([])
    private let logger: Logger
    private let nextID = Atomic<Int>(0)
    private let closed = Atomic<Bool>(false)

    public var dialect: SQLDialect { .postgres }

    /// Connects to `url` (`postgres://user[:password]@host[:port]/database`); fails at once when
    /// the server cannot be reached.
    public init(url: String) throws {
        configuration = try Self.configuration(url)
        group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        var logger = Logger(label: "sord.postgres")
        logger.logLevel = .warning
        self.logger = logger
        release(try connect())
    }

    public func read<T>(_ body: (any SQLSession) throws -> T) throws -> T {
        try transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", body)
    }

    public func write<T>(_ body: (any SQLSession) throws -> T) throws -> T {
        try transaction("BEGIN", body)
    }

    public func writeDeferringSync<T>(_ body: (any SQLSession) throws -> T) throws -> T {
        try transaction("BEGIN", { session in
            try session.execute("SET LOCAL synchronous_commit = off", bindings: [])
            return try body(session)
        })
    }

    /// The failure a PostgresNIO or SwiftNIO error means; nil for another error.
    static func failure(_ error: any Error) -> StoreFailure? {
        if let psql = error as? PSQLError {
            if let state = psql.serverInfo?[.sqlState] {
                switch state {
                case "23505": return .duplicate
                case "40001", "40P01": return .conflict
                case "55P03", "57014": return .busy
                case "53100", "53200": return .full
                case "57P01", "57P02", "57P03": return .unavailable
                default: return state.hasPrefix("08") ? .unavailable : .other
                }
            }
            switch psql.code {
            case .serverClosedConnection, .clientClosedConnection, .connectionError, .uncleanShutdown: return .unavailable
            default: return .other
            }
        }
        if error is ChannelError || error is IOError || error is NIOConnectionError { return .unavailable }
        if let failed = error as? CommitFailed { return failed.failure }
        if error is ConnectionClosed { return .unavailable }
        return nil
    }

    /// Runs one statement outside any transaction (`CREATE DATABASE`, which a transaction refuses).
    public func administer(_ sql: String) throws {
        let connection = try acquire()
        do {
            _ = try PostgresSession(connection: connection, logger: logger).execute(sql, bindings: [])
            release(connection)
        } catch {
            discard(connection)
            throw error
        }
    }

    public func close() {
        let connections = idle.withLock { all in defer { all.removeAll() }; return all }
        for connection in connections { _ = try? connection.close().wait() }
        if !closed.exchange(true, ordering: .acquiringAndReleasing) { try? group.syncShutdownGracefully() }
    }

    /// PostgresNIO requires every connection closed before it is released.
    deinit {
        close()
    }

    // MARK: Connections and transactions

    /// BEGIN … COMMIT around `body` on one pooled connection; ROLLBACK when it throws.
    private func transaction<T>(_ begin: String, _ body: (any SQLSession) throws -> T) throws -> T {
        let session = PostgresSession(connection: try acquire(), logger: logger)
        var healthy = false
        defer { healthy ? release(session.connection) : discard(session.connection) }
        _ = try session.execute(begin, bindings: [])
        let value: T
        do {
            value = try body(session)
        } catch {
            healthy = (try? session.execute("ROLLBACK", bindings: [])) != nil
            throw error
        }
        // A statement that failed inside `body` aborts the transaction; COMMIT then answers ROLLBACK.
        guard try session.command("COMMIT") == "COMMIT" else { throw CommitFailed(failure: .conflict) }
        healthy = true
        return value
    }

    private func acquire() throws -> PostgresConnection {
        if let connection = idle.withLock({ $0.popLast() }), !connection.isClosed { return connection }
        return try connect()
    }

    private func connect() throws -> PostgresConnection {
        try PostgresConnection.connect(on: group.next(), configuration: configuration,
                                       id: nextID.add(1, ordering: .relaxed).newValue, logger: logger).wait()
    }

    private func release(_ connection: PostgresConnection) {
        guard !connection.isClosed else { return }
        idle.withLock { $0.append(connection) }
    }

    private func discard(_ connection: PostgresConnection) {
        _ = try? connection.close().wait()
    }

    /// The connection settings of a `postgres://` URL. Query parameters, as libpq names them:
    /// `sslmode` (`disable`, `require`: encrypted but unverified, `verify-ca`: the chain only,
    /// `verify-full`: chain and host name) and `sslrootcert` (a PEM file of trusted CAs; the system's
    /// when absent). Without `sslmode`, a loopback host is reached without TLS and any other host
    /// with `verify-full`, so TINs never cross a network in the clear by default.
    static func configuration(_ url: String) throws -> PostgresConnection.Configuration {
        guard let parts = URLComponents(string: url), ["postgres", "postgresql"].contains(parts.scheme ?? ""),
              let host = parts.host, !host.isEmpty
        else { throw StoreCorruption("database.url is not a postgres://user@host:port/database URL") }
        let user = parts.percentEncodedUser?.removingPercentEncoding ?? "postgres"
        let database = String(parts.path.drop { $0 == "/" })
        var configuration = PostgresConnection.Configuration(
            host: host, port: parts.port ?? 5432, username: user,
            password: parts.percentEncodedPassword?.removingPercentEncoding,
            database: database.isEmpty ? user : database, tls: try tls(parts.queryItems ?? [], host: host))
        configuration.options.connectTimeout = .seconds(10)
        return configuration
    }

    /// The TLS settings of the URL's `sslmode` and `sslrootcert` (see `configuration`).
    static func tls(_ items: [URLQueryItem], host: String) throws -> PostgresConnection.Configuration.TLS {
        var settings: [String: String] = [:]
        for item in items {
            guard ["sslmode", "sslrootcert"].contains(item.name) else {
                throw StoreCorruption("database.url: unknown parameter \(item.name) (sslmode and sslrootcert are understood)")
            }
            settings[item.name] = item.value ?? ""
        }
        let loopback = ["localhost", "127.0.0.1", "::1", "[::1]"].contains(host)
        var tls = TLSConfiguration.makeClientConfiguration()
        switch settings["sslmode"] ?? (loopback ? "disable" : "verify-full") {
        case "disable": return .disable
        case "require": tls.certificateVerification = .none
        case "verify-ca": tls.certificateVerification = .noHostnameVerification
        case "verify-full": tls.certificateVerification = .fullVerification
        case let other:
            throw StoreCorruption("database.url: sslmode \(other) is not one of disable, require, verify-ca, verify-full")
        }
        if let root = settings["sslrootcert"] {
            guard FileManager.default.isReadableFile(atPath: root) else {
                throw StoreCorruption("database.url: sslrootcert \(root) cannot be read")
            }
            tls.trustRoots = .file(root)
        }
        do {
            return .require(try NIOSSLContext(configuration: tls))
        } catch {
            throw StoreCorruption("database.url: TLS settings refused: \(error)")
        }
    }
}

/// A statement for a connection that had closed (the server went away).
struct ConnectionClosed: Error, CustomStringConvertible {
    var description: String { "the connection to PostgreSQL is closed" }
}

/// A transaction that could not commit (PostgreSQL answered COMMIT with ROLLBACK).
struct CommitFailed: Error, CustomStringConvertible {
    let failure: StoreFailure
    var description: String { "the transaction was rolled back at commit" }
}

/// One pooled connection inside a transaction, as a store session: `?` placeholders become
/// `$1 … $n`, values bind as int8, text or bytea, and cells decode by their column type.
final class PostgresSession: SQLSession {
    let connection: PostgresConnection
    let logger: Logger

    init(connection: PostgresConnection, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    var dialect: SQLDialect { .postgres }

    func execute(_ sql: String, bindings: [SQLValue]) throws -> Int {
        try run(sql, bindings).metadata.rows ?? 0
    }

    func query(_ sql: String, bindings: [SQLValue]) throws -> [SQLRow] {
        try run(sql, bindings).rows.map { row in SQLRow(try row.map(Self.value)) }
    }

    func executeScript(_ sql: String) throws {
        // One statement per call (the extended protocol refuses "a; b").
        for statement in Self.statements(sql) { _ = try run(statement, []) }
    }

    /// The statements of a script: split at a `;` that ends a line, outside `$$ … $$` bodies.
    static func statements(_ script: String) -> [String] {
        var statements: [String] = []
        var current = ""
        var inBody = false
        for line in script.split(separator: "\n", omittingEmptySubsequences: false) {
            current += line + "\n"
            if line.components(separatedBy: "$$").count % 2 == 0 { inBody.toggle() }
            if !inBody, line.trimmingCharacters(in: .whitespaces).hasSuffix(";") {
                statements.append(current)
                current = ""
            }
        }
        if !current.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { statements.append(current) }
        return statements
    }

    func columns(of table: String) throws -> [String] {
        try query("SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position",
                  bindings: [.text(table.lowercased())]).map { $0.string(0) }
    }

    func lock(_ lock: StoreLock) throws {
        _ = try run("SELECT pg_advisory_xact_lock(?)", [.int(lock.rawValue)])
    }

    /// The command tag of a statement without parameters (`COMMIT` answers `ROLLBACK` when the
    /// transaction had failed).
    func command(_ sql: String) throws -> String {
        try run(sql, []).metadata.command
    }

    private func run(_ sql: String, _ bindings: [SQLValue]) throws -> PostgresQueryResult {
        var binds = PostgresBindings(capacity: bindings.count)
        for value in bindings {
            switch value {
            case .null: binds.appendNull()
            case .int(let number): binds.append(number)
            case .text(let text): binds.append(text)
            case .blob(let bytes): binds.append(ByteBuffer(bytes: bytes))  // bytea ([UInt8] would be char[])
            }
        }
        let query = PostgresQuery(unsafeSQL: Placeholders.numbered(sql), binds: binds)
        // PostgresNIO 1.33.2 never answers a query sent on a connection that has closed; checking
        // and sending on the connection's event loop closes that gap.
        let connection = connection, logger = logger
        return try connection.eventLoop.flatSubmit {
            connection.isClosed
                ? connection.eventLoop.makeFailedFuture(ConnectionClosed())
                : connection.query(query, logger: logger)
        }.wait()
    }

    /// A cell by its column type: integers and booleans as `.int`, text types and numeric as
    /// `.text`, bytea as `.blob`. The schema uses nothing else.
    private static func value(_ cell: PostgresCell) throws -> SQLValue {
        guard var buffer = cell.bytes else { return .null }
        switch cell.dataType {
        case .int8: return .int(buffer.readInteger(as: Int64.self) ?? 0)
        case .int4: return .int(Int64(buffer.readInteger(as: Int32.self) ?? 0))
        case .int2: return .int(Int64(buffer.readInteger(as: Int16.self) ?? 0))
        case .bool: return .int(Int64(buffer.readInteger(as: UInt8.self) ?? 0))
        case .bytea: return .blob(Array(buffer.readableBytesView))
        case .void: return .null
        case .text, .varchar, .bpchar, .name, .unknown: return .text(buffer.readString(length: buffer.readableBytes) ?? "")
        default:
            // numeric and the like: ask PostgresNIO for the text form.
            return .text(try cell.decode(String.self))
        }
    }
}

/// `?` → `$1 … $n` for PostgreSQL. sord's SQL never has a `?` inside a quoted literal or
/// identifier; those are skipped all the same. Rewritten statements are remembered.
enum Placeholders {
    private static let cache = Mutex<[String: String]>([:])

    static func numbered(_ sql: String) -> String {
        if let known = cache.withLock({ $0[sql] }) { return known }
        var out = ""
        out.reserveCapacity(sql.utf8.count + 16)
        var count = 0
        var quote: Character?
        for character in sql {
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "'" || character == "\"" {
                quote = character
            } else if character == "?" {
                count += 1
                out += "$\(count)"
                continue
            }
            out.append(character)
        }
        cache.withLock { $0[sql] = out }
        return out
    }
}
