import Testing
@testable import SordCore

private func a(_ street: String, _ zip: String, state: USState = .oregon, city: String = "Salem") -> Address {
    Address(street: street, city: city, state: state, zip: try! ZIPCode(parsing: zip))
}

@Suite("Address matching")
struct NamesAddressTests {
    @Test("street normalisation", arguments: [
        ("12 Alder Street", "12 ALDER ST"), ("12 Alder St.", "12 ALDER ST"), ("9 Elm Avenue", "9 ELM AVE"),
        ("9 elm ave", "9 ELM AVE"), ("1 Main Road", "1 MAIN RD"), ("1 Oak Drive", "1 OAK DR"),
        ("1 Sunset Boulevard", "1 SUNSET BLVD"), ("1 Lovers Lane", "1 LOVERS LN"), ("1 Kings Court", "1 KINGS CT"),
        ("1 Mill Place", "1 ML PL"), ("1 Oak Terrace", "1 OAK TER"), ("1 Pine Circle", "1 PNE CIR"),
        ("1 Lake Parkway", "1 LK PKWY"), ("1 Coast Highway", "1 COAST HWY"), ("1 Town Square", "1 TOWN SQ"),
        ("1 Deer Trail", "1 DEER TRL"), ("1 Milky Way", "1 MILKY WAY"),
        ("12 North Alder Street Apartment 4", "12 N ALDER ST APT 4"),
        ("500 Southwest Main St, Suite 200", "500 SW MAIN ST STE 200"),
        ("1 NORTHEAST  Elm   Av", "1 NE ELM AVE"), ("77 Sunset Blvd. #4", "77 SUNSET BLVD 4"),
        ("1 East West Highway", "1 E W HWY"), ("12 Calle José", "12 CALLE JOSE"), ("", ""),
    ])
    func normalize(street: String, expected: String) {
        #expect(Address.normalizedStreet(street) == expected)
    }

    @Test("addresses that match", arguments: [
        (a("12 Alder St", "97301"), a("12 ALDER STREET", "97301")),
        (a("12 Alder St", "97301"), a("12 Alder St.", "97301-1234")),
        (a("9 Elm Ave", "97201"), a("9 Elm Avenue", "97201", city: "PORTLAND")),
        (a("12 North Alder Street", "97301"), a("12 N Alder St", "97301", state: .washington)),
        (a("5 Oak Blvd Suite 4", "97301"), a("5 Oak Boulevard Ste 4", "97301")),
    ])
    func matching(x: Address, y: Address) {
        #expect(x.matches(y))
        #expect(y.matches(x))
    }

    @Test("addresses that do not match", arguments: [
        (a("12 Alder St", "97301"), a("12 Alder St", "97302")),
        (a("12 Alder St", "97301"), a("14 Alder St", "97301")),
        (a("12 Alder St", "97301"), a("12 Alder Ave", "97301")),
        (a("12 Alder St", "97301"), a("12 Alder St Apt 4", "97301")),
        (a("12 N Alder St", "97301"), a("12 S Alder St", "97301")),
        (a("!!!", "97301"), a("...", "97301")),
    ])
    func notMatching(x: Address, y: Address) {
        #expect(!x.matches(y))
        #expect(!y.matches(x))
    }

    @Test func defaultCountryIsUS() {
        #expect(a("1 Main St", "97301").country == "US")
    }

    @Test func abbreviationTablesAreConsistent() {
        // Every standard abbreviation maps to itself when it also appears as a full word, so
        // normalising twice changes nothing.
        for (_, abbreviation) in USPSAbbreviations.streetSuffixes {
            let once = USPSAbbreviations.abbreviate(abbreviation)
            #expect(USPSAbbreviations.abbreviate(once) == once)
        }
        #expect(USPSAbbreviations.streetSuffixes.count >= 200)
        for street in ["12 North Alder Street Apartment 4", "1 Mount Pleasant Parkway", "3 Park Lane"] {
            let n = Address.normalizedStreet(street)
            #expect(Address.normalizedStreet(n) == n)
        }
    }
}
