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
