extension TaxModuleRecord {
    /// What it takes to pay the module off today: balance plus accrued interest plus accrued
    /// penalty, each as of today (SPEC 12.3; DOMAIN.md "Balances and payments"). Zero or less
    /// means nothing is owed.
    public var payoff: Money { balance + accruedInterest + accruedPenalty }

    /// The module's period, or nil when the stored text is not `YYYY` or `YYYY-MM`.
    public var taxPeriod: TaxPeriod? { try? TaxPeriod(parsing: period) }

    /// Whether this is the module of `form` (as written) and `period` (compared as periods).
    public func isModule(form: String, period: TaxPeriod) -> Bool {
        self.form == form && taxPeriod == period
    }
}
