import Testing
@testable import SordCore

@Suite("Which part of a name differs")
struct NamesDifferenceTests {
    static func person(_ first: String, _ last: String, middle: String? = nil, suffix: String? = nil) -> TaxpayerName {
        .person(PersonName(first: first, middle: middle, last: last, suffix: suffix))
    }

    @Test("explanations", arguments: [
        // Issue 12: Master File "Luis Ortega Ruiz" against CAF "Luis Ortega-Ruiz".
        (person("Luis", "Ortega Ruiz"), person("Luis", "Ortega-Ruiz"),
         "the last name differs: 'ORTEGA RUIZ' against 'ORTEGA-RUIZ' (a blank against a hyphen after 'ORTEGA')"),
        (person("Bob", "Smith"), person("Robert", "Smith"), "the first name differs: 'BOB' against 'ROBERT' ('B' against 'R' at the start)"),
        (person("Ann", "Smith"), person("Ann", "Smyth"), "the last name differs: 'SMITH' against 'SMYTH' ('I' against 'Y' after 'SM')"),
        (person("Dana", "Oak"), person("Dana", "Oaks"), "the last name differs: 'OAK' against 'OAKS' (nothing against 'S' after 'OAK')"),
        (person("Dana", "Oakes"), person("Dana", "Oak"), "the last name differs: 'OAKES' against 'OAK' ('ES' against nothing after 'OAK')"),
        (person("Cy", "Mc Cedar"), person("Cy", "McCedar"), "the last name differs: 'MC CEDAR' against 'MCCEDAR' (a blank against 'C' after 'MC')"),
        (person("Ann", "Ash", middle: "B."), person("Ann", "Ash", middle: "Carol"), "the middle initial differs: 'B' against 'C'"),
        (person("Bob", "Smith"), person("Rob", "Smyth"),
         "the first name differs: 'BOB' against 'ROB' ('B' against 'R' at the start); the last name differs: 'SMITH' against 'SMYTH' ('I' against 'Y' after 'SM')"),
        (person("", "Ash"), person("Ann", "Ash"), "the first name differs: nothing against 'ANN'"),
        (person("Ann", "..."), person("Ann", ""), "the last name is empty"),
        (.business(BusinessName("The Willow Co.")), .business(BusinessName("Willow Co")),
         "the business name differs: 'THE WILLOW CO' against 'WILLOW CO' ('T' against 'W' at the start)"),
        (.business(BusinessName("P & P Company")), .business(BusinessName("P&P Company")),
         "the business name differs: 'P P COMPANY' against 'PP COMPANY' (a blank against 'P' after 'P')"),
        (person("Ann", "Ash"), .business(BusinessName("Ash")), "a person's name against a business name"),
        (.business(BusinessName("Ash")), person("Ann", "Ash"), "a business name against a person's name"),
    ])
    func explanations(name: TaxpayerName, other: TaxpayerName, expected: String) {
        let differences = name.differences(from: other)
        #expect(NameDifference.explanation(of: differences) == expected)
        #expect(!name.matches(other))
    }

    @Test("names that match have no difference", arguments: [
        (person("Luis", "Ortega-Ruiz"), person("luis", "ortega-ruiz")),
        (person("José", "Núñez"), person("Jose", "Nunez")),
        (person("Pat", "O'Neil"), person("Pat", "ONeil")),
        (person("Dana", "Oak", suffix: "Jr."), person("Dana", "Oak", suffix: "Sr")),
        (person("Ann", "Ash", middle: "B"), person("Ann", "Ash")),
        (person("Ann", "Ash", middle: "Beth"), person("Ann", "Ash", middle: "B.")),
        (person("Mary  Ann", "Ash"), person("Mary Ann", "Ash")),
        (.business(BusinessName("The Willow Co.")), .business(BusinessName("the willow co"))),
    ])
    func matching(name: TaxpayerName, other: TaxpayerName) {
        #expect(name.differences(from: other) == [])
        #expect(name.matches(other))
    }

