import SordCore
#if canImport(Glibc)
import Glibc
#endif

/// One user's inbox folder, opened without following links (`O_NOFOLLOW | O_DIRECTORY`): an inbox
/// replaced by a symlink is refused, never followed, and every entry in it is named relative to the
/// open folder, so nothing outside the spool can be listed or claimed through it (SPEC 3, 4).
public final class InboxFolder {
    /// The open folder.
    let fd: Int32
    public let user: UserID

    /// Why an inbox folder could not be opened.
    public enum Refusal: Error, Equatable, Sendable {
        /// It is a symbolic link (or not a folder at all).
        case notAFolder
        /// It does not exist.
        case missing
        /// It could not be opened (errno text).
        case unreadable(String)
    }

    /// Opens `inbox/<user>`.
    public init(layout: SpoolLayout, user: UserID) throws(Refusal) {
        let fd = open(layout.inbox(user), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else {
            switch errno {
            case ELOOP, ENOTDIR: throw .notAFolder
            case ENOENT: throw .missing
            default: throw .unreadable(String(cString: strerror(errno)))
            }
        }
        self.fd = fd
        self.user = user
    }

    deinit {
        close(fd)
    }

    /// An entry of the folder, as `lstat` saw it (links not followed).
    public struct Entry: Sendable, Hashable {
        public let name: String
        public let size: Int64
        /// Last modification, in nanoseconds since 1970.
        public let modified: Int64
        public let inode: UInt64
    }

    /// Every entry whose name is not ignored (SPEC 4), with its size and modification time.
    public func entries() throws -> [Entry] {
        let copy = dup(fd)
        guard copy >= 0, let dir = fdopendir(copy) else {
            if copy >= 0 { close(copy) }
            throw SpoolError("opendir inbox of \(user)")
        }
        defer { closedir(dir) }
        var entries: [Entry] = []
        while let raw = readdir(dir) {
            let name = withUnsafePointer(to: raw.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            guard name != ".", name != "..", InboxName.classify(name) != .ignore, let entry = entry(name) else { continue }
            entries.append(entry)
        }
        return entries.sorted { $0.name < $1.name }
    }

    /// The entry `name` (not following a link), or nil when it is gone.
    public func entry(_ name: String) -> Entry? {
        var st = stat()
        guard fstatat(fd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
        return Entry(name: name, size: Int64(st.st_size),
                     modified: Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec), inode: UInt64(st.st_ino))
    }
}
