/// A submission that passed the schema: one of the SPEC 5 and 12 document types. Identifiers, dates,
/// periods, states and ZIPs are still the submitted strings; the rules turn them into typed values
/// and report `ID-00x` codes.
public enum Document: Sendable, Hashable {
    case authorization(AuthorizationDocument)
    case authorizationDecision(AuthorizationDecision)
    case withdrawal(Withdrawal)
    case cafLink(CAFLink)
    case delegation(Delegation)
    case transcriptRequest(TranscriptRequest)
    case cafRequest(CAFRequest)
    case clientList(AccountList)
    case requestList(AccountList)
    case accountSummary(AccountSummary)
    case payment(Payment)
    case paymentCancel(PaymentCancel)
    case paymentPlan(PaymentPlan)
    case secureMessage(SecureMessage)
    case messageReply(MessageReply)
    case ppsOrder(PPSOrder)

    /// The document's `type`.
    public var kind: DocumentType {
        switch self {
        case .authorization: .authorization
        case .authorizationDecision: .authorizationDecision
        case .withdrawal: .withdrawal
        case .cafLink: .cafLink
        case .delegation: .delegation
        case .transcriptRequest: .transcriptRequest
        case .cafRequest: .cafRequest
        case .clientList: .clientList
        case .requestList: .requestList
        case .accountSummary: .accountSummary
        case .payment: .payment
        case .paymentCancel: .paymentCancel
        case .paymentPlan: .paymentPlan
        case .secureMessage: .secureMessage
        case .messageReply: .messageReply
        case .ppsOrder: .ppsOrder
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
        case .cafRequest(let document): document.clientRef
        case .clientList(let document): document.clientRef
        case .requestList(let document): document.clientRef
        case .accountSummary(let document): document.clientRef
        case .payment(let document): document.clientRef
        case .paymentCancel(let document): document.clientRef
        case .paymentPlan(let document): document.clientRef
        case .secureMessage(let document): document.clientRef
        case .messageReply(let document): document.clientRef
        case .ppsOrder(let document): document.clientRef
        }
    }
}
