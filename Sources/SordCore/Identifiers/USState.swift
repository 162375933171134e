/// A two-letter USPS code: the 50 states, the District of Columbia, the five inhabited territories
/// (AS, GU, MP, PR, VI) and the three military "states" (AA, AE, AP), told apart by `category`.
public enum USState: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    // The 50 states.
    case alabama = "AL"
    case alaska = "AK"
    case arizona = "AZ"
    case arkansas = "AR"
    case california = "CA"
    case colorado = "CO"
    case connecticut = "CT"
    case delaware = "DE"
    case florida = "FL"
    case georgia = "GA"
    case hawaii = "HI"
    case idaho = "ID"
    case illinois = "IL"
    case indiana = "IN"
    case iowa = "IA"
    case kansas = "KS"
    case kentucky = "KY"
    case louisiana = "LA"
    case maine = "ME"
    case maryland = "MD"
    case massachusetts = "MA"
    case michigan = "MI"
    case minnesota = "MN"
    case mississippi = "MS"
    case missouri = "MO"
    case montana = "MT"
    case nebraska = "NE"
    case nevada = "NV"
    case newHampshire = "NH"
    case newJersey = "NJ"
    case newMexico = "NM"
    case newYork = "NY"
    case northCarolina = "NC"
    case northDakota = "ND"
    case ohio = "OH"
    case oklahoma = "OK"
    case oregon = "OR"
    case pennsylvania = "PA"
    case rhodeIsland = "RI"
    case southCarolina = "SC"
    case southDakota = "SD"
    case tennessee = "TN"
    case texas = "TX"
    case utah = "UT"
    case vermont = "VT"
    case virginia = "VA"
    case washington = "WA"
    case westVirginia = "WV"
    case wisconsin = "WI"
    case wyoming = "WY"
    // The federal district.
    case districtOfColumbia = "DC"
    // Territories.
    case americanSamoa = "AS"
    case guam = "GU"
    case northernMarianaIslands = "MP"
    case puertoRico = "PR"
    case virginIslands = "VI"
    // Military post offices (APO/FPO/DPO).
    case armedForcesAmericas = "AA"
    case armedForcesEurope = "AE"
    case armedForcesPacific = "AP"

    /// What kind of place a code names.
    public enum Category: Hashable, Sendable {
        case state, districtOfColumbia, territory, military
    }

    /// Parses a two-letter code; lower case is accepted.
    public init(parsing text: String) throws(IdentifierError) {
        guard text.utf8.count == 2, text.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            throw .malformed(.state)
        }
        guard let state = USState(rawValue: text.uppercased()) else { throw .unknownState }
        self = state
    }

    /// Whether this is a state, DC, a territory or a military code.
    public var category: Category {
        switch self {
        case .districtOfColumbia: .districtOfColumbia
        case .americanSamoa, .guam, .northernMarianaIslands, .puertoRico, .virginIslands: .territory
        case .armedForcesAmericas, .armedForcesEurope, .armedForcesPacific: .military
        default: .state
        }
    }

    /// True for the 50 states and DC: where the Tax Pro Account accepts addresses (TPA-002).
    public var isStateOrDC: Bool { category == .state || category == .districtOfColumbia }

    /// The two-letter code.
    public var description: String { rawValue }
}
