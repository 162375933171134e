import Crypto
import Foundation
import Logging
import SordCore
import SordSeal
import SordSpool
import SordStore

/// The pipeline of DESIGN-NOTES "the flow of one file", run in batches (group commit):
/// claim → read → parse → decide → commit (outcome + CAF changes + sealed outbox rows in ONE
/// transaction) → deliver (tmp → new, one flush) → mark delivered → archive.
///
/// One processor runs the loop; every step can be killed and redone: recovery at start-up decides
/// again anything claimed but not committed, and delivers again (same ids, same bytes) anything
/// committed but not delivered.
public final class Processor: @unchecked Sendable {
    let layout: SpoolLayout
    let database: SordDatabase
    let logger: Logger
    let clock: @Sendable () -> Date
    let ids: IDSource
    let claimer: Claimer
    let scanner: InboxScanner
    let writer: MailboxWriter
    let archiver: Archiver
    private(set) var config: SordConfig
    private var certificates: [String: RecipientCertificate] = [:]
    /// Files seen in inboxes and not yet claimed, in arrival order, without repeats.
    private var queue: [InboxCandidate] = [] {
        didSet { metrics.queueDepth(queue.count) }
    }
    /// Counters, gauge and histogram for `/metrics` (the daemon hands this to its metrics listener).
    public let metrics = SordMetrics()
    private var queued: Set<InboxCandidate> = []
    /// Work files whose processing failed unexpectedly in this run; retried at the next start.
    private var failed: Set<String> = []
    /// Delivery and archiving of committed batches, one batch at a time, behind the deciding loop.
    private let deliveryQueue = DispatchQueue(label: "sord-delivery")
    private let inFlight = DispatchSemaphore(value: 2)
    private let deliveries = DispatchGroup()

    struct InboxCandidate: Hashable {
        let user: UserID
        let name: String
    }

    public init(config: SordConfig, database: SordDatabase, logger: Logger, clock: @escaping @Sendable () -> Date) {
        self.config = config
        self.layout = SpoolLayout(root: config.spool)
        self.database = database
        self.logger = logger
        self.clock = clock
        self.ids = IDSource(clock: clock)
        self.claimer = Claimer(layout: layout)
        self.scanner = InboxScanner(layout: layout)
        self.writer = MailboxWriter(layout: layout)
        self.archiver = Archiver(layout: layout)
    }

    /// Applies a reloaded configuration (limits, retention, rescan interval) between batches.
    public func apply(_ newConfig: SordConfig) {
        config = newConfig
    }

    /// Number of inbox files known and not yet claimed.
    public var queueDepth: Int { queue.count }

    // MARK: Input

    /// Records an inbox event; a file event queues that one file, a rescan queues every inbox.
    public func note(_ event: InboxEvent) throws {
        switch event {
        case .file(let user, let name): enqueue(user: user, name: name)
        case .rescan: try rescan()
        }
    }

    /// Queues every complete file in every inbox (start-up and the periodic rescan), and retries
    /// any delivery that failed.
    public func rescan() throws {
        retryFailedDeliveries()
        for user in try scanner.userFolders() {
            for name in (try? scanner.files(of: user)) ?? [] { enqueue(user: user, name: name) }
        }
    }

    private func enqueue(user: UserID, name: String) {
        guard InboxName.classify(name) != .ignore else { return }
        let candidate = InboxCandidate(user: user, name: name)
        if queued.insert(candidate).inserted { queue.append(candidate) }
    }

    // MARK: Recovery

