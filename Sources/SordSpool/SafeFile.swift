import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a claimed input the way Postfix's `safe_open` does: never follows a symlink, never blocks
/// on a FIFO or device, and accepts only a regular file with exactly one link.
public enum SafeFile {
    /// Why a file could not be read as a submission.
    public enum Refusal: Error, Equatable, Sendable {
        /// A symlink, FIFO, socket, device, folder, or a file with more than one hard link.
        case notRegularSingleLink(String)
        /// Larger than the limit (its size in bytes).
        case tooLarge(Int)
        /// The file vanished or could not be opened for another reason.
        case unreadable(String)
    }

    /// Reads the whole file at `path` if it is a regular single-link file no larger than `maxBytes`.
    public static func read(_ path: String, maxBytes: Int) -> Result<[UInt8], Refusal> {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        if fd < 0 {
            if errno == ELOOP { return .failure(.notRegularSingleLink("a symbolic link")) }
            if errno == ENXIO { return .failure(.notRegularSingleLink("a socket or device")) }
            return .failure(.unreadable(String(cString: strerror(errno))))
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
        switch st.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFIFO: return .failure(.notRegularSingleLink("a FIFO"))
        case S_IFDIR: return .failure(.notRegularSingleLink("a folder"))
        case S_IFLNK: return .failure(.notRegularSingleLink("a symbolic link"))
        default: return .failure(.notRegularSingleLink("a device or socket"))
        }
        guard st.st_nlink == 1 else {
            return .failure(.notRegularSingleLink("a file with \(st.st_nlink) hard links"))
        }
        let size = Int(st.st_size)
        guard size <= maxBytes else { return .failure(.tooLarge(size)) }
        // Read to EOF, but never past the limit even if the file grows while we read.
        var bytes = [UInt8](repeating: 0, count: size + 1)
        var total = 0
        while total < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + total, $0.count - total) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(.unreadable(String(cString: strerror(errno))))
            }
            if n == 0 { break }
            total += n
        }
        guard total <= size else { return .failure(.unreadable("the file changed while it was read")) }
        bytes.removeSubrange(total...)
        return .success(bytes)
    }
}
