import Foundation
import SordCore
import SordStore

/// Opens a Tax Pro Account request that passed its rules: a pending row in `tpaRequests` and a
/// `request` file in the taxpayer's mailbox. Nothing reaches the CAF until the taxpayer approves.
struct AuthorizationTaxProAccountRequest {
    let context: HandlerContext

    func open(_ form: ValidAuthorization, taxpayer: UserID) throws -> Outcome {
        let representative = form.representatives[form.submitterIndex]
        guard let caf = representative.caf.number else { throw AuthorizationHandlerError.requestWithoutCAFNumber }
        let id = context.ids.next().rawValue
        let createdAt = Timestamp.iso(context.now)
        try TaxProAccountRequestRecord(
            id: id, submissionId: context.submission.rawValue, practitionerId: context.user.id,
            taxpayerUserId: taxpayer.rawValue, form: form.form.rawValue, tin: form.tin.description, caf: caf.description,
            matters: form.matters, receiveNotices: representative.receiveNotices,
            designation: representative.designation?.rawValue, createdAt: createdAt
        ).insert(in: context.db)
        let request = AuthorizationRequestPayload(
            request: id, form: form.form.rawValue,
            representative: .init(name: representative.name, caf: caf.description, designation: representative.designation?.rawValue),
            matters: form.matters, receiveNotices: representative.receiveNotices, createdAt: createdAt)
        return Outcome(status: .pending, authorization: AuthorizationRef(id: id, status: "pending-taxpayer"),
                       deliveries: [request.delivery(to: taxpayer)],
                       audit: [(action: "tpa.request-opened", subject: id, detail: ["caf": caf.description, "taxpayerUser": taxpayer.rawValue])])
    }
}
