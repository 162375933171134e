import Foundation
import SordCore
import SordStore

/// `withdrawal` (SPEC 5.3): a representative withdraws from an active authorization naming their
/// linked CAF number (WD-001 otherwise). The CAF record is marked withdrawn on the processing day.
struct WithdrawalHandler: DocumentHandler {
    func decide(_ document: Document, context: HandlerContext) throws -> Outcome {
        guard case .withdrawal(let withdrawal) = document else { return .rejected([]) }
        let reference = ReferenceData(context.db)
        let record = try reference.authorization(id: withdrawal.authorization)
        if let problem = WithdrawalRules.check(authorization: record, submitterCAF: AuthorizationRecipients.linkedCAF(of: context.user)) {
            return .rejected([problem])
        }
        guard let record else { return .rejected([]) }
        let recording = AuthorizationRecording(context: context)
        try reference.withdrawAuthorization(id: record.id, on: try recording.today)
        let notice = recording.notification(.withdrawn, about: record,
                                            message: "You withdrew from authorization \(record.id); it is no longer active on the CAF.")
        return Outcome(status: .accepted, deliveries: [notice.delivery(to: context.user.userID)],
                       audit: [(action: "caf.authorization-withdrawn", subject: record.id, detail: ["caf": record.caf])])
    }
}
