import Foundation

/// A file in (or on its way to) a SOR mailbox. Rows with `deliveredAt == nil` are the outbox: they
/// carry the sealed bytes, so delivery after a crash writes exactly the same file under the same name.
public struct MailboxFileRecord: Codable, Sendable, Equatable {
    public var id: String
    public var userId: String
    /// `ack`, `transcript`, `notification`, `request`, `report` or `message`.
    public var kind: String
    /// `json` or `txt`.
    public var format: String
    public var submissionId: String
    /// Size of the sealed file in bytes.
    public var size: Int
    /// Lowercase hex SHA-256 of the sealed bytes (the API's ETag).
    public var sha256: String
    /// The sealed bytes until delivered; cleared afterwards. Never plaintext.
    public var sealed: Data?
    public var createdAt: String
    public var expiresAt: String
    public var deliveredAt: String?
    public var downloadedAt: String?
    public var deletedAt: String?
    /// The node delivering this outbox row, until `leaseUntil`; after that any node may take it
    /// (the node died or failed). Cleared once delivered.
    public var leaseNode: String?
    public var leaseUntil: String?

    public init(id: String, userId: String, kind: String, format: String, submissionId: String, size: Int, sha256: String,
                sealed: Data?, createdAt: String, expiresAt: String) {
        self.id = id
        self.userId = userId
        self.kind = kind
        self.format = format
        self.submissionId = submissionId
        self.size = size
        self.sha256 = sha256
        self.sealed = sealed
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }

    /// The file name in the mailbox: `<id>.<kind>.<format>.gz.p7m`.
    public var name: String { Self.name(id: id, kind: kind, format: format) }

    /// The mailbox file name of a file with this id, kind and format (SPEC 7).
    public static func name(id: String, kind: String, format: String) -> String { "\(id).\(kind).\(format).gz.p7m" }
}

/// The store's queries about mailbox files and the outbox.
extension MailboxFileRecord {
    static let columns = """
        id, userId, kind, format, submissionId, size, sha256, sealed, createdAt, expiresAt, deliveredAt, downloadedAt, deletedAt, \
        leaseNode, leaseUntil
        """

    init(_ row: SQLRow) {
        self.init(id: row.string(0), userId: row.string(1), kind: row.string(2), format: row.string(3),
                  submissionId: row.string(4), size: row.int(5), sha256: row.string(6), sealed: row.optionalBytes(7).map { Data($0) },
                  createdAt: row.string(8), expiresAt: row.string(9))
        deliveredAt = row.optionalString(10)
        downloadedAt = row.optionalString(11)
        deletedAt = row.optionalString(12)
        leaseNode = row.optionalString(13)
        leaseUntil = row.optionalString(14)
    }

    /// Adds `rows` (outbox rows while `deliveredAt` is nil), up to 200 to a statement.
    public static func insert(_ rows: [MailboxFileRecord], in db: any SQLSession) throws {
        try db.insert(rows.map(\.values), into: "mailboxFiles", columns: columnList)
    }

    /// Writes `rows` over the rows with their ids, in a few statements (delete, then insert, up to
    /// 200 rows each): an outbox row inserted before its sealing finished gets its sealed bytes, size
    /// and SHA-256.
    public static func replace(_ rows: [MailboxFileRecord], in db: any SQLSession) throws {
        for group in db.statementGroups(rows) {
            try db.execute("DELETE FROM mailboxFiles WHERE id IN " + db.placeholderList(group.count),
                           bindings: group.map { .text($0.id) })
        }
        try insert(rows, in: db)
    }

