/// A postal address as documents write it (SPEC 5): a US street line, city, state and ZIP, with an
/// ISO country code that defaults to `US`.
///
/// Deliberately not `CustomStringConvertible`: addresses are personal data and stay out of logs.
public struct Address: Hashable, Sendable {
    public let street: String
    public let city: String
    public let state: USState
    public let zip: ZIPCode
    /// ISO 3166-1 alpha-2 country code.
    public let country: String

    public init(street: String, city: String, state: USState, zip: ZIPCode, country: String = "US") {
        self.street = street
        self.city = city
        self.state = state
        self.zip = zip
        self.country = country
    }

    /// SPEC 6 address matching: the five-digit ZIPs are equal and the normalised street lines are
    /// equal (see `normalizedStreet`). City, state and ZIP+4 do not take part. An empty normalised
    /// street never matches.
    public func matches(_ other: Address) -> Bool {
        let mine = Address.normalizedStreet(street)
        return zip.zip5 == other.zip.zip5 && !mine.isEmpty && mine == Address.normalizedStreet(other.street)
    }

    /// A street line in the form address matching compares: folded to plain letters, upper case,
    /// punctuation removed (`St.` → `ST`, `#4` → `4`), blanks collapsed, and every word replaced by
    /// its USPS standard abbreviation (street suffixes, directionals and unit designators:
    /// `12 North Alder Street Apartment 4` → `12 N ALDER ST APT 4`).
    public static func normalizedStreet(_ street: String) -> String {
        let upper = LatinFolding.fold(street, keepingUnfoldable: true).uppercased()
        var words: [String] = []
        var current = ""
        for ch in upper {
            if ch.isWhitespace {
                if !current.isEmpty { words.append(current); current = "" }
            } else if ch.isLetter || ch.isNumber {
                current.append(ch)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words.map(USPSAbbreviations.abbreviate).joined(separator: " ")
    }
}
