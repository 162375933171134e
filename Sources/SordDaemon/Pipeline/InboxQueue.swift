import Foundation
import Logging
import SordCore
import SordSpool

/// What waits in the inboxes, and when each file may be claimed (SPEC 4): at once when inotify
/// saw its last writer close it or a rename bring it in; never while it is known to be open; and,
/// found by a rescan without such events, once it has not changed for `settle_seconds`.
///
/// Files are taken user by user in turn (round robin), each user's in arrival order, and a user
/// who had nothing waiting goes next: one practitioner's bulk backlog never makes another's single
/// request wait behind all of it. Used from the processing thread only.
final class InboxQueue {
    /// A file in a user's inbox.
    struct Candidate: Hashable {
        let user: UserID
        let name: String
    }

    private let scanner: InboxScanner
    private let logger: Logger
    /// Each user's files that may be claimed, in arrival order, without repeats.
    private var lines: [UserID: Line] = [:]
    /// Users with files waiting, the next to be served first.
    private var turns: [UserID] = []
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
    var depth: Int { queued.count }

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

    /// Takes up to `count` files to claim, user by user in turn, leaving any that became open
    /// meanwhile. A file whose `size` would take the batch past `budget` bytes ends the batch and
    /// goes first in the next (a file larger than the budget makes a batch of its own).
    func take(_ count: Int, budget: Int64, size: (Candidate) -> Int64) -> [Candidate] {
        var taken: [Candidate] = []
        var bytes: Int64 = 0
        while taken.count < count, let user = turns.first, var line = lines[user], let next = line.next {
            let cost = size(next)
            if !taken.isEmpty && bytes + cost > budget { break }
            bytes += cost
            line.advance()
            turns.removeFirst()
            queued.remove(next)
            if line.isEmpty { lines[user] = nil } else { lines[user] = line; turns.append(user) }
            if !writing.contains(next) { taken.append(next) }
        }
        return taken
    }

    private func enqueue(_ candidate: Candidate) {
        guard InboxName.classify(candidate.name) != .ignore, queued.insert(candidate).inserted else { return }
        if lines[candidate.user] == nil {
            lines[candidate.user] = Line()
            turns.insert(candidate.user, at: 0)
        }
        lines[candidate.user]?.append(candidate)
    }

    /// One user's waiting files, oldest first; taking one is O(1) (the taken prefix is dropped
    /// once it is most of the array).
    private struct Line {
        private var files: [Candidate] = []
        private var head = 0

        var next: Candidate? { head < files.count ? files[head] : nil }
        var isEmpty: Bool { head >= files.count }

        mutating func append(_ candidate: Candidate) { files.append(candidate) }

        mutating func advance() {
            head += 1
            if head > 1024 && head * 2 > files.count {
                files.removeFirst(head)
                head = 0
            }
        }
    }
}
