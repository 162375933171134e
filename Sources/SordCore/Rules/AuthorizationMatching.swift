/// How a form's names and addresses are compared with the Master File and the CAF (SPEC 6, the IRS
/// name game).
public enum AuthorizationMatching {
    /// AUTH-002: nil when the taxpayer's name on the form gives the same name control as the
    /// Master File name and both are of the same kind (person or business); otherwise what differs,
    /// in words: the kinds of name, or the part the control comes from and the control the form's
    /// name gives. The Master File name is never shown (a wrong guess must not teach anyone the
    /// name on file).
    public static func nameControlDifference(_ name: DocumentName, _ record: RecordName) -> String? {
        let submitted = recordName(name)
        if let kind = submitted.differences(from: record).first(where: { $0.part == .kind }) { return kind.explanation }
        let mine = submitted.nameControl
        guard mine == nil || mine != record.nameControl else { return nil }
        let part: NameDifference.Part = submitted.isBusiness ? .business : .last
        return mine.map { "\(part.label) gives the name control \($0.value), not the one on file" }
            ?? "\(part.label) gives no name control"
    }

    /// AUTH-005: what keeps the representative's name on the form from matching the CAF name
    /// (first and last name, middle initials, suffix ignored; see `PersonName.differences(from:)`);
    /// empty when they match.
    public static func nameDifferences(_ name: DocumentName, _ record: RecordName) -> [NameDifference] {
        recordName(name).differences(from: record)
    }

    /// AUTH-003 / AUTH-005: the five-digit ZIPs are equal and the street lines are equal once
    /// normalised (`Address.normalizedStreet`: upper case, punctuation dropped, USPS abbreviations).
    /// A ZIP that does not parse never matches.
    public static func addressMatches(_ address: DocumentAddress, _ record: RecordAddress) -> Bool {
        guard let zip = try? ZIPCode(parsing: address.zip), let recordZIP = try? ZIPCode(parsing: record.zip) else {
            return false
        }
        let street = Address.normalizedStreet(address.street)
        return zip.zip5 == recordZIP.zip5 && !street.isEmpty && street == Address.normalizedStreet(record.street)
    }

    /// A document name as a record name (the same four parts, or the business name).
    public static func recordName(_ name: DocumentName) -> RecordName {
        switch name {
        case let .person(first, middle, last, suffix): .person(first: first, middle: middle, last: last, suffix: suffix)
        case let .business(business): .business(business)
        }
    }

    /// A document address as a record address (country nil when US).
    public static func recordAddress(_ address: DocumentAddress) -> RecordAddress {
        RecordAddress(street: address.street, city: address.city, state: address.state.uppercased(), zip: address.zip,
                      country: isUS(address) ? nil : address.country)
    }

    /// Whether the address is in the US (its country code, compared ignoring case, is `US`).
    public static func isUS(_ address: DocumentAddress) -> Bool {
        address.country.uppercased() == "US"
    }
}
