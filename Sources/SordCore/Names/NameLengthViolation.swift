/// A name part longer than the CAF allows (DOMAIN.md): first, middle and last up to 20 characters
/// each, suffix up to 10, the whole name up to 35.
public struct NameLengthViolation: Hashable, Sendable, CustomStringConvertible {
    /// Which part of the name is too long.
    public enum Field: String, Hashable, Sendable, CaseIterable {
        case first, middle, last, suffix, whole

        /// The CAF's limit for this part, in characters.
        public var limit: Int {
            switch self {
            case .first, .middle, .last: 20
            case .suffix: 10
            case .whole: 35
            }
        }
    }

    public let field: Field
    /// The length found, in characters.
    public let length: Int

    public init(field: Field, length: Int) {
        self.field = field
        self.length = length
    }

    /// Names the part and the limit, never the name itself.
    public var description: String {
        let part = field == .whole ? "whole name" : "\(field.rawValue) name"
        return "\(part) has \(length) characters; the CAF allows at most \(field.limit)"
    }
}
