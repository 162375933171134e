#if canImport(Glibc)
import Glibc
#endif

/// The process's file descriptors.
enum FileDescriptors {
    /// Raises the soft limit on open files to the hard limit (systemd's default soft limit is 1,024;
    /// the API's connection cap keeps descriptors for the processing loop within it either way).
    static func raiseLimit() {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < limit.rlim_max else { return }
        limit.rlim_cur = limit.rlim_max
        _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    }
}
