import GRDB

/// One processed submission in the journal: who sent which bytes, what it was, and how it ended.
/// A row exists only once the outcome is committed, in the same transaction as its outbox rows.
public struct SubmissionRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "submissions"

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
