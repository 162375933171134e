/// One processed submission in the journal: who sent which bytes, what it was, and how it ended.
/// A row exists only once the outcome is committed, in the same transaction as its outbox rows.
public struct SubmissionRecord: Codable, Sendable, Equatable {
    public var id: String
    public var userId: String
    public var fileName: String
    /// Lowercase hex SHA-256 of the file's bytes (duplicate detection).
    public var sha256: String
    public var size: Int
    public var documentType: String?
    public var clientRef: String?
    public var receivedAt: String
    public var processedAt: String
    /// `accepted`, `rejected`, `partial` or `pending`.
    public var status: String
    /// The mailbox file id of the submission's acknowledgement.
    public var ackFileId: String
    /// The reason codes of the outcome, comma-separated (for `sord status` and metrics; no PII).
    public var errorCodes: String

    public init(id: String, userId: String, fileName: String, sha256: String, size: Int, documentType: String?,
                clientRef: String?, receivedAt: String, processedAt: String, status: String, ackFileId: String,
                errorCodes: String) {
        self.id = id
        self.userId = userId
        self.fileName = fileName
        self.sha256 = sha256
        self.size = size
        self.documentType = documentType
        self.clientRef = clientRef
        self.receivedAt = receivedAt
        self.processedAt = processedAt
        self.status = status
        self.ackFileId = ackFileId
        self.errorCodes = errorCodes
    }
}

/// The store's queries about the journal.
extension SubmissionRecord {
    static let columns = "id, userId, fileName, sha256, size, documentType, clientRef, receivedAt, processedAt, status, ackFileId, errorCodes"

    init(_ row: SQLRow) {
        self.init(id: row.string(0), userId: row.string(1), fileName: row.string(2), sha256: row.string(3), size: row.int(4),
                  documentType: row.optionalString(5), clientRef: row.optionalString(6), receivedAt: row.string(7),
                  processedAt: row.string(8), status: row.string(9), ackFileId: row.string(10), errorCodes: row.string(11))
    }

    /// Records this outcome; throws a `.duplicate` store failure when the submission was already
    /// decided (by this node before a crash, or by another node).
    public func insert(in db: any SQLSession) throws {
        try db.execute("INSERT INTO submissions (\(Self.columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       id, userId, fileName, sha256, size, documentType, clientRef, receivedAt, processedAt, status, ackFileId,
                       errorCodes)
    }

    /// Whether the submission `id` is decided.
    public static func exists(_ id: String, in db: any SQLSession) throws -> Bool {
        try db.count("SELECT COUNT(*) FROM submissions WHERE id = ?", id) > 0
    }

    /// `user`'s submission `id`, or nil (another user's is nil too).
    public static func find(_ id: String, user: String, in db: any SQLSession) throws -> SubmissionRecord? {
        try db.queryOne("SELECT \(columns) FROM submissions WHERE id = ? AND userId = ?", id, user).map(SubmissionRecord.init)
    }

    /// The earliest submission of `user` with these bytes received at or after `since` (SUB-006).
    public static func earlier(user: String, sha256: String, since: String, in db: any SQLSession) throws -> String? {
        try db.queryOne("SELECT id FROM submissions WHERE userId = ? AND sha256 = ? AND receivedAt >= ? ORDER BY receivedAt LIMIT 1",
                        user, sha256, since)?.string(0)
    }

    /// How many submissions ended in each status.
    public static func countsByStatus(in db: any SQLSession) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for row in try db.query("SELECT status, COUNT(*) FROM submissions GROUP BY status") { counts[row.string(0)] = row.int(1) }
        return counts
    }

    /// The latest submissions that carried a reason code, newest first.
    public static func recentErrors(limit: Int, in db: any SQLSession) throws -> [SubmissionRecord] {
        try db.query("SELECT \(columns) FROM submissions WHERE errorCodes <> '' ORDER BY processedAt DESC LIMIT ?", limit)
            .map(SubmissionRecord.init)
    }

    /// How many submissions are recorded.
    public static func count(in db: any SQLSession) throws -> Int {
        try db.count("SELECT COUNT(*) FROM submissions")
    }
}
