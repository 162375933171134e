import Testing
@testable import SordCore

@Suite("Name controls")
struct NamesNameControlTests {
    /// Every person example of SPEC 6 and DOMAIN.md, plus prefixes, apostrophes, blanks, suffixes and
    /// non-ASCII letters.
    @Test("person name controls", arguments: [
        ("Brandy", "Cedar-Hawthorn", "CEDA"), ("Joe", "McCedar", "MCCE"), ("Joe", "Mc Cedar", "MCCE"),
        ("Sean", "O'Neil", "ONEI"), ("Dick", "Van Dyke", "VAND"), ("Rosa", "De La Rosa", "DELA"),
        ("Ralph", "Teak", "TEAK"), ("Ann", "Ash", "ASH"), ("John", "Brown", "BROW"),
        ("Mary", "Anderson-Jensen", "ANDE"), ("Mark", "Hemlock", "HEML"),
        // Decided and documented here: accents fold, unfoldable letters drop.
        ("José", "José", "JOSE"), ("Hans", "Müller", "MULL"), ("Ana", "Núñez", "NUNE"), ("Jan", "Łukasz", "LUKA"),
        ("Karl", "Strauß", "STRA"), ("Lars", "Ørsted", "ORST"), ("Ivan", "Иванов-Smith", "SMIT"),
        ("Ann", "Ng", "NG"), ("Bo", "O", "O"), ("Al", "St. John", "STJO"), ("Al", "d'Arcy", "DARC"),
        ("Al", "-Cedar", "CEDA"), ("Al", "  teak  ", "TEAK"), ("Al", "Smith3rd", "SMIT"),
        ("Al", "La-Rue-Smith", "LA"), ("Al", "Y", "Y"),
    ])
    func person(first: String, last: String, expected: String) throws {
        let name = PersonName(first: first, last: last)
        #expect(try name.nameControl().value == expected)
        #expect(try TaxpayerName.person(name).nameControl().value == expected)
        #expect(NameControl.matchesPattern(expected, kind: .person))
    }

    /// DOMAIN.md: a sole proprietor uses their own last name (Mark Hemlock dba The Sunshine Cafe).
    @Test func soleProprietorUsesTheirOwnLastName() throws {
        #expect(try TaxpayerName.person(PersonName(first: "Mark", last: "Hemlock")).nameControl().value == "HEML")
        #expect(try BusinessName("The Sunshine Cafe").nameControl().value == "SUNS")
    }

    @Test func suffixNeverCounts() throws {
        let plain = PersonName(first: "Ralph", last: "Teak")
        let withSuffix = PersonName(first: "Ralph", middle: "Q", last: "Teak", suffix: "Jr.")
        #expect(try withSuffix.nameControl() == plain.nameControl())
    }

    /// Every business example of DOMAIN.md and SPEC 6.
    @Test("business name controls", arguments: [
        ("Sumac Field Plow Inc.", "SUMA"), ("11th Street Inc.", "11TH"), ("P & P Company", "P&PC"),
        ("Y-Z Drive Co", "Y-ZD"), ("John Hackberry PA", "JOHN"), ("ELM!", "ELM"), ("OAK! Tre", "OAKT"),
        ("The Willow Co.", "WILL"), ("The Hawthorn", "THEH"),
        ("the willow co.", "WILL"), ("THE HAWTHORN", "THEH"), ("The & Co", "&CO"), ("Theater Arts Co", "THEA"),
        ("Café Olé LLC", "CAFE"), ("A", "A"), ("  Oak   & Ash  CPAs ", "OAK&"), ("-Dash Ltd", "-DAS"),
        ("The 3M Company", "3MCO"),
    ])
    func business(name: String, expected: String) throws {
        let b = BusinessName(name)
        #expect(try b.nameControl().value == expected)
        #expect(try TaxpayerName.business(b).nameControl().value == expected)
        #expect(NameControl.matchesPattern(expected, kind: .business))
    }

    @Test("names without a control", arguments: ["", "   ", "'", "---", "123", "Иванов", "李"])
    func nothingToDerive(last: String) {
        #expect(throws: NameControlError.nothingToDerive) { try PersonName(first: "X", last: last).nameControl() }
    }

    @Test("businesses without a control", arguments: ["", "  ", "!!!", "李明", "..."])
    func businessNothing(name: String) {
        #expect(throws: NameControlError.nothingToDerive) { try BusinessName(name).nameControl() }
    }

    @Test("submitted name controls", arguments: [
        ("TEAK", NameControl.Kind?.some(.person), "TEAK"), ("ASH", .person, "ASH"), ("ASH ", .person, "ASH"),
        ("A-B ", .person, "A-B"), ("A B", .person, "A B"), ("P&PC", .business, "P&PC"), ("11TH", .business, "11TH"),
        ("Y-ZD", .business, "Y-ZD"), ("-", .business, "-"), ("P&PC", nil, "P&PC"), ("TEAK", nil, "TEAK"),
        ("A B", nil, "A B"),
    ])
    func parsingValid(text: String, kind: NameControl.Kind?, value: String) throws {
        #expect(try NameControl(parsing: text, kind: kind).value == value)
    }

    @Test("refused name controls", arguments: [
        ("teak", NameControl.Kind?.some(.person)), ("TEAKS", .person), ("", .person), (" ", .person),
        ("1ABC", .person), ("-ABC", .person), ("P&PC", .person), ("A B", .business), ("ÉLAN", nil),
        ("AB.C", nil), ("TEAKS", nil), ("", nil), ("ab", .business), (" ABC", nil),
    ])
    func parsingInvalid(text: String, kind: NameControl.Kind?) {
        #expect(throws: NameControlError.malformed) { try NameControl(parsing: text, kind: kind) }
    }

    @Test("submitted controls are folded like names", arguments: [
        ("NUÑE", "NUNE"), ("nuñe", "NUNE"), ("Élan", "ELAN"), ("teak ", "TEAK"), ("p&pc", "P&PC"), ("ØRN", "ORN"),
    ])
    func submittedFolding(text: String, value: String) throws {
        #expect(try NameControl(submitted: text).value == value)
    }

    @Test("submitted controls that stay malformed", arguments: ["李", "TEAKS", "", "ÉLANS", "A.B"])
    func submittedMalformed(text: String) {
        #expect(throws: NameControlError.malformed) { try NameControl(submitted: text) }
    }

    @Test func derivedControlsCompareEqualToSubmittedOnes() throws {
        #expect(try PersonName(first: "Ann", last: "Ash").nameControl() == NameControl(parsing: "ASH "))
        #expect(try BusinessName("P & P Company").nameControl() == NameControl(parsing: "P&PC", kind: .business))
    }

    @Test func taxpayerNameKind() {
        #expect(TaxpayerName.person(PersonName(first: "A", last: "B")).nameControlKind == .person)
        #expect(TaxpayerName.business(BusinessName("B")).nameControlKind == .business)
    }
}
