/// Why no name control could be derived or a submitted one is not valid.
public enum NameControlError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The name has no character that can start a name control (no Latin letter for a person; no
    /// letter, digit, `&` or `-` for a business).
    case nothingToDerive
    /// A submitted name control does not match the MeF pattern.
    case malformed

    public var description: String {
        switch self {
        case .nothingToDerive: "the name has no letters from which a name control can be derived"
        case .malformed: "a name control is 1 to 4 characters: A-Z, then A-Z, hyphen or blank for a person; A-Z, 0-9, hyphen or & for a business"
        }
    }
}
