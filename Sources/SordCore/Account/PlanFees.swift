/// The user fees of an online payment plan (SPEC 12.5; DOMAIN.md, IRS fees since 1 July 2024;
/// low-income reductions not modelled), posted as TC 360 on the latest covered module.
public enum PlanFees {
    /// Long-term plan paid by direct debit.
    public static let longTermDirectDebit = Money(cents: 2_200)
    /// Long-term plan paid otherwise.
    public static let longTerm = Money(cents: 6_900)
    /// Short-term plan.
    public static let shortTerm = Money.zero
    /// A revision, unless the plan is or becomes direct debit.
    public static let revision = Money(cents: 1_000)

    /// The fee for setting up a plan on `terms`.
    public static func setup(_ terms: PaymentPlanTerms) -> Money {
        switch terms {
        case .longTerm(_, _, let account): account == nil ? longTerm : longTermDirectDebit
        case .shortTerm: shortTerm
        }
    }

    /// The fee for revising a plan from `old` to `new` terms: 0.00 when either is direct debit.
    public static func revision(from old: PaymentPlanTerms, to new: PaymentPlanTerms) -> Money {
        old.directDebit != nil || new.directDebit != nil ? .zero : revision
    }
}
