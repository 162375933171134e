/// A submission that passed the schema: one of the SPEC 5 document types. Identifiers, dates,
/// periods, states and ZIPs are still the submitted strings; the rules turn them into typed values
/// and report `ID-00x` codes.
public enum Document: Sendable, Hashable {
    case authorization(AuthorizationDocument)
    case authorizationDecision(AuthorizationDecision)
    case withdrawal(Withdrawal)
    case cafLink(CAFLink)
    case delegation(Delegation)
    case transcriptRequest(TranscriptRequest)

    /// The document's `type`.
    public var kind: DocumentType {
        switch self {
        case .authorization: .authorization
        case .authorizationDecision: .authorizationDecision
        case .withdrawal: .withdrawal
        case .cafLink: .cafLink
        case .delegation: .delegation
        case .transcriptRequest: .transcriptRequest
        }
    }

    /// The submitter's own reference (up to 64 characters), echoed in the acknowledgement.
    public var clientRef: String? {
        switch self {
        case .authorization(let document): document.clientRef
        case .authorizationDecision(let document): document.clientRef
        case .withdrawal(let document): document.clientRef
        case .cafLink(let document): document.clientRef
        case .delegation(let document): document.clientRef
        case .transcriptRequest(let document): document.clientRef
        }
    }
}
