/// What a payment plan covers (SPEC 12.5): every Form 1040 period of the taxpayer whose payoff
/// (balance plus accruals, `TaxModuleRecord.payoff`) is above zero, and what is owed on them.
public enum PlanCoverage {
    /// The form plans are for.
    public static let form = "1040"

    /// The modules a plan covers among `modules` (any of the taxpayer's), oldest period first.
    public static func modules(_ modules: [TaxModuleRecord]) -> [TaxModuleRecord] {
        modules.filter { $0.form == form && $0.payoff > .zero && $0.taxPeriod != nil }.sorted(by: TaxModuleRecord.byPeriod)
    }

    /// The amount owed on the modules: the sum of their payoffs above zero.
    public static func owed(_ modules: [TaxModuleRecord]) -> Money {
        modules.reduce(.zero) { $0 + max($1.payoff, .zero) }
    }
}
