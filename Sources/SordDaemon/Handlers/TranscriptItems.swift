import Foundation
import SordCore
import SordStore

/// Answers the items of a transcript request (SPEC 5.6) for a CAF number, one by one: each
/// request × period decided by `TDSItemRules` (TDS-101 … TDS-112, the recipient's mailbox and the
/// CAF's hourly limit counted as items are delivered), one transcript file per delivered item to
/// `recipient`; CSV rows the schema refused are answered rejected with their own problems. Shared
/// by TDS requests and PPS orders, so the item rules are applied the same way for both.
struct TranscriptItems {
    let context: HandlerContext

    /// The item outcomes in submission order, and how many were delivered.
    func answer(_ request: TranscriptRequest, caf: CAFNumber, recipient: UserRecord) throws -> (items: [ItemOutcome], delivered: Int) {
        let reference = ReferenceData(context.db)
        let today = try Day(parsing: Timestamp.day(context.now))
        let requestDay = try Day(parsing: Timestamp.day(Timestamp.date(of: context.submission)))
        var capacity = TDSCapacity(
            mailboxFiles: try MailboxFileRecord.liveCount(user: recipient.id, in: context.db),
            maxFiles: context.config.maxFiles,
            deliveredForCAFLastHour: context.config.maxPerHourPerCAF > 0
                ? try TDSFacts.transcriptsLastHour(caf: caf, now: context.now, db: context.db) : 0,
            maxPerHourPerCAF: context.config.maxPerHourPerCAF)
        var outcomes = request.refusedItems.map { ItemOutcome(index: $0.index, errors: $0.problems) }
        outcomes.reserveCapacity(request.itemCount)
        var delivered = 0
        for item in request.items {
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
                var delivery = try TDSDelivery.planned(transcript, format: item.format, to: recipient.userID)
                delivery.id = context.ids.next()
                outcomes.append(ItemOutcome(index: item.index, deliveries: [delivery]))
                capacity.recordDelivery()
                delivered += 1
            }
        }
        outcomes.sort { $0.index < $1.index }
        return (outcomes, delivered)
    }

    /// The ack status of `delivered` items out of `count`.
    static func status(delivered: Int, of count: Int) -> AckStatus {
        delivered == count ? .accepted : delivered == 0 ? .rejected : .partial
    }
}
