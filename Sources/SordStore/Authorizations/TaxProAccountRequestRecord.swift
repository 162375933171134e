import Foundation
import SordCore

/// One Tax Pro Account request (table `tpaRequests`): what the practitioner asked for, to whom it
/// was delivered, and where it stands.
public struct TaxProAccountRequestRecord: Codable, Sendable, Equatable {
    /// The request id (a `SortableID`); also the CAF authorization id once approved.
    public var id: String
    /// The practitioner's submission that created it.
    public var submissionId: String
    /// The practitioner (the representative) who sent it.
    public var practitionerId: String
    /// The taxpayer user whose mailbox received it; the only one who may answer it.
    public var taxpayerUserId: String
    /// `2848` or `8821`.
    public var form: String
    /// The taxpayer's canonical dashed TIN.
    public var tin: String
    /// The representative's CAF number, canonical.
    public var caf: String
    /// The matters as JSON (`[Matter]`), periods canonical.
    public var mattersJSON: String
    public var receiveNotices: Bool
    /// 2848 designation letter; nil for an 8821.
    public var designation: String?
    /// `pending`, `approved`, `rejected` or `not-processed` (`TaxProAccountDecisionRules.Status`).
    public var status: String
    public var createdAt: String
    public var decidedAt: String?
    /// The taxpayer's `authorization-decision` submission, once answered.
    public var decisionSubmissionId: String?

    public init(id: String, submissionId: String, practitionerId: String, taxpayerUserId: String, form: String,
                tin: String, caf: String, matters: [Matter], receiveNotices: Bool, designation: String?,
                createdAt: String) throws {
        self.id = id
        self.submissionId = submissionId
        self.practitionerId = practitionerId
        self.taxpayerUserId = taxpayerUserId
        self.form = form
        self.tin = tin
        self.caf = caf
        self.mattersJSON = String(decoding: try JSONEncoder().encode(matters), as: UTF8.self)
        self.receiveNotices = receiveNotices
        self.designation = designation
        self.status = TaxProAccountDecisionRules.Status.pending.rawValue
        self.createdAt = createdAt
    }

    /// The matters, decoded.
    public func matters() throws -> [Matter] {
        try JSONDecoder().decode([Matter].self, from: Data(mattersJSON.utf8))
    }

    /// The status as the rules know it (nil for a value the schema would not have let in).
    public var requestStatus: TaxProAccountDecisionRules.Status? {
        TaxProAccountDecisionRules.Status(rawValue: status)
    }
}

/// The store's queries about Tax Pro Account requests.
extension TaxProAccountRequestRecord {
    static let columns = """
        id, submissionId, practitionerId, taxpayerUserId, form, tin, caf, mattersJSON, receiveNotices, designation, status, \
        createdAt, decidedAt, decisionSubmissionId
        """

    init(_ row: SQLRow) {
        id = row.string(0)
        submissionId = row.string(1)
        practitionerId = row.string(2)
        taxpayerUserId = row.string(3)
        form = row.string(4)
        tin = row.string(5)
        caf = row.string(6)
        mattersJSON = row.string(7)
        receiveNotices = row.bool(8)
        designation = row.optionalString(9)
        status = row.string(10)
        createdAt = row.string(11)
        decidedAt = row.optionalString(12)
        decisionSubmissionId = row.optionalString(13)
    }

    /// The request `id`, or nil.
    public static func find(_ id: String, in db: any SQLSession) throws -> TaxProAccountRequestRecord? {
        try db.queryOne("SELECT \(columns) FROM tpaRequests WHERE id = ?", id).map(TaxProAccountRequestRecord.init)
    }

    /// Adds this request.
    public func insert(in db: any SQLSession) throws {
        try db.execute("INSERT INTO tpaRequests (\(Self.columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       id, submissionId, practitionerId, taxpayerUserId, form, tin, caf, mattersJSON, receiveNotices, designation,
                       status, createdAt, decidedAt, decisionSubmissionId)
    }

    /// Every request `practitioner` sent, newest first.
    public static func sent(by practitioner: String, in db: any SQLSession) throws -> [TaxProAccountRequestRecord] {
        try db.query("SELECT \(columns) FROM tpaRequests WHERE practitionerId = ? ORDER BY createdAt DESC, id DESC", practitioner)
            .map(TaxProAccountRequestRecord.init)
    }

    /// Pending requests created before `createdBefore` (an instant), oldest first: those the
    /// scheduler may have to expire.
    public static func pending(createdBefore: String, in db: any SQLSession) throws -> [TaxProAccountRequestRecord] {
        try db.query("SELECT \(columns) FROM tpaRequests WHERE status = 'pending' AND createdAt < ? ORDER BY createdAt, id",
                     createdBefore).map(TaxProAccountRequestRecord.init)
    }

    /// Marks the pending request `id` expired at `at`; false when it was no longer pending (answered,
    /// or expired already: a repeat finds it done).
    public static func expire(_ id: String, at: String, in db: any SQLSession) throws -> Bool {
        try db.execute("UPDATE tpaRequests SET status = 'expired', decidedAt = ? WHERE id = ? AND status = 'pending'", at, id) > 0
    }

    /// Closes a pending request with `status`, answered by `submission` at `at`.
    public static func close(_ id: String, status: TaxProAccountDecisionRules.Status, submission: String, at: String,
                             in db: any SQLSession) throws {
        try db.execute("""
            UPDATE tpaRequests SET status = ?, decidedAt = ?, decisionSubmissionId = ? WHERE id = ? AND status = 'pending'
            """, status.rawValue, at, submission, id)
    }
}
