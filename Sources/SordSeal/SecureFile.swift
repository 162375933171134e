import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Crash-safe, no-clobber writes for keys and certificates.
enum SecureFile {
    /// Creates `directory` (with missing parents) if needed and sets its mode to `mode`.
    static func prepareDirectory(_ directory: URL, mode: mode_t = 0o700) throws {
        do {
            try FileManager.default.createDirectory(
                at: directory, withIntermediateDirectories: true,
                attributes: [.posixPermissions: Int(mode)])
        } catch {
            throw SealError.fileSystem(path: directory.path, detail: "cannot create the folder: \(error.localizedDescription)")
        }
        guard chmod(directory.path, mode) == 0 else { throw posixError(directory.path) }
    }

    /// Writes `data` to a new file at `url` with permissions `mode`, never replacing an existing file.
    ///
    /// The bytes go to a temporary name in the same folder, are fsynced, then linked into place
    /// (which fails if the name exists), and the folder is fsynced: a crash leaves either no file
    /// or the complete file.
    static func writeNew(_ data: Data, to url: URL, mode: mode_t) throws {
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw posixError(temporary.path) }
        defer { unlink(temporary.path) }
        do {
            defer { close(descriptor) }
            guard fchmod(descriptor, mode) == 0 else { throw posixError(temporary.path) }
            try data.withUnsafeBytes { bytes in
                var offset = 0
                while offset < bytes.count {
                    let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                    if written < 0 && errno == EINTR { continue }
                    guard written > 0 else { throw posixError(temporary.path) }
                    offset += written
                }
            }
            guard fsync(descriptor) == 0 else { throw posixError(temporary.path) }
        }
        guard link(temporary.path, url.path) == 0 else {
            if errno == EEXIST { throw SealError.fileExists(path: url.path) }
            throw posixError(url.path)
        }
        try syncDirectory(folder)
    }

    private static func syncDirectory(_ folder: URL) throws {
        let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw posixError(folder.path) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw posixError(folder.path) }
    }

    private static func posixError(_ path: String) -> SealError {
        .fileSystem(path: path, detail: String(cString: strerror(errno)))
    }
}
