/// One line of a reference-data file (SPEC section 9): `{"record": "<kind>", ...}`.
public enum ReferenceRecord: Hashable, Sendable {
    case entity(EntityRecord)
    case module(TaxModuleRecord)
    case representative(RepresentativeRecord)
    case cafAuthorization(CAFAuthorizationRecord)
    case efileUser(EFileUserRecord)

    /// The `"record"` value naming each kind.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case entity, module, representative, cafAuthorization, efileUser
    }

    /// The kind of this record.
    public var kind: Kind {
        switch self {
        case .entity: .entity
        case .module: .module
        case .representative: .representative
        case .cafAuthorization: .cafAuthorization
        case .efileUser: .efileUser
        }
    }
}

extension ReferenceRecord: Codable {
    private enum Keys: String, CodingKey { case record }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        let name = try c.decode(String.self, forKey: .record)
        guard let kind = Kind(rawValue: name) else {
            throw DecodingError.dataCorruptedError(forKey: .record, in: c,
                debugDescription: "unknown record \"\(name)\"; expected entity, module, representative, cafAuthorization or efileUser")
        }
        switch kind {
        case .entity: self = .entity(try EntityRecord(from: decoder))
        case .module: self = .module(try TaxModuleRecord(from: decoder))
        case .representative: self = .representative(try RepresentativeRecord(from: decoder))
        case .cafAuthorization: self = .cafAuthorization(try CAFAuthorizationRecord(from: decoder))
        case .efileUser: self = .efileUser(try EFileUserRecord(from: decoder))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(kind.rawValue, forKey: .record)
        switch self {
        case .entity(let r): try r.encode(to: encoder)
        case .module(let r): try r.encode(to: encoder)
        case .representative(let r): try r.encode(to: encoder)
        case .cafAuthorization(let r): try r.encode(to: encoder)
        case .efileUser(let r): try r.encode(to: encoder)
        }
    }
}

/// Writes records as JSON Lines lines: sorted keys, so the same record is always the same bytes
/// (see `ReferenceJSON`, which does the writing without `JSONEncoder`).
public struct ReferenceLineEncoder {
    public init() {}

    /// The record as one line of JSON, without the newline. Declared `throws` for the callers
    /// written against the earlier `JSONEncoder` version; it does not throw.
    public func line(_ record: ReferenceRecord) throws -> String {
        ReferenceJSON.line(record)
    }
}
