import Foundation
import Logging
import SordCore
import SordSpool
import SordStore

/// The pipeline of DESIGN-NOTES "the flow of one file", run in batches (group commit):
/// claim → read → decide and commit (outcome + CAF changes + sealed outbox rows in ONE transaction,
/// `Decider`) → deliver (tmp → new, one flush) → mark delivered → archive (`Deliverer`).
///
/// Every step can be killed and redone: recovery at start-up decides again anything claimed but
/// not committed, and delivers again (same ids, same bytes) anything committed but not delivered.
/// A step that fails because of a `Trouble` (disk full, database busy) leaves its files claimed in
/// `work/`; `resumeWork()` finishes them once the daemon retries. Used from one thread at a time.
public final class Processor: @unchecked Sendable {
    let layout: SpoolLayout
    let database: SordDatabase
    let logger: Logger
    let clock: @Sendable () -> Date
    let ids: IDSource
    let claimer: Claimer
    private(set) var config: SordConfig
    /// Counters, gauge and histogram for `/metrics`.
    public let metrics: SordMetrics
    private let inbox: InboxQueue
    private let decider: Decider
    private let deliverer: Deliverer
    private let scheduler: Scheduler
    /// Work folders whose processing failed unexpectedly (a bug, not a `Trouble`) in this run;
    /// retried at the next start rather than over and over.
    private var failed: Set<String> = []

    public init(config: SordConfig, database: SordDatabase, metrics: SordMetrics, logger: Logger, clock: @escaping @Sendable () -> Date) {
        self.config = config
        self.metrics = metrics
        self.layout = SpoolLayout(root: config.spool)
        self.database = database
        self.logger = logger
        self.clock = clock
        self.ids = IDSource(clock: clock)
        self.claimer = Claimer(layout: layout)
        inbox = InboxQueue(scanner: InboxScanner(layout: layout), logger: logger)
        decider = Decider(config: config, ids: ids, logger: logger, metrics: metrics, clock: clock)
        deliverer = Deliverer(layout: layout, database: database, logger: logger, metrics: metrics, clock: clock,
                              node: config.nodeID, leaseSeconds: config.leaseSeconds)
        scheduler = Scheduler(database: database, decider: decider, deliverer: deliverer, logger: logger)
    }

    /// Posts everything due up to today (request expiry, scheduled payments, direct debits),
    /// each exactly once; returns how many postings it made.
    @discardableResult
    public func runScheduler() throws -> Int {
        try scheduler.run(now: clock(), requestDays: config.tpaRequestDays)
    }

    /// Applies a reloaded configuration (limits, retention, rescan interval) between batches.
    public func apply(_ newConfig: SordConfig) {
        config = newConfig
        decider.config = newConfig
    }

    /// Number of inbox files that may be claimed now.
    public var queueDepth: Int { inbox.depth }

    /// Whether files found changing wait for `settle_seconds` (the daemon rescans after that).
    public var isSettling: Bool { inbox.isSettling }

    // MARK: Input

    /// Records inbox events, in order. An event that fails (a rescan it asks for meets a `Trouble`)
    /// does not stop the ones after it; the first failure is thrown once all are noted.
    public func note(_ events: [InboxEvent]) throws {
        let now = clock()
        var failure: (any Error)?
        for event in events {
            do {
                try inbox.note(event, settleSeconds: config.settleSeconds, now: now)
            } catch {
                failure = failure ?? error
            }
        }
        metrics.queueDepth(inbox.depth)
        if let failure { throw failure }
    }

    /// Queues every settled file in every inbox (start-up and the periodic rescan), retries any
    /// delivery that failed, and finishes files left in `work/` longer than a lease (a failed
    /// archive step, a node that died).
    public func rescan() throws {
        deliverer.retryUndelivered()
        try resumeWork(olderThan: Double(config.leaseSeconds))
        try inbox.rescan(settleSeconds: config.settleSeconds, now: clock())
        metrics.queueDepth(inbox.depth)
    }

    // MARK: Recovery

    /// Finishes whatever a crash left half-done: cleans every mailbox `tmp/`, delivers committed but
    /// undelivered files, and processes (or just archives, when already committed) files in `work/`.
    public func recover() throws {
        try deliverer.cleanTmp()
        try deliverer.deliverUndelivered()
        try resumeWork(log: "resuming claimed submissions after restart")
    }

    /// Processes every file still claimed in `work/` (claimed more than `olderThan` seconds ago,
    /// when given) — left by a failed batch (a `Trouble`), or by a crash — once the deliveries in
    /// flight are done (they archive what they finished).
    public func resumeWork(olderThan age: Double? = nil, log message: String = "resuming claimed submissions") throws {
        deliverer.drain()
        let claimedBefore = clock().addingTimeInterval(-(age ?? 0))
        let pending = try claimer.pending().filter {
            !failed.contains($0.folder) && (age == nil || Timestamp.date(of: $0.submission) < claimedBefore)
        }
        guard !pending.isEmpty else { return }
        logger.notice("\(message)", metadata: ["count": "\(pending.count)"])
        for chunk in stride(from: 0, to: pending.count, by: config.batchSize) {
            try process(Array(pending[chunk..<min(chunk + config.batchSize, pending.count)]))
        }
    }

    /// Waits until every batch handed to the delivery stage is delivered and archived.
    public func drain() {
        deliverer.drain()
    }

    // MARK: One batch

    /// Input bytes one batch takes at most (a larger file makes a batch of its own): a batch is one
    /// transaction, so a bulk file (a 1,000-row CSV is about 40 KB) is decided apart from the small
    /// requests of other users taken before and after it, while batches of ordinary requests stay
    /// large enough that one commit serves hundreds of deliveries.
    static let batchBytes: Int64 = 32 * 1024

