import CLinux
import Foundation
import SordCore
#if canImport(Glibc)
import Glibc
#endif

/// Places a complete file into a user's inbox the safe way: a hidden temp name, fsync, rename to
/// a name not yet taken, folder fsync. Used by `sord submit` and the demo.
public struct InboxDrop: Sendable {
    public let layout: SpoolLayout

    public init(layout: SpoolLayout) {
        self.layout = layout
    }

    /// Drops `bytes` under `name` (or `name-2`, `name-3` … when taken); returns the name used.
    public func drop(_ bytes: Data, as name: String, user: UserID) throws -> String {
        let folder = layout.inbox(user)
        let base = name.isEmpty || name.hasPrefix(".") ? "submission" + name : name
        let temp = folder + "/.\(getpid())-\(UInt32.random(in: 0...UInt32.max)).part"
        try Durable.writeNewFile(temp, bytes, sync: true)
        let stem = (base as NSString).deletingPathExtension
        let ext = (base as NSString).pathExtension
        for attempt in 1...10_000 {
            let candidate = attempt == 1 ? base : ext.isEmpty ? "\(stem)-\(attempt)" : "\(stem)-\(attempt).\(ext)"
            // Fails if the name exists, so an existing file is never replaced, and the file never
            // has two links (which the daemon would refuse).
            if sord_rename_noreplace(temp, folder + "/" + candidate) == 0 {
                try Durable.fsyncDirectory(folder)
                return candidate
            }
            guard errno == EEXIST else { unlink(temp); throw SpoolError("link into inbox") }
        }
        unlink(temp)
        throw SpoolError("no free name in the inbox", errno: EEXIST)
    }
}
