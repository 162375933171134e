import Foundation
import SordCore
#if canImport(Glibc)
import Glibc
#endif

/// One sealed file to place in a user's SOR mailbox.
public struct MailboxDelivery: Sendable {
    public let user: UserID
    public let name: MailboxFileName
    public let sealed: [UInt8]

    public init(user: UserID, name: MailboxFileName, sealed: [UInt8]) {
        self.user = user
        self.name = name
        self.sealed = sealed
    }
}

/// Writes SOR mailboxes the Maildir way: `tmp/` first, then one rename into `new/`, so a file is
/// complete or absent. A batch is made durable with one file-system flush and one fsync per folder.
/// Temporary names carry the writing node (`<name>.<node>`), so nodes sharing a spool never write
/// or clean each other's partial files.
public struct MailboxWriter: Sendable {
    public let layout: SpoolLayout
    /// The writing node's name (letters, digits, `.`, `_`, `-`).
    public let node: String

    public init(layout: SpoolLayout, node: String = "local") {
        self.layout = layout
        self.node = node
    }

    private func tmpPath(_ file: MailboxDelivery) -> String {
        layout.mailboxTmp(file.user) + "/" + file.name.description + "." + node
    }

    /// Delivers a batch. A file already in `new/` or `cur/` (a retry after a crash) is left as it is,
    /// so a retried delivery never duplicates and never resurrects a downloaded file.
    public func deliver(_ batch: [MailboxDelivery]) throws {
        var written: [MailboxDelivery] = []
        for file in batch where !isPresent(user: file.user, name: file.name) {
            let tmp = tmpPath(file)
            if Durable.exists(tmp) { unlink(tmp) }
            try Durable.writeNewFile(tmp, file.sealed, sync: false)
            written.append(file)
        }
        guard !written.isEmpty else { return }
        // One flush makes every tmp file's data durable before any becomes visible in new/.
        try Durable.syncFileSystem(containing: layout.sorRoot)
        var folders = Set<String>()
        for file in written {
            let name = file.name.description
            try Durable.rename(tmpPath(file), to: layout.mailboxNew(file.user) + "/" + name)
            folders.insert(layout.mailboxNew(file.user))
        }
        for folder in folders { try Durable.fsyncDirectory(folder) }
    }

    /// Whether the file is already in the mailbox (downloaded or not).
    public func isPresent(user: UserID, name: MailboxFileName) -> Bool {
        Durable.exists(layout.mailboxNew(user) + "/" + name.description)
            || Durable.exists(layout.mailboxCur(user) + "/" + name.description)
    }

    /// The path of a delivered file, in `new/` or `cur/`, or nil when it is not there.
    public func path(user: UserID, name: MailboxFileName) -> String? {
        for folder in [layout.mailboxNew(user), layout.mailboxCur(user)] {
            let path = folder + "/" + name.description
            if Durable.exists(path) { return path }
        }
        return nil
    }

    /// Moves a downloaded file from `new/` to `cur/` (idempotent).
    public func markDownloaded(user: UserID, name: MailboxFileName) throws {
        let from = layout.mailboxNew(user) + "/" + name.description
        guard Durable.exists(from) else { return }
        try Durable.rename(from, to: layout.mailboxCur(user) + "/" + name.description)
        try Durable.fsyncDirectory(layout.mailboxCur(user))
        try Durable.fsyncDirectory(layout.mailboxNew(user))
    }

    /// Deletes a file from the mailbox (idempotent).
    public func remove(user: UserID, name: MailboxFileName) throws {
        for folder in [layout.mailboxNew(user), layout.mailboxCur(user)] {
            if unlink(folder + "/" + name.description) == 0 { try Durable.fsyncDirectory(folder) }
        }
    }

    /// Removes what a crash left in a user's `tmp/`: this node's partial files, and other nodes'
    /// unchanged for `othersOlderThan` seconds (their writer is gone); returns how many it removed.
    @discardableResult
    public func cleanTmp(user: UserID, othersOlderThan age: Double = 0) throws -> Int {
        let tmp = layout.mailboxTmp(user)
        guard Durable.exists(tmp) else { return 0 }
        var removed = 0
        let cutoff = Date().timeIntervalSince1970 - age
        for name in try Durable.list(tmp) {
            var st = stat()
            let own = name.hasSuffix("." + node)
            guard own || (lstat(tmp + "/" + name, &st) == 0 && Double(st.st_mtim.tv_sec) < cutoff) else { continue }
            if unlink(tmp + "/" + name) == 0 { removed += 1 }
        }
        return removed
    }
}
