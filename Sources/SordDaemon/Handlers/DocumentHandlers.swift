import SordCore

/// The rule set for each document type; the switch is exhaustive, so a new type cannot go unhandled.
enum DocumentHandlers {
    static func handler(for type: DocumentType) -> any DocumentHandler {
        switch type {
        case .cafLink: CAFLinkHandler()
        case .authorization: AuthorizationHandler()
        case .authorizationDecision: AuthorizationDecisionHandler()
        case .withdrawal: WithdrawalHandler()
        case .delegation: DelegationHandler()
        case .transcriptRequest: TranscriptRequestHandler()
        case .cafRequest: CAFRequestHandler()
        case .clientList: ClientListHandler()
        case .requestList: RequestListHandler()
        case .accountSummary: AccountSummaryHandler()
        case .payment: PaymentHandler()
        case .paymentCancel: PaymentCancelHandler()
        case .paymentPlan: PaymentPlanHandler()
        case .secureMessage: SecureMessageHandler()
        case .messageReply: MessageReplyHandler()
        case .ppsOrder: PPSOrderHandler()
        }
    }
}
