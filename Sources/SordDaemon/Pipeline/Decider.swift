import Crypto
import Foundation
import Logging
import SordCore
import SordSeal
import SordSpool
import SordStore

/// The deciding stage: one submission's checks and rules, then its journal row, audit entries and
/// sealed outbox rows written in the caller's transaction (DESIGN-NOTES "the flow of one file").
/// Used from the processing thread only.
final class Decider {
    var config: SordConfig
    let ids: IDSource
    let logger: Logger
    let metrics: SordMetrics
    let clock: @Sendable () -> Date
    /// Parsed recipient certificates by fingerprint.
    private var certificates: [String: RecipientCertificate] = [:]

    init(config: SordConfig, ids: IDSource, logger: Logger, metrics: SordMetrics, clock: @escaping @Sendable () -> Date) {
        self.config = config
        self.ids = ids
        self.logger = logger
        self.metrics = metrics
        self.clock = clock
    }

    /// What one decision wrote: its outbox rows, and the audit entries the batch appends at its end.
    struct Decision {
        var rows: [MailboxFileRecord]
        var audit: [AuditLog.Pending]
    }

    /// Decides one submission and writes its journal row and outbox rows (sealed by `sealing`);
    /// returns them with its audit entries (appended by the caller, at the end of the batch's
    /// transaction, after `sealing.finish`).
    func commit(file: WorkFile, read: Result<[UInt8], SafeFile.Refusal>, user: UserRecord, now: Date,
                db: any SQLSession, sealing: Sealing) throws -> Decision {
        let receivedAt = Timestamp.iso(Timestamp.date(of: file.submission))
        let processedAt = Timestamp.iso(now)
        var bytes: [UInt8] = []
        if case .success(let b) = read { bytes = b }
        let digest = Hex.encode(SHA256.hash(data: bytes))
        let evaluation = try evaluate(file: file, read: read, digest: digest, user: user, now: now, db: db)
        let outcome = evaluation.outcome

        // Every file is named first (its id fixes its name), so the ack can list them; then all are
        // written in this order, their sealing started on the other cores.
        var planned: [PlannedDelivery] = []
        func plan(_ delivery: PlannedDelivery) -> String {
            var named = delivery
            let id = delivery.id ?? ids.next()
            named.id = id
            planned.append(named)
            return MailboxFileRecord.name(id: id.rawValue, kind: delivery.kind.rawValue, format: delivery.format.rawValue)
        }

        var ackItems: [Ack.Item] = []
        for item in outcome.items {
            let names = item.deliveries.map(plan)
            ackItems.append(Ack.Item(index: item.index, status: item.errors.isEmpty ? "delivered" : "rejected",
                                     files: names, errors: item.errors))
        }
        for delivery in outcome.deliveries { _ = plan(delivery) }
        let answers = outcome.answers.map(plan)
        var ack = Ack(submission: file.submission.rawValue, file: file.originalName, user: user.id,
                      documentType: evaluation.documentType?.rawValue, clientRef: evaluation.clientRef,
                      receivedAt: receivedAt, processedAt: processedAt, status: outcome.status, errors: outcome.errors,
                      items: ackItems, authorization: outcome.authorization, cafNumber: outcome.cafNumber)
        ack.files = answers.isEmpty ? nil : answers
        ack.payment = outcome.payment
        ack.plan = outcome.plan
        ack.message = outcome.message
        let ackName = plan(PlannedDelivery(recipient: file.user, kind: .ack, format: .json, payload: try ack.json()))
        let ackID = String(ackName.prefix(26))
        let rows = try stage(planned, cause: file.submission.rawValue, now: now, db: db, sealing: sealing)

        let codes = (outcome.errors + outcome.items.flatMap(\.errors)).map(\.code)
        try SubmissionRecord(id: file.submission.rawValue, userId: user.id, fileName: file.originalName, sha256: digest,
                             size: bytes.count, documentType: evaluation.documentType?.rawValue, clientRef: evaluation.clientRef,
                             receivedAt: receivedAt, processedAt: processedAt, status: outcome.status.rawValue,
                             ackFileId: ackID, errorCodes: Array(Set(codes)).sorted().joined(separator: ",")).insert(in: db)
        var audit = [AuditLog.Pending(at: processedAt, actor: user.id, action: "submission." + outcome.status.rawValue,
                                      subject: file.submission.rawValue,
                                      detail: ["type": evaluation.documentType?.rawValue ?? "",
                                               "codes": Array(Set(codes)).sorted().joined(separator: ","),
                                               "ack": ackID, "files": String(rows.count)])]
        audit += outcome.audit.map {
            AuditLog.Pending(at: processedAt, actor: user.id, action: $0.action, subject: $0.subject, detail: $0.detail)
        }
        logger.info("submission processed", metadata: [
            "submission": "\(file.submission)", "user": "\(user.id)", "type": "\(evaluation.documentType?.rawValue ?? "-")",
            "status": "\(outcome.status.rawValue)", "codes": "\(Array(Set(codes)).sorted().joined(separator: ","))",
            "files": "\(rows.count)",
        ])
        metrics.submissionProcessed(type: evaluation.documentType?.rawValue, status: outcome.status.rawValue,
                                    latency: .seconds(clock().timeIntervalSince(Timestamp.date(of: file.submission))))
        return Decision(rows: rows, audit: audit)
    }

