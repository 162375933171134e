/// The rules of a `payment-plan` (SPEC 12.5): PLAN-001 … PLAN-008 with PAY-001, PAY-002, PAY-003
/// (a monthly payment written wrong), PAY-006 (the direct-debit account), ID-001, ID-004 and
/// ACC-003 (name control); DOMAIN.md "Payment plans" for the limits.
///
/// Authorization before existence: a creation first checks that the requester may act on some
/// Form 1040 period of the taxpayer (a 2848 naming their CAF number, or their own TIN) using the
/// authorizations alone; only then are the Master File modules read, to find the periods the plan
/// covers, each of which needs a 2848 too (PAY-001). A revision first checks the plan itself
/// (PLAN-007, one message whatever the reason).
public enum PaymentPlanRules {
    /// A short-term plan needs less than this owed (PLAN-002).
    public static let shortTermLimit = Money(cents: 10_000_000)
    /// A long-term plan needs at most this owed (PLAN-002).
    public static let longTermLimit = Money(cents: 5_000_000)
    /// A long-term plan owing more than this needs direct debit (PLAN-003).
    public static let directDebitThreshold = Money(cents: 2_500_000)
    /// A long-term plan pays the amount owed within this many months (PLAN-004).
    public static let longTermMonths = 72
    /// A short-term plan pays everything within this many days (PLAN-004).
    public static let shortTermDays = 180
    /// How many tax years before this one must have their Form 1040 filed (PLAN-001).
    public static let requiredReturnYears = 6
    /// The days of the month a payment may be due on (PLAN-005).
    public static let dueDays = 1...28

    /// What the rules need besides the document.
    public struct Facts: Sendable {
        /// Who asks.
        public var requester: AccountRequester
        /// Active authorizations of the taxpayer naming the requester's CAF number (more may be
        /// passed; `AccountVisibility` keeps the ones that count).
        public var authorizations: [CAFAuthorizationRecord]
        /// The Master File entity under the TIN, when on file (name control).
        public var entity: EntityRecord?
        /// Every Master File module of the taxpayer (only Form 1040 ones count).
        public var modules: [TaxModuleRecord]
        /// The plan the document is about: for a creation, the taxpayer's active plan if any
        /// (PLAN-008); for a revision, the plan with the named id if any (PLAN-007).
        public var plan: PaymentPlanRecord?

        public init(requester: AccountRequester, authorizations: [CAFAuthorizationRecord], entity: EntityRecord?,
                    modules: [TaxModuleRecord], plan: PaymentPlanRecord?) {
            self.requester = requester
            self.authorizations = authorizations
            self.entity = entity
            self.modules = modules
            self.plan = plan
        }
    }

    /// A plan that passed every rule: what to record and post.
    public struct Decision: Sendable, Hashable {
        /// The taxpayer's TIN.
        public let tin: TIN
        /// The terms, typed and checked.
        public let terms: PaymentPlanTerms
        /// The covered Form 1040 periods, oldest first.
        public let periods: [TaxPeriod]
        /// The amount owed on them when decided (before the fee).
        public let owed: Money
        /// The user fee this step charges (`PlanFees`): set-up or revision.
        public let fee: Money

        /// The new plan, set up on `day` by `requester`.
        public func record(id: String, requester: String, on day: Day) -> PaymentPlanRecord {
            PaymentPlanRecord(id: id, requester: requester, tin: tin, terms: terms, periods: periods, status: .active,
                              establishedOn: day, fee: fee, scheduleStart: day)
        }

        /// `plan` after this revision on `day`: new terms and covered periods; the direct-debit
        /// schedule starts again when the due day or the account changed.
        public func revising(_ plan: PaymentPlanRecord, on day: Day) -> PaymentPlanRecord {
            var revised = plan
            revised.terms = terms
            revised.periods = periods
            if Self.debitKey(plan.terms) != Self.debitKey(terms) { revised.scheduleStart = day }
            return revised
        }

        /// The covered modules (among the taxpayer's) with the TC 971 and the fee posted on `day`.
        public func postings(on day: Day, modules: [TaxModuleRecord]) -> [TaxModuleRecord] {
            let covered = PlanCoverage.modules(modules).filter { module in periods.contains { module.isModule(form: PlanCoverage.form, period: $0) } }
            return PlanPostings.establish(terms.kind, fee: fee, on: day, modules: covered)
        }

        private static func debitKey(_ terms: PaymentPlanTerms) -> [String] {
            guard case .longTerm(_, let dueDay, let account) = terms else { return [] }
            return [String(dueDay), account?.routingNumber.digits ?? "", account?.accountNumber ?? ""]
        }
    }

