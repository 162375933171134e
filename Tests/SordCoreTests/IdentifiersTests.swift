import Testing
@testable import SordCore

@Suite("SSN, ITIN, EIN and TIN")
struct IdentifiersTINTests {
    @Test("valid SSNs parse and print back", arguments: [
        "001-01-0001", "400-01-2345", "665-99-9999", "667-10-0001", "899-99-9999", "123-45-6789",
    ])
    func validSSN(text: String) throws {
        let ssn = try SSN(parsing: text)
        #expect(ssn.description == text)
        #expect(try TIN(parsing: text) == .ssn(ssn))
    }

    @Test("SSN rule boundaries", arguments: [
        ("000-12-3456", IdentifierError.ssnArea),
        ("666-12-3456", .ssnArea),
        ("900-12-3456", .ssnArea),
        ("999-12-3456", .ssnArea),
        ("123-00-4567", .ssnGroup),
        ("123-45-0000", .ssnSerial),
        ("123456789", .malformed(.ssn)),
        ("123-456-789", .malformed(.ssn)),
        ("12-345-6789", .malformed(.ssn)),
        ("123-45-678", .malformed(.ssn)),
        ("123-45-67890", .malformed(.ssn)),
        ("abc-de-fghi", .malformed(.ssn)),
        ("١٢٣-45-6789", .malformed(.ssn)),
        (" 123-45-6789", .malformed(.ssn)),
        ("", .malformed(.ssn)),
    ])
    func invalidSSN(text: String, error: IdentifierError) {
        #expect(throws: error) { try SSN(parsing: text) }
    }

    @Test("valid ITIN middle digits", arguments: [50, 51, 65, 70, 71, 88, 90, 91, 92, 94, 99])
    func validITIN(group: Int) throws {
        let text = "912-\(DigitText.padded(group, width: 2))-3456"
        let itin = try ITIN(parsing: text)
        #expect(itin.description == text)
        #expect(try TIN(parsing: text) == .itin(itin))
    }

    @Test("ITIN middle-digit boundaries, ATIN and IRSN", arguments: [
        (0, IdentifierError.itinGroup), (1, .irsn), (10, .irsn), (11, .itinGroup), (16, .itinGroup),
        (17, .irsn), (19, .irsn), (20, .itinGroup), (27, .itinGroup), (28, .irsn), (29, .irsn),
        (30, .itinGroup), (36, .itinGroup), (37, .irsn), (39, .irsn), (40, .itinGroup), (49, .itinGroup),
        (66, .itinGroup), (69, .itinGroup), (89, .itinGroup), (93, .atin),
    ])
    func invalidITIN(group: Int, error: IdentifierError) {
        let text = "900-\(DigitText.padded(group, width: 2))-1234"
        #expect(throws: error) { try ITIN(parsing: text) }
        #expect(throws: error) { try TIN(parsing: text) }
    }

    @Test func itinMustBeginWithNine() {
        #expect(throws: IdentifierError.itinArea) { try ITIN(parsing: "899-70-1234") }
        #expect(throws: IdentifierError.malformed(.itin)) { try ITIN(parsing: "9007-01234") }
    }

    static let validEINPrefixes = Array(1...6) + Array(10...16) + Array(20...27) + Array(30...39)
        + Array(40...48) + Array(50...59) + Array(60...68) + Array(71...77) + Array(80...88)
        + Array(90...95) + [98, 99]

    @Test("every valid EIN prefix", arguments: validEINPrefixes)
    func validEIN(prefix: Int) throws {
        let text = DigitText.padded(prefix, width: 2) + "-3456789"
        let ein = try EIN(parsing: text)
        #expect(ein.description == text)
        #expect(try TIN(parsing: text) == .ein(ein))
    }

    @Test("every invalid EIN prefix", arguments: Set(0...99).subtracting(validEINPrefixes).sorted())
    func invalidEIN(prefix: Int) {
        let text = DigitText.padded(prefix, width: 2) + "-3456789"
        #expect(throws: IdentifierError.einPrefix) { try EIN(parsing: text) }
        #expect(throws: IdentifierError.einPrefix) { try TIN(parsing: text) }
    }

