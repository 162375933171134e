import Foundation
import SordCore
import SordStore

/// `transcript-request` (TDS, SPEC 5.6): the whole-request checks (TDS-001…004 and the item limit),
/// then each request × period answered on its own (`TranscriptItems`): one transcript file per
/// delivered item, and an ack whose status is accepted (all delivered), partial or rejected.
struct TranscriptRequestHandler: DocumentHandler {
    func decide(_ document: Document, context: HandlerContext) throws -> Outcome {
        guard case .transcriptRequest(let request) = document else { return .rejected([]) }
        let reference = ReferenceData(context.db)
        let requester = try TDSFacts.requester(context.user, itemCount: request.itemCount,
                                               maxItems: context.config.maxItemsPerRequest, reference: reference)
        let wholeRequest = TDSRequestRules.check(requester)
        if requester.itemCount > requester.maxItems {
            return .rejected(wholeRequest)  // too many items to list one by one
        }
        guard wholeRequest.isEmpty, let caf = requester.linkedCAF else {
            let refused = request.refusedItems.map { ItemOutcome(index: $0.index, errors: $0.problems) }
            return Outcome(status: .rejected, errors: wholeRequest,
                           items: (request.items.map { ItemOutcome(index: $0.index, errors: wholeRequest) } + refused).sorted { $0.index < $1.index })
        }
        let (items, delivered) = try TranscriptItems(context: context).answer(request, caf: caf, recipient: context.user)
        return Outcome(status: TranscriptItems.status(delivered: delivered, of: request.itemCount), items: items, audit: [(
            action: "tds.answered", subject: context.submission.rawValue,
            detail: ["caf": caf.description, "items": String(request.itemCount), "delivered": String(delivered)]
        )])
    }
}
