/// The rules of a `payment` (SPEC 12.4): PAY-001 … PAY-007, with ID-001, ID-004 and ACC-003.
///
/// Authorization before existence: the checks on the document's own values (TIN, individual,
/// name-control shape, period and reason window, amount, date, bank account) always run; the
/// 2848 or own-TIN check (PAY-001) needs only the authorizations; the Master File (the name
/// control's match, the module a balance payment needs, the entity) and the 24-hour count are
/// consulted only for a requester who may pay, so PAY-001 reads the same whether or not the
/// taxpayer exists.
public enum PaymentRules {
    /// The highest amount one payment may have: 9,999,999.99 (PAY-003).
    public static let maxAmount = Money(cents: 999_999_999)
    /// How many payments one taxpayer may receive within 24 hours (PAY-005).
    public static let maxPaymentsPer24Hours = 2
    /// How far ahead a payment may be scheduled, in days (PAY-004).
    public static let maxDaysAhead = 365

    /// What the rules need besides the document.
    public struct Facts: Sendable {
        /// Who asks.
        public var requester: AccountRequester
        /// Active authorizations of the taxpayer naming the requester's CAF number (more may be
        /// passed; `AccountVisibility` keeps the ones that count).
        public var authorizations: [CAFAuthorizationRecord]
        /// The Master File entity under the TIN, when on file.
        public var entity: EntityRecord?
        /// The module of the payment's form and period, when on file.
        public var module: TaxModuleRecord?
        /// Payments made through sord for this taxpayer in the 24 hours before this one, not
        /// counting cancelled ones (PAY-005).
        public var paymentsLast24Hours: Int

        public init(requester: AccountRequester, authorizations: [CAFAuthorizationRecord], entity: EntityRecord?,
                    module: TaxModuleRecord?, paymentsLast24Hours: Int) {
            self.requester = requester
            self.authorizations = authorizations
            self.entity = entity
            self.module = module
            self.paymentsLast24Hours = paymentsLast24Hours
        }
    }

    /// A payment that passed every rule, typed, ready to be recorded under an id and a
    /// confirmation number (`record`).
    public struct AcceptedPayment: Sendable, Hashable {
        /// The taxpayer's TIN.
        public let tin: TIN
        /// The return form, e.g. `1040`.
        public let form: String
        /// The tax period.
        public let period: TaxPeriod
        /// Why it is paid.
        public let reason: PaymentReason
        /// Above zero, at most 9,999,999.99.
        public let amount: Money
        /// The day it posts: today for a same-day payment.
        public let date: Day
        /// The account debited.
        public let bankAccount: BankAccount
        /// True when it posts today (`processed` at once), false for a later date (`scheduled`).
        public let isSameDay: Bool

        /// The payment as the store keeps it.
        public func record(id: String, confirmationNumber: String, requester: String) -> PaymentRecord {
            PaymentRecord(id: id, confirmationNumber: confirmationNumber, requester: requester, tin: tin, form: form,
                          period: period, reason: reason, amount: amount, date: date, bankAccount: bankAccount,
                          status: isSameDay ? .processed : .scheduled)
        }
    }

    /// The verdict on a payment.
    public enum Verdict: Sendable, Hashable {
        /// Every rule passed.
        case accepted(AcceptedPayment)
        /// Every problem found.
        case rejected([Problem])
    }

