/// Why a byte sequence is not acceptable JSON, and where: never quotes the document's content,
/// so the message is safe to log.
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Zero-based byte offset of the offending byte.
    public let offset: Int
    /// One-based line of the offending byte.
    public let line: Int
    /// One-based column (in characters) of the offending byte on its line.
    public let column: Int
    /// What was wrong, e.g. `expected ',' or '}'`.
    public let reason: String

    public var description: String {
        "JSON syntax error at line \(line), column \(column): \(reason)"
    }

    /// Locates `offset` in `bytes` (assumed UTF-8) as a line and column.
    init(reason: String, offset: Int, in bytes: UnsafeBufferPointer<UInt8>) {
        let end = min(offset, bytes.count)
        var line = 1
        var column = 1
        for index in 0..<end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        self.offset = offset
        self.line = line
        self.column = column
        self.reason = reason
    }
}
