import Crypto
import Dispatch
import Foundation
import SordCore
import SordSeal
import SordStore

/// The sealing of one transaction's outbox rows, run on the other cores while the deciding thread
/// goes on with the next submission (DESIGN-NOTES "stages that use every core").
///
/// `start` queues one row's payload for sealing and asks Dispatch's global pool for a thread to seal
/// it; the caller inserts the row at once without its sealed bytes, so the mailbox and hourly limits,
/// which count rows, see it. `finish` seals on the calling thread whatever no pool thread has taken
/// yet (so progress never depends on a free pool thread), waits for the seals in progress, and
/// writes the rows again with their sealed bytes, size and SHA-256, inside the same transaction,
/// before it commits: a committed row always holds its sealed file. Plaintext lives only in memory.
/// Used from one thread.
final class Sealing {
    private let queue = Queue()

    /// A seal that failed; the batch fails with it, and the submissions it names are set aside.
    struct Failed: Error, CustomStringConvertible {
        /// The submissions (or scheduled postings) whose files could not be sealed.
        let causes: Set<String>
        let error: any Error
        var description: String { "sealing failed: \(error)" }
    }

    /// Queues `payload` to be sealed to `recipient` for the outbox row `id`.
    func start(_ payload: Data, to recipient: RecipientCertificate, row id: String) {
        queue.add(Queue.Job(row: id, payload: payload, recipient: recipient))
        let queue = queue
        DispatchQueue.global().async { queue.sealNext() }
    }

    /// Finishes every seal started, then writes the sealed bytes of `rows` (the rows of the
    /// decisions that were kept; seals of rolled-back ones are dropped) and returns them sealed.
    /// - Throws: `Failed` naming the causes of the rows whose sealing failed; a store error.
    func finish(_ rows: [MailboxFileRecord], db: any SQLSession) throws -> [MailboxFileRecord] {
        while queue.sealNext() {}
        let results = queue.results()
        var sealedRows: [MailboxFileRecord] = []
        sealedRows.reserveCapacity(rows.count)
        var failures: (causes: Set<String>, first: (any Error)?) = ([], nil)
        for var row in rows {
            switch results[row.id] {
            case .success(let sealed):
                row.sealed = sealed
                row.size = sealed.count
                row.sha256 = Hex.encode(SHA256.hash(data: sealed))
                sealedRows.append(row)
            case .failure(let error):
                failures.causes.insert(row.submissionId)
                failures.first = failures.first ?? error
            case nil:
                preconditionFailure("no seal was started for outbox row \(row.id)")
            }
        }
        if let error = failures.first { throw Failed(causes: failures.causes, error: error) }
        try MailboxFileRecord.replace(sealedRows, in: db)
        return sealedRows
    }

    /// The payloads waiting to be sealed, in order, and the results, shared with the pool threads.
    private final class Queue: @unchecked Sendable {
        struct Job {
            let row: String
            let payload: Data
            let recipient: RecipientCertificate
        }

        private let condition = NSCondition()
        private var waiting: [Job?] = []
        private var next = 0
        private var sealing = 0
        private var sealed: [String: Result<Data, any Error>] = [:]

        func add(_ job: Job) {
            condition.withLock { waiting.append(job) }
        }

        /// Seals the next waiting payload on the calling thread; false when none was waiting.
        @discardableResult
        func sealNext() -> Bool {
            let job: Job? = condition.withLock {
                guard next < waiting.count, let job = waiting[next] else { return nil }
                waiting[next] = nil
                next += 1
                sealing += 1
                return job
            }
            guard let job else { return false }
            let result = Result { try Sealer.seal(job.payload, to: job.recipient) }
            condition.withLock {
                sealed[job.row] = result
                sealing -= 1
                condition.broadcast()
            }
            return true
        }

        /// Every result, once no seal is in progress.
        func results() -> [String: Result<Data, any Error>] {
            condition.withLock {
                while sealing > 0 { condition.wait() }
                return sealed
            }
        }
    }
}
