/// `message-reply` (SPEC 12.7): the recipient of a secure message answers it; the reply goes to
/// the staff user who wrote (`MSG-001`, `MSG-002`).
public struct MessageReply: Sendable, Hashable {
    /// The submitter's own reference (up to 64 characters), echoed in the acknowledgement.
    public let clientRef: String?
    /// The id of the message answered, from its `message` file.
    public let message: String
    /// 1 to 10,000 characters.
    public let body: String

    public init(clientRef: String? = nil, message: String, body: String) {
        self.clientRef = clientRef
        self.message = message
        self.body = body
    }
}