    /// The verdict on a plan document.
    public enum Verdict: Sendable, Hashable {
        /// A creation passed: set the plan up.
        case establish(Decision)
        /// A revision passed: revise the plan.
        case revise(Decision)
        /// Every problem found.
        case rejected([Problem])
    }

    /// The lowest monthly payment of a long-term plan: the amount owed ÷ 72, rounded up to the cent.
    public static func minimumMonthlyPayment(owed: Money) -> Money {
        let months = Int64(longTermMonths)
        return Money(cents: owed.cents <= 0 ? 0 : (owed.cents + months - 1) / months)
    }

    /// The verdict on `document` on `today`.
    public static func verdict(_ document: PaymentPlan, facts: Facts, today: Day) -> Verdict {
        switch document.action {
        case .create(let creation): create(creation, facts: facts, today: today)
        case .revise(let revision): revise(revision, facts: facts, today: today)
        }
    }

    // MARK: Creation

    private static func create(_ creation: PaymentPlan.Creation, facts: Facts, today: Day) -> Verdict {
        var problems: [Problem] = []
        let tin = SubmittedFields.individualTIN(creation.tin, path: "$.tin", &problems)
        let nameControl = AccountNameControl.parse(creation.nameControl, &problems)
        let terms = terms(creation.kind, creation.terms, keeping: nil, &problems)
        guard let tin else { return .rejected(problems) }
        guard AccountVisibility.access(facts.requester, tin: tin, anyPeriodOf: PlanCoverage.form,
                                       authorizations: facts.authorizations).mayAct else {
            return .rejected(problems + [PaymentRules.noAuthority(facts.requester, covering: "Form 1040")])
        }
        if let entity = facts.entity, let nameControl, let mismatch = AccountNameControl.mismatch(nameControl, entity: entity) {
            problems.append(mismatch)
        }
        let missing = facts.modules.filter {
            $0.form == PlanCoverage.form && !$0.returnFiled
                && ((today.year - requiredReturnYears)...(today.year - 1)).contains($0.taxPeriod?.year ?? 0)
        }
        if !missing.isEmpty {
            let years = missing.compactMap(\.taxPeriod).sorted().map(\.description).joined(separator: ", ")
            problems.append(Problem(.plan001, "No Form 1040 return is on file for \(years); file it before asking for a plan."))
        }
        if facts.plan?.status == .active {
            problems.append(Problem(.plan008, "This taxpayer already has an active plan; revise it instead."))
        }
        return decide(tin: tin, terms: terms, facts: facts, today: today, problems: problems) { decision in
            .establish(Decision(tin: tin, terms: decision.terms, periods: decision.periods, owed: decision.owed,
                                fee: PlanFees.setup(decision.terms)))
        }
    }

    // MARK: Revision

    private static func revise(_ revision: PaymentPlan.Revision, facts: Facts, today: Day) -> Verdict {
        guard let plan = facts.plan, plan.status == .active,
              facts.requester.mayChange(createdBy: plan.requester, tin: plan.tin.description) else {
            return .rejected([Problem(.plan007, "There is no active plan with this id that you may change.", path: "$.plan")])
        }
        var problems: [Problem] = []
        let terms = terms(revision.kind ?? plan.terms.kind, revision.terms, keeping: plan.terms, &problems)
        return decide(tin: plan.tin, terms: terms, facts: facts, today: today, problems: problems) { decision in
            .revise(Decision(tin: plan.tin, terms: decision.terms, periods: decision.periods, owed: decision.owed,
                             fee: PlanFees.revision(from: plan.terms, to: decision.terms)))
        }
    }

    // MARK: Shared

    /// The terms and covered periods of a plan that passed, before its fee is known.
    private struct Draft {
        let terms: PaymentPlanTerms
        let periods: [TaxPeriod]
        let owed: Money
    }

    /// The checks that need the covered modules (PLAN-006, PAY-001 per period, PLAN-002 … 004),
    /// then the verdict.
    private static func decide(tin: TIN, terms: PaymentPlanTerms?, facts: Facts, today: Day, problems: [Problem],
                               verdict: (Draft) -> Verdict) -> Verdict {
        var problems = problems
        let covered = PlanCoverage.modules(facts.modules.filter { (try? TIN(parsing: $0.tin)) == tin })
        let periods = covered.compactMap(\.taxPeriod)
        guard !covered.isEmpty else {
            return .rejected(problems + [Problem(.plan006, "No Form 1040 period of this taxpayer has a payoff above zero.")])
        }
        let unauthorized = periods.filter {
            !AccountVisibility.access(facts.requester, tin: tin, form: PlanCoverage.form, period: $0,
                                      authorizations: facts.authorizations).mayAct
        }
        if !unauthorized.isEmpty {
            let periods = unauthorized.map(\.description).joined(separator: ", ")
            problems.append(PaymentRules.noAuthority(facts.requester, covering: "Form 1040 \(periods) (a plan covers every period that owes)"))
        }
        let owed = PlanCoverage.owed(covered)
        if let terms { problems += limitProblems(terms, owed: owed, today: today) }
        guard problems.isEmpty, let terms else { return .rejected(problems) }
        return verdict(Draft(terms: terms, periods: periods, owed: owed))
    }

