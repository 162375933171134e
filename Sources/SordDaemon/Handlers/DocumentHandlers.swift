import SordCore

/// The rule sets by document type. A type without an entry is answered on its parse alone.
public enum DocumentHandlers {
    public static let all: [DocumentType: any DocumentHandler] = [
        .cafLink: CAFLinkHandler(),
        .authorization: AuthorizationHandler(),
        .authorizationDecision: AuthorizationDecisionHandler(),
        .withdrawal: WithdrawalHandler(),
        .delegation: DelegationHandler(),
        .transcriptRequest: TranscriptRequestHandler(),
    ]
}
