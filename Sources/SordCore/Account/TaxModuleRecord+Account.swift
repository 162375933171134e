extension TaxModuleRecord {
    /// What it takes to pay the module off today: balance plus accrued interest plus accrued
    /// penalty, each as of today (SPEC 12.3; DOMAIN.md "Balances and payments"). Zero or less
    /// means nothing is owed.
    public var payoff: Money { balance + accruedInterest + accruedPenalty }

    /// The module's period, or nil when the stored text is not `YYYY` or `YYYY-MM`.
    public var taxPeriod: TaxPeriod? { try? TaxPeriod(parsing: period) }

    /// Orders modules by period, oldest first (a module whose period does not parse comes first).
    public static func byPeriod(_ a: TaxModuleRecord, _ b: TaxModuleRecord) -> Bool {
        switch (a.taxPeriod, b.taxPeriod) {
        case let (x?, y?): x < y
        case (nil, _?): true
        default: false
        }
    }

    /// Whether this is the module of `form` (as written) and `period` (compared as periods).
    public func isModule(form: String, period: TaxPeriod) -> Bool {
        self.form == form && taxPeriod == period
    }

    /// The module with one more transaction posted on `day` (its posting cycle computed) and the
    /// balance changed by `amount`: negative for a payment (a credit), positive for a fee, zero
    /// for a miscellaneous action.
    public func posting(_ code: String, on day: Day, amount: Money, actionCode: TransactionCodes.ActionCode? = nil) -> TaxModuleRecord {
        var module = self
        module.transactions.append(AccountTransaction(code: code, date: day.description, cycle: day.postingCycle, amount: amount,
                                                      actionCode: actionCode?.rawValue))
        module.balance = balance + amount
        return module
    }
}
