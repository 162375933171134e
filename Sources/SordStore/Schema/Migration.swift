import Foundation
import SordCore

/// One schema change: an id that never changes once shipped, and its DDL for each dialect.
///
/// The DDL is written once in the SQL both stores share, with a few words filled in per dialect:
/// `{int}` (INTEGER / BIGINT), `{blob}` (BLOB / BYTEA), `{without_rowid}` (SQLite's `WITHOUT ROWID`,
/// nothing in PostgreSQL). What has no common form (triggers) is given per dialect.
public struct Migration: Sendable {
    public let id: String
    let sqlite: String
    let postgres: String

    /// A change written once for both stores.
    init(_ id: String, _ portable: String) {
        self.id = id
        sqlite = Self.fill(portable, .sqlite)
        postgres = Self.fill(portable, .postgres)
    }

    /// A change written separately for each store.
    init(_ id: String, sqlite: String, postgres: String) {
        self.id = id
        self.sqlite = sqlite
        self.postgres = postgres
    }

    /// The DDL for `dialect`.
    func sql(for dialect: SQLDialect) -> String {
        dialect == .sqlite ? sqlite : postgres
    }

    static func fill(_ text: String, _ dialect: SQLDialect) -> String {
        let words: [(String, String)] = dialect == .sqlite
            ? [("{int}", "INTEGER"), ("{blob}", "BLOB"), ("{without_rowid}", " WITHOUT ROWID")]
            : [("{int}", "BIGINT"), ("{blob}", "BYTEA"), ("{without_rowid}", "")]
        return words.reduce(text) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
    }
}

/// Applies the migrations a database has not seen yet, in order, each in its own transaction with
/// its row in `schema_migrations`, so a crash in between leaves a database the next start finishes.
enum Migrator {
    /// Every schema change, in order. Never edit one that shipped; add a new one.
    static let all: [Migration] = ReferenceSchema.migrations + JournalSchema.migrations + TaxProAccountSchema.migrations
        + [ImportStaging.migration, AuditLog.headMigration, InboxRefusal.migration] + AccountSchema.migrations + [MailboxFileRecord.leaseMigration]

    /// Brings the store up to date. Several processes may start at once (nodes, CLI commands): the
    /// version table is created first and each migration re-checks inside its write transaction.
    static func migrate(_ driver: any StoreDriver) throws {
        // Up to date already (the usual case): nothing to write, so a command never waits for the
        // writer lock just to open the store.
        if let applied = try? driver.read({ session in
            Set(try session.query("SELECT id FROM schema_migrations").map { $0.string(0) })
        }), all.allSatisfy({ applied.contains($0.id) }) {
            return
        }
        try driver.write { session in
            try session.executeScript("CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY NOT NULL, applied_at TEXT NOT NULL)")
            try adoptEarlierMigrator(session)
        }
        for migration in all {
            try driver.write { session in
                try session.lock(.schema)
                guard try session.count("SELECT COUNT(*) FROM schema_migrations WHERE id = ?", migration.id) == 0 else { return }
                try session.executeScript(migration.sql(for: session.dialect))
                try session.execute("INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)", migration.id,
                                    Timestamp.iso(Date()))
            }
        }
    }

    /// Databases made by the first version recorded their migrations in GRDB's `grdb_migrations`
    /// table under the same ids; those count as applied.
    private static func adoptEarlierMigrator(_ session: any SQLSession) throws {
        guard session.dialect == .sqlite,
              try session.count("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'grdb_migrations'") > 0
        else { return }
        try session.execute("""
            INSERT INTO schema_migrations (id, applied_at) SELECT identifier, ? FROM grdb_migrations WHERE true
            ON CONFLICT (id) DO NOTHING
            """, Timestamp.iso(Date()))
    }
}
