/// `payment` (SPEC 12.4): pay an individual's Form 1040 balance or estimated tax from a bank
/// account, today or on a later date. Values are kept as submitted; the rules check them
/// (`ID-001`, `ID-004`, `PAY-001` … `PAY-007`).
public struct Payment: Sendable, Hashable {
    /// The submitter's own reference (up to 64 characters), echoed in the acknowledgement.
    public let clientRef: String?
    /// The taxpayer's dashed TIN.
    public let tin: String
    /// The taxpayer's name control, compared after folding (`ACC-003`).
    public let nameControl: String
    /// The return form, e.g. `1040`.
    public let form: String
    /// The tax period paid for, `YYYY`.
    public let period: String
    /// Why it is paid.
    public let reason: PaymentReason
    /// A decimal string with two places, e.g. `"1250.00"` (`PAY-003` judges it).
    public let amount: String
    /// `YYYY-MM-DD`; nil for a same-day payment.
    public let date: String?
    /// The account to debit, checked by `PAY-006`.
    public let bankAccount: BankAccountEntry

    public init(clientRef: String? = nil, tin: String, nameControl: String, form: String, period: String,
                reason: PaymentReason, amount: String, date: String? = nil, bankAccount: BankAccountEntry) {
        self.clientRef = clientRef
        self.tin = tin
        self.nameControl = nameControl
        self.form = form
        self.period = period
        self.reason = reason
        self.amount = amount
        self.date = date
        self.bankAccount = bankAccount
    }
}
