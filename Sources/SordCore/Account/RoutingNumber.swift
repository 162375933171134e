/// An ABA routing transit number (SPEC 12.4, `PAY-006`; DOMAIN.md "Bank accounts"): 9 digits, the
/// first two 01–12 or 21–32 (Federal Reserve districts and thrift institutions), and the digits
/// weighted 3, 7, 1, 3, 7, 1, 3, 7, 1 summing to a multiple of 10 (021000021 passes).
public struct RoutingNumber: Hashable, Sendable, CustomStringConvertible {
    /// Why a text is not a routing number; the description says what a valid one looks like and
    /// never repeats the text.
    public enum ParseError: Error, Hashable, Sendable, CustomStringConvertible {
        /// Not exactly 9 ASCII digits.
        case malformed
        /// The first two digits are not 01–12 or 21–32.
        case prefix
        /// The weighted sum of the digits is not a multiple of 10.
        case checkDigit

        public var description: String {
            switch self {
            case .malformed: "a routing number is 9 digits"
            case .prefix: "a routing number begins with 01-12 or 21-32"
            case .checkDigit: "the check digit does not match (the digits weighted 3, 7, 1 must sum to a multiple of 10)"
            }
        }
    }

    /// The nine digits.
    public let digits: String

    private static let weights = [3, 7, 1, 3, 7, 1, 3, 7, 1]

    /// Parses and checks a routing number.
    public init(parsing text: String) throws(ParseError) {
        let bytes = Array(text.utf8)
        guard bytes.count == 9, bytes.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            throw .malformed
        }
        let values = bytes.map { Int($0 - UInt8(ascii: "0")) }
        let prefix = values[0] * 10 + values[1]
        guard (1...12).contains(prefix) || (21...32).contains(prefix) else { throw .prefix }
        guard zip(values, Self.weights).reduce(0, { $0 + $1.0 * $1.1 }) % 10 == 0 else { throw .checkDigit }
        digits = text
    }

    public var description: String { digits }
}
