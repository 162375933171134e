#if canImport(Glibc)
import Glibc
#endif

/// The free space of a file system.
enum FreeSpace {
    /// Whether the file system holding `path` has no block left for an unprivileged writer.
    static func isExhausted(_ path: String) -> Bool {
        var info = statvfs()
        return statvfs(path, &info) == 0 && info.f_bavail == 0
    }
}
