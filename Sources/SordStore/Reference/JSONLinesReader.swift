import Foundation

/// Reads a file one line at a time in 1 MiB chunks, so a file of any size takes constant memory.
/// Lines end at `\n` (a `\r` before it is dropped); the last line needs no newline.
struct JSONLinesReader {
    private let handle: FileHandle
    private var buffer = Data()
    private var start = 0
    private var atEnd = false
    /// The number of the line last returned, from 1.
    private(set) var lineNumber = 0
    /// Bytes consumed so far, newlines included.
    private(set) var bytesRead: Int64 = 0

    init(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ImportError.unreadable(file: path, reason: "cannot open for reading")
        }
        self.handle = handle
    }

    /// The next line's bytes (without the newline), or nil at the end of the file.
    mutating func next() throws -> Data? {
        while true {
            if let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
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
            let chunk = try handle.read(upToCount: 1 << 20) ?? Data()
            buffer = Data(buffer[start...]) + chunk
            start = 0
            atEnd = chunk.isEmpty
        }
    }

    func close() {
        try? handle.close()
    }

    private func trimmed(_ line: Data) -> Data {
        line.last == UInt8(ascii: "\r") ? Data(line.dropLast()) : Data(line)
    }
}
