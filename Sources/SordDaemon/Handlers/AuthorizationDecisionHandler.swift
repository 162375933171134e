import Foundation
import SordCore
import SordStore

/// `authorization-decision` (SPEC 5.2): the taxpayer answers a pending Tax Pro Account request.
/// Approve records it on the CAF under the request id (signature date = the processing day),
/// revokes the earlier authorizations of the same form type for the same matters and periods, and
/// notifies the representative, unless TPA-010 stops it (then it is closed as not processed).
/// Reject closes it and notifies the representative.
struct AuthorizationDecisionHandler: DocumentHandler {
    func decide(_ document: Document, context: HandlerContext) throws -> Outcome {
        guard case .authorizationDecision(let decision) = document else { return .rejected([]) }
        let request = try TaxProAccountRequestRecord.find(decision.request, in: context.db)
        if let problem = TaxProAccountDecisionRules.check(status: request?.requestStatus, addressedTo: request?.taxpayerUserId,
                                                          decider: context.user.id) {
            return .rejected([problem])
        }
        guard let request else { return .rejected([]) }
        guard let tin = try? TIN(parsing: request.tin), let caf = try? CAFNumber(parsing: request.caf),
              let form = CAFAuthorizationRecord.Form(rawValue: request.form), let practitioner = UserID(request.practitionerId)
        else { throw AuthorizationHandlerError.corruptRequest(request.id) }

        let recording = AuthorizationRecording(context: context)
        let today = try recording.today
        let record = CAFAuthorizationRecord(id: request.id, form: form, tin: tin.description, caf: caf.description,
                                            matters: try request.matters(), receiveNotices: request.receiveNotices,
                                            designation: request.designation, status: .active, recordedOn: today.description)
        func close(_ status: TaxProAccountDecisionRules.Status, _ event: AuthorizationNotification.Event, _ message: String,
                   into outcome: inout Outcome) throws {
            try TaxProAccountRequestRecord.close(request.id, status: status, submission: context.submission.rawValue,
                                                 at: Timestamp.iso(context.now), in: context.db)
            var notice = recording.notification(event, about: record, message: message)
            notice.request = request.id
            if status != .approved { notice.authorization = nil }
            if status == .notProcessed { notice.code = ReasonCode.tpa010.code }
            outcome.deliveries.append(notice.delivery(to: practitioner))
            outcome.audit.append((action: "tpa.request-" + status.rawValue, subject: request.id, detail: ["caf": caf.description]))
        }

        switch decision.decision {
        case .reject:
            var outcome = Outcome(status: .accepted, authorization: AuthorizationRef(id: request.id, status: "not-recorded"))
            try close(.rejected, .requestRejected, "The taxpayer rejected your Tax Pro Account request \(request.id).", into: &outcome)
            return outcome
        case .approve:
            let prior = try recording.priorAuthorizations(tin: tin, form: form, coverage: record.coverage)
            let active = try ReferenceData(context.db).activeAuthorizations(tin: tin)
            if TaxProAccountDecisionRules.exceedsNoticeLimit(receiveNotices: request.receiveNotices, representative: caf,
                                                             active: active, revoking: Set(prior.map(\.id))) {
                let problem = Problem(.tpa010, "Two other representatives already receive notice copies for this taxpayer; the request was not processed.",
                                      path: "$.request")
                var outcome = Outcome(status: .rejected, errors: [problem],
                                      authorization: AuthorizationRef(id: request.id, status: "not-processed"))
                try close(.notProcessed, .requestNotProcessed,
                          "Your Tax Pro Account request \(request.id) was approved but not processed: two other representatives already receive notice copies.",
                          into: &outcome)
                return outcome
            }
            var outcome = Outcome(status: .accepted, authorization: AuthorizationRef(id: request.id, status: "recorded"))
            try recording.apply([record], channel: .taxProAccount, revoking: prior, revokedBy: record.id, day: today, into: &outcome)
            try close(.approved, .requestApproved,
                      "The taxpayer approved your Tax Pro Account request; it is recorded on the CAF as authorization \(request.id).",
                      into: &outcome)
            return outcome
        }
    }
}