    @Test func invalidPrefixesNamedInTheBriefAreRefused() {
        for prefix in [0, 7, 8, 9, 17, 18, 19, 28, 29, 49, 69, 70, 78, 79, 89, 96, 97] {
            #expect(!EIN.isValidPrefix(prefix))
        }
    }

    @Test("malformed TINs", arguments: ["123456789", "12-345678", "1-23456789", "123-45-678a", "12-34567890", "", "EIN"])
    func malformedTIN(text: String) {
        #expect(throws: IdentifierError.malformed(.tin)) { try TIN(parsing: text) }
    }

    @Test func tinProperties() throws {
        let ssn = try TIN(parsing: "400-01-2345")
        #expect(ssn.isIndividual && ssn.digits == "400012345" && ssn.lastFour == "2345")
        let itin = try TIN(parsing: "912-70-0001")
        #expect(itin.isIndividual && itin.digits == "912700001")
        let ein = try TIN(parsing: "01-0000042")
        #expect(!ein.isIndividual && ein.digits == "010000042" && ein.lastFour == "0042")
        #expect(ein.description == "01-0000042")
    }

    @Test func errorMessagesNeverRepeatTheInput() {
        for text in ["000-12-3456", "912-93-4567", "912-05-4567", "07-1234567", "1234"] {
            do {
                _ = try TIN(parsing: text)
                Issue.record("expected \(text) to be refused")
            } catch {
                #expect(!error.description.contains(text))
                #expect(!error.description.contains(String(text.suffix(4))))
                #expect(error.reasonCode == .id001)
            }
        }
    }
}

@Suite("CAF, PTIN, EFIN, state, ZIP")
struct IdentifiersOtherTests {
    @Test("valid CAF numbers", arguments: [
        ("0312-34567R", "0312-34567R", 31_234_567),
        ("0312-34567", "0312-34567", 31_234_567),
        ("0312-34567r", "0312-34567R", 31_234_567),
        ("0000-00000", "0000-00000", 0),
        ("9999-99999Z", "9999-99999Z", 999_999_999),
    ])
    func validCAF(text: String, canonical: String, number: Int) throws {
        let caf = try CAFNumber(parsing: text)
        #expect(caf.description == canonical)
        #expect(caf.number == number)
        #expect(try CAFReference(parsing: text) == .number(caf))
    }

    @Test("malformed CAF numbers", arguments: [
        "031234567", "031234567R", "0312-3456", "0312-345678", "312-34567", "0312-34567RR", "0312-34567-",
        "0312-3456R", "0312-34567 ", "R0312-34567", "0312-34567É", "0312–34567", "", "Nonee",
    ])
    func malformedCAF(text: String) {
        #expect(throws: IdentifierError.malformed(.caf)) { try CAFNumber(parsing: text) }
        #expect(throws: IdentifierError.malformed(.caf)) { try CAFReference(parsing: text) }
    }

    @Test("None is a CAF reference", arguments: ["None", "none", "NONE"])
    func none(text: String) throws {
        let ref = try CAFReference(parsing: text)
        #expect(ref == .none && ref.number == nil && ref.description == "None")
        #expect(throws: IdentifierError.malformed(.caf)) { try CAFNumber(parsing: text) }
    }

    @Test func cafErrorsMapToID002() {
        #expect(IdentifierError.malformed(.caf).reasonCode == .id002)
    }

    @Test func generatedCAFNumbersUseTheIssuingPrefixesAndAvoidTakenOnes() {
        var rng = SplitMix64(seed: 42)
        var taken: Set<Int> = []
        for _ in 0..<2000 {
            guard let caf = CAFNumber.generate(using: &rng, isTaken: { taken.contains($0.number) }) else {
                Issue.record("no number generated")
                return
            }
            #expect(CAFNumber.issuingPrefixes.contains(caf.prefix))
            #expect(caf.suffix == nil)
            #expect(!taken.contains(caf.number))
            taken.insert(caf.number)
        }
        // Every allowed prefix shows up over 2000 draws; no other one does.
        #expect(Set(taken.map { $0 / 10_000_000 }) == Set(CAFNumber.issuingPrefixes))
    }

