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
    /// The mailbox file id, when the decision needs to name the file (a notice listing it); the
    /// pipeline assigns one otherwise.
    public var id: SortableID?

    public init(recipient: UserID, kind: MailboxKind, format: PayloadFormat, payload: Data, id: SortableID? = nil) {
        self.recipient = recipient
        self.kind = kind
        self.format = format
        self.payload = payload
        self.id = id
    }

    /// The mailbox file name, when the id is assigned already.
    public var name: MailboxFileName? {
        id.map { MailboxFileName(id: $0, kind: kind, format: format) }
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

/// A payment plan as the ack of a `payment-plan` reports it.
public struct PlanReceipt: Sendable, Encodable, Equatable {
    public let id: String
    /// `long-term` or `short-term`.
    public let type: PaymentPlanKind
    /// `active` or `completed`.
    public let status: PaymentPlanRecord.Status
    /// The user fee this step charged.
    public let fee: Money
    /// The Form 1040 periods it covers.
    public let periods: [String]

    public init(_ plan: PaymentPlanRecord, fee: Money) {
        id = plan.id
        type = plan.terms.kind
        status = plan.status
        self.fee = fee
        periods = plan.periods.map(\.description)
    }
}

/// A secure message as the ack reports it: its id and its thread's.
public struct MessageReceipt: Sendable, Encodable, Equatable {
    public let id: String
    public let thread: String
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
    /// Files that answer the submission (reports), to the submitter; the ack lists their names.
    public var answers: [PlannedDelivery] = []
    /// A payment made (SPEC 12.4: the ack carries it).
    public var payment: PaymentRecord.Receipt?
    /// A payment plan set up or revised.
    public var plan: PlanReceipt?
    /// A secure message sent (its id and thread).
    public var message: MessageReceipt?
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
