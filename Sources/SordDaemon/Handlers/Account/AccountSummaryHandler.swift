import Foundation
import SordCore
import SordStore

/// `account-summary` (SPEC 12.3): for each period the requester may see, balance, accruals,
/// payoff, five years of payments, scheduled payments, the plan and the audit status, as a
/// `report`; the other periods rejected on their own (ACC-003 … ACC-006). Authorization before
/// existence: the Master File is read only once a period is visible.
struct AccountSummaryHandler: DocumentHandler {
    func decide(_ document: Document, context: HandlerContext) throws -> Outcome {
        guard case .accountSummary(let summary) = document else { return .rejected([]) }
        let parties = AccountParties(context.db)
        guard let requester = try parties.requester(context.user) else { return .rejected([]) }
        let today = try Day(parsing: Timestamp.day(context.now))
        let tin = try? TIN(parsing: summary.tin)
        var facts = AccountSummaryRules.Facts(requester: requester, standing: try parties.standing(of: context.user),
                                              authorizations: try tin.map { try parties.reference.activeAuthorizations(tin: $0) } ?? [],
                                              entity: nil, modules: [])
        // The Master File only for a requester who may see some period of this form.
        if let tin, AccountVisibility.access(requester, tin: tin, anyPeriodOf: summary.form, authorizations: facts.authorizations).maySee {
            facts.entity = try parties.reference.entity(tin: tin)
            facts.modules = try parties.reference.modules(tin: tin).filter { $0.form == summary.form }
        }
        switch AccountSummaryRules.verdict(summary, facts: facts, today: today) {
        case .rejected(let problems):
            return .rejected(problems)
        case .answered(let entity, let outcomes):
            let shown = outcomes.compactMap { outcome -> (period: TaxPeriod, module: TaxModuleRecord)? in
                if case .shown(let period, let module) = outcome { return (period, module) }
                return nil
            }
            let taxpayer = try TIN(parsing: entity.tin)
            let report = AccountSummaryReport(entity: entity, form: summary.form, shown: shown,
                                              payments: try PaymentRecord.unposted(tin: taxpayer, in: context.db),
                                              plans: try PaymentPlanRecord.all(tin: taxpayer, in: context.db),
                                              ownAccount: requester.isTaxpayer, asOf: today)
            let problems = outcomes.flatMap(\.problems)
            return try Outcome.answered(with: report, format: summary.format, to: context.user.userID,
                                        status: problems.isEmpty ? .accepted : .partial, errors: problems)
        }
    }
}
