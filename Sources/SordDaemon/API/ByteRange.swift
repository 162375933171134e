import Foundation

/// A `Range: bytes=…` request header resolved against a file's size (RFC 9110 section 14). Only a
/// single range is served; a header that is malformed, names another unit or asks for several
/// ranges is ignored (the whole file is sent), as RFC 9110 allows.
public enum ByteRange: Equatable, Sendable {
    /// No usable Range header: send the whole file.
    case whole
    /// Send bytes `first...last` (inclusive, both within the file).
    case part(first: Int, last: Int)
    /// The range starts past the end of the file: 416.
    case unsatisfiable

    /// Resolves a Range header value for a file of `size` bytes.
    public init(header: String?, size: Int) {
        guard let header else { self = .whole; return }
        let text = header.trimmingCharacters(in: .whitespaces)
        guard text.lowercased().hasPrefix("bytes=") else { self = .whole; return }
        let spec = text.dropFirst("bytes=".count).trimmingCharacters(in: .whitespaces)
        guard !spec.contains(","), let dash = spec.firstIndex(of: "-") else { self = .whole; return }
        let start = spec[..<dash].trimmingCharacters(in: .whitespaces)
        let end = spec[spec.index(after: dash)...].trimmingCharacters(in: .whitespaces)
        switch (Self.number(start), Self.number(end)) {
        case (nil, let suffix?) where start.isEmpty:
            // `-n`: the last n bytes.
            self = suffix == 0 || size == 0 ? .unsatisfiable : .part(first: max(0, size - suffix), last: size - 1)
        case (let first?, nil) where end.isEmpty:
            self = first >= size ? .unsatisfiable : .part(first: first, last: size - 1)
        case (let first?, let last?) where first <= last:
            self = first >= size ? .unsatisfiable : .part(first: first, last: min(last, size - 1))
        default:
            self = .whole
        }
    }

    /// A run of ASCII digits as a number (saturating at `Int.max`); nil for anything else.
    private static func number(_ text: String) -> Int? {
        guard !text.isEmpty, text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return nil }
        return Int(text) ?? Int.max
    }
}
