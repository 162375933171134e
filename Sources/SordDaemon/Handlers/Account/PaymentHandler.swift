import Foundation
import SordCore
import SordStore

/// `payment` (SPEC 12.4): a same-day payment posts at once (TC 670, or 430 for estimated tax); a
/// later one is scheduled and posted on its date by the scheduler. The ack carries the payment
/// with its 15-digit confirmation number; the practitioner and the taxpayer's online account are
/// notified (PAY-001 … PAY-007).
struct PaymentHandler: DocumentHandler {
    func decide(_ document: Document, context: HandlerContext) throws -> Outcome {
        guard case .payment(let payment) = document else { return .rejected([]) }
        let parties = AccountParties(context.db)
        guard let requester = try parties.requester(context.user) else { return .rejected([]) }
        let today = try Day(parsing: Timestamp.day(context.now))
        let tin = try? TIN(parsing: payment.tin)
        let period = try? TaxPeriod(parsing: payment.period)
        let authorizations = try tin.map { try parties.reference.activeAuthorizations(tin: $0) } ?? []
        var facts = PaymentRules.Facts(requester: requester, authorizations: authorizations, entity: nil, module: nil,
                                       paymentsLast24Hours: 0)
        // The Master File and the recent payments only for a requester who may pay.
        if let tin, let period,
           AccountVisibility.access(requester, tin: tin, form: payment.form, period: period, authorizations: authorizations).mayAct {
            facts.entity = try parties.reference.entity(tin: tin)
            facts.module = try parties.reference.module(tin: tin, form: payment.form, period: period)
            facts.paymentsLast24Hours = try PaymentRecord.count(tin: tin, since: Timestamp.iso(context.now.addingTimeInterval(-86_400)),
                                                                in: context.db)
        }
        switch PaymentRules.verdict(payment, facts: facts, today: today) {
        case .rejected(let problems):
            return .rejected(problems)
        case .accepted(let accepted):
            let sequence = try PaymentRecord.nextSequence(in: context.db)
            let record = accepted.record(id: context.ids.next().rawValue, confirmationNumber: ConfirmationNumber.make(sequence: sequence),
                                         requester: context.user.id)
            try record.insert(sequence: sequence, createdAt: Timestamp.iso(context.now), in: context.db)
            let postings = AccountPostings(db: context.db, cause: context.submission.rawValue, now: context.now)
            var outcome = Outcome(status: .accepted)
            if accepted.isSameDay {
                _ = try PaymentRecord.settle(record.id, as: .processed, in: context.db)
                outcome.deliveries = try postings.post(record)
                var processed = record
                processed.status = .processed
                outcome.payment = processed.receipt
            } else {
                outcome.deliveries = try postings.notices(.paymentScheduled, about: record,
                    "Payment \(record.confirmationNumber) of \(record.amount) is scheduled for \(record.date).")
                outcome.payment = record.receipt
            }
            outcome.audit = [(action: "payment." + (outcome.payment?.status.rawValue ?? ""), subject: record.id,
                              detail: ["confirmation": record.confirmationNumber, "amount": record.amount.description,
                                       "date": record.date.description])]
            return outcome
        }
    }
}
