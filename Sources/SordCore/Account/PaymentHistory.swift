/// The payments an account summary lists (SPEC 12.3 `payments`): transactions with a payment code
/// (`TransactionCodes.payments`: TC 430, 610, 670 and the like) posted in the last five years,
/// newest first (DOMAIN.md "Balances and payments": five years of history).
public enum PaymentHistory {
    /// How many years back the history reaches.
    public static let years = 5

    /// The module's payments posted from `today` five years back (the same day five years ago
    /// included) through `today`, newest first; transactions of the same day keep their order.
    public static func payments(_ module: TaxModuleRecord, asOf today: Day) -> [AccountTransaction] {
        let first = today.adding(years: -years)
        return module.transactions.enumerated()
            .filter { entry in
                guard TransactionCodes.payments.contains(entry.element.code), let day = try? Day(parsing: entry.element.date) else {
                    return false
                }
                return first <= day && day <= today
            }
            .sorted { ($0.element.date, -$0.offset) > ($1.element.date, -$1.offset) }
            .map(\.element)
    }
}
