/// `withdrawal` (SPEC 5.3): a representative withdraws from an active authorization.
public struct Withdrawal: Sendable, Hashable {
    public let clientRef: String?
    /// The id of the authorization to withdraw from.
    public let authorization: String

    public init(clientRef: String? = nil, authorization: String) {
        self.clientRef = clientRef
        self.authorization = authorization
    }
}
