/// An amount of US dollars held as a whole number of cents, so sums are exact (never a binary float).
///
/// Written and read as a decimal string with two decimals: `"-1234.50"`, `"0.00"`.
public struct Money: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The amount in cents.
    public let cents: Int64

    /// The amount of `cents` cents.
    public init(cents: Int64) {
        self.cents = cents
    }

    /// Zero dollars.
    public static let zero = Money(cents: 0)

    /// Parses `"-1234.50"`, `"1234.5"` or `"1234"`: optional minus, digits, optional point and one or
    /// two decimals. Nil for anything else (no plus sign, no exponent, no thousands separators).
    public init?(_ text: String) {
        var bytes = Substring(text).utf8[...]
        var negative = false
        if bytes.first == UInt8(ascii: "-") {
            negative = true
            bytes = bytes.dropFirst()
        }
        var whole: Int64 = 0
        var wholeDigits = 0
        while let b = bytes.first, b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") {
            guard wholeDigits < 15 else { return nil }
            whole = whole * 10 + Int64(b - UInt8(ascii: "0"))
            wholeDigits += 1
            bytes = bytes.dropFirst()
        }
        guard wholeDigits > 0 else { return nil }
        var fraction: Int64 = 0
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            var fractionDigits = 0
            while let b = bytes.first, b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") {
                guard fractionDigits < 2 else { return nil }
                fraction = fraction * 10 + Int64(b - UInt8(ascii: "0"))
                fractionDigits += 1
                bytes = bytes.dropFirst()
            }
            guard fractionDigits > 0 else { return nil }
            if fractionDigits == 1 { fraction *= 10 }
        }
        guard bytes.isEmpty else { return nil }
        let magnitude = whole * 100 + fraction
        cents = negative ? -magnitude : magnitude
    }

    /// The canonical text: optional minus, whole dollars, point, two decimals (`"-1234.50"`).
    public var description: String {
        let magnitude = cents.magnitude
        let fraction = magnitude % 100
        let sign = cents < 0 ? "-" : ""
        return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.cents < rhs.cents }
    public static func + (lhs: Money, rhs: Money) -> Money { Money(cents: lhs.cents + rhs.cents) }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(cents: lhs.cents - rhs.cents) }
    public static prefix func - (value: Money) -> Money { Money(cents: -value.cents) }

    /// Decodes from a JSON string only; a JSON number is refused so no amount passes through a float.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = Money(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                debugDescription: "not a decimal amount like \"-1234.50\""))
        }
        self = value
    }

    /// Encodes as its canonical decimal string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