    @Test("AUTH-002 names the part and the control the form gives, never the name on file", arguments: [
        (DocumentName.person(first: "R", middle: nil, last: "Ash", suffix: nil), RecordName.person(first: "Ralph", middle: nil, last: "Teak", suffix: nil),
         "the last name gives the name control ASH, not the one on file"),
        (.person(first: "R", middle: nil, last: "'.", suffix: nil), .person(first: "Ralph", middle: nil, last: "Teak", suffix: nil),
         "the last name gives no name control"),
        (.business("Teak"), .person(first: "Ralph", middle: nil, last: "Teak", suffix: nil), "a business name against a person's name"),
        (.business("Willow Co"), .business("The Hawthorn"), "the business name gives the name control WILL, not the one on file"),
    ])
    func nameControlDifferences(name: DocumentName, record: RecordName, expected: String) {
        let explanation = AuthorizationMatching.nameControlDifference(name, record)
        #expect(explanation == expected)
        #expect(explanation?.contains("TEAK") == false && explanation?.contains("THEH") == false)
    }

    @Test func auth002PassesWhenOnlyTheSpellingAfterTheControlDiffers() {
        let name = DocumentName.person(first: "Luis", middle: nil, last: "Ortega Ruiz", suffix: nil)
        #expect(AuthorizationMatching.nameControlDifference(name, .person(first: "Luis", middle: nil, last: "Ortega-Ruiz", suffix: nil)) == nil)
    }
}

/// Each name-match code's message says which part differs and how, through the rule that builds it.
@Suite("Name-match messages")
struct NameMatchMessageTests {
    static let luisCAF = RepresentativeRecord(
        caf: "0312-34567R", name: .person(first: "Luis", middle: nil, last: "Ortega-Ruiz", suffix: nil), tin: "400-55-1234",
        address: RecordAddress(street: "9 Elm Ave", city: "Portland", state: "OR", zip: "97201"))
    static let luisMasterFile = RecordName.person(first: "Luis", middle: nil, last: "Ortega Ruiz", suffix: nil)
    static let difference = "the last name differs: 'ORTEGA RUIZ' against 'ORTEGA-RUIZ' (a blank against a hyphen after 'ORTEGA')"

    @Test func caf003() throws {
        let caf = try CAFNumber(parsing: "0312-34567R")
        let facts = CAFLinkRules.Facts(representative: Self.luisCAF, userTIN: try TIN(parsing: "400-55-1234"),
                                       masterFileName: Self.luisMasterFile, linkedUser: nil)
        #expect(CAFLinkRules.check(caf: caf, user: "luis", facts: facts) == [
            Problem(.caf003, "Your Master File name does not match the name on CAF record \(caf): \(Self.difference).", path: "$.caf"),
        ])
    }

    @Test func tds002() throws {
        let caf = try CAFNumber(parsing: "0312-34567R")
        let member = EFileUserRecord(efin: "123456", firm: "Ortega CPAs", user: "luis", role: .principal, name: Self.luisMasterFile, tds: true)
        let facts = TDSRequestRules.Facts(memberships: [member], linkedCAF: caf, representative: Self.luisCAF, itemCount: 1, maxItems: 10)
        #expect(TDSRequestRules.check(facts) == [
            Problem(.tds002, "Your name on the e-File application does not match the name on CAF record \(caf) (EFIN 123456: \(Self.difference)); have one of them corrected."),
        ])
    }

    @Test func tpa006() {
        var fixture = AuthorizationFixture.taxProAccount
        fixture.facts.submitterMasterFileName = .person(first: "Dana", middle: nil, last: "Oakley", suffix: nil)
        #expect(fixture.problems.filter { $0.code == "TPA-006" }.map(\.message) == [
            "Your Master File name does not match your CAF name: the last name differs: 'OAKLEY' against 'OAK' ('LEY' against nothing after 'OAK').",
        ])
    }

    @Test func auth005() {
        var fixture = AuthorizationFixture()
        fixture.representatives = [AuthorizationFixture.representative(first: "Dan")]
        #expect(fixture.problems.map(\.message) == [
            "The name does not match the CAF record of 0312-34567R: the first name differs: 'DAN' against 'DANA' (nothing against 'A' after 'DAN').",
        ])
    }

    @Test func auth002() {
        var fixture = AuthorizationFixture()
        fixture.taxpayerName = .person(first: "Ralph", middle: nil, last: "Took", suffix: nil)
        #expect(fixture.problems.map(\.message) == [
            "The taxpayer's name does not give the name control on the Master File: the last name gives the name control TOOK, not the one on file.",
        ])
    }
}
