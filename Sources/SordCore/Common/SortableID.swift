/// A 26-character, time-ordered unique id (ULID layout: 48 bits of Unix milliseconds, then 80 random
/// bits, in Crockford base32). Submission ids and mailbox file ids are these, so listings sort by time
/// and a path built from one never contains anything a user chose.
public struct SortableID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    private static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ".utf8)

    /// Makes an id from a time and 80 random bits (`high` gives the top 16 bits).
    public init(unixMillis: UInt64, randomHigh: UInt16, randomLow: UInt64) {
        var out = [UInt8](repeating: 0, count: 26)
        var time = unixMillis
        for i in stride(from: 9, through: 0, by: -1) {
            out[i] = Self.alphabet[Int(time & 31)]
            time >>= 5
        }
        // 80 random bits → 16 characters.
        var low = randomLow
        var high = UInt64(randomHigh)
        for i in stride(from: 25, through: 10, by: -1) {
            out[i] = Self.alphabet[Int(low & 31)]
            low = (low >> 5) | ((high & 31) << 59)
            high >>= 5
        }
        rawValue = String(decoding: out, as: UTF8.self)
    }

    /// Parses an id; nil unless it has the exact shape (so it is safe as a path component).
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 26, bytes.allSatisfy({ Self.alphabet.contains($0) }), bytes[0] <= UInt8(ascii: "7") else {
            return nil
        }
        rawValue = text
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let id = SortableID(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "invalid id"))
        }
        self = id
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }

    public var description: String { rawValue }
    public static func < (a: SortableID, b: SortableID) -> Bool { a.rawValue < b.rawValue }
}
