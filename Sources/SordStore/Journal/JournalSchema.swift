import GRDB

/// Tables of the daemon's own state: users, the submission journal, the mailbox index (whose
/// undelivered rows are the outbox) and the audit chain.
public enum JournalSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("journal-v1") { db in
            try db.create(table: "users") { t in
                t.primaryKey("id", .text)
                t.column("kind", .text).notNull()
                t.column("first", .text).notNull()
                t.column("middle", .text)
                t.column("last", .text).notNull()
                t.column("suffix", .text)
                t.column("tin", .text).notNull()
                t.column("ptin", .text)
                t.column("caf", .text).unique()
                t.column("state", .text).notNull()
                t.column("certPEM", .blob).notNull()
                t.column("certFingerprint", .text).notNull().unique()
                t.column("createdAt", .text).notNull()
                t.column("updatedAt", .text).notNull()
            }
            try db.create(table: "submissions") { t in
                t.primaryKey("id", .text)
                t.column("userId", .text).notNull()
                t.column("fileName", .text).notNull()
                t.column("sha256", .text).notNull()
                t.column("size", .integer).notNull()
                t.column("documentType", .text)
                t.column("clientRef", .text)
                t.column("receivedAt", .text).notNull()
                t.column("processedAt", .text).notNull()
                t.column("status", .text).notNull()
                t.column("ackFileId", .text).notNull()
                t.column("errorCodes", .text).notNull()
            }
            try db.create(index: "submissions_dedupe", on: "submissions", columns: ["userId", "sha256", "receivedAt"])
            try db.create(index: "submissions_processed", on: "submissions", columns: ["processedAt"])
            try db.create(table: "mailboxFiles") { t in
                t.primaryKey("id", .text)
                t.column("userId", .text).notNull()
                t.column("kind", .text).notNull()
                t.column("format", .text).notNull()
                t.column("submissionId", .text).notNull()
                t.column("size", .integer).notNull()
                t.column("sha256", .text).notNull()
                t.column("sealed", .blob)
                t.column("createdAt", .text).notNull()
                t.column("expiresAt", .text).notNull()
                t.column("deliveredAt", .text)
                t.column("downloadedAt", .text)
                t.column("deletedAt", .text)
            }
            try db.create(index: "mailbox_user", on: "mailboxFiles", columns: ["userId", "deletedAt", "id"])
            try db.create(index: "mailbox_outbox", on: "mailboxFiles", columns: ["deliveredAt"], condition: Column("deliveredAt") == nil)
            // The per-CAF hourly TDS limit counts a user's recent transcripts.
            try db.create(index: "mailbox_recent", on: "mailboxFiles", columns: ["userId", "kind", "createdAt"])
            try db.create(index: "mailbox_expiry", on: "mailboxFiles", columns: ["expiresAt"], condition: Column("deletedAt") == nil)
            // Live (not deleted) files per mailbox, kept by triggers so the max_files rule (TDS-109)
            // reads one row instead of counting a mailbox that may hold millions of files.
            try db.execute(sql: """
                CREATE TABLE mailboxCounts (userId TEXT PRIMARY KEY NOT NULL, live INTEGER NOT NULL);
                CREATE TRIGGER mailbox_count_insert AFTER INSERT ON mailboxFiles WHEN NEW.deletedAt IS NULL BEGIN
                    INSERT INTO mailboxCounts (userId, live) VALUES (NEW.userId, 1)
                    ON CONFLICT (userId) DO UPDATE SET live = live + 1;
                END;
                CREATE TRIGGER mailbox_count_mark_deleted AFTER UPDATE OF deletedAt ON mailboxFiles
                WHEN OLD.deletedAt IS NULL AND NEW.deletedAt IS NOT NULL BEGIN
                    UPDATE mailboxCounts SET live = live - 1 WHERE userId = NEW.userId;
                END;
                CREATE TRIGGER mailbox_count_delete AFTER DELETE ON mailboxFiles WHEN OLD.deletedAt IS NULL BEGIN
                    UPDATE mailboxCounts SET live = live - 1 WHERE userId = OLD.userId;
                END;
                """)
            try db.create(table: "audit") { t in
                t.autoIncrementedPrimaryKey("seq")
                t.column("at", .text).notNull()
                t.column("actor", .text).notNull()
                t.column("action", .text).notNull()
                t.column("subject", .text).notNull()
                t.column("detail", .text).notNull()
                t.column("prevHash", .text).notNull()
                t.column("hash", .text).notNull()
            }
        }
    }
}