    @Test func generationIsDeterministicForASeed() {
        var a = SplitMix64(seed: 7), b = SplitMix64(seed: 7)
        #expect(CAFNumber.generate(using: &a) { _ in false } == CAFNumber.generate(using: &b) { _ in false })
    }

    @Test func generationGivesUpWhenEverythingIsTaken() {
        var rng = SplitMix64(seed: 1)
        var asked = 0
        let result = CAFNumber.generate(using: &rng, maxAttempts: 25) { _ in asked += 1; return true }
        #expect(result == nil)
        #expect(asked == 25)
    }

    @Test func generationPassesLookupErrorsThrough() {
        struct LookupFailed: Error {}
        var rng = SplitMix64(seed: 3)
        #expect(throws: LookupFailed.self) {
            _ = try CAFNumber.generate(using: &rng) { _ in throw LookupFailed() }
        }
    }

    @Test("PTINs", arguments: [("P01234567", "P01234567"), ("p00000000", "P00000000"), ("P99999999", "P99999999")])
    func validPTIN(text: String, canonical: String) throws {
        #expect(try PTIN(parsing: text).description == canonical)
    }

    @Test("malformed PTINs", arguments: ["01234567", "P1234567", "P012345678", "Q01234567", "P0123456a", "", "P"])
    func malformedPTIN(text: String) {
        #expect(throws: IdentifierError.malformed(.ptin)) { try PTIN(parsing: text) }
        #expect(IdentifierError.malformed(.ptin).reasonCode == .id003)
    }

    @Test func efin() throws {
        #expect(try EFIN(parsing: "123456").description == "123456")
        #expect(try EFIN(parsing: "000001").number == 1)
        for bad in ["12345", "1234567", "12345a", "", "12-3456"] {
            #expect(throws: IdentifierError.malformed(.efin)) { try EFIN(parsing: bad) }
        }
    }

    @Test func stateCategories() throws {
        #expect(USState.allCases.count == 59)
        #expect(USState.allCases.filter { $0.category == .state }.count == 50)
        #expect(USState.allCases.filter(\.isStateOrDC).count == 51)
        #expect(try USState(parsing: "DC").isStateOrDC)
        #expect(try USState(parsing: "or") == .oregon)
        #expect(try USState(parsing: "IN") == .indiana)
        for code in ["AS", "GU", "MP", "PR", "VI"] {
            #expect(try USState(parsing: code).category == .territory)
            #expect(try !USState(parsing: code).isStateOrDC)
        }
        for code in ["AA", "AE", "AP"] {
            #expect(try USState(parsing: code).category == .military)
            #expect(try !USState(parsing: code).isStateOrDC)
        }
    }

    @Test("bad states", arguments: [
        ("ZZ", IdentifierError.unknownState), ("XX", .unknownState), ("O", .malformed(.state)),
        ("ORE", .malformed(.state)), ("O1", .malformed(.state)), ("", .malformed(.state)),
    ])
    func badState(text: String, error: IdentifierError) {
        #expect(throws: error) { try USState(parsing: text) }
        #expect(error.reasonCode == .id005)
    }

    @Test func zipCodes() throws {
        let zip = try ZIPCode(parsing: "97301")
        #expect(zip.zip5 == "97301" && zip.plus4 == nil && zip.description == "97301")
        let plus4 = try ZIPCode(parsing: "97301-1234")
        #expect(plus4.zip5 == "97301" && plus4.plus4 == "1234" && plus4.description == "97301-1234")
        for bad in ["9730", "973011", "97301-123", "97301-12345", "97301-", "973011234", "9730a", "97301-1234-1", ""] {
            #expect(throws: IdentifierError.malformed(.zip)) { try ZIPCode(parsing: bad) }
        }
    }
}
