/// The `account-summary` report (SPEC 12.3): for each period shown, the balance with accruals and
/// the payoff as of today, the payments of the last five years, the payments made through sord
/// not yet posted, the plan covering the period, and the audit status.
public struct AccountSummaryReport: AccountReport, Hashable {
    /// A payment posted on the module (TC 430, 610, 670 …).
    public struct PostedPayment: Sendable, Hashable, Encodable {
        /// The posting day, `YYYY-MM-DD`.
        public let date: String
        /// Negative: a credit.
        public let amount: Money
        /// The transaction code.
        public let code: String
        /// The explanation a transcript prints beside the code.
        public let explanation: String
    }

    /// A payment made through sord and not yet posted.
    public struct ScheduledPayment: Sendable, Hashable, Encodable {
        /// Its id.
        public let id: String
        /// The 15-digit confirmation number.
        public let confirmationNumber: String
        /// The day it posts.
        public let date: Day
        /// The amount.
        public let amount: Money
        /// Why it is paid.
        public let reason: PaymentReason
        /// `scheduled` or `cancelled`.
        public let status: PaymentRecord.Status
    }

    /// The plan covering the period.
    public struct Plan: Sendable, Hashable, Encodable {
        /// Its id.
        public let id: String
        /// Long-term or short-term.
        public let type: PaymentPlanKind
        /// Long-term plans.
        public let monthlyPayment: Money?
        /// Long-term plans.
        public let dueDay: Int?
        /// Short-term plans.
        public let payBy: Day?
        /// Long-term plans paid by direct debit; the account masked to its last four.
        public let directDebit: BankAccountView?
        /// `active` or `completed`.
        public let status: PaymentPlanRecord.Status
        /// The day it was set up.
        public let establishedOn: Day
        /// The user fee charged when it was set up.
        public let fee: Money

        init(_ plan: PaymentPlanRecord) {
            id = plan.id
            type = plan.terms.kind
            switch plan.terms {
            case .longTerm(let monthly, let dueDay, let account):
                (monthlyPayment, self.dueDay, payBy, directDebit) = (monthly, dueDay, nil, account.map(BankAccountView.init))
            case .shortTerm(let payBy):
                (monthlyPayment, dueDay, self.payBy, directDebit) = (nil, nil, payBy, nil)
            }
            status = plan.status
            establishedOn = plan.establishedOn
            fee = plan.fee
        }
    }

    /// One period's summary.
    public struct Period: Sendable, Hashable, Encodable {
        /// `YYYY` or `YYYY-MM`.
        public let period: String
        /// The period's last day.
        public let periodEnd: Day
        /// The account balance.
        public let balance: Money
        /// Interest accrued as of the report day.
        public let accruedInterest: Money
        /// Penalty accrued as of the report day.
        public let accruedPenalty: Money
        /// Balance plus accruals, as of the report's day.
        public let payoff: Money
        /// Newest first.
        public let payments: [PostedPayment]
        /// By date.
        public let scheduled: [ScheduledPayment]
        /// The plan covering the period, if any.
        public let plan: Plan?
        /// The examination status.
        public let audit: AuditStatus
    }

    /// The report's name in JSON.
    public let report = "account-summary"
    /// The day balances and accruals are as of.
    public let asOf: Day
    /// The taxpayer as shown.
    public let taxpayer: ReportTaxpayer
    /// The return form.
    public let form: String
    /// One entry per period shown, in submission order.
    public let periods: [Period]

    /// The summary of `entity`'s `form` for the periods shown (`AccountSummaryRules`), with the
    /// payments and plans made through sord for the taxpayer (those of other periods are left
    /// out), on `asOf`. `ownAccount`: the requester is the taxpayer, so nothing is masked.
    public init(entity: EntityRecord, form: String, shown: [(period: TaxPeriod, module: TaxModuleRecord)],
                payments: [PaymentRecord], plans: [PaymentPlanRecord], ownAccount: Bool, asOf: Day) {
        self.asOf = asOf
        self.form = form
        taxpayer = ReportTaxpayer(tin: entity.tin, entity: entity, identity: ownAccount ? .unmasked : .masked)
        periods = shown.map { period, module in
            let posted = PaymentHistory.payments(module, asOf: asOf).map {
                PostedPayment(date: $0.date, amount: $0.amount, code: $0.code, explanation: TransactionCodes.explanation($0.code))
            }
            let scheduled = payments
                .filter { $0.form == form && $0.period == period && $0.status != .processed }
                .sorted { ($0.date, $0.id) < ($1.date, $1.id) }
                .map { ScheduledPayment(id: $0.id, confirmationNumber: $0.confirmationNumber, date: $0.date, amount: $0.amount,
                                        reason: $0.reason, status: $0.status) }
            let plan = plans.filter { $0.covers(form: form, period: period) }
                .max { ($0.status == .active ? 1 : 0, $0.establishedOn) < ($1.status == .active ? 1 : 0, $1.establishedOn) }
            return Period(period: period.description, periodEnd: period.endDay, balance: module.balance,
                          accruedInterest: module.accruedInterest, accruedPenalty: module.accruedPenalty, payoff: module.payoff,
                          payments: posted, scheduled: scheduled, plan: plan.map(Plan.init), audit: AuditStatus(module.transactions))
        }
    }

    public func text() -> String { ReportTextRenderer.render(self) }
}
