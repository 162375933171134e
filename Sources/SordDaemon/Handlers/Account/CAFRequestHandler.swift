import Foundation
import SordCore
import SordStore

/// `caf-request` (SPEC 12.1): a practitioner without a CAF number gets a new, unused one on a new
/// representative record with their name, TIN, PTIN and the request's address, linked to their
/// profile and reported in the ack's `cafNumber` and a notification (CAF-003, CAF-005).
struct CAFRequestHandler: DocumentHandler {
    func decide(_ document: Document, context: HandlerContext) throws -> Outcome {
        guard case .cafRequest(let request) = document else { return .rejected([]) }
        let user = context.user
        guard let tin = try? TIN(parsing: user.tin) else { return .rejected([Problem(.caf003, "Your user record has no valid TIN.")]) }
        let reference = ReferenceData(context.db)
        let facts = CAFRequestRules.Facts(
            userName: .person(first: user.first, middle: user.middle, last: user.last, suffix: user.suffix), userTIN: tin,
            userPTIN: user.ptin.flatMap { try? PTIN(parsing: $0) }, linkedCAF: AuthorizationRecipients.linkedCAF(of: user),
            masterFileName: try reference.entity(tin: tin)?.name)
        let problems = CAFRequestRules.check(request, facts: facts)
        guard problems.isEmpty else { return .rejected(problems) }
        var generator = SystemRandomNumberGenerator()
        guard let record = try reference.insertRepresentativeWithNewCAF(
            name: facts.userName, tin: tin.description, ptin: facts.userPTIN?.description,
            address: AuthorizationMatching.recordAddress(request.address), using: &generator)
        else { throw AuthorizationHandlerError.noFreeCAFNumber }
        let caf = try CAFNumber(parsing: record.caf)
        try UserRecord.link(user.id, caf: caf.description, at: Timestamp.iso(context.now), in: context.db)
        var notice = AccountNotification(.cafNumberAssigned, "CAF number \(caf) was assigned to you and linked to your profile.",
                                         cause: context.submission.rawValue, at: context.now)
        notice.caf = caf.description
        return Outcome(status: .accepted, cafNumber: caf.description, deliveries: [try notice.delivery(to: user.userID)],
                       audit: [(action: "caf.number-assigned", subject: user.id, detail: ["caf": caf.description]),
                               (action: "user.caf-linked", subject: user.id, detail: ["caf": caf.description])])
    }
}
