import Foundation
import Logging
import SordCore
import SordSpool

/// What waits in the inboxes, and when each file may be claimed (SPEC 4): at once when inotify
/// saw its last writer close it or a rename bring it in; never while it is known to be open; and,
/// found by a rescan without such events, once it has not changed for `settle_seconds`.
/// Used from the processing thread only.
final class InboxQueue {
    /// A file in a user's inbox.
    struct Candidate: Hashable {
        let user: UserID
        let name: String
    }

    private let scanner: InboxScanner
    private let logger: Logger
    /// Files that may be claimed, in arrival order, without repeats.
    private var queue: [Candidate] = []
    private var queued: Set<Candidate> = []
    /// Files inotify reports open or being written.
    private var writing: Set<Candidate> = []
    /// Files found by a rescan that changed within `settle_seconds`, with what was seen then.
    private var settling: [Candidate: InboxFolder.Entry] = [:]
    /// Users whose inbox folder could not be opened, already reported (one log line each).
    private var refusedFolders: Set<UserID> = []

    init(scanner: InboxScanner, logger: Logger) {
        self.scanner = scanner
        self.logger = logger
    }

    /// How many files may be claimed now.
    var depth: Int { queue.count }

    /// Whether a rescan after `settle_seconds` would find files now settling.
    var isSettling: Bool { !settling.isEmpty }

    /// Records an inbox event.
    func note(_ event: InboxEvent, settleSeconds: Int, now: Date) throws {
        switch event {
        case .file(let user, let name):
            let candidate = Candidate(user: user, name: name)
            writing.remove(candidate)
            settling[candidate] = nil
            enqueue(candidate)
        case .writing(let user, let name):
            writing.insert(Candidate(user: user, name: name))
        case .released(let user, let name):
            // Closed by a reader, or removed: claimable once settled, like a file found by a rescan.
            writing.remove(Candidate(user: user, name: name))
            try rescan(settleSeconds: settleSeconds, now: now, only: user)
        case .rescan:
            try rescan(settleSeconds: settleSeconds, now: now)
        case .overflow:
            writing.removeAll()
            try rescan(settleSeconds: settleSeconds, now: now)
        }
    }

    /// Queues every settled file in every inbox (or in one user's): start-up, the periodic rescan,
    /// and the check `settle_seconds` after files were found changing.
    func rescan(settleSeconds: Int, now: Date, only user: UserID? = nil) throws {
        let settledBefore = Int64((now.timeIntervalSince1970 - Double(settleSeconds)) * 1_000_000_000)
        for user in try user.map { [$0] } ?? scanner.userFolders() {
            let entries: [InboxFolder.Entry]
            do {
                entries = try scanner.entries(of: user)
                refusedFolders.remove(user)
            } catch let refusal as InboxFolder.Refusal {
                if refusal != .missing, refusedFolders.insert(user).inserted {
                    logger.error("inbox folder refused: it must be a real folder, not a link", metadata: ["user": "\(user)"])
                }
                continue
            }
            let seen = settling.filter { $0.key.user == user }
            seen.keys.forEach { settling[$0] = nil }
            for entry in entries {
                let candidate = Candidate(user: user, name: entry.name)
                guard !writing.contains(candidate), !queued.contains(candidate) else { continue }
                let before = seen[candidate]
                if entry.modified <= settledBefore && (before == nil || before == entry) {
                    enqueue(candidate)
                } else {
                    settling[candidate] = entry
                }
            }
        }
    }

    /// Takes up to `count` files to claim, leaving any that became open meanwhile.
    func take(_ count: Int) -> [Candidate] {
        let taken = Array(queue.prefix(count))
        queue.removeFirst(taken.count)
        taken.forEach { queued.remove($0) }
        return taken.filter { !writing.contains($0) }
    }

    private func enqueue(_ candidate: Candidate) {
        guard InboxName.classify(candidate.name) != .ignore else { return }
        if queued.insert(candidate).inserted { queue.append(candidate) }
    }
}
