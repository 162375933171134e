import Foundation
import GRDB
import SordCore

/// A registered user (SPEC section 2): who may drop files, whose mailbox receives them, and the
/// certificate that both encrypts their mailbox files and authenticates them to the API.
public struct UserRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "users"

    /// `practitioner` (an e-Services user) or `taxpayer` (takes part in Tax Pro Account approvals).
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case practitioner, taxpayer
    }

    /// Active users submit and receive; disabled users' files are left untouched and the API refuses them.
    public enum State: String, Codable, Sendable {
        case active, disabled
    }

    public var id: String
    public var kind: Kind
    public var first: String
    public var middle: String?
    public var last: String
    public var suffix: String?
    /// SSN or ITIN, dashed.
    public var tin: String
    public var ptin: String?
    /// The linked CAF number (practitioners), as 9 digits plus optional suffix letter, canonical form.
    public var caf: String?
    public var state: State
    public var certPEM: Data
    /// Lowercase hex SHA-256 of the certificate's DER form.
    public var certFingerprint: String
    public var createdAt: String
    public var updatedAt: String

    public init(id: String, kind: Kind, first: String, middle: String?, last: String, suffix: String?, tin: String,
                ptin: String?, caf: String?, state: State, certPEM: Data, certFingerprint: String, createdAt: String) {
        self.id = id
        self.kind = kind
        self.first = first
        self.middle = middle
        self.last = last
        self.suffix = suffix
        self.tin = tin
        self.ptin = ptin
        self.caf = caf
        self.state = state
        self.certPEM = certPEM
        self.certFingerprint = certFingerprint
        self.createdAt = createdAt
        self.updatedAt = createdAt
    }

    /// The id as a path-safe value (always valid: ids are checked when users are added).
    public var userID: UserID { UserID(id)! }
}
