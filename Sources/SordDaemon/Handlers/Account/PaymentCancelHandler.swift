import Foundation
import SordCore
import SordStore

/// `payment-cancel` (SPEC 12.4): cancels a scheduled payment its creator (or the taxpayer) asks
/// about, until two business days before its date (PAY-008, PAY-009).
struct PaymentCancelHandler: DocumentHandler {
    func decide(_ document: Document, context: HandlerContext) throws -> Outcome {
        guard case .paymentCancel(let cancel) = document else { return .rejected([]) }
        guard let requester = try AccountParties(context.db).requester(context.user) else { return .rejected([]) }
        let payment = try PaymentRecord.find(cancel.payment, in: context.db)
        let problems = PaymentCancelRules.check(payment: payment, requester: requester, today: try Day(parsing: Timestamp.day(context.now)))
        guard problems.isEmpty, var payment, try PaymentRecord.settle(payment.id, as: .cancelled, in: context.db) else {
            return .rejected(problems)
        }
        payment.status = .cancelled
        var outcome = Outcome(status: .accepted)
        outcome.payment = payment.receipt
        outcome.deliveries = try AccountPostings(db: context.db, cause: context.submission.rawValue, now: context.now)
            .notices(.paymentCancelled, about: payment, "Payment \(payment.confirmationNumber) of \(payment.date) is cancelled.")
        outcome.audit = [(action: "payment.cancelled", subject: payment.id, detail: ["confirmation": payment.confirmationNumber])]
        return outcome
    }
}
