import Foundation
import SordCore
import SordStore

/// `client-list` (SPEC 12.2): a `report` of every active authorization naming the requester's
/// linked CAF number, newest first (ACC-001, ACC-002).
struct ClientListHandler: DocumentHandler {
    func decide(_ document: Document, context: HandlerContext) throws -> Outcome {
        guard case .clientList(let list) = document else { return .rejected([]) }
        let parties = AccountParties(context.db)
        let standing = try parties.standing(of: context.user)
        let problems = AccountViewRules.check(standing)
        guard problems.isEmpty, let caf = standing.usableCAF else { return .rejected(problems) }
        let listed = try parties.reference.activeAuthorizations(naming: caf).map { authorization, channel in
            ClientListReport.Listed(authorization: authorization, entity: try (try? TIN(parsing: authorization.tin))
                .flatMap { try parties.reference.entity(tin: $0) }, channel: channel)
        }
        let report = ClientListReport(caf: caf, listed: listed, asOf: try Day(parsing: Timestamp.day(context.now)))
        return try Outcome.answered(with: report, format: list.format, to: context.user.userID)
    }
}

extension Outcome {
    /// An accepted submission answered by `report` in `format`, to `user`.
    static func answered(with report: some AccountReport, format: OutputFormat, to user: UserID,
                         status: AckStatus = .accepted, errors: [Problem] = []) throws -> Outcome {
        let (payloadFormat, bytes) = try report.payload(format)
        var outcome = Outcome(status: status, errors: errors)
        outcome.answers = [PlannedDelivery(recipient: user, kind: .report, format: payloadFormat, payload: bytes)]
        return outcome
    }
}
