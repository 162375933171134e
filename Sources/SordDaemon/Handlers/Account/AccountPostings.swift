import Foundation
import SordCore
import SordStore

/// Postings to the Master File made through sord — a payment on its date, a plan's set-up and
/// each direct debit — with the notices they send (SPEC 12.4, 12.5). Used by the handlers for what
/// happens at once and by the scheduler for what falls due later, so both post the same way.
struct AccountPostings {
    let db: any SQLSession
    let cause: String
    let now: Date

    var reference: ReferenceData { ReferenceData(db) }

    /// Posts `payment` (TC 670 or 430) to its module, creating the module when there is none, and
    /// marks it processed; returns the notices.
    func post(_ payment: PaymentRecord) throws -> [PlannedDelivery] {
        let module = try reference.module(tin: payment.tin, form: payment.form, period: payment.period)
        try reference.upsert(PaymentPosting.post(payment, to: module))
        var processed = payment
        processed.status = .processed
        return try notices(.paymentPosted, about: processed,
                           "Payment \(payment.confirmationNumber) of \(payment.amount) posted to form \(payment.form), period \(payment.period).")
    }

    /// The notices of a payment event, to the practitioner who made it and the taxpayer's online
    /// account.
    func notices(_ event: AccountNotification.Event, about payment: PaymentRecord, _ message: String) throws -> [PlannedDelivery] {
        var notice = AccountNotification(event, message, cause: cause, at: now)
        notice.taxpayer = Masking.tin(payment.tin)
        notice.form = payment.form
        notice.period = payment.period.description
        notice.payment = payment.receipt
        return try AccountParties(db).noticeRecipients(tin: payment.tin, requester: payment.requester).map(notice.delivery(to:))
    }

    /// The notices of a plan event.
    func notices(_ event: AccountNotification.Event, about plan: PaymentPlanRecord, amount: Money? = nil,
                 _ message: String) throws -> [PlannedDelivery] {
        var notice = AccountNotification(event, message, cause: cause, at: now)
        notice.taxpayer = Masking.tin(plan.tin)
        notice.form = "1040"
        notice.plan = plan.id
        notice.amount = amount
        return try AccountParties(db).noticeRecipients(tin: plan.tin, requester: plan.requester).map(notice.delivery(to:))
    }

    /// Stores modules changed by a plan's postings.
    func store(_ modules: [TaxModuleRecord]) throws {
        for module in modules { try reference.upsert(module) }
    }

    /// The taxpayer's Form 1040 modules the plan covers.
    func coveredModules(_ plan: PaymentPlanRecord) throws -> [TaxModuleRecord] {
        try reference.modules(tin: plan.tin).filter { module in plan.periods.contains { module.isModule(form: "1040", period: $0) } }
            .sorted(by: TaxModuleRecord.byPeriod)
    }

    /// The direct debit of `plan` due on `day`, once: posts the monthly payment (or what is left),
    /// records the day, completes the plan when nothing is owed; nil when that day was done already.
    func debit(_ plan: PaymentPlanRecord, on day: Day) throws -> [PlannedDelivery]? {
        guard case .longTerm(let monthly, _, _) = plan.terms,
              try PaymentPlanRecord.recordDebit(plan.id, on: day, in: db) else { return nil }
        let outcome = DirectDebit.debit(monthlyPayment: monthly, on: day, modules: try coveredModules(plan))
        try store(outcome.modules)
        var deliveries: [PlannedDelivery] = []
        if outcome.amount > .zero {
            deliveries += try notices(.planDebited, about: plan, amount: outcome.amount,
                                      "The direct debit of \(outcome.amount) for payment plan \(plan.id) posted on \(day).")
        }
        if outcome.completesPlan {
            var completed = plan
            completed.status = .completed
            completed.lastDebitOn = day
            try completed.update(in: db)
            deliveries += try notices(.planCompleted, about: completed, "Payment plan \(plan.id) is completed: nothing is owed on the periods it covers.")
        }
        return deliveries
    }
}
