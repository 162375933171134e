/// The terms of a payment plan (SPEC 12.5), typed: a long-term plan pays a monthly amount on a due
/// day (1–28), by direct debit or not; a short-term plan pays everything by a date.
public enum PaymentPlanTerms: Sendable, Hashable {
    /// Monthly payments on a due day (1–28), by direct debit or not.
    case longTerm(monthlyPayment: Money, dueDay: Int, directDebit: BankAccount?)
    /// Everything paid by `payBy`.
    case shortTerm(payBy: Day)

    /// The plan type.
    public var kind: PaymentPlanKind {
        switch self {
        case .longTerm: .longTerm
        case .shortTerm: .shortTerm
        }
    }

    /// The account debited on each due day, for a long-term plan with direct debit.
    public var directDebit: BankAccount? {
        if case .longTerm(_, _, let account) = self { return account }
        return nil
    }
}
