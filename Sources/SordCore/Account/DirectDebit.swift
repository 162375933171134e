/// One direct debit of a long-term plan (SPEC 12.5): the monthly payment, or what is left when
/// less is owed, posts as TC 670 to the earliest covered period still owing. When it is more than
/// that period's payoff, the rest posts to the next period owing, and so on, so no period is paid
/// past zero while another still owes. When nothing is owed afterwards, the plan is completed.
public enum DirectDebit {
    /// What one debit did.
    public struct Outcome: Sendable, Hashable {
        /// The covered modules after the debit, in the order given.
        public let modules: [TaxModuleRecord]
        /// The amount debited (zero when nothing was owed).
        public let amount: Money
        /// True when nothing is owed on the covered modules any more.
        public let completesPlan: Bool
    }

    /// The debit of `monthlyPayment` on `day` against the plan's covered `modules`.
    public static func debit(monthlyPayment: Money, on day: Day, modules: [TaxModuleRecord]) -> Outcome {
        let owed = PlanCoverage.owed(modules)
        let amount = min(monthlyPayment, owed)
        var left = amount
        var posted = modules
        let order = posted.indices.sorted { TaxModuleRecord.byPeriod(posted[$0], posted[$1]) }
        for index in order where left > .zero && posted[index].payoff > .zero {
            let part = min(left, posted[index].payoff)
            posted[index] = posted[index].posting(TransactionCodes.payment, on: day, amount: -part)
            left = left - part
        }
        return Outcome(modules: posted, amount: amount, completesPlan: owed - amount <= .zero)
    }
}
