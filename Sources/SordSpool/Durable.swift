import CLinux
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An error from a file-system call, with the call's name and errno text. Never holds file contents.
public struct SpoolError: Error, CustomStringConvertible, Sendable {
    public let operation: String
    public let code: Int32

    public init(_ operation: String, errno code: Int32 = errno) {
        self.operation = operation
        self.code = code
    }

    public var description: String { "\(operation): \(String(cString: strerror(code)))" }
}

/// The durability primitives every hand-off relies on: fsync of a file, of a folder, and of a whole
/// file system (the group commit of many mailbox files with one flush).
public enum Durable {
    /// Flushes one open file's data and metadata to stable storage.
    public static func fsync(fd: Int32) throws {
        guard Glibc.fsync(fd) == 0 else { throw SpoolError("fsync") }
    }

    /// Flushes a folder's entries (after a create or rename in it) to stable storage.
    public static func fsyncDirectory(_ path: String) throws {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw SpoolError("open \(path)") }
        defer { close(fd) }
        try fsync(fd: fd)
    }

    /// Flushes every dirty page of the file system holding `path`: one call makes a whole batch of
    /// newly written files durable, which is how delivery beats the per-file fsync limit.
    public static func syncFileSystem(containing path: String) throws {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw SpoolError("open \(path)") }
        defer { close(fd) }
        guard sord_syncfs(fd) == 0 else { throw SpoolError("syncfs") }
    }

    /// Writes `bytes` to a new file (mode 0600, failing if it exists), synced when `sync`; a
    /// failed write (a full disk) removes the partial file.
    public static func writeNewFile(_ path: String, _ bytes: some ContiguousBytes, sync: Bool) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { throw SpoolError("create \(path)") }
        defer { close(fd) }
        do {
            try bytes.withUnsafeBytes { raw in try writeAll(fd: fd, raw) }
            if sync { try fsync(fd: fd) }
        } catch {
            unlink(path)
            throw error
        }
    }

    /// Writes every byte to an open file, retrying short writes and EINTR.
    public static func writeAll(fd: Int32, _ raw: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < raw.count {
            let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw SpoolError("write")
            }
            offset += n
        }
    }

    /// Writes a whole file atomically and durably: hidden temp name, fsync, rename, folder fsync.
    public static func writeAtomically(_ path: String, _ bytes: some ContiguousBytes) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let temp = folder + "/." + url.lastPathComponent + ".\(getpid()).tmp"
        unlink(temp)
        try writeNewFile(temp, bytes, sync: true)
        try rename(temp, to: path)
        try fsyncDirectory(folder)
    }

    /// Renames within one file system, atomically replacing `to`.
    public static func rename(_ from: String, to: String) throws {
        guard Glibc.rename(from, to) == 0 else { throw SpoolError("rename \(from)") }
    }

    /// Creates a folder (and its parents) with mode 0700 unless it exists; returns whether it was created.
    @discardableResult
    public static func makeDirectory(_ path: String, mode: mode_t = 0o700) throws -> Bool {
        if mkdir(path, mode) == 0 { return true }
        if errno == EEXIST { return false }
        if errno == ENOENT {
            let parent = URL(fileURLWithPath: path).deletingLastPathComponent().path
            guard parent != path else { throw SpoolError("mkdir \(path)") }
            try makeDirectory(parent, mode: 0o700)
            if mkdir(path, mode) == 0 || errno == EEXIST { return true }
        }
        throw SpoolError("mkdir \(path)")
    }

    /// Whether anything (file, folder, link) exists at `path`, without following a symlink.
    public static func exists(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0
    }

    /// The names in a folder (no `.` or `..`), unsorted.
    public static func list(_ path: String) throws -> [String] {
        guard let dir = opendir(path) else { throw SpoolError("opendir \(path)") }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }
}