    private static let columnList = columns.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }

    /// The row's values in `columns` order.
    private var values: [SQLValue] {
        let values: [any SQLBindable] = [id, userId, kind, format, submissionId, size, sha256, sealed, createdAt, expiresAt, deliveredAt,
                                         downloadedAt, deletedAt, leaseNode, leaseUntil]
        return values.map(\.sqlValue)
    }

    /// Takes up to `limit` undelivered rows for `node` to deliver, oldest first: rows whose lease has
    /// run out (`before` `now`), or that are `node`'s own already; each gets the lease (`node`,
    /// `until`). Rows another node holds are skipped, not waited for (SPEC 13: each file delivered
    /// by one node; a dead node's rows are taken over once its leases end).
    public static func lease(for node: String, now: String, until: String, limit: Int, in db: any SQLSession) throws
        -> [MailboxFileRecord] {
        let ids = try db.query("""
            SELECT id FROM mailboxFiles WHERE deliveredAt IS NULL AND (leaseUntil IS NULL OR leaseUntil < ? OR leaseNode = ?)
            ORDER BY id LIMIT ?\(db.dialect.forUpdateSkipLocked)
            """, now, node, limit).map { $0.string(0) }
        var rows: [MailboxFileRecord] = []
        for id in ids {
            try db.execute("UPDATE mailboxFiles SET leaseNode = ?, leaseUntil = ? WHERE id = ?", node, until, id)
            if let row = try db.queryOne("SELECT \(columns) FROM mailboxFiles WHERE id = ?", id) { rows.append(MailboxFileRecord(row)) }
        }
        return rows
    }

    /// How many committed files are not yet delivered.
    public static func outboxCount(in db: any SQLSession) throws -> Int {
        try db.count("SELECT COUNT(*) FROM mailboxFiles WHERE deliveredAt IS NULL")
    }

    /// Marks files delivered and drops their sealed bytes (the file in the mailbox is the copy now).
    public static func markDelivered(_ ids: [String], at: String, in db: any SQLSession) throws {
        for group in db.statementGroups(ids) {
            try db.execute("UPDATE mailboxFiles SET deliveredAt = ?, sealed = NULL, leaseNode = NULL, leaseUntil = NULL WHERE id IN "
                + db.placeholderList(group.count), bindings: [.text(at)] + group.map { .text($0) })
        }
    }

    /// `user`'s delivered, not deleted files, newest first; `onlyNew` keeps those not yet downloaded.
    public static func listing(user: String, onlyNew: Bool, in db: any SQLSession) throws -> [MailboxFileRecord] {
        try db.query("""
            SELECT \(columns) FROM mailboxFiles WHERE userId = ? AND deliveredAt IS NOT NULL AND deletedAt IS NULL
            AND (downloadedAt IS NULL OR ? = 0) ORDER BY id DESC
            """, user, onlyNew).map(MailboxFileRecord.init)
    }

    /// `user`'s delivered, not deleted file `id`, or nil (another user's is nil too).
    public static func find(_ id: String, user: String, in db: any SQLSession) throws -> MailboxFileRecord? {
        try db.queryOne("""
            SELECT \(columns) FROM mailboxFiles WHERE id = ? AND userId = ? AND deliveredAt IS NOT NULL AND deletedAt IS NULL
            """, id, user).map(MailboxFileRecord.init)
    }

    /// Records the first download of file `id`.
    public static func markDownloaded(_ id: String, at: String, in db: any SQLSession) throws {
        try db.execute("UPDATE mailboxFiles SET downloadedAt = ? WHERE id = ? AND downloadedAt IS NULL", at, id)
    }

    /// Marks file `id` deleted; false when it already was.
    @discardableResult
    public static func markDeleted(_ id: String, at: String, in db: any SQLSession) throws -> Bool {
        try db.execute("UPDATE mailboxFiles SET deletedAt = ? WHERE id = ? AND deletedAt IS NULL", at, id) > 0
    }

    /// Delivered, not deleted files whose `expiresAt` is at or before `at`, oldest expiry first.
    public static func expired(at: String, limit: Int, in db: any SQLSession) throws -> [MailboxFileRecord] {
        try db.query("""
            SELECT \(columns) FROM mailboxFiles WHERE deletedAt IS NULL AND deliveredAt IS NOT NULL AND expiresAt <= ?
            ORDER BY expiresAt, id LIMIT ?
            """, at, limit).map(MailboxFileRecord.init)
    }

    /// The number of live (not deleted) files of `user`, delivered or about to be: the `max_files`
    /// limit (TDS-109), read from the count the database keeps.
    public static func liveCount(user: String, in db: any SQLSession) throws -> Int {
        try db.count("SELECT live FROM mailboxCounts WHERE userId = ?", user)
    }

    /// Transcripts made after `since` for users whose linked CAF number starts with `cafDigits`
    /// (`NNNN-NNNNN`); deleted ones count too, since the hourly limit is on deliveries.
    public static func transcripts(since: String, cafDigits: String, in db: any SQLSession) throws -> Int {
        try db.count("""
            SELECT COUNT(*) FROM mailboxFiles
            WHERE kind = 'transcript' AND createdAt > ? AND userId IN (SELECT id FROM users WHERE substr(caf, 1, 10) = ?)
            """, since, cafDigits)
    }

    /// The outbox leases, as a migration.
    static let leaseMigration = Migration("outbox-leases-v1", """
        ALTER TABLE mailboxFiles ADD COLUMN leaseNode TEXT;
        ALTER TABLE mailboxFiles ADD COLUMN leaseUntil TEXT;
        """)

    /// Delivered, not deleted files by kind.
    public static func countsByKind(in db: any SQLSession) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for row in try db.query("""
            SELECT kind, COUNT(*) FROM mailboxFiles WHERE deliveredAt IS NOT NULL AND deletedAt IS NULL GROUP BY kind
            """) { counts[row.string(0)] = row.int(1) }
        return counts
    }
}
