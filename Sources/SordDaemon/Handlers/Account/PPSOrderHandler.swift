import Foundation
import SordCore
import SordStore

/// `pps-order` (SPEC 12.8): a Practitioner Priority Service assistor sends transcripts into a
/// practitioner's SOR mailbox. Each item is decided by the TDS item rules against the
/// practitioner's linked CAF number (`TranscriptItems`; the e-File and TDS authority checks of a
/// whole request do not apply); the transcripts go to the practitioner with a notification listing
/// them, the ack to the staff user (PPS-001 … PPS-003).
struct PPSOrderHandler: DocumentHandler {
    func decide(_ document: Document, context: HandlerContext) throws -> Outcome {
        guard case .ppsOrder(let order) = document else { return .rejected([]) }
        let practitioner = try UserRecord.find(order.practitioner, in: context.db)
        let standing = try practitioner.map { try AccountParties(context.db).standing(of: $0) }
        let problems = PPSOrderRules.check(order, practitioner: practitioner.map {
            PPSOrderRules.Practitioner(kind: $0.kind, active: $0.state == .active, standing: standing ?? .unlinked)
        })
        guard problems.isEmpty, let practitioner, let caf = standing?.usableCAF else { return .rejected(problems) }
        let request = order.transcripts
        let (items, delivered) = try TranscriptItems(context: context).answer(request, caf: caf, recipient: practitioner)
        var outcome = Outcome(status: TranscriptItems.status(delivered: delivered, of: request.itemCount), items: items, audit: [(
            action: "pps.answered", subject: context.submission.rawValue,
            detail: ["practitioner": practitioner.id, "caf": caf.description, "items": String(request.itemCount),
                     "delivered": String(delivered)]
        )])
        if delivered > 0 {
            var notice = AccountNotification(.ppsDelivered, "The Practitioner Priority Service sent you \(delivered) transcript(s) at your request.",
                                             cause: context.submission.rawValue, at: context.now)
            notice.caf = caf.description
            notice.files = items.flatMap(\.deliveries).compactMap { $0.name?.description }
            outcome.deliveries = [try notice.delivery(to: practitioner.userID)]
        }
        return outcome
    }
}