    /// Finishes whatever a crash left half-done: cleans every mailbox `tmp/`, delivers committed but
    /// undelivered files, and processes (or just archives, when already committed) files in `work/`.
    public func recover() throws {
        for user in try database.read({ db in try UserRecord.ids(in: db) }) {
            let removed = try writer.cleanTmp(user: user)
            if removed > 0 { logger.notice("removed partial mailbox files", metadata: ["user": "\(user)", "count": "\(removed)"]) }
        }
        while true {
            let undelivered = try database.read { db in try MailboxFileRecord.undelivered(limit: 10_000, in: db) }
            guard !undelivered.isEmpty else { break }
            logger.notice("delivering committed files after restart", metadata: ["count": "\(undelivered.count)"])
            try deliver(undelivered)
        }
        let pending = try claimer.pending()
        if !pending.isEmpty {
            logger.notice("resuming claimed submissions after restart", metadata: ["count": "\(pending.count)"])
            for chunk in stride(from: 0, to: pending.count, by: config.batchSize) {
                try process(Array(pending[chunk..<min(chunk + config.batchSize, pending.count)]))
            }
        }
    }

    // MARK: One batch

    /// Claims and processes up to `batchSize` queued files; returns how many submissions it finished.
    @discardableResult
    public func runBatch() throws -> Int {
        guard !queue.isEmpty else { return 0 }
        let take = min(config.batchSize, queue.count)
        let candidates = Array(queue.prefix(take))
        queue.removeFirst(take)
        candidates.forEach { queued.remove($0) }

        let users = try activeUsers(Set(candidates.map(\.user)))
        var claimed: [WorkFile] = []
        var touched = Set<UserID>()
        for candidate in candidates {
            guard users[candidate.user] != nil else {
                logger.warning("ignoring a file in the inbox of an unknown or disabled user", metadata: ["user": "\(candidate.user)"])
                continue
            }
            if let work = try claimer.claim(user: candidate.user, name: candidate.name, as: ids.next()) {
                claimed.append(work)
                touched.insert(candidate.user)
            }
        }
        guard !claimed.isEmpty else { return 0 }
        try claimer.makeDurable(users: touched)
        CrashPoint.reach(.afterClaim)
        return try process(claimed)
    }

    /// Users by id that exist and are active.
    private func activeUsers(_ ids: Set<UserID>) throws -> [UserID: UserRecord] {
        try database.read { db in try UserRecord.active(ids, in: db) }
    }

    /// Decides, commits, delivers and archives claimed files.
    @discardableResult
    func process(_ files: [WorkFile]) throws -> Int {
        let files = files.filter { !failed.contains($0.name) }
        guard !files.isEmpty else { return 0 }
        let inputs = files.map { file in (file, claimer.read(file, maxBytes: config.maxBytes)) }
        let now = clock()
        var committed: [MailboxFileRecord] = []
        var done: [WorkFile] = []
        try database.write { db in
            try AuditLog.lockHead(db)
            for (file, read) in inputs {
                if try SubmissionRecord.exists(file.submission.rawValue, in: db) {
                    done.append(file)  // committed before a crash; only the archive step is left
                    continue
                }
                guard let user = try UserRecord.find(file.user.rawValue, in: db) else {
                    logger.error("claimed file of a user that no longer exists", metadata: ["submission": "\(file.submission)"])
                    failed.insert(file.name)
                    continue
                }
                do {
                    committed += try db.savepoint("submission") {
                        try commit(file: file, read: read, user: user, now: now, db: db)
                    }
                    done.append(file)
                } catch {
                    logger.error("submission failed; left in work/ for the next start",
                                 metadata: ["submission": "\(file.submission)", "error": "\(error)"])
                    failed.insert(file.name)
                }
            }
        }
        CrashPoint.reach(.afterCommit)
        finishInBackground(committed: committed, done: done, day: Timestamp.day(now))
        return done.count
    }

    /// Delivers a committed batch and archives its inputs on the delivery queue, so the next batch
    /// is decided while this one is written and flushed (the two cores overlap CPU and I/O). At most
    /// two batches wait there; the outcome is already durable, so a failure here is only retried.
    private func finishInBackground(committed: [MailboxFileRecord], done: [WorkFile], day: String) {
        inFlight.wait()
        deliveries.enter()
        deliveryQueue.async { [self] in
            defer {
                inFlight.signal()
                deliveries.leave()
            }
            do {
                try deliver(committed)
                CrashPoint.reach(.afterMark)
                for file in done { try archiver.archive(file, day: day) }
            } catch {
                logger.error("delivery failed; retried at the next rescan", metadata: ["error": "\(error)"])
            }
        }
    }

