import Foundation
import GRDB

/// The one SQLite database of sord: reference data (Master File, CAF, e-File), users, the submission
/// journal, the outbox, the mailbox index and the audit chain, so that a decision, its CAF changes
/// and its deliveries commit in one transaction.
public final class SordDatabase: Sendable {
    /// The GRDB pool (WAL mode): many readers, one writer.
    public let pool: DatabasePool

    /// Opens (creating when missing) the database at `path` and brings its schema up to date.
    public init(path: String) throws {
        var config = Configuration()
        config.busyMode = .timeout(10)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            try db.execute(sql: "PRAGMA foreign_keys = ON")
            // 32 MiB of page cache per connection: look-ups and the journal stay in memory.
            try db.execute(sql: "PRAGMA cache_size = -32768")
        }
        pool = try DatabasePool(path: path, configuration: config)
        try Self.migrator.migrate(pool)
    }

    /// A write transaction whose commit does not wait for the disk: in WAL mode it becomes durable
    /// with the next ordinary commit. Only for bookkeeping that recovery redoes when it is lost
    /// (marking delivered files), so the hot path saves one fsync per batch.
    public func writeDeferringSync<T>(_ updates: (Database) throws -> T) throws -> T {
        try pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            defer { try? db.execute(sql: "PRAGMA synchronous = FULL") }
            var result: T?
            try db.inTransaction {
                result = try updates(db)
                return .commit
            }
            return result!
        }
    }

    /// Every schema change, in order. Migrations are never edited once shipped; add a new one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        ReferenceSchema.register(in: &migrator)
        JournalSchema.register(in: &migrator)
        TaxProAccountSchema.register(in: &migrator)
        return migrator
    }
}
