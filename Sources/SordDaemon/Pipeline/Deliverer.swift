import Foundation
import Logging
import SordCore
import SordSpool
import SordStore

/// The delivery stage: writes committed outbox rows into their mailboxes (tmp → new, one flush),
/// marks them delivered, then archives the batch's inputs — on a queue of its own, behind the
/// deciding loop, so the next batch is decided while this one is written (the two cores overlap
/// CPU and I/O). The outcome is already durable when a batch gets here, so a failure is only retried.
final class Deliverer: @unchecked Sendable {
    let layout: SpoolLayout
    let database: SordDatabase
    let logger: Logger
    let metrics: SordMetrics
    let clock: @Sendable () -> Date
    /// This node (the holder of the leases it takes) and how long a lease lasts.
    let node: String
    let leaseSeconds: Int
    private let writer: MailboxWriter
    private let archiver: Archiver
    private let queue = DispatchQueue(label: "sord-delivery")
    /// At most two batches wait on the queue; the deciding loop waits beyond that.
    private let inFlight = DispatchSemaphore(value: 2)
    private let pending = DispatchGroup()

    init(layout: SpoolLayout, database: SordDatabase, logger: Logger, metrics: SordMetrics, clock: @escaping @Sendable () -> Date,
         node: String, leaseSeconds: Int) {
        self.node = node
        self.leaseSeconds = leaseSeconds
        self.layout = layout
        self.database = database
        self.logger = logger
        self.metrics = metrics
        self.clock = clock
        writer = MailboxWriter(layout: layout, node: node)
        archiver = Archiver(layout: layout)
    }

    /// Delivers `committed` and archives `done` under `day`, in the background.
    func finish(committed: [MailboxFileRecord], done: [WorkFile], day: String) {
        inFlight.wait()
        pending.enter()
        queue.async { [self] in
            defer {
                inFlight.signal()
                pending.leave()
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

    /// Waits until every batch handed over is delivered and archived.
    func drain() {
        pending.wait()
    }

    /// On the queue (after anything handed over before): delivers committed files nobody is
    /// delivering — a failed delivery, a dead node's batch — once their leases have run out.
    func retryUndelivered() {
        pending.enter()
        queue.async { [self] in
            defer { pending.leave() }
            do {
                try deliverUndelivered()
            } catch {
                logger.error("delivery retry failed", metadata: ["error": "\(error)"])
            }
        }
    }

    /// Delivers, on the calling thread, every committed, undelivered file this node may take: its
    /// own, and those whose lease has run out (recovery at start-up, and the retries).
    func deliverUndelivered() throws {
        while true {
            let now = clock()
            let rows = try database.write { db in
                try MailboxFileRecord.lease(for: node, now: Timestamp.iso(now),
                                            until: Timestamp.iso(now.addingTimeInterval(Double(leaseSeconds))), limit: 1_000, in: db)
            }
            guard !rows.isEmpty else { return }
            logger.notice("delivering committed files", metadata: ["count": "\(rows.count)"])
            try deliver(rows)
            if rows.count < 1_000 { return }
        }
    }

    /// Removes partial files a crash of this node left in every mailbox's `tmp/`, and those of
    /// other nodes old enough that no live node can still be writing them.
    func cleanTmp() throws {
        for user in try database.read({ db in try UserRecord.ids(in: db) }) {
            let removed = try writer.cleanTmp(user: user, othersOlderThan: Double(leaseSeconds))
            if removed > 0 { logger.notice("removed partial mailbox files", metadata: ["user": "\(user)", "count": "\(removed)"]) }
        }
    }

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
