/// The kinds of identifier and simple value SordCore parses, used to say which one failed.
public enum IdentifierKind: String, Hashable, Sendable, CaseIterable {
    case ssn = "SSN"
    case itin = "ITIN"
    case ein = "EIN"
    case tin = "TIN"
    case caf = "CAF number"
    case ptin = "PTIN"
    case efin = "EFIN"
    case date = "date"
    case state = "state"
    case zip = "ZIP code"

    /// The catalogue code a document rule reports when a value of this kind is invalid.
    ///
    /// TINs → ID-001, CAF → ID-002, PTIN → ID-003, dates → ID-004, state and ZIP → ID-005.
    /// The catalogue has no EFIN code, so an EFIN reports SUB-005 (schema error).
    public var reasonCode: ReasonCode {
        switch self {
        case .ssn, .itin, .ein, .tin: .id001
        case .caf: .id002
        case .ptin: .id003
        case .date: .id004
        case .state, .zip: .id005
        case .efin: .sub005
        }
    }
}
