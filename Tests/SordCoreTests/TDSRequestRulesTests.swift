import Testing
@testable import SordCore

@Suite("TDS whole-request rules")
struct TDSRequestRulesTests {
    static let caf = try! CAFNumber(parsing: "0312-34567R")
    static let dana = RecordName.person(first: "Dana", middle: nil, last: "Oak", suffix: nil)
    static let representative = RepresentativeRecord(caf: "0312-34567R", name: dana, tin: "400-55-1234",
        address: RecordAddress(street: "9 Elm Ave", city: "Portland", state: "OR", zip: "97201"))

    static func member(_ role: EFileUserRecord.Role, tds: Bool = false, name: RecordName = dana) -> EFileUserRecord {
        EFileUserRecord(efin: "123456", firm: "Oak & Ash CPAs", user: "dana", role: role, name: name, tds: tds)
    }

    static func facts(memberships: [EFileUserRecord] = [member(.principal)], caf: CAFNumber? = caf,
                      representative: RepresentativeRecord? = representative, items: Int = 1) -> TDSRequestRules.Facts {
        .init(memberships: memberships, linkedCAF: caf, representative: representative, itemCount: items, maxItems: 1_000)
    }

    static var suspended: RepresentativeRecord {
        var r = representative
        r.practiceCode = "S"
        return r
    }

    @Test("codes", arguments: [
        ("principal passes", facts(), [String]()),
        ("responsible official passes", facts(memberships: [member(.responsibleOfficial)]), []),
        ("delegate with TDS passes", facts(memberships: [member(.delegate, tds: true)]), []),
        ("delegate without TDS", facts(memberships: [member(.delegate)]), ["TDS-001"]),
        ("no application", facts(memberships: []), ["TDS-001"]),
        ("e-File name differs", facts(memberships: [member(.principal, name: .person(first: "Dina", middle: nil, last: "Oak", suffix: nil))]), ["TDS-002"]),
        ("one of two names matches", facts(memberships: [member(.delegate), member(.principal)]), []),
        ("no linked CAF", facts(caf: nil, representative: nil), ["TDS-003"]),
        ("CAF not on file", facts(representative: nil), ["TDS-004"]),
        ("CAF suspended", facts(representative: suspended), ["TDS-004"]),
        ("all at once", facts(memberships: [member(.delegate)], representative: suspended), ["TDS-001", "TDS-004"]),
        ("too many items", facts(items: 1_001), ["SUB-005"]),
    ])
    func codes(_ name: String, facts: TDSRequestRules.Facts, expected: [String]) {
        #expect(TDSRequestRules.check(facts).map(\.code).sorted() == expected, "\(name)")
    }
}
