/// A bank account as every file shows it (SPEC 12 "Visibility"): routing number and type, and the
/// account number masked to its last four (`XXXXX6789`).
public struct BankAccountView: Sendable, Hashable, Encodable {
    /// The nine-digit ABA routing number.
    public let routingNumber: String
    /// Masked: only the last four letters or digits show.
    public let accountNumber: String
    /// `checking` or `savings`.
    public let accountType: BankAccount.AccountType

    /// The masked view of `account`.
    public init(_ account: BankAccount) {
        routingNumber = account.routingNumber.digits
        accountNumber = account.maskedAccountNumber
        accountType = account.accountType
    }
}
