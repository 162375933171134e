/// The `type` of a submitted document (SPEC 5): it picks the schema and the rules that apply.
public enum DocumentType: String, Sendable, Hashable, CaseIterable, Codable {
    case authorization
    case authorizationDecision = "authorization-decision"
    case withdrawal
    case cafLink = "caf-link"
    case delegation
    case transcriptRequest = "transcript-request"
}