    /// Claims and processes up to `batchSize` queued files, user by user in turn and within
    /// `batchBytes`; returns how many submissions it finished.
    @discardableResult
    public func runBatch() throws -> Int {
        var folders: [UserID: InboxFolder?] = [:]
        func folder(_ user: UserID) -> InboxFolder? {
            if let opened = folders[user] { return opened }
            let opened = try? InboxFolder(layout: layout, user: user)
            folders[user] = opened
            return opened
        }
        let candidates = inbox.take(config.batchSize, budget: Self.batchBytes) { folder($0.user)?.entry($0.name)?.size ?? 0 }
        metrics.queueDepth(inbox.depth)
        guard !candidates.isEmpty else { return 0 }
        let users = try database.read { db in try UserRecord.active(Set(candidates.map(\.user)), in: db) }
        var claimed: [WorkFile] = []
        var refused: [Refusal] = []
        for candidate in candidates {
            guard users[candidate.user] != nil else {
                logger.warning("ignoring a file in the inbox of an unknown or disabled user", metadata: ["user": "\(candidate.user)"])
                continue
            }
            guard let folder = folder(candidate.user) else { continue }
            let inode = folder.entry(candidate.name)?.inode ?? 0
            switch try claimer.claim(candidate.name, in: folder, as: ids.next()) {
            case .claimed(let work): claimed.append(work)
            case .gone: continue
            case .refused(let code):
                refused.append(Refusal(file: WorkFile(submission: ids.next(), user: candidate.user, originalName: candidate.name),
                                       inode: inode, reason: String(cString: strerror(code))))
            }
        }
        if !claimed.isEmpty {
            try claimer.makeDurable()
            CrashPoint.reach(.afterClaim)
        }
        return try process(claimed, refused: refused)
    }

    /// An inbox entry that could not be claimed: answered once (an ack with SUB-001 naming the
    /// reason), remembered by user, name and inode, and left where it is.
    struct Refusal {
        let file: WorkFile
        let inode: UInt64
        let reason: String
    }

    /// Decides and commits claimed files (and refused entries) in one transaction, then hands the
    /// deliveries and archiving to the delivery stage.
    @discardableResult
    func process(_ files: [WorkFile], refused: [Refusal] = []) throws -> Int {
        let files = files.filter { !failed.contains($0.folder) }
        guard !files.isEmpty || !refused.isEmpty else { return 0 }
        let inputs = files.map { file in (file, claimer.read(file, maxBytes: config.maxBytes)) }
        let now = clock()
        var committed: [MailboxFileRecord] = []
        var done: [WorkFile] = []
        var answered = 0
        do {
            try database.write { db in
                // One deciding transaction at a time across nodes; the files are sealed beside the
                // deciding, and their sealed bytes and the audit entries go in at the end.
                try db.lock(.decision)
                let sealing = Sealing()
                var audit: [AuditLog.Pending] = []
                for (file, read) in inputs {
                    if try SubmissionRecord.exists(file.submission.rawValue, in: db) {
                        done.append(file)  // committed before a crash, or by another node; only the archive step is left
                        continue
                    }
                    if let decision = try decide(file, read: read, now: now, db: db, sealing: sealing) {
                        committed += decision.rows
                        audit += decision.audit
                        done.append(file)
                    }
                }
                for refusal in refused where try !InboxRefusal.exists(user: refusal.file.user.rawValue, name: refusal.file.originalName,
                                                                        inode: refusal.inode, in: db) {
                    let why = "it could not be moved out of your inbox (\(refusal.reason)); remove it, or replace it with a regular file you own"
                    if let decision = try decide(refusal.file, read: .failure(.unreadable(why)), now: now, db: db, sealing: sealing) {
                        try InboxRefusal.insert(user: refusal.file.user.rawValue, name: refusal.file.originalName, inode: refusal.inode,
                                                submission: refusal.file.submission.rawValue, at: Timestamp.iso(now), in: db)
                        committed += decision.rows
                        audit += decision.audit
                        answered += 1
                    }
                }
                committed = try sealing.finish(committed, db: db)
                try AuditLog.append(db, audit)
            }
        } catch let failed as Sealing.Failed {
            // The submissions whose files could not be sealed are set aside (left in work/ for the
            // next start); the rest of the batch is decided again at the retry.
            logger.error("sealing failed; submissions left in work/ for the next start",
                         metadata: ["count": "\(failed.causes.count)", "error": "\(failed.error)"])
            self.failed.formUnion(files.filter { failed.causes.contains($0.submission.rawValue) }.map(\.folder))
            throw failed
        }
        CrashPoint.reach(.afterCommit)
        deliverer.finish(committed: committed, done: done, day: Timestamp.day(now))
        return done.count + answered
    }

    /// One submission inside the batch's transaction, in a savepoint of its own: its outbox rows
    /// and audit entries, or nil when it failed for a reason of its own (left in `work/` for the
    /// next start).
    private func decide(_ file: WorkFile, read: Result<[UInt8], SafeFile.Refusal>, now: Date, db: any SQLSession,
                        sealing: Sealing) throws -> Decider.Decision? {
        guard let user = try UserRecord.find(file.user.rawValue, in: db) else {
            logger.error("claimed file of a user that no longer exists", metadata: ["submission": "\(file.submission)"])
            failed.insert(file.folder)
            return nil
        }
        do {
            return try db.savepoint("submission") {
                try decider.commit(file: file, read: read, user: user, now: now, db: db, sealing: sealing)
            }
        } catch where Trouble.of(error) != nil {
            throw error  // the whole batch waits for the trouble to clear
        } catch {
            logger.error("submission failed; left in work/ for the next start",
                         metadata: ["submission": "\(file.submission)", "error": "\(error)"])
            failed.insert(file.folder)
            return nil
        }
    }
}
