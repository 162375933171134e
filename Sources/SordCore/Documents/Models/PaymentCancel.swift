/// `payment-cancel` (SPEC 12.4): cancel a scheduled payment by its id (`PAY-008`, `PAY-009`).
public struct PaymentCancel: Sendable, Hashable {
    /// The submitter's own reference (up to 64 characters), echoed in the acknowledgement.
    public let clientRef: String?
    /// The payment id from the payment's acknowledgement.
    public let payment: String

    public init(clientRef: String? = nil, payment: String) {
        self.clientRef = clientRef
        self.payment = payment
    }
}
