import Foundation
import SordCore
import SordStore

/// `request-list` (SPEC 12.2): a `report` of every Tax Pro Account request the requester sent,
/// with its status as of today (`expired` past `tpa_request_days`) (ACC-001, ACC-002).
struct RequestListHandler: DocumentHandler {
    func decide(_ document: Document, context: HandlerContext) throws -> Outcome {
        guard case .requestList(let list) = document else { return .rejected([]) }
        let parties = AccountParties(context.db)
        let problems = AccountViewRules.check(try parties.standing(of: context.user))
        guard problems.isEmpty else { return .rejected(problems) }
        let sent = try TaxProAccountRequestRecord.sent(by: context.user.id, in: context.db).map { request in
            guard let form = CAFAuthorizationRecord.Form(rawValue: request.form),
                  let status = TaxProAccountDecisionRules.Status(rawValue: request.status)
            else { throw AuthorizationHandlerError.corruptRequest(request.id) }
            return RequestListReport.Sent(
                id: request.id, tin: request.tin,
                entity: try (try? TIN(parsing: request.tin)).flatMap { try parties.reference.entity(tin: $0) },
                form: form, matters: try request.matters(), status: status, createdAt: request.createdAt, decidedAt: request.decidedAt)
        }
        let report = RequestListReport(sent: sent, expiryDays: context.config.tpaRequestDays,
                                       asOf: try Day(parsing: Timestamp.day(context.now)))
        return try Outcome.answered(with: report, format: list.format, to: context.user.userID)
    }
}
