/// A taxpayer identification number of any kind. The dashed shape decides the kind (SPEC 5):
/// `NNN-NN-NNNN` is an ITIN when it begins with 9 and an SSN otherwise; `NN-NNNNNNN` is an EIN.
public enum TIN: Hashable, Sendable, CustomStringConvertible {
    case ssn(SSN)
    case itin(ITIN)
    case ein(EIN)

    /// Parses a dashed TIN; the error says which rule of the kind its shape names was broken.
    public init(parsing text: String) throws(IdentifierError) {
        if let f = DigitText.fields(text, widths: [3, 2, 4]) {
            if f[0] >= 900 {
                self = .itin(try ITIN(area: f[0], group: f[1], serial: f[2]))
            } else {
                self = .ssn(try SSN(area: f[0], group: f[1], serial: f[2]))
            }
        } else if let f = DigitText.fields(text, widths: [2, 7]) {
            self = .ein(try EIN(prefix: f[0], serial: f[1]))
        } else {
            throw .malformed(.tin)
        }
    }

    /// True for SSNs and ITINs (individuals), false for EINs (businesses).
    public var isIndividual: Bool {
        if case .ein = self { false } else { true }
    }

    /// The nine digits without dashes (a storage key that ignores how the TIN was written).
    public var digits: String {
        switch self {
        case .ssn(let v): v.digits
        case .itin(let v): v.digits
        case .ein(let v): v.digits
        }
    }

    /// The last four digits, the part a masked TIN shows.
    public var lastFour: String { String(digits.suffix(4)) }

    /// The canonical dashed form.
    public var description: String {
        switch self {
        case .ssn(let v): v.description
        case .itin(let v): v.description
        case .ein(let v): v.description
        }
    }
}
