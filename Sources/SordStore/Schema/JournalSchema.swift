/// Tables of the daemon's own state: users, the submission journal, the mailbox index (whose
/// undelivered rows are the outbox) and the audit chain.
enum JournalSchema {
    static let migrations = [
        Migration("journal-v1", sqlite: tables(.sqlite) + """
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
            """, postgres: tables(.postgres) + """
            CREATE FUNCTION mailbox_count() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'INSERT' AND NEW.deletedAt IS NULL THEN
                    INSERT INTO mailboxCounts (userId, live) VALUES (NEW.userId, 1)
                    ON CONFLICT (userId) DO UPDATE SET live = mailboxCounts.live + 1;
                ELSIF TG_OP = 'UPDATE' AND OLD.deletedAt IS NULL AND NEW.deletedAt IS NOT NULL THEN
                    UPDATE mailboxCounts SET live = live - 1 WHERE userId = NEW.userId;
                ELSIF TG_OP = 'DELETE' AND OLD.deletedAt IS NULL THEN
                    UPDATE mailboxCounts SET live = live - 1 WHERE userId = OLD.userId;
                END IF;
                RETURN NULL;
            END $$;
            CREATE TRIGGER mailbox_count AFTER INSERT OR UPDATE OF deletedAt OR DELETE ON mailboxFiles
                FOR EACH ROW EXECUTE FUNCTION mailbox_count();
            """),
    ]

    /// The tables and indexes of journal-v1, as the first version created them.
    private static func tables(_ dialect: SQLDialect) -> String {
        Migration.fill("""
            CREATE TABLE users (
                id TEXT PRIMARY KEY NOT NULL,
                kind TEXT NOT NULL,
                first TEXT NOT NULL,
                middle TEXT,
                last TEXT NOT NULL,
                suffix TEXT,
                tin TEXT NOT NULL,
                ptin TEXT,
                caf TEXT UNIQUE,
                state TEXT NOT NULL,
                certPEM {blob} NOT NULL,
                certFingerprint TEXT NOT NULL UNIQUE,
                createdAt TEXT NOT NULL,
                updatedAt TEXT NOT NULL
            );
            CREATE TABLE submissions (
                id TEXT PRIMARY KEY NOT NULL,
                userId TEXT NOT NULL,
                fileName TEXT NOT NULL,
                sha256 TEXT NOT NULL,
                size {int} NOT NULL,
                documentType TEXT,
                clientRef TEXT,
                receivedAt TEXT NOT NULL,
                processedAt TEXT NOT NULL,
                status TEXT NOT NULL,
                ackFileId TEXT NOT NULL,
                errorCodes TEXT NOT NULL
            );
            CREATE INDEX submissions_dedupe ON submissions (userId, sha256, receivedAt);
            CREATE INDEX submissions_processed ON submissions (processedAt);
            CREATE TABLE mailboxFiles (
                id TEXT PRIMARY KEY NOT NULL,
                userId TEXT NOT NULL,
                kind TEXT NOT NULL,
                format TEXT NOT NULL,
                submissionId TEXT NOT NULL,
                size {int} NOT NULL,
                sha256 TEXT NOT NULL,
                sealed {blob},
                createdAt TEXT NOT NULL,
                expiresAt TEXT NOT NULL,
                deliveredAt TEXT,
                downloadedAt TEXT,
                deletedAt TEXT
            );
            CREATE INDEX mailbox_user ON mailboxFiles (userId, deletedAt, id);
            CREATE INDEX mailbox_outbox ON mailboxFiles (deliveredAt) WHERE deliveredAt IS NULL;
            CREATE INDEX mailbox_recent ON mailboxFiles (userId, kind, createdAt);
            CREATE INDEX mailbox_expiry ON mailboxFiles (expiresAt) WHERE deletedAt IS NULL;
            CREATE TABLE mailboxCounts (userId TEXT PRIMARY KEY NOT NULL, live {int} NOT NULL);
            CREATE TABLE audit (
                seq {int} PRIMARY KEY NOT NULL,
                at TEXT NOT NULL,
                actor TEXT NOT NULL,
                action TEXT NOT NULL,
                subject TEXT NOT NULL,
                detail TEXT NOT NULL,
                prevHash TEXT NOT NULL,
                hash TEXT NOT NULL
            );

            """, dialect)
    }
}
