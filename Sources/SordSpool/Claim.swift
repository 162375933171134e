import CLinux
import Foundation
import SordCore
#if canImport(Glibc)
import Glibc
#endif

/// Claims inbox files by atomic rename into a folder of their own under `work/`, so each file is
/// processed once even with several workers or nodes, and makes a batch of claims durable.
public struct Claimer: Sendable {
    public let layout: SpoolLayout

    public init(layout: SpoolLayout) {
        self.layout = layout
    }

    /// What became of one claim.
    public enum Result: Sendable, Equatable {
        /// Moved into `work/`.
        case claimed(WorkFile)
        /// Gone already: another worker claimed it, or its writer removed it.
        case gone
        /// It cannot be moved (`errno`, e.g. EACCES for a folder another user owns): an error for
        /// this entry alone.
        case refused(Int32)
    }

    /// Moves `inbox/<user>/<name>` to `work/<submission>~<user>/<name>`.
    public func claim(_ name: String, in inbox: InboxFolder, as submission: SortableID) throws -> Result {
        let work = WorkFile(submission: submission, user: inbox.user, originalName: name)
        let folder = layout.work + "/" + work.folder
        guard mkdir(folder, 0o700) == 0 else { throw SpoolError("mkdir work folder") }
        let target = open(folder, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard target >= 0 else {
            rmdir(folder)
            throw SpoolError("open work folder")
        }
        defer { close(target) }
        if renameat(inbox.fd, name, target, name) == 0 { return .claimed(work) }
        let code = errno
        rmdir(folder)
        switch code {
        case ENOENT: return .gone
        case ENOSPC, EDQUOT, EMFILE, ENFILE, EIO, EROFS, ENOMEM: throw SpoolError("claim rename", errno: code)
        default: return .refused(code)
        }
    }

    /// Makes the claims of a batch durable (the inbox entries gone, the work folders and files
    /// there): one flush of the file system. Without it a crash could put a processed file back in
    /// its inbox.
    public func makeDurable() throws {
        try Durable.syncFileSystem(containing: layout.work)
    }

    /// Every claimed file still in `work/` (recovery after a crash), oldest submission first. A
    /// work folder left empty by a crash between its creation and the rename is removed once it is
    /// older than `emptyAfter` seconds (younger ones may be a claim in progress on another node).
    public func pending(removingEmptyOlderThan emptyAfter: Double = 60) throws -> [WorkFile] {
        var found: [WorkFile] = []
        for folder in try Durable.list(layout.work) {
            guard let (submission, user) = WorkFile.parse(folder: folder) else { continue }
            let path = layout.work + "/" + folder
            guard let names = try? Durable.list(path) else { continue }
            if let name = names.first {
                found.append(WorkFile(submission: submission, user: user, originalName: name))
            } else if Date().timeIntervalSince(Timestamp.date(of: submission)) > emptyAfter {
                rmdir(path)
            }
        }
        return found.sorted { $0.submission < $1.submission }
    }

    /// The claimed file of `submission`, when it is still in `work/`.
    public func pending(submission: SortableID, user: UserID) -> WorkFile? {
        let folder = WorkFile.folder(submission: submission, user: user)
        guard let name = try? Durable.list(layout.work + "/" + folder).first else { return nil }
        return WorkFile(submission: submission, user: user, originalName: name)
    }

    /// The path of a claimed file.
    public func path(of file: WorkFile) -> String {
        layout.work + "/" + file.folder + "/" + file.originalName
    }

    /// Reads a claimed file as a submission (never follows links, never blocks).
    public func read(_ file: WorkFile, maxBytes: Int) -> Swift.Result<[UInt8], SafeFile.Refusal> {
        SafeFile.read(path(of: file), maxBytes: maxBytes)
    }
}
