import Foundation
import SordCore

/// A registered user (SPEC section 2): who may drop files, whose mailbox receives them, and the
/// certificate that both encrypts their mailbox files and authenticates them to the API.
public struct UserRecord: Codable, Sendable, Equatable {
    /// `practitioner`, `taxpayer` or `staff` (SPEC 2).
    public typealias Kind = UserKind

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

/// The store's queries about users.
extension UserRecord {
    static let columns = "id, kind, first, middle, last, suffix, tin, ptin, caf, state, certPEM, certFingerprint, createdAt, updatedAt"

    init(_ row: SQLRow) {
        self.init(id: row.string(0), kind: Kind(rawValue: row.string(1)) ?? .taxpayer, first: row.string(2),
                  middle: row.optionalString(3), last: row.string(4), suffix: row.optionalString(5), tin: row.string(6),
                  ptin: row.optionalString(7), caf: row.optionalString(8), state: State(rawValue: row.string(9)) ?? .disabled,
                  certPEM: Data(row.optionalBytes(10) ?? []), certFingerprint: row.string(11), createdAt: row.string(12))
        updatedAt = row.string(13)
    }

    private var values: [SQLValue] {
        [id.sqlValue, kind.rawValue.sqlValue, first.sqlValue, middle.sqlValue, last.sqlValue, suffix.sqlValue, tin.sqlValue,
         ptin.sqlValue, caf.sqlValue, state.rawValue.sqlValue, certPEM.sqlValue, certFingerprint.sqlValue, createdAt.sqlValue,
         updatedAt.sqlValue]
    }

    /// The user with this id, or nil.
    public static func find(_ id: String, in db: any SQLSession) throws -> UserRecord? {
        try db.queryOne("SELECT \(columns) FROM users WHERE id = ?", id).map(UserRecord.init)
    }

    /// The user whose certificate has this SHA-256 fingerprint, or nil.
    public static func find(fingerprint: String, in db: any SQLSession) throws -> UserRecord? {
        try db.queryOne("SELECT \(columns) FROM users WHERE certFingerprint = ?", fingerprint).map(UserRecord.init)
    }

    /// Every user, by id.
    public static func all(in db: any SQLSession) throws -> [UserRecord] {
        try db.query("SELECT \(columns) FROM users ORDER BY id").map(UserRecord.init)
    }

    /// The active users among `ids`, by id.
    public static func active(_ ids: Set<UserID>, in db: any SQLSession) throws -> [UserID: UserRecord] {
        var result: [UserID: UserRecord] = [:]
        for id in ids {
            if let user = try find(id.rawValue, in: db), user.state == .active { result[id] = user }
        }
        return result
    }

    /// Adds this user.
    public func insert(in db: any SQLSession) throws {
        try db.execute("INSERT INTO users (\(Self.columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", bindings: values)
    }

    /// Adds this user, or replaces the stored record with the same id.
    public func save(in db: any SQLSession) throws {
        if try Self.find(id, in: db) == nil { try insert(in: db) } else { try update(in: db) }
    }

    /// Stores this user's changed fields (state, certificate, CAF link).
    public func update(in db: any SQLSession) throws {
        try db.execute("""
            UPDATE users SET kind = ?, first = ?, middle = ?, last = ?, suffix = ?, tin = ?, ptin = ?, caf = ?, state = ?,
                certPEM = ?, certFingerprint = ?, createdAt = ?, updatedAt = ? WHERE id = ?
            """, bindings: Array(values.dropFirst()) + [id.sqlValue])
    }

    /// Links `caf` (canonical text) to the user.
    public static func link(_ id: String, caf: String, at: String, in db: any SQLSession) throws {
        try db.execute("UPDATE users SET caf = ?, updatedAt = ? WHERE id = ?", caf, at, id)
    }

    /// The user other than `excluding` whose linked CAF number is exactly `caf`, if any.
    public static func linked(caf: String, excluding id: String, in db: any SQLSession) throws -> String? {
        try db.queryOne("SELECT id FROM users WHERE caf = ? AND id <> ?", caf, id)?.string(0)
    }

    /// Active practitioners whose linked CAF number is `caf` (suffix letter ignored), by id.
    public static func practitioners(linkedTo caf: CAFNumber, in db: any SQLSession) throws -> [UserID] {
        let digits = String(caf.description.prefix(10))  // NNNN-NNNNN, without the suffix letter
        return try db.query("""
            SELECT id FROM users WHERE substr(caf, 1, 10) = ? AND kind = 'practitioner' AND state = 'active' ORDER BY id
            """, digits).compactMap { UserID($0.string(0)) }
    }

    /// Active practitioners whose PTIN is `ptin`, by id.
    public static func practitioners(ptin: PTIN, in db: any SQLSession) throws -> [UserID] {
        try db.query("SELECT id FROM users WHERE ptin = ? AND kind = 'practitioner' AND state = 'active' ORDER BY id",
                     ptin.description).compactMap { UserID($0.string(0)) }
    }

    /// The active taxpayer user with this TIN (the first by id when several share it): the
    /// taxpayer's online account (SPEC 2).
    public static func taxpayer(tin: TIN, in db: any SQLSession) throws -> UserID? {
        try db.queryOne("SELECT id FROM users WHERE tin = ? AND kind = 'taxpayer' AND state = 'active' ORDER BY id LIMIT 1",
                        tin.description).flatMap { UserID($0.string(0)) }
    }

    /// Every user id (recovery cleans each mailbox's `tmp/`).
    public static func ids(in db: any SQLSession) throws -> [UserID] {
        try db.query("SELECT id FROM users ORDER BY id").compactMap { UserID($0.string(0)) }
    }

    /// The certificate (PEM) and its fingerprint of `id`, or nil.
    public static func certificate(of id: String, in db: any SQLSession) throws -> (pem: Data, fingerprint: String)? {
        try db.queryOne("SELECT certPEM, certFingerprint FROM users WHERE id = ?", id).map { (Data($0.optionalBytes(0) ?? []), $0.string(1)) }
    }
}
