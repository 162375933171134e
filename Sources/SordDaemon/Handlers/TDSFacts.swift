import Foundation
import SordCore
import SordStore

/// Reads what the TDS rules need from the database, inside the pipeline's write transaction (so
/// submissions earlier in the same batch count towards the mailbox and rate limits).
enum TDSFacts {
    /// The requester's e-File memberships, linked CAF number and its CAF record.
    static func requester(_ user: UserRecord, itemCount: Int, maxItems: Int, reference: ReferenceData) throws -> TDSRequestRules.Facts {
        let caf = user.caf.flatMap { try? CAFNumber(parsing: $0) }
        return TDSRequestRules.Facts(memberships: try reference.efileMemberships(user: user.id), linkedCAF: caf,
                                     representative: try caf.flatMap { try reference.representative(caf: $0) },
                                     itemCount: itemCount, maxItems: maxItems)
    }

    /// The authorization look-up for one item (TDS-103), then, only when it succeeds, the Master File
    /// records the item's checks and transcript need.
    static func access(_ item: TranscriptItem, caf: CAFNumber, reference: ReferenceData) throws -> TDSAccess {
        guard let tin = TDSItemRules.tin(of: item), let period = TDSItemRules.period(of: item) else { return .undetermined }
        guard try reference.isAuthorized(tin: tin, caf: caf, form: item.form, period: period) else {
            return .unauthorized
        }
        return .authorized(TDSRecords(
            entity: try reference.entity(tin: tin),
            module: try reference.module(tin: tin, form: item.form, period: period),
            periodModules: item.product == .wageAndIncome ? try reference.modules(tin: tin, period: period) : [],
            taxpayerModules: item.product == .entity ? try reference.modules(tin: tin) : []))
    }

    /// Transcripts made in the hour before `now` for users whose linked CAF number is `caf`
    /// (suffix letter ignored); deleted ones count too, since the limit is on deliveries.
    static func transcriptsLastHour(caf: CAFNumber, now: Date, db: any SQLSession) throws -> Int {
        try MailboxFileRecord.transcripts(since: Timestamp.iso(now.addingTimeInterval(-3600)),
                                          cafDigits: String(caf.description.prefix(10)), in: db)
    }
}