    /// Waits until every batch handed to the delivery queue is delivered and archived.
    public func drain() {
        deliveries.wait()
    }

    /// On the delivery queue (after anything queued before it): delivers committed files whose
    /// delivery failed earlier in this run.
    private func retryFailedDeliveries() {
        deliveries.enter()
        deliveryQueue.async { [self] in
            defer { deliveries.leave() }
            do {
                // Rows younger than a minute may belong to a batch still queued behind this task.
                let before = Timestamp.iso(clock().addingTimeInterval(-60))
                let rows = try database.read { db in
                    try MailboxFileRecord.undelivered(createdBefore: before, limit: 10_000, in: db)
                }
                if !rows.isEmpty { try deliver(rows) }
            } catch {
                logger.error("delivery retry failed", metadata: ["error": "\(error)"])
            }
        }
    }

    /// Decides one submission and writes its journal row, audit entries and sealed outbox rows.
    private func commit(file: WorkFile, read: Result<[UInt8], SafeFile.Refusal>, user: UserRecord, now: Date,
                        db: any SQLSession) throws -> [MailboxFileRecord] {
        let receivedAt = Timestamp.iso(Timestamp.date(of: file.submission))
        let processedAt = Timestamp.iso(now)
        var bytes: [UInt8] = []
        if case .success(let b) = read { bytes = b }
        let digest = Hex.encode(SHA256.hash(data: bytes))
        let evaluation = try evaluate(file: file, read: read, digest: digest, user: user, now: now, db: db)
        let outcome = evaluation.outcome

        var rows: [MailboxFileRecord] = []
        func stage(_ delivery: PlannedDelivery) throws -> String {
            let id = ids.next()
            let name = MailboxFileName(id: id, kind: delivery.kind, format: delivery.format)
            let recipient = try recipientCertificate(delivery.recipient, db: db)
            let sealed = try Sealer.seal(delivery.payload, to: recipient)
            let expires = Timestamp.iso(now.addingTimeInterval(Double(config.retentionDays) * 86_400))
            let row = MailboxFileRecord(id: id.rawValue, userId: delivery.recipient.rawValue, kind: delivery.kind.rawValue,
                                        format: delivery.format.rawValue, submissionId: file.submission.rawValue,
                                        size: sealed.count, sha256: Hex.encode(SHA256.hash(data: sealed)), sealed: sealed,
                                        createdAt: processedAt, expiresAt: expires)
            try row.insert(in: db)
            rows.append(row)
            return name.description
        }

        var ackItems: [Ack.Item] = []
        for item in outcome.items {
            let names = try item.deliveries.map(stage)
            ackItems.append(Ack.Item(index: item.index, status: item.errors.isEmpty ? "delivered" : "rejected",
                                     files: names, errors: item.errors))
        }
        for delivery in outcome.deliveries { _ = try stage(delivery) }
        let ack = Ack(submission: file.submission.rawValue, file: file.originalName, user: user.id,
                      documentType: evaluation.documentType?.rawValue, clientRef: evaluation.clientRef,
                      receivedAt: receivedAt, processedAt: processedAt, status: outcome.status, errors: outcome.errors,
                      items: ackItems, authorization: outcome.authorization, cafNumber: outcome.cafNumber)
        let ackName = try stage(PlannedDelivery(recipient: file.user, kind: .ack, format: .json, payload: ack.json()))
        let ackID = String(ackName.prefix(26))

        let codes = (outcome.errors + outcome.items.flatMap(\.errors)).map(\.code)
        try SubmissionRecord(id: file.submission.rawValue, userId: user.id, fileName: file.originalName, sha256: digest,
                             size: bytes.count, documentType: evaluation.documentType?.rawValue, clientRef: evaluation.clientRef,
                             receivedAt: receivedAt, processedAt: processedAt, status: outcome.status.rawValue,
                             ackFileId: ackID, errorCodes: Array(Set(codes)).sorted().joined(separator: ",")).insert(in: db)
        try AuditLog.append(db, at: processedAt, actor: user.id, action: "submission." + outcome.status.rawValue,
                            subject: file.submission.rawValue,
                            detail: ["type": evaluation.documentType?.rawValue ?? "", "codes": Array(Set(codes)).sorted().joined(separator: ","),
                                     "ack": ackID, "files": String(rows.count)])
        for entry in outcome.audit {
            try AuditLog.append(db, at: processedAt, actor: user.id, action: entry.action, subject: entry.subject, detail: entry.detail)
        }
        logger.info("submission processed", metadata: [
            "submission": "\(file.submission)", "user": "\(user.id)", "type": "\(evaluation.documentType?.rawValue ?? "-")",
            "status": "\(outcome.status.rawValue)", "codes": "\(Array(Set(codes)).sorted().joined(separator: ","))",
            "files": "\(rows.count)",
        ])
        metrics.submissionProcessed(type: evaluation.documentType?.rawValue, status: outcome.status.rawValue,
                                    latency: .seconds(clock().timeIntervalSince(Timestamp.date(of: file.submission))))
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
        if config.dedupeHours > 0 {
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
        guard Self.may(user.kind, submit: document.kind) else {
            evaluation.outcome = .rejected([Problem(.sub007, "A \(user.kind.rawValue) may not submit a \(document.kind.rawValue) document.")])
            return evaluation
        }
        let handler = DocumentHandlers.handler(for: document.kind)
        let context = HandlerContext(submission: file.submission, user: user, now: now, config: config, ids: ids, db: db)
        evaluation.outcome = try handler.decide(document, context: context)
        return evaluation
    }

    /// Taxpayers only answer Tax Pro Account requests; practitioners send everything else.
    static func may(_ kind: UserRecord.Kind, submit type: DocumentType) -> Bool {
        switch kind {
        case .taxpayer: return type == .authorizationDecision
        case .practitioner: return type != .authorizationDecision
        }
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

    // MARK: Delivery

    /// Writes committed files into their mailboxes and marks them delivered.
    func deliver(_ rows: [MailboxFileRecord]) throws {
        guard !rows.isEmpty else { return }
        let batch = rows.compactMap { row -> MailboxDelivery? in
            guard let user = UserID(row.userId), let name = MailboxFileName(row.name), let sealed = row.sealed else { return nil }
            return MailboxDelivery(user: user, name: name, sealed: Array(sealed))
        }
        for user in Set(batch.map(\.user)) { try layout.createUserFolders(user) }
        try writer.deliver(batch)
        CrashPoint.reach(.afterDeliver)
        let at = Timestamp.iso(clock())
        try database.writeDeferringSync { db in
            try MailboxFileRecord.markDelivered(rows.map(\.id), at: at, in: db)
            // One audit entry per submission and recipient, naming every file delivered.
            let groups = Dictionary(grouping: rows) { SubmissionRecipient(submission: $0.submissionId, user: $0.userId) }
            for (key, files) in groups.sorted(by: { ($0.key.submission, $0.key.user) < ($1.key.submission, $1.key.user) }) {
                try AuditLog.append(db, at: at, actor: "sord", action: "mailbox.delivered", subject: key.submission,
                                    detail: ["user": key.user, "files": files.map(\.id).sorted().joined(separator: ",")])
            }
        }
        metrics.delivered(count: rows.count)
    }
}

/// Groups delivered files for their audit entry.
private struct SubmissionRecipient: Hashable {
    let submission: String
    let user: String
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
