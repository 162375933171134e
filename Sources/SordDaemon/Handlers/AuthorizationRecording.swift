import Foundation
import SordCore
import SordStore

/// Writes authorizations onto the CAF inside the handler's transaction: records the new ones,
/// revokes the earlier ones they replace, and adds the audit entries and the notifications to every
/// representative (sord user by linked CAF number) whose authorization was revoked.
struct AuthorizationRecording {
    let context: HandlerContext

    /// The active authorizations of the same form type for the same taxpayer that cover any of the
    /// (form, period) pairs: what recording a new one revokes unless it retains prior ones.
    func priorAuthorizations(tin: TIN, form: CAFAuthorizationRecord.Form,
                             coverage: [(form: String, period: String)]) throws -> [CAFAuthorizationRecord] {
        try ReferenceData(context.db).activeAuthorizations(tin: tin, formType: form, covering: coverage)
    }

    /// Revokes `prior` (by `revokedBy`, on `day`), then records `records`; the audit entries and
    /// revocation notices go into `outcome`.
    func apply(_ records: [CAFAuthorizationRecord], channel: AuthorizationDocument.Channel, revoking prior: [CAFAuthorizationRecord],
               revokedBy: String, day: Day, into outcome: inout Outcome) throws {
        let reference = ReferenceData(context.db)
        try reference.revokeAuthorizations(ids: prior.map(\.id), on: day, by: revokedBy)
        for record in records {
            try reference.recordAuthorization(record, channel: channel)
            outcome.audit.append((action: "caf.authorization-recorded", subject: record.id,
                                  detail: ["caf": record.caf, "form": record.form.rawValue, "submission": context.submission.rawValue]))
        }
        for revoked in prior {
            outcome.audit.append((action: "caf.authorization-revoked", subject: revoked.id,
                                  detail: ["by": revokedBy, "caf": revoked.caf, "form": revoked.form.rawValue]))
            let notice = notification(.revoked, about: revoked,
                                      message: "Authorization \(revoked.id) was revoked by a later Form \(revoked.form.rawValue) for the same taxpayer, matters and periods.",
                                      revokedBy: revokedBy)
            outcome.deliveries += try recipients(of: revoked).map(notice.delivery(to:))
        }
    }

    /// The practitioners linked to the CAF number an authorization names.
    func recipients(of record: CAFAuthorizationRecord) throws -> [UserID] {
        guard let caf = try? CAFNumber(parsing: record.caf) else { return [] }
        return try UserRecord.practitioners(linkedTo: caf, in: context.db)
    }

    /// A notification about `record` (its id, form, CAF number, matters and masked taxpayer TIN).
    func notification(_ event: AuthorizationNotification.Event, about record: CAFAuthorizationRecord, message: String,
                      revokedBy: String? = nil) -> AuthorizationNotification {
        AuthorizationNotification(event: event, message: message, submission: context.submission.rawValue,
                                  createdAt: Timestamp.iso(context.now), authorization: record.id, form: record.form.rawValue,
                                  taxpayer: AuthorizationJSON.maskedTIN(record.tin), caf: record.caf, matters: record.matters,
                                  revokedBy: revokedBy)
    }

    /// The UTC day of the processing time: the day recorded, revoked or withdrawn.
    var today: Day {
        get throws { try Day(parsing: Timestamp.day(context.now)) }
    }
}
