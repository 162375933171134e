/// Why a text is not a valid identifier, date, state or ZIP.
///
/// The `description` says what a valid value looks like and never repeats the rejected text, so it
/// is safe for acknowledgements and logs (a rejected TIN may still be someone's real TIN).
public enum IdentifierError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The text does not have the written shape of that kind of value.
    case malformed(IdentifierKind)
    /// SSN area (first three digits) 000, 666 or 900–999.
    case ssnArea
    /// SSN group (middle two digits) 00.
    case ssnGroup
    /// SSN serial (last four digits) 0000.
    case ssnSerial
    /// An ITIN must begin with 9.
    case itinArea
    /// ITIN fourth and fifth digits outside 50–65, 70–88, 90–92, 94–99 (and not an ATIN or IRSN).
    case itinGroup
    /// 9NN-93-NNNN: an Adoption Taxpayer Identification Number, not an ITIN.
    case atin
    /// 9NN with 01–10, 17–19, 28–29 or 37–39: an IRS internal number (IRSN), not an ITIN.
    case irsn
    /// The EIN's first two digits are not a prefix the IRS assigns.
    case einPrefix
    /// A well-shaped date naming a day the calendar does not have (2023-02-29, 2026-13-01).
    case impossibleDate
    /// Two letters that are not a USPS state, DC, territory or military code.
    case unknownState

    /// Which kind of value was being parsed.
    public var kind: IdentifierKind {
        switch self {
        case .malformed(let kind): kind
        case .ssnArea, .ssnGroup, .ssnSerial: .ssn
        case .itinArea, .itinGroup, .atin, .irsn: .itin
        case .einPrefix: .ein
        case .impossibleDate: .date
        case .unknownState: .state
        }
    }

    /// The catalogue code for this failure (see `IdentifierKind.reasonCode`).
    public var reasonCode: ReasonCode { kind.reasonCode }

    public var description: String {
        switch self {
        case .malformed(let kind):
            switch kind {
            case .ssn: "an SSN is written NNN-NN-NNNN"
            case .itin: "an ITIN is written 9NN-NN-NNNN"
            case .ein: "an EIN is written NN-NNNNNNN"
            case .tin: "a TIN is written NNN-NN-NNNN (SSN or ITIN) or NN-NNNNNNN (EIN)"
            case .caf: "a CAF number is 9 digits written NNNN-NNNNN, optionally followed by one letter"
            case .ptin: "a PTIN is P followed by 8 digits"
            case .efin: "an EFIN is 6 digits"
            case .date: "a date is written YYYY-MM-DD"
            case .state: "a state is a two-letter USPS code"
            case .zip: "a ZIP code is NNNNN or NNNNN-NNNN"
            }
        case .ssnArea: "an SSN never begins with 000, 666 or 900-999"
        case .ssnGroup: "an SSN's fourth and fifth digits are never 00"
        case .ssnSerial: "an SSN's last four digits are never 0000"
        case .itinArea: "an ITIN begins with 9"
        case .itinGroup: "an ITIN's fourth and fifth digits are 50-65, 70-88, 90-92 or 94-99"
        case .atin: "a number 9NN-93-NNNN is an ATIN (adoption number), not an ITIN"
        case .irsn: "a number 9NN-NN-NNNN with fourth and fifth digits 01-10, 17-19, 28-29 or 37-39 is an IRS internal number, not an ITIN"
        case .einPrefix: "an EIN's first two digits must be a prefix the IRS assigns"
        case .impossibleDate: "no such calendar day"
        case .unknownState: "not a USPS code of a state, DC, a territory or a military post"
        }
    }
}
