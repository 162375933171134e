import SordCore
#if canImport(Glibc)
import Glibc
#endif

/// Claims inbox files by atomic rename into `work/`, so each file is processed once even with
/// several workers, and makes a batch of claims durable with one fsync per folder.
public struct Claimer: Sendable {
    public let layout: SpoolLayout

    public init(layout: SpoolLayout) {
        self.layout = layout
    }

    /// Moves `inbox/<user>/<name>` to `work/<id>~<user>~<name>`. Returns nil when the file is gone
    /// (another worker claimed it, or the writer removed it). A name too long to carry is claimed
    /// under a shortened name so it can still be answered (SUB-008) and archived.
    public func claim(user: UserID, name: String, as submission: SortableID) throws -> WorkFile? {
        let kept = name.utf8.count > 180 ? String(decoding: name.utf8.prefix(180), as: UTF8.self) : name
        let work = WorkFile(submission: submission, user: user, originalName: kept)
        let from = layout.inbox(user) + "/" + name
        let to = layout.work + "/" + work.name
        if Glibc.rename(from, to) != 0 {
            if errno == ENOENT { return nil }
            throw SpoolError("claim rename")
        }
        return work
    }

    /// Makes the renames of a batch durable: the inbox folders they left and `work/`. Without this a
    /// crash could put a processed file back in its inbox.
    public func makeDurable(users: Set<UserID>) throws {
        for user in users { try Durable.fsyncDirectory(layout.inbox(user)) }
        try Durable.fsyncDirectory(layout.work)
    }

    /// Every claimed file still in `work/` (recovery after a crash).
    public func pending() throws -> [WorkFile] {
        try Durable.list(layout.work).compactMap { WorkFile(name: $0) }.sorted { $0.submission < $1.submission }
    }

    /// Reads a claimed file as a submission (never follows links, never blocks).
    public func read(_ file: WorkFile, maxBytes: Int) -> Result<[UInt8], SafeFile.Refusal> {
        SafeFile.read(layout.work + "/" + file.name, maxBytes: maxBytes)
    }
}
