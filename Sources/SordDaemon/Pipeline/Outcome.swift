import Foundation
import SordCore

/// How a submission ended, as its acknowledgement states it.
public enum AckStatus: String, Sendable, Codable {
    case accepted, rejected, partial, pending
}

/// A file a decision wants delivered (besides the acknowledgement, which the pipeline writes).
public struct PlannedDelivery: Sendable {
    /// The user whose mailbox receives it.
    public var recipient: UserID
    public var kind: MailboxKind
    public var format: PayloadFormat
    /// The plaintext payload; sealed before it is ever written anywhere.
    public var payload: Data

    public init(recipient: UserID, kind: MailboxKind, format: PayloadFormat, payload: Data) {
        self.recipient = recipient
        self.kind = kind
        self.format = format
        self.payload = payload
    }
}

/// One item of a multi-item submission (a TDS request × period).
public struct ItemOutcome: Sendable {
    public var index: Int
    public var errors: [Problem]
    /// The transcript(s) for this item, to the submitter; empty when rejected.
    public var deliveries: [PlannedDelivery]

    public init(index: Int, errors: [Problem] = [], deliveries: [PlannedDelivery] = []) {
        self.index = index
        self.errors = errors
        self.deliveries = deliveries
    }
}

/// The authorization a submission created or changed, as the ack reports it.
public struct AuthorizationRef: Sendable, Codable, Equatable {
    public var id: String
    /// `recorded`, `pending-taxpayer`, `not-recorded` or `not-processed`.
    public var status: String

    public init(id: String, status: String) {
        self.id = id
        self.status = status
    }
}

/// What deciding one submission produced. The pipeline commits it, with the journal row, the audit
/// entries and one sealed outbox row per delivery, in one transaction.
public struct Outcome: Sendable {
    public var status: AckStatus
    public var errors: [Problem]
    public var items: [ItemOutcome]
    public var authorization: AuthorizationRef?
    public var cafNumber: String?
    /// Notifications and requests to other users (or to the submitter).
    public var deliveries: [PlannedDelivery]
    /// Audit entries beyond the submission's own (action, subject, detail of ids and codes only).
    public var audit: [(action: String, subject: String, detail: [String: String])]

    public init(status: AckStatus, errors: [Problem] = [], items: [ItemOutcome] = [], authorization: AuthorizationRef? = nil,
                cafNumber: String? = nil, deliveries: [PlannedDelivery] = [],
                audit: [(action: String, subject: String, detail: [String: String])] = []) {
        self.status = status
        self.errors = errors
        self.items = items
        self.authorization = authorization
        self.cafNumber = cafNumber
        self.deliveries = deliveries
        self.audit = audit
    }

    /// A whole-file rejection.
    public static func rejected(_ problems: [Problem]) -> Outcome {
        Outcome(status: .rejected, errors: problems)
    }
}
