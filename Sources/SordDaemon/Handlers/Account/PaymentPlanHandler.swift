import Foundation
import SordCore
import SordStore

/// `payment-plan` (SPEC 12.5): sets up or revises a short- or long-term plan covering every Form
/// 1040 period that owes, posting TC 971 on each covered module and the user fee (TC 360) on the
/// latest; the scheduler debits a direct-debit plan on its due days (PLAN-001 … PLAN-008).
struct PaymentPlanHandler: DocumentHandler {
    func decide(_ document: Document, context: HandlerContext) throws -> Outcome {
        guard case .paymentPlan(let plan) = document else { return .rejected([]) }
        let parties = AccountParties(context.db)
        guard let requester = try parties.requester(context.user) else { return .rejected([]) }
        let today = try Day(parsing: Timestamp.day(context.now))
        // The plan a revision names, or the taxpayer of a creation.
        let existing: PaymentPlanRecord?
        let tin: TIN?
        switch plan.action {
        case .create(let creation):
            tin = try? TIN(parsing: creation.tin)
            existing = try tin.flatMap { try PaymentPlanRecord.active(tin: $0, in: context.db) }
        case .revise(let revision):
            existing = try PaymentPlanRecord.find(revision.plan, in: context.db)
            tin = existing?.tin
        }
        let authorizations = try tin.map { try parties.reference.activeAuthorizations(tin: $0) } ?? []
        var facts = PaymentPlanRules.Facts(requester: requester, authorizations: authorizations, entity: nil, modules: [], plan: existing)
        // The Master File only for a requester who may act on some Form 1040 period of the taxpayer.
        if let tin, AccountVisibility.access(requester, tin: tin, anyPeriodOf: PlanCoverage.form, authorizations: authorizations).mayAct {
            facts.entity = try parties.reference.entity(tin: tin)
            facts.modules = try parties.reference.modules(tin: tin)
        }
        let postings = AccountPostings(db: context.db, cause: context.submission.rawValue, now: context.now)
        var outcome = Outcome(status: .accepted)
        switch PaymentPlanRules.verdict(plan, facts: facts, today: today) {
        case .rejected(let problems):
            return .rejected(problems)
        case .establish(let decision):
            let record = decision.record(id: context.ids.next().rawValue, requester: context.user.id, on: today)
            try record.insert(in: context.db)
            try postings.store(decision.postings(on: today, modules: facts.modules))
            outcome.plan = PlanReceipt(record, fee: decision.fee)
            outcome.deliveries = try postings.notices(.planEstablished, about: record,
                "Payment plan \(record.id) (\(record.terms.kind.rawValue)) is established; user fee \(decision.fee).")
            outcome.audit = [(action: "payment-plan.established", subject: record.id,
                              detail: ["type": record.terms.kind.rawValue, "fee": decision.fee.description])]
        case .revise(let decision):
            guard let existing else { return .rejected([]) }
            let revised = decision.revising(existing, on: today)
            try revised.update(in: context.db)
            try postings.store(decision.postings(on: today, modules: facts.modules))
            outcome.plan = PlanReceipt(revised, fee: decision.fee)
            outcome.deliveries = try postings.notices(.planRevised, about: revised,
                "Payment plan \(revised.id) is revised (\(revised.terms.kind.rawValue)); revision fee \(decision.fee).")
            outcome.audit = [(action: "payment-plan.revised", subject: revised.id,
                              detail: ["type": revised.terms.kind.rawValue, "fee": decision.fee.description])]
        }
        return outcome
    }
}
