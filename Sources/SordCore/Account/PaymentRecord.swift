/// A payment made through sord (SPEC 12.4): what the store keeps from an accepted `payment`, what
/// the scheduler posts on its date, what `payment-cancel` changes, and what an account summary
/// lists under `scheduled` until it posts.
public struct PaymentRecord: Sendable, Hashable {
    /// Where the payment stands.
    public enum Status: String, Sendable, Hashable, CaseIterable, Codable {
        /// Waiting for its date.
        case scheduled
        /// Posted to the module (a same-day payment is processed at once).
        case processed
        /// Cancelled before its date.
        case cancelled
    }

    /// Its id.
    public var id: String
    /// 15 digits (`ConfirmationNumber`).
    public var confirmationNumber: String
    /// The user who made it.
    public var requester: String
    /// The taxpayer's TIN.
    public var tin: TIN
    /// The return form, e.g. `1040`.
    public var form: String
    /// The tax period.
    public var period: TaxPeriod
    /// Why it is paid.
    public var reason: PaymentReason
    /// Above zero.
    public var amount: Money
    /// The day it posts.
    public var date: Day
    /// The account debited.
    public var bankAccount: BankAccount
    /// Where it stands.
    public var status: Status

    public init(id: String, confirmationNumber: String, requester: String, tin: TIN, form: String, period: TaxPeriod,
                reason: PaymentReason, amount: Money, date: Day, bankAccount: BankAccount, status: Status) {
        self.id = id
        self.confirmationNumber = confirmationNumber
        self.requester = requester
        self.tin = tin
        self.form = form
        self.period = period
        self.reason = reason
        self.amount = amount
        self.date = date
        self.bankAccount = bankAccount
        self.status = status
    }

    /// The ack's `payment` object: `{"id","confirmationNumber","status","date","amount"}`.
    public var receipt: Receipt {
        Receipt(id: id, confirmationNumber: confirmationNumber, status: status, date: date, amount: amount)
    }

    /// What the acknowledgement of a `payment` carries (SPEC 12.4).
    public struct Receipt: Sendable, Hashable, Encodable {
        /// Its id.
        public let id: String
        /// The 15-digit confirmation number.
        public let confirmationNumber: String
        /// Where it stands.
        public let status: Status
        /// The day it posts (today for a same-day payment).
        public let date: Day
        /// The amount.
        public let amount: Money
    }
}
