/// A user id (`^[a-z][a-z0-9._-]{2,31}$`): safe to use as one path component, since it names the
/// user's inbox and mailbox folders.
public struct UserID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    /// Nil unless `text` matches the user-id pattern.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard (3...32).contains(bytes.count), let first = bytes.first, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first)
        else { return nil }
        for b in bytes.dropFirst() {
            let ok = (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(b) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b)
                || b == UInt8(ascii: ".") || b == UInt8(ascii: "_") || b == UInt8(ascii: "-")
            if !ok { return nil }
        }
        // "." and ".." cannot match (they start with a dot), so the id is always one plain component.
        rawValue = text
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let id = UserID(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "invalid user id"))
        }
        self = id
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }

    public var description: String { rawValue }
    public static func < (a: UserID, b: UserID) -> Bool { a.rawValue < b.rawValue }
}
