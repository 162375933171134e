import Foundation
import SordCore
import SordStore

/// Applies a valid uploaded form (Submit Forms 2848 and 8821 Online): assigns CAF numbers to
/// representatives written as "None", records one CAF authorization per representative (unless line
/// 4, specific use), revokes the earlier ones (unless retained), and notifies.
///
/// The ack names the submitter's own authorization (the one they would withdraw from); every other
/// representative who is a sord user learns theirs from an `authorization.recorded` notification.
/// The ack's `cafNumber` is the number assigned to the submitter when they were "None", else the
/// first number assigned on the form.
struct AuthorizationUpload {
    let context: HandlerContext

    func record(_ form: ValidAuthorization) throws -> Outcome {
        let recording = AuthorizationRecording(context: context)
        let today = try recording.today
        var outcome = Outcome(status: .accepted)

        var cafs: [CAFNumber] = []
        var assigned: [Int] = []
        for (index, representative) in form.representatives.enumerated() {
            switch representative.caf {
            case .number(let caf):
                cafs.append(caf)
            case .none:
                let caf = try assignCAFNumber(to: representative, isSubmitter: index == form.submitterIndex)
                cafs.append(caf)
                assigned.append(index)
                outcome.audit.append((action: "caf.number-assigned", subject: caf.description,
                                      detail: ["submission": context.submission.rawValue]))
            }
        }
        let ownAssigned = assigned.contains(form.submitterIndex) ? form.submitterIndex : assigned.first
        outcome.cafNumber = ownAssigned.map { cafs[$0].description }

        guard form.recordsOnCAF else {
            outcome.authorization = AuthorizationRef(id: context.ids.next().rawValue, status: "not-recorded")
            outcome.deliveries += try assignmentNotices(form, cafs: cafs, assigned: assigned, records: nil)
            return outcome
        }
        let records = cafs.indices.map { index in
            form.record(representative: index, id: context.ids.next().rawValue, caf: cafs[index], recordedOn: today)
        }
        let own = records[form.submitterIndex]
        let prior = form.revokesPrior
            ? try recording.priorAuthorizations(tin: form.tin, form: form.form, coverage: form.coverage) : []
        try recording.apply(records, channel: .upload, revoking: prior, revokedBy: own.id, day: today, into: &outcome)
        outcome.authorization = AuthorizationRef(id: own.id, status: "recorded")
        outcome.deliveries += try assignmentNotices(form, cafs: cafs, assigned: assigned, records: records)

        for (index, record) in records.enumerated() where index != form.submitterIndex {
            let notice = recording.notification(.recorded, about: record,
                message: "Form \(record.form.rawValue) naming your CAF number was recorded on the CAF as authorization \(record.id).")
            let users = try recording.recipients(of: record).filter { $0.rawValue != context.user.id }
            outcome.deliveries += users.map(notice.delivery(to:))
        }
        return outcome
    }

    /// Creates the representative record under a new CAF number. The CAF record carries the
    /// submitter's TIN when the "None" representative is the submitter (matched by PTIN), so they
    /// can link the number to their profile with `caf-link`.
    private func assignCAFNumber(to representative: ValidAuthorization.Representative, isSubmitter: Bool) throws -> CAFNumber {
        var generator = SystemRandomNumberGenerator()
        guard let record = try ReferenceData(context.db).insertRepresentativeWithNewCAF(
                name: representative.name, tin: isSubmitter ? context.user.tin : nil, ptin: representative.ptin?.description,
                address: representative.address, using: &generator),
              let caf = try? CAFNumber(parsing: record.caf)
        else { throw AuthorizationHandlerError.noFreeCAFNumber }
        return caf
    }

    /// A `caf-number.assigned` notification to every practitioner with the PTIN of a representative
    /// who was given a number.
    private func assignmentNotices(_ form: ValidAuthorization, cafs: [CAFNumber], assigned: [Int],
                                   records: [CAFAuthorizationRecord]?) throws -> [PlannedDelivery] {
        var deliveries: [PlannedDelivery] = []
        for index in assigned {
            guard let ptin = form.representatives[index].ptin else { continue }
            let notice = AuthorizationNotification(
                event: .cafNumberAssigned,
                message: "CAF number \(cafs[index]) was assigned to you for a Form \(form.form.rawValue) you are named on.",
                submission: context.submission.rawValue, createdAt: Timestamp.iso(context.now),
                authorization: records?[index].id, form: form.form.rawValue, taxpayer: Masking.tin(form.tin),
                caf: cafs[index].description)
            deliveries += try UserRecord.practitioners(ptin: ptin, in: context.db).map(notice.delivery(to:))
        }
        return deliveries
    }
}
