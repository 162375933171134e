/// A payment plan set up through sord (SPEC 12.5): what the store keeps from an accepted
/// `payment-plan`, what the scheduler debits, and what an account summary shows under `plan` for
/// each period it covers.
public struct PaymentPlanRecord: Sendable, Hashable {
    /// Where the plan stands.
    public enum Status: String, Sendable, Hashable, CaseIterable, Codable {
        /// In force.
        case active
        /// Nothing is owed any more on the periods it covers.
        case completed
    }

    /// Its id.
    public var id: String
    /// The user who set it up.
    public var requester: String
    /// The taxpayer's TIN.
    public var tin: TIN
    /// The plan terms.
    public var terms: PaymentPlanTerms
    /// The Form 1040 periods it covers: those with a payoff above zero when it was set up or last
    /// revised, oldest first.
    public var periods: [TaxPeriod]
    /// Where it stands.
    public var status: Status
    /// The day it was set up.
    public var establishedOn: Day
    /// The user fee charged when it was set up (`PlanFees.setup`); a revision's fee posts on the
    /// module but does not change this.
    public var fee: Money
    /// The day direct debits count from: the establishment, or the revision that last changed the
    /// due day or the direct debit (`DirectDebitSchedule`).
    public var scheduleStart: Day
    /// The day of the last direct debit posted, if any.
    public var lastDebitOn: Day?

    public init(id: String, requester: String, tin: TIN, terms: PaymentPlanTerms, periods: [TaxPeriod], status: Status,
                establishedOn: Day, fee: Money, scheduleStart: Day, lastDebitOn: Day? = nil) {
        self.id = id
        self.requester = requester
        self.tin = tin
        self.terms = terms
        self.periods = periods
        self.status = status
        self.establishedOn = establishedOn
        self.fee = fee
        self.scheduleStart = scheduleStart
        self.lastDebitOn = lastDebitOn
    }

    /// Whether the plan covers the Form 1040 `period`.
    public func covers(form: String, period: TaxPeriod) -> Bool {
        form == PlanCoverage.form && periods.contains(period)
    }

    /// The direct debits due after the last one posted, up to and including `today`, in date
    /// order: none for a plan that is not active, is short-term or has no direct debit.
    public func dueDebits(through today: Day) -> [Day] {
        guard status == .active, case .longTerm(_, let dueDay, _?) = terms else { return [] }
        return DirectDebitSchedule.dueDays(from: scheduleStart, dueDay: dueDay, after: lastDebitOn, through: today)
    }
}
