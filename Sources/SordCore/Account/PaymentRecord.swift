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

    public var id: String
    /// 15 digits (`ConfirmationNumber`).
    public var confirmationNumber: String
    /// The user who made it.
    public var requester: String
    public var tin: TIN
    public var form: String
    public var period: TaxPeriod
    public var reason: PaymentReason
    /// Above zero.
    public var amount: Money
    /// The day it posts.
    public var date: Day
    public var bankAccount: BankAccount
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
        public let id: String
        public let confirmationNumber: String
        public let status: Status
        public let date: Day
        public let amount: Money
    }
}
