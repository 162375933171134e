import Testing
@testable import SordCore

@Suite("Reason codes of identifier failures")
struct ReasonCodeIdentifierTests {
    @Test("every identifier kind maps to its rule", arguments: [
        (IdentifierKind.ssn, "ID-001"), (.itin, "ID-001"), (.ein, "ID-001"), (.tin, "ID-001"), (.caf, "ID-002"),
        (.ptin, "ID-003"), (.date, "ID-004"), (.state, "ID-005"), (.zip, "ID-005"), (.efin, "SUB-005"),
    ])
    func mapping(kind: IdentifierKind, code: String) {
        #expect(kind.reasonCode.code == code)
        #expect(IdentifierError.malformed(kind).reasonCode.code == code)
        #expect(ReasonCode.named(code) == kind.reasonCode)
    }

    @Test func everyKindIsMapped() {
        #expect(Set(IdentifierKind.allCases.map(\.reasonCode.code)) == ["ID-001", "ID-002", "ID-003", "ID-004", "ID-005", "SUB-005"])
    }

    @Test("rule errors name their kind", arguments: [
        (IdentifierError.ssnArea, IdentifierKind.ssn), (.ssnGroup, .ssn), (.ssnSerial, .ssn), (.itinArea, .itin),
        (.itinGroup, .itin), (.atin, .itin), (.irsn, .itin), (.einPrefix, .ein), (.impossibleDate, .date),
        (.unknownState, .state),
    ])
    func kinds(error: IdentifierError, kind: IdentifierKind) {
        #expect(error.kind == kind)
        #expect(!error.description.isEmpty)
    }

    @Test func atinAndIrsnSaySoInTheirMessage() {
        #expect(IdentifierError.atin.description.contains("ATIN"))
        #expect(IdentifierError.irsn.description.contains("IRS internal number"))
    }
}
