/// A name as reference data writes it: a person `{"first","middle"?,"last","suffix"?}` or a
/// business `{"business"}`.
public enum RecordName: Hashable, Sendable, Codable {
    /// A person; middle name and suffix (Jr., III) are optional.
    case person(first: String, middle: String?, last: String, suffix: String?)
    /// A business, as its full legal name.
    case business(String)

    private enum Keys: String, CodingKey { case first, middle, last, suffix, business }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(allowed: ["first", "middle", "last", "suffix", "business"])
        let c = try decoder.container(keyedBy: Keys.self)
        if let business = try c.decodeIfPresent(String.self, forKey: .business) {
            guard !c.contains(.first), !c.contains(.last), !c.contains(.middle), !c.contains(.suffix) else {
                throw DecodingError.dataCorruptedError(forKey: .business, in: c,
                    debugDescription: "a name is either a person or a business, not both")
            }
            self = .business(business)
        } else {
            self = .person(first: try c.decode(String.self, forKey: .first),
                           middle: try c.decodeIfPresent(String.self, forKey: .middle),
                           last: try c.decode(String.self, forKey: .last),
                           suffix: try c.decodeIfPresent(String.self, forKey: .suffix))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        switch self {
        case let .person(first, middle, last, suffix):
            try c.encode(first, forKey: .first)
            try c.encodeIfPresent(middle, forKey: .middle)
            try c.encode(last, forKey: .last)
            try c.encodeIfPresent(suffix, forKey: .suffix)
        case let .business(name):
            try c.encode(name, forKey: .business)
        }
    }

    /// The IRS name control (from the last name of a person, the first significant characters of a
    /// business), or nil when the name has nothing to derive one from.
    public var nameControl: NameControl? {
        switch self {
        case .person(_, _, let last, _): try? NameControl.person(lastName: last)
        case .business(let name): try? NameControl.business(name)
        }
    }

    /// True for a business name.
    public var isBusiness: Bool {
        if case .business = self { return true }
        return false
    }
}
