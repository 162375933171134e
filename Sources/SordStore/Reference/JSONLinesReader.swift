#if canImport(Glibc)
import Glibc
#endif

/// Reads a file one line at a time in large chunks (8 MiB) with plain `read(2)`, so a file of any
/// size takes constant memory and each line costs one copy. Lines end at `\n` (a `\r` before it is
/// dropped); the last line needs no newline; a line longer than a chunk is read whole.
struct JSONLinesReader {
    /// How much is read at a time.
    private let chunkSize: Int
    private let file: String
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false
    /// The number of the line last returned, from 1.
    private(set) var lineNumber = 0
    /// Bytes consumed so far, newlines included.
    private(set) var bytesRead: Int64 = 0

    init(path: String, chunkSize: Int = 8 << 20) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw ImportError.unreadable(file: path, reason: "cannot open for reading")
        }
        self.file = path
        self.descriptor = descriptor
        self.chunkSize = max(1, chunkSize)
        buffer.reserveCapacity(self.chunkSize)
    }

    /// The next line's bytes (without the newline), or nil at the end of the file.
    mutating func next() throws -> [UInt8]? {
        while true {
            if let newline = nextNewline() {
                let line = buffer[start..<newline]
                bytesRead += Int64(newline + 1 - start)
                start = newline + 1
                lineNumber += 1
                return trimmed(line)
            }
            if atEnd {
                guard start < buffer.count else { return nil }
                let line = buffer[start...]
                bytesRead += Int64(buffer.count - start)
                start = buffer.count
                lineNumber += 1
                return trimmed(line)
            }
            try refill()
        }
    }

    func close() {
        _ = Glibc.close(descriptor)
    }

    /// The index of the first `\n` at or after `start`, found with `memchr`.
    private func nextNewline() -> Int? {
        buffer.withUnsafeBufferPointer { bytes in
            guard start < bytes.count, let base = bytes.baseAddress,
                  let hit = memchr(base + start, 0x0A, bytes.count - start) else { return nil }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
    }

    /// Drops the consumed bytes and appends up to one chunk from the file.
    private mutating func refill() throws {
        buffer.removeSubrange(0..<start)
        start = 0
        let kept = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: chunkSize))
        var count = -1
        let descriptor = self.descriptor, chunkSize = self.chunkSize
        buffer.withUnsafeMutableBytes { raw in
            repeat {
                count = read(descriptor, raw.baseAddress! + kept, chunkSize)
            } while count < 0 && errno == EINTR
        }
        guard count >= 0 else {
            throw ImportError.unreadable(file: file, reason: "read failed (errno \(errno))")
        }
        buffer.removeLast(chunkSize - count)
        atEnd = count == 0
    }

    private func trimmed(_ line: ArraySlice<UInt8>) -> [UInt8] {
        line.last == UInt8(ascii: "\r") ? Array(line.dropLast()) : Array(line)
    }
}
