/// A bank account as a document writes it (`bankAccount` of a payment, `directDebit` of a plan):
/// `{"routingNumber","accountNumber","accountType"}`, strings kept as submitted. `BankAccount`
/// is the checked form (`PAY-006`). The account number is never logged.
public struct BankAccountEntry: Sendable, Hashable {
    /// The nine-digit ABA routing number.
    public let routingNumber: String
    /// The account number, as submitted (never logged).
    public let accountNumber: String
    /// `checking` or `savings` when valid.
    public let accountType: String

    public init(routingNumber: String, accountNumber: String, accountType: String) {
        self.routingNumber = routingNumber
        self.accountNumber = accountNumber
        self.accountType = accountType
    }
}