    /// PLAN-002 … PLAN-004 for `terms` and the amount owed.
    static func limitProblems(_ terms: PaymentPlanTerms, owed: Money, today: Day) -> [Problem] {
        var problems: [Problem] = []
        let shown = TranscriptTextFormat.amount
        switch terms {
        case .shortTerm(let payBy):
            if owed >= shortTermLimit {
                problems.append(Problem(.plan002, "\(shown(owed)) is owed; a short-term plan takes less than \(shown(shortTermLimit))."))
            }
            if payBy < today || today.days(until: payBy) > shortTermDays {
                problems.append(Problem(.plan004, "payBy must be from \(today) to \(today.adding(days: shortTermDays)).", path: "$.payBy"))
            }
        case .longTerm(let monthly, _, let account):
            if owed > longTermLimit {
                problems.append(Problem(.plan002, "\(shown(owed)) is owed; a long-term plan takes at most \(shown(longTermLimit))."))
            }
            if owed > directDebitThreshold, account == nil {
                problems.append(Problem(.plan003, "\(shown(owed)) is owed; over \(shown(directDebitThreshold)) a long-term plan is paid by direct debit.",
                                        path: "$.directDebit"))
            }
            let minimum = minimumMonthlyPayment(owed: owed)
            if monthly < minimum {
                problems.append(Problem(.plan004, "\(shown(owed)) over \(longTermMonths) months needs a monthly payment of at least \(shown(minimum)).",
                                        path: "$.monthlyPayment"))
            }
        }
        return problems
    }

    /// The typed terms of a plan of `kind` from the submitted fields, each field the document
    /// leaves out taken from `old` (a revision keeps what it does not change; fields of the other
    /// plan type are dropped when the type changes). Reports PAY-003, ID-004, PLAN-005, PAY-006
    /// and, for a revision, SUB-005 for a field the resulting type needs and lacks or does not take.
    private static func terms(_ kind: PaymentPlanKind, _ given: PaymentPlan.Terms, keeping old: PaymentPlanTerms?,
                              _ problems: inout [Problem]) -> PaymentPlanTerms? {
        func refuse(_ key: String, present: Bool) {
            if present { problems.append(Problem(.sub005, "a \(kind.rawValue) plan has no \"\(key)\"", path: "$.\(key)")) }
        }
        func need(_ key: String, present: Bool) -> Bool {
            if !present { problems.append(Problem(.sub005, "a \(kind.rawValue) plan needs \"\(key)\"", path: "$.\(key)")) }
            return present
        }
        switch kind {
        case .shortTerm:
            refuse("monthlyPayment", present: given.monthlyPayment != nil)
            refuse("dueDay", present: given.dueDay != nil)
            refuse("directDebit", present: given.directDebit != nil)
            var keptPayBy: Day?
            if case .shortTerm(let payBy)? = old { keptPayBy = payBy }
            guard need("payBy", present: given.payBy != nil || keptPayBy != nil) else { return nil }
            let payBy = given.payBy.map { SubmittedFields.day($0, path: "$.payBy", &problems) } ?? keptPayBy
            return payBy.map(PaymentPlanTerms.shortTerm)
        case .longTerm:
            refuse("payBy", present: given.payBy != nil)
            var kept: (monthly: Money, dueDay: Int, account: BankAccount?)?
            if case .longTerm(let monthly, let dueDay, let account)? = old { kept = (monthly, dueDay, account) }
            let hasMonthly = need("monthlyPayment", present: given.monthlyPayment != nil || kept != nil)
            let hasDueDay = need("dueDay", present: given.dueDay != nil || kept != nil)
            let monthly = given.monthlyPayment.map { PaymentRules.amount($0, path: "$.monthlyPayment", &problems) } ?? kept?.monthly
            let dueDay = given.dueDay ?? kept?.dueDay
            if let day = given.dueDay, !dueDays.contains(day) {
                problems.append(Problem(.plan005, "The due day must be a day of the month from 1 to 28.", path: "$.dueDay"))
            }
            let account = given.directDebit.map { BankAccount.parse($0, path: "$.directDebit", &problems) } ?? kept?.account
            guard hasMonthly, hasDueDay, let monthly, let dueDay, dueDays.contains(dueDay),
                  given.directDebit == nil || account != nil else { return nil }
            return .longTerm(monthlyPayment: monthly, dueDay: dueDay, directDebit: account)
        }
    }
}
