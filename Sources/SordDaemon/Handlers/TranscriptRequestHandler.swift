import Foundation
import SordCore
import SordStore

/// `transcript-request` (TDS, SPEC 5.6): the whole-request checks (TDS-001…004 and the item limit),
/// then each request × period answered on its own: one transcript file per delivered item, and an
/// ack whose status is accepted (all delivered), partial or rejected. CSV rows the schema refused
/// are items too, answered rejected with their own problems.
struct TranscriptRequestHandler: DocumentHandler {
    func decide(_ document: Document, context: HandlerContext) throws -> Outcome {
        guard case .transcriptRequest(let request) = document else { return .rejected([]) }
        let items = request.items
        let refused = request.refusedItems.map { ItemOutcome(index: $0.index, errors: $0.problems) }
        let reference = ReferenceData(context.db)
        let requester = try TDSFacts.requester(context.user, itemCount: request.itemCount,
                                               maxItems: context.config.maxItemsPerRequest, reference: reference)
        let wholeRequest = TDSRequestRules.check(requester)
        if requester.itemCount > requester.maxItems {
            return .rejected(wholeRequest)  // too many items to list one by one
        }
        guard wholeRequest.isEmpty, let caf = requester.linkedCAF else {
            return Outcome(status: .rejected, errors: wholeRequest,
                           items: (items.map { ItemOutcome(index: $0.index, errors: wholeRequest) } + refused).sorted { $0.index < $1.index })
        }

        let today = try Day(parsing: Timestamp.day(context.now))
        let requestDay = try Day(parsing: Timestamp.day(Timestamp.date(of: context.submission)))
        var capacity = TDSCapacity(
            mailboxFiles: try MailboxFileRecord.liveCount(user: context.user.id, in: context.db),
            maxFiles: context.config.maxFiles,
            deliveredForCAFLastHour: context.config.maxPerHourPerCAF > 0
                ? try TDSFacts.transcriptsLastHour(caf: caf, now: context.now, db: context.db) : 0,
            maxPerHourPerCAF: context.config.maxPerHourPerCAF)
        var outcomes = refused
        outcomes.reserveCapacity(request.itemCount)
        var delivered = 0
        for item in items {
            let access = try TDSFacts.access(item, caf: caf, reference: reference)
            switch TDSItemRules.verdict(item, access: access, today: today) {
            case .rejected(let problems):
                outcomes.append(ItemOutcome(index: item.index, errors: problems))
            case .deliverable(let entity, let records):
                let limits = capacity.problems(path: item.path)
                guard limits.isEmpty else {
                    outcomes.append(ItemOutcome(index: item.index, errors: limits))
                    continue
                }
                let stamp = TranscriptBuilder.Stamp(requestDate: requestDay, responseDate: today,
                                                    trackingNumber: TrackingNumber.make(submission: context.submission, index: item.index))
                let transcript = TranscriptBuilder.build(item, entity: entity, records: records, stamp: stamp)
                outcomes.append(ItemOutcome(index: item.index, deliveries: [
                    try TDSDelivery.planned(transcript, format: item.format, to: context.user.userID),
                ]))
                capacity.recordDelivery()
                delivered += 1
            }
        }
        outcomes.sort { $0.index < $1.index }
        let status: AckStatus = delivered == request.itemCount ? .accepted : delivered == 0 ? .rejected : .partial
        return Outcome(status: status, items: outcomes, audit: [(
            action: "tds.answered", subject: context.submission.rawValue,
            detail: ["caf": caf.description, "items": String(request.itemCount), "delivered": String(delivered)]
        )])
    }
}
