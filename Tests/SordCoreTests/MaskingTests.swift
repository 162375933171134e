import Testing
@testable import SordCore

@Suite("Masking")
struct MaskingTests {
    @Test("TINs", arguments: [
        ("400-01-2345", "XXX-XX-2345"), ("912-70-0001", "XXX-XX-0001"), ("12-3456789", "XX-XXX6789"),
        ("01-0000042", "XX-XXX0042"),
    ])
    func tin(text: String, masked: String) throws {
        #expect(Masking.tin(try TIN(parsing: text)) == masked)
    }

    @Test("first and last names", arguments: [
        ("Ralph", "RALP"), ("Teak", "TEA"), ("Anderson-Jensen", "ANDE"), ("Ash", "AS"), ("Ng", "N"), ("O", "O"),
        ("  Brown ", "BROW"), ("José", "JOS"), ("Müller", "MÜLL"), ("O'Neil", "O'NE"), ("", ""),
    ])
    func namePart(name: String, masked: String) {
        #expect(Masking.namePart(name) == masked)
    }

    @Test func personAndTaxpayerNames() {
        let ralph = PersonName(first: "Ralph", middle: "Quentin", last: "Teak", suffix: "Jr")
        #expect(Masking.personName(ralph) == "RALP TEA")
        #expect(Masking.taxpayerName(.person(ralph)) == "RALP TEA")
        #expect(Masking.taxpayerName(.business(BusinessName("Sumac Field Plow Inc."))) == "SUMA")
    }

    @Test("business names", arguments: [
        ("Sumac Field Plow Inc.", "SUMA"), ("The Willow Co.", "THE"), ("P & P Company", "P &"), ("Oak", "OAK"),
        ("  Acme Corp", "ACME"),
    ])
    func business(name: String, masked: String) {
        #expect(Masking.businessName(BusinessName(name)) == masked)
    }

    @Test("streets", arguments: [
        ("12 Alder St", "12 ALD"), ("1234 Main Street", "1234 M"), ("9 Elm", "9 ELM"), ("12345 Oak", "12345"),
        ("  77 Sunset Blvd", "77 SUN"),
    ])
    func street(text: String, masked: String) {
        #expect(Masking.street(text) == masked)
    }

    @Test("account and phone numbers", arguments: [
        ("123456789012", "XXXXXXXX9012"), ("1234", "1234"), ("12", "12"), ("AB-12-3456-78", "XX-XX-XX56-78"),
        ("(503) 555-0142", "(XXX) XXX-0142"), ("+1 503 555 0142", "+X XXX XXX 0142"), ("", ""),
    ])
    func digits(text: String, masked: String) {
        #expect(Masking.accountNumber(text) == masked)
        #expect(Masking.phoneNumber(text) == masked)
    }
}
