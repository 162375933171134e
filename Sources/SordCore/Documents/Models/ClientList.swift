/// `client-list` (SPEC 12.2): the requester's active authorizations, as a report.
public struct ClientList: Sendable, Hashable {
    /// The submitter's own reference (up to 64 characters), echoed in the acknowledgement.
    public let clientRef: String?
    /// The report's layout; `json` when the document leaves it out.
    public let format: OutputFormat

    public init(clientRef: String? = nil, format: OutputFormat = .json) {
        self.clientRef = clientRef
        self.format = format
    }
}
