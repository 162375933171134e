/// Who may submit what (SPEC 5.7, `SUB-007` otherwise), as one table: the kinds of user allowed
/// for each document type. The switch is exhaustive, so a new document type cannot be added
/// without deciding who may send it.
public enum SubmissionPermissions {
    /// The kinds of user who may submit a document of `type`: a practitioner everything but
    /// `authorization-decision`, `secure-message` and `pps-order`; a taxpayer
    /// `authorization-decision`, `account-summary`, `payment`, `payment-cancel`, `payment-plan` and
    /// `message-reply`; staff `secure-message` and `pps-order`.
    public static func kinds(allowedToSubmit type: DocumentType) -> Set<UserKind> {
        switch type {
        case .authorization, .withdrawal, .cafLink, .delegation, .transcriptRequest, .cafRequest, .clientList, .requestList:
            [.practitioner]
        case .accountSummary, .payment, .paymentCancel, .paymentPlan, .messageReply:
            [.practitioner, .taxpayer]
        case .authorizationDecision:
            [.taxpayer]
        case .secureMessage, .ppsOrder:
            [.staff]
        }
    }

    /// Whether a user of `kind` may submit a document of `type`.
    public static func may(_ kind: UserKind, submit type: DocumentType) -> Bool {
        kinds(allowedToSubmit: type).contains(kind)
    }

    /// SUB-007 when a user of `kind` may not submit `type`, saying who may; nil when they may.
    public static func problem(_ kind: UserKind, submitting type: DocumentType) -> Problem? {
        let allowed = kinds(allowedToSubmit: type)
        guard !allowed.contains(kind) else { return nil }
        let who = UserKind.allCases.filter(allowed.contains).map(\.rawValue).joined(separator: " or ")
        return Problem(.sub007, "A \(kind.rawValue) may not submit a \(type.rawValue) document; only a \(who) may.", path: "$.type")
    }
}
