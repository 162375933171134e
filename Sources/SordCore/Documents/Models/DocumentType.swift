/// The `type` of a submitted document (SPEC 5 and 12): it picks the schema and the rules that apply,
/// and who may submit it (`SubmissionPermissions`).
public enum DocumentType: String, Sendable, Hashable, CaseIterable, Codable {
    case authorization
    case authorizationDecision = "authorization-decision"
    case withdrawal
    case cafLink = "caf-link"
    case delegation
    case transcriptRequest = "transcript-request"
    case cafRequest = "caf-request"
    case clientList = "client-list"
    case requestList = "request-list"
    case accountSummary = "account-summary"
    case payment
    case paymentCancel = "payment-cancel"
    case paymentPlan = "payment-plan"
    case secureMessage = "secure-message"
    case messageReply = "message-reply"
    case ppsOrder = "pps-order"
}
