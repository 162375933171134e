/// `caf-request` (SPEC 12.1): a practitioner without a CAF number asks for one. The new
/// representative record takes the user's name, TIN and PTIN and this address.
public struct CAFRequest: Sendable, Hashable {
    /// The submitter's own reference (up to 64 characters), echoed in the acknowledgement.
    public let clientRef: String?
    /// The address for the CAF record (state and ZIP checked by the rules, `ID-005`).
    public let address: DocumentAddress

    public init(clientRef: String? = nil, address: DocumentAddress) {
        self.clientRef = clientRef
        self.address = address
    }
}
