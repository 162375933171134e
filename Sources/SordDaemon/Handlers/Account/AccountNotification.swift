import Foundation
import SordCore

/// A notification about a taxpayer's account (SPEC 7): a payment scheduled, posted or cancelled;
/// a plan established, revised, debited or completed; a Tax Pro Account request expired; a CAF
/// number assigned; PPS transcripts delivered. It holds ids, amounts, the form and period and the
/// masked TIN; never a full TIN, a name or a full bank account number.
struct AccountNotification: Encodable {
    /// What happened.
    enum Event: String, Encodable {
        case paymentScheduled = "payment.scheduled"
        case paymentPosted = "payment.posted"
        case paymentCancelled = "payment.cancelled"
        case planEstablished = "payment-plan.established"
        case planRevised = "payment-plan.revised"
        case planDebited = "payment-plan.debited"
        case planCompleted = "payment-plan.completed"
        case requestExpired = "tpa-request.expired"
        case cafNumberAssigned = "caf-number.assigned"
        case ppsDelivered = "pps.delivered"
    }

    let event: Event
    let message: String
    /// The submission or scheduled posting that caused it.
    let cause: String
    let createdAt: String
    /// The taxpayer's TIN, masked.
    var taxpayer: String?
    var form: String?
    var period: String?
    var payment: PaymentRecord.Receipt?
    var plan: String?
    var amount: Money?
    var request: String?
    var caf: String?
    /// PPS: the transcript files delivered, by name.
    var files: [String]?

    init(_ event: Event, _ message: String, cause: String, at: Date) {
        self.event = event
        self.message = message
        self.cause = cause
        createdAt = Timestamp.iso(at)
    }

    /// The notification as a delivery to `user`.
    func delivery(to user: UserID) throws -> PlannedDelivery {
        PlannedDelivery(recipient: user, kind: .notification, format: .json, payload: try PayloadJSON.encode(type: "notification", self))
    }
}
