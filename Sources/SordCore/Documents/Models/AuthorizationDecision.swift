/// `authorization-decision` (SPEC 5.2): the taxpayer approves or rejects a pending Tax Pro Account
/// request.
public struct AuthorizationDecision: Sendable, Hashable {
    /// The taxpayer's answer.
    public enum Answer: String, Sendable, Hashable, CaseIterable, Codable {
        case approve
        case reject
    }

    public let clientRef: String?
    /// The request id from the request file delivered to the taxpayer.
    public let request: String
    public let decision: Answer

    public init(clientRef: String? = nil, request: String, decision: Answer) {
        self.clientRef = clientRef
        self.request = request
        self.decision = decision
    }
}
