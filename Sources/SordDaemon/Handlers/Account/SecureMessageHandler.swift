import Foundation
import SordCore
import SordStore

/// `secure-message` (SPEC 12.7): a staff user writes to a practitioner whose linked CAF number
/// holds an active authorization for the taxpayer, form and period, or to the taxpayer's own user;
/// delivered as a `message` file opening a thread (MSG-002). Subjects and bodies never reach a log
/// line or the database: only the sealed file carries the body.
struct SecureMessageHandler: DocumentHandler {
    func decide(_ document: Document, context: HandlerContext) throws -> Outcome {
        guard case .secureMessage(let message) = document else { return .rejected([]) }
        let recipient = try UserRecord.find(message.to, in: context.db)
        let party = try recipient.map { try MessageParty.of($0, db: context.db) }
        let authorizations = try (try? TIN(parsing: message.tin)).map { try ReferenceData(context.db).activeAuthorizations(tin: $0) } ?? []
        switch SecureMessageRules.verdict(message, recipient: party, authorizations: authorizations) {
        case .rejected(let problems):
            return .rejected(problems)
        case .send(let tin, let period):
            guard let recipient else { return .rejected([]) }
            let id = context.ids.next().rawValue
            let record = SecureMessageRecord(id: id, thread: id, from: context.user.id, to: recipient.id, tin: tin, form: message.form,
                                             period: period, subject: message.subject, body: message.body,
                                             createdAt: Timestamp.iso(context.now))
            return try MessageParty.deliver(record, to: recipient.userID, db: context.db)
        }
    }
}

/// `message-reply` (SPEC 12.7): the recipient of a secure message answers it, in its thread, to the
/// staff user who wrote; a practitioner must still hold the authorization (MSG-001, MSG-002).
struct MessageReplyHandler: DocumentHandler {
    func decide(_ document: Document, context: HandlerContext) throws -> Outcome {
        guard case .messageReply(let reply) = document else { return .rejected([]) }
        let original = try SecureMessageRecord.find(reply.message, in: context.db)
        let authorizations = try original.map { try ReferenceData(context.db).activeAuthorizations(tin: $0.tin) } ?? []
        let problems = SecureMessageRules.checkReply(original: original, replier: try MessageParty.of(context.user, db: context.db),
                                                     authorizations: authorizations)
        guard problems.isEmpty, let original, let staff = UserID(original.from) else { return .rejected(problems) }
        let record = original.reply(id: context.ids.next().rawValue, body: reply.body, createdAt: Timestamp.iso(context.now))
        return try MessageParty.deliver(record, to: staff, db: context.db)
    }
}

/// The parts secure messages and their replies share.
enum MessageParty {
    /// `user` as the message rules see them.
    static func of(_ user: UserRecord, db: any SQLSession) throws -> SecureMessageRules.Party {
        let standing = try AccountParties(db).standing(of: user)
        return SecureMessageRules.Party(user: user.id, kind: user.kind, active: user.state == .active, caf: standing.usableCAF,
                                        tin: try? TIN(parsing: user.tin))
    }

    /// Stores the message's header and delivers it as a `message` file to `recipient`.
    static func deliver(_ record: SecureMessageRecord, to recipient: UserID, db: any SQLSession) throws -> Outcome {
        try record.insert(in: db)
        var outcome = Outcome(status: .accepted)
        outcome.deliveries = [PlannedDelivery(recipient: recipient, kind: .message, format: .json, payload: try record.payload.json())]
        outcome.message = MessageReceipt(id: record.id, thread: record.thread)
        outcome.audit = [(action: record.id == record.thread ? "message.sent" : "message.replied", subject: record.id,
                          detail: ["thread": record.thread, "to": recipient.rawValue])]
        return outcome
    }
}
