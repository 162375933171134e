import Foundation
import GRDB

/// A file in (or on its way to) a SOR mailbox. Rows with `deliveredAt == nil` are the outbox: they
/// carry the sealed bytes, so delivery after a crash writes exactly the same file under the same name.
public struct MailboxFileRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "mailboxFiles"

    public var id: String
    public var userId: String
    /// `ack`, `transcript`, `notification` or `request`.
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
    public var name: String { "\(id).\(kind).\(format).gz.p7m" }
}
