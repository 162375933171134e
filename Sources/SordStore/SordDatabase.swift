import Foundation

/// The one database of sord: reference data (Master File, CAF, e-File), users, the submission
/// journal, the outbox, the mailbox index and the audit chain, so that a decision, its CAF changes
/// and its deliveries commit in one transaction. SQLite by default; PostgreSQL with a URL (SPEC 13).
public final class SordDatabase: Sendable {
    /// The store behind it.
    public let driver: any StoreDriver

    /// Opens the store `driver` and brings its schema up to date.
    public init(driver: any StoreDriver) throws {
        self.driver = driver
        try Migrator.migrate(driver)
    }

    /// Opens (creating when missing) the SQLite database at `path`.
    public convenience init(path: String) throws {
        try self.init(driver: SQLiteDriver(path: path))
    }

    /// Opens PostgreSQL at `url` when one is given, else SQLite at `path` (`[database] url` and
    /// `path`).
    public static func open(path: String, url: String?) throws -> SordDatabase {
        if let url, !url.isEmpty { return try SordDatabase(driver: PostgresDriver(url: url)) }
        return try SordDatabase(path: path)
    }

    /// Which store this is.
    public var dialect: SQLDialect { driver.dialect }

    /// Runs `body` in a read-only snapshot.
    public func read<T>(_ body: (any SQLSession) throws -> T) throws -> T {
        try driver.read(body)
    }

    /// Runs `body` in a durable write transaction.
    public func write<T>(_ body: (any SQLSession) throws -> T) throws -> T {
        try driver.write(body)
    }

    /// Runs `body` in a write transaction whose commit need not reach the disk at once (see
    /// `StoreDriver.writeDeferringSync`).
    public func writeDeferringSync<T>(_ body: (any SQLSession) throws -> T) throws -> T {
        try driver.writeDeferringSync(body)
    }

    /// Closes every connection.
    public func close() {
        driver.close()
    }
}
