import Foundation
import Logging
import SordCore
import SordSpool
import SordStore

/// The delivery stage: writes committed outbox rows into their mailboxes (tmp → new, one flush per
/// chunk), marks them delivered, then archives the batch's inputs — on a queue of its own, behind
/// the deciding loop, so the next batch is decided while this one is written (the two cores overlap
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
    /// At most two large batches wait for delivery, and eight small ones (one chunk or less, which
    /// never wait behind a whole large one); the deciding loop waits beyond that.
    private let inFlight = (large: DispatchSemaphore(value: 2), small: DispatchSemaphore(value: 8))
    private let pending = DispatchGroup()
    /// Committed batches not yet fully delivered, in turn (see `finish`); guarded by `lock`.
    private var waiting: [Batch] = []
    private var working = false
    private let lock = NSLock()

    /// Files written, flushed and marked in one go: a batch larger than this is delivered a chunk
    /// at a time, taking turns with the batches behind it.
    static let chunkSize = 128

    /// A committed batch on its way: the rows still to deliver, then the inputs to archive, and the
    /// slot it holds.
    private struct Batch {
        var rows: ArraySlice<MailboxFileRecord>
        let done: [WorkFile]
        let day: String
        let slot: DispatchSemaphore
    }

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

    /// Delivers `committed` and archives `done` under `day`, in the background. Batches take turns
    /// a chunk (`chunkSize` files) at a time, so a small batch committed behind a bulk one (a
    /// 1,000-item request) is delivered after one chunk of each batch ahead of it, not after all of
    /// them. Waits first for a slot: two large batches, or eight small ones, may be on their way.
    func finish(committed: [MailboxFileRecord], done: [WorkFile], day: String) {
        let slot = committed.count <= Self.chunkSize ? inFlight.small : inFlight.large
        slot.wait()
        pending.enter()
        let start = lock.withLock {
            waiting.append(Batch(rows: committed[...], done: done, day: day, slot: slot))
            defer { working = true }
            return !working
        }
        if start { queue.async { [self] in work() } }
    }

    /// On the queue: delivers the waiting batches, a chunk of the first one at a time, sending a
    /// batch with files left to the back of the line, until none waits.
    private func work() {
        while let batch = lock.withLock({ () -> Batch? in
            // Checked and cleared under the lock, so a batch added meanwhile finds a worker running or starts one.
            guard !waiting.isEmpty else {
                working = false
                return nil
            }
            return waiting.removeFirst()
        }) {
            var rest = batch
            let chunk = rest.rows.prefix(Self.chunkSize)
            rest.rows = rest.rows.dropFirst(chunk.count)
            do {
                try deliver(Array(chunk))
                if !rest.rows.isEmpty {
                    lock.withLock { waiting.append(rest) }
                    continue
                }
                CrashPoint.reach(.afterMark)
                for file in batch.done { try archiver.archive(file, day: batch.day) }
            } catch {
                logger.error("delivery failed; retried at the next rescan", metadata: ["error": "\(error)"])
            }
            batch.slot.signal()
            pending.leave()
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
        // A row that cannot be written (no sealed bytes, an unusable user or name) is left undelivered
        // and reported, never marked delivered.
        var batch: [MailboxDelivery] = []
        var written: [MailboxFileRecord] = []
        for row in rows {
            guard let user = UserID(row.userId), let name = MailboxFileName(row.name), let sealed = row.sealed else {
                logger.error("outbox row cannot be delivered; left undelivered", metadata: ["file": "\(row.id)"])
                continue
            }
            batch.append(MailboxDelivery(user: user, name: name, sealed: Array(sealed)))
            written.append(row)
        }
        guard !written.isEmpty else { return }
        for user in Set(batch.map(\.user)) { try layout.createUserFolders(user) }
        try writer.deliver(batch)
        CrashPoint.reach(.afterDeliver)
        let at = Timestamp.iso(clock())
        try database.writeDeferringSync { db in
            try MailboxFileRecord.markDelivered(written.map(\.id), at: at, in: db)
            // One audit entry per submission and recipient, naming every file delivered.
            let groups = Dictionary(grouping: written) { SubmissionRecipient(submission: $0.submissionId, user: $0.userId) }
            for (key, files) in groups.sorted(by: { ($0.key.submission, $0.key.user) < ($1.key.submission, $1.key.user) }) {
                try AuditLog.append(db, at: at, actor: "sord", action: "mailbox.delivered", subject: key.submission,
                                    detail: ["user": key.user, "files": files.map(\.id).sorted().joined(separator: ",")])
            }
        }
        metrics.delivered(count: written.count)
    }
}

/// Groups delivered files for their audit entry.
private struct SubmissionRecipient: Hashable {
    let submission: String
    let user: String
}