    /// The verdict on `payment` submitted on `today`.
    public static func verdict(_ payment: Payment, facts: Facts, today: Day) -> Verdict {
        var problems: [Problem] = []
        let tin = SubmittedFields.individualTIN(payment.tin, path: "$.tin", &problems)
        let nameControl = AccountNameControl.parse(payment.nameControl, &problems)
        let period = try? TaxPeriod(parsing: payment.period)
        let amount = amount(payment.amount, path: "$.amount", &problems)
        let date = date(payment.date, today: today, &problems)
        let bankAccount = BankAccount.parse(payment.bankAccount, path: "$.bankAccount", &problems)
        let postsOn = payment.date == nil ? today : date
        if let refusal = PaymentReasonRules.refusal(payment.reason, form: payment.form, period: period, on: postsOn) {
            problems.append(Problem(.pay007, refusal, path: "$.period"))
        }

        guard let tin, let period else { return .rejected(problems) }
        let access = AccountVisibility.access(facts.requester, tin: tin, form: payment.form, period: period,
                                              authorizations: facts.authorizations)
        guard access.mayAct else {
            return .rejected(problems + [noAuthority(facts.requester, covering: "form \(payment.form) and period \(period)", path: "$.period")])
        }
        problems += recordProblems(payment, facts: facts, nameControl: nameControl)
        guard problems.isEmpty, let amount, let postsOn, let bankAccount else { return .rejected(problems) }
        return .accepted(AcceptedPayment(tin: tin, form: payment.form, period: period, reason: payment.reason, amount: amount,
                                         date: postsOn, bankAccount: bankAccount, isSameDay: postsOn == today))
    }

    /// PAY-001 for a requester who may not pay for this taxpayer's `covering` (a form and period, or
    /// the periods a plan covers): a taxpayer only for their own TIN, a practitioner under a 2848.
    static func noAuthority(_ requester: AccountRequester, covering: String, path: String? = nil) -> Problem {
        Problem(.pay001, requester.isTaxpayer
            ? "You may pay and plan only for your own TIN."
            : "No active Form 2848 on the CAF names your CAF number for this taxpayer's \(covering); an 8821 lets you see, not pay.",
            path: path)
    }

    /// PAY-003: the amount is a positive decimal with exactly two places, at most 9,999,999.99.
    static func amount(_ text: String, path: String, _ problems: inout [Problem]) -> Money? {
        let fraction = text.split(separator: ".", omittingEmptySubsequences: false)
        guard let money = Money(text), fraction.count == 2, fraction[1].utf8.count == 2 else {
            problems.append(Problem(.pay003, "The amount must be a decimal string with two places, e.g. \"1250.00\".", path: path))
            return nil
        }
        guard money > .zero, money <= maxAmount else {
            problems.append(Problem(.pay003, "The amount must be above 0.00 and at most 9999999.99.", path: path))
            return nil
        }
        return money
    }

    /// ID-004 / PAY-004: the payment date, from today up to 365 days ahead; nil when absent (a
    /// same-day payment) or after a problem.
    private static func date(_ text: String?, today: Day, _ problems: inout [Problem]) -> Day? {
        guard let text, let day = SubmittedFields.day(text, path: "$.date", &problems) else { return nil }
        guard day >= today, today.days(until: day) <= maxDaysAhead else {
            problems.append(Problem(.pay004, "The payment date must be from \(today) to \(today.adding(days: maxDaysAhead)); leave it out for a same-day payment.",
                                    path: "$.date"))
            return nil
        }
        return day
    }

    /// The checks against the Master File and the recent payments, for a requester who may pay.
    private static func recordProblems(_ payment: Payment, facts: Facts, nameControl: NameControl?) -> [Problem] {
        guard let entity = facts.entity else {
            return [Problem(.acc006, "There is no Master File account for this TIN.", path: "$.tin")]
        }
        var problems: [Problem] = []
        if let nameControl, let mismatch = AccountNameControl.mismatch(nameControl, entity: entity) { problems.append(mismatch) }
        if PaymentReasonRules.needsModule(payment.reason), facts.module == nil {
            problems.append(Problem(.pay007, "A \(payment.reason.rawValue) payment needs an account on file for form \(payment.form), period \(payment.period); there is none.",
                                    path: "$.period"))
        }
        if facts.paymentsLast24Hours >= maxPaymentsPer24Hours {
            problems.append(Problem(.pay005, "This taxpayer already received \(facts.paymentsLast24Hours) payments in the last 24 hours; at most \(maxPaymentsPer24Hours) are taken."))
        }
        return problems
    }
}
