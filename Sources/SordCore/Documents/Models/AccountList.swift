/// `client-list` or `request-list` (SPEC 12.2): a practitioner asks for one of their lists, as a
/// report: the active authorizations naming their CAF number, or the Tax Pro Account requests
/// they sent. Which list is the document's type (`Document.clientList`, `Document.requestList`).
public struct AccountList: Sendable, Hashable {
    /// The submitter's own reference (up to 64 characters), echoed in the acknowledgement.
    public let clientRef: String?
    /// The report's layout; `json` when the document leaves it out.
    public let format: OutputFormat

    public init(clientRef: String? = nil, format: OutputFormat = .json) {
        self.clientRef = clientRef
        self.format = format
    }
}