    /// Writes each of `deliveries` as an outbox row (caused by the submission or scheduled posting
    /// `cause`) in the caller's transaction and starts sealing it to its recipient's certificate in
    /// `sealing`, whose `finish` fills in the sealed bytes before the transaction commits. Plaintext is
    /// never written anywhere: a committed row holds the sealed bytes until the file is delivered.
    func stage(_ deliveries: [PlannedDelivery], cause: String, now: Date, db: any SQLSession, sealing: Sealing) throws
        -> [MailboxFileRecord] {
        var recipients: [UserID: RecipientCertificate] = [:]
        let createdAt = Timestamp.iso(now)
        let expires = Timestamp.iso(now.addingTimeInterval(Double(config.retentionDays) * 86_400))
        // This node delivers what it commits; the lease lets another take over if it dies first.
        let leaseUntil = Timestamp.iso(now.addingTimeInterval(Double(config.leaseSeconds)))
        let rows = try deliveries.map { delivery in
            let recipient = try recipients[delivery.recipient] ?? recipientCertificate(delivery.recipient, db: db)
            recipients[delivery.recipient] = recipient
            var row = MailboxFileRecord(id: (delivery.id ?? ids.next()).rawValue, userId: delivery.recipient.rawValue,
                                        kind: delivery.kind.rawValue, format: delivery.format.rawValue, submissionId: cause,
                                        size: 0, sha256: "", sealed: nil, createdAt: createdAt, expiresAt: expires)
            row.leaseNode = config.nodeID
            row.leaseUntil = leaseUntil
            sealing.start(delivery.payload, to: recipient, row: row.id)
            return row
        }
        try MailboxFileRecord.insert(rows, in: db)
        return rows
    }

    private struct Evaluation {
        var outcome: Outcome
        var documentType: DocumentType?
        var clientRef: String?
    }

    /// The checks of SPEC 4 and 6 that apply to every file, then the document's own rules.
    private func evaluate(file: WorkFile, read: Result<[UInt8], SafeFile.Refusal>, digest: String, user: UserRecord,
                          now: Date, db: any SQLSession) throws -> Evaluation {
        let bytes: [UInt8]
        switch read {
        case .failure(.notRegularSingleLink(let what)):
            return Evaluation(outcome: .rejected([Problem(.sub001, "The file is \(what); only a regular file with one link is accepted.")]))
        case .failure(.tooLarge(let size)):
            return Evaluation(outcome: .rejected([Problem(.sub002, "The file has \(size) bytes; the limit is \(config.maxBytes).")]))
        case .failure(.unreadable(let why)):
            return Evaluation(outcome: .rejected([Problem(.sub001, "The file could not be read as a regular file: \(why).")]))
        case .success(let b):
            bytes = b
        }
        if InboxName.classify(file.originalName) == .unsupported {
            return Evaluation(outcome: .rejected([DocumentParser.FileFormat.unsupportedName]))
        }
        // An empty file is never a duplicate: it is answered as empty (SPEC 4).
        if config.dedupeHours > 0 && !bytes.isEmpty {
            let since = Timestamp.iso(now.addingTimeInterval(-Double(config.dedupeHours) * 3600))
            if let earlier = try SubmissionRecord.earlier(user: user.id, sha256: digest, since: since, in: db) {
                return Evaluation(outcome: .rejected([Problem(.sub006, "The same bytes were submitted as \(earlier) within \(config.dedupeHours) hours.")]))
            }
        }
        let document: Document
        switch DocumentParser.parse(bytes: bytes, fileName: file.originalName) {
        case .rejected(let problems):
            return Evaluation(outcome: .rejected(problems))
        case .document(let d):
            document = d
        }
        var evaluation = Evaluation(outcome: Outcome(status: .accepted), documentType: document.kind, clientRef: document.clientRef)
        if let problem = SubmissionPermissions.problem(user.kind, submitting: document.kind) {
            evaluation.outcome = .rejected([problem])
            return evaluation
        }
        let handler = DocumentHandlers.handler(for: document.kind)
        let context = HandlerContext(submission: file.submission, user: user, now: now, config: config, ids: ids, db: db)
        evaluation.outcome = try handler.decide(document, context: context)
        return evaluation
    }

    private func recipientCertificate(_ user: UserID, db: any SQLSession) throws -> RecipientCertificate {
        guard let (pem, fingerprint) = try UserRecord.certificate(of: user.rawValue, in: db) else {
            throw SordDaemonError.unknownRecipient(user.rawValue)
        }
        if let cached = certificates[fingerprint] { return cached }
        let certificate = try RecipientCertificate(pem: pem)
        certificates[fingerprint] = certificate
        return certificate
    }

}

/// Errors of the daemon itself (not of a submission).
public enum SordDaemonError: Error, CustomStringConvertible {
    case unknownRecipient(String)

    public var description: String {
        switch self {
        case .unknownRecipient(let user): "no user \(user) to deliver to"
        }
    }
}
