/// What a form says in a representative's CAF field: a CAF number, or the literal `"None"` for a
/// representative who has none yet (sord then assigns one). `"None"` is matched ignoring case.
public enum CAFReference: Hashable, Sendable, CustomStringConvertible {
    case none
    case number(CAFNumber)

    /// Parses `"None"` or a CAF number.
    public init(parsing text: String) throws(IdentifierError) {
        if text.lowercased() == "none" {
            self = .none
        } else {
            self = .number(try CAFNumber(parsing: text))
        }
    }

    /// The number, when there is one.
    public var number: CAFNumber? {
        if case .number(let n) = self { n } else { nil }
    }

    /// `None` or the canonical CAF number.
    public var description: String {
        switch self {
        case .none: "None"
        case .number(let n): n.description
        }
    }
}
