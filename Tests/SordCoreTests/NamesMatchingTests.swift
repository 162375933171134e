import Testing
@testable import SordCore

private func p(_ first: String, _ middle: String?, _ last: String, _ suffix: String? = nil) -> PersonName {
    PersonName(first: first, middle: middle, last: last, suffix: suffix)
}

@Suite("Name matching and CAF limits")
struct NamesMatchingTests {
    @Test("person names that match", arguments: [
        (p("Ralph", nil, "Teak"), p("RALPH", nil, "TEAK")),
        (p("Ralph", nil, "Teak"), p("ralph", nil, "teak", "Jr")),
        (p("Ralph", nil, "Teak", "Sr"), p("Ralph", nil, "Teak", "Jr")),
        (p("Ralph", "Quentin", "Teak"), p("Ralph", "Q.", "Teak")),
        (p("Ralph", "Q", "Teak"), p("Ralph", nil, "Teak")),
        (p("Ralph", nil, "Teak"), p("Ralph", "Q", "Teak")),
        (p("Sean", nil, "O'Neil"), p("Sean", nil, "ONeil")),
        (p("Mary", nil, "Anderson-Jensen"), p("MARY", nil, "ANDERSON-JENSEN")),
        (p("Mary  Ann", nil, "De  La Rosa"), p("Mary Ann", nil, "De La Rosa")),
        (p(" Ralph ", nil, "Teak."), p("Ralph", nil, "Teak")),
        (p("José", nil, "Müller"), p("Jose", nil, "Muller")),
        (p("Ralph", "", "Teak"), p("Ralph", "Q", "Teak")),
    ])
    func matching(a: PersonName, b: PersonName) {
        #expect(a.matches(b))
        #expect(b.matches(a))
        #expect(TaxpayerName.person(a).matches(.person(b)))
    }

    @Test("person names that do not match", arguments: [
        (p("Ralph", nil, "Teak"), p("Ralf", nil, "Teak")),
        (p("Ralph", nil, "Teak"), p("Ralph", nil, "Teake")),
        (p("Ralph", "Q", "Teak"), p("Ralph", "R", "Teak")),
        (p("Ralph", "Quentin", "Teak"), p("Ralph", "Roger", "Teak")),
        (p("Joe", nil, "McCedar"), p("Joe", nil, "Mc Cedar")),
        (p("Mary", nil, "Anderson-Jensen"), p("Mary", nil, "Anderson Jensen")),
        (p("Mary", nil, "Anderson-Jensen"), p("Mary", nil, "Anderson")),
        (p("Ivan", nil, "Иванов"), p("Ivan", nil, "Петров")),
        (p("A", nil, "!!"), p("A", nil, "??")),
    ])
    func notMatching(a: PersonName, b: PersonName) {
        #expect(!a.matches(b))
        #expect(!b.matches(a))
    }

    @Test func businessMatching() {
        #expect(BusinessName("The Willow Co.").matches(BusinessName("THE WILLOW CO")))
        #expect(BusinessName("Oak & Ash, CPAs").matches(BusinessName("oak & ash cpas")))
        #expect(BusinessName("Y-Z  Drive Co").matches(BusinessName("Y-Z Drive Co")))
        #expect(!BusinessName("The Willow Co.").matches(BusinessName("Willow Co.")))
        #expect(!BusinessName("Y-Z Drive Co").matches(BusinessName("YZ Drive Co")))
        #expect(!BusinessName("...").matches(BusinessName("!!!")))
        #expect(!TaxpayerName.business(BusinessName("Teak")).matches(.person(p("Ralph", nil, "Teak"))))
    }

    @Test func blankMiddleAndSuffixAreAbsent() {
        let name = p("Ralph", "  ", "Teak", "")
        #expect(name.middle == nil && name.suffix == nil)
        #expect(name.fullName == "Ralph Teak")
        #expect(p("Ralph", "Q", "Teak", "Jr").fullName == "Ralph Q Teak Jr")
    }

    @Test func cafLimitsAtTheBoundaries() {
        let twenty = String(repeating: "a", count: 20), ten = String(repeating: "b", count: 10)
        #expect(p(twenty, nil, "Teak").cafLengthViolations.isEmpty)
        #expect(p("Al", "B", "C", ten).cafLengthViolations.isEmpty)
        // 11 + 1 + 11 + 1 + 11 = 35 exactly.
        let eleven = String(repeating: "c", count: 11)
        #expect(p(eleven, eleven, eleven).cafLengthViolations.isEmpty)
        #expect(p(eleven, eleven, eleven + "c").cafLengthViolations == [NameLengthViolation(field: .whole, length: 36)])
        #expect(p(twenty + "a", nil, "T").cafLengthViolations == [NameLengthViolation(field: .first, length: 21)])
        #expect(p("A", twenty + "a", "T").cafLengthViolations.map(\.field) == [.middle])
        #expect(p(twenty, twenty + "a", "T").cafLengthViolations.map(\.field) == [.middle, .whole])
        #expect(p("A", nil, twenty + "a").cafLengthViolations.map(\.field) == [.last])
        #expect(p("A", nil, "T", ten + "b").cafLengthViolations.map(\.field) == [.suffix])
        // Characters, not bytes: accented letters count once.
        #expect(p(String(repeating: "é", count: 20), nil, "T").cafLengthViolations.isEmpty)
    }

    @Test func violationMessagesNameTheLimitNotTheName() {
        let v = NameLengthViolation(field: .last, length: 21)
        #expect(v.description == "last name has 21 characters; the CAF allows at most 20")
        #expect(NameLengthViolation(field: .whole, length: 40).description.contains("whole name"))
        #expect(NameLengthViolation.Field.allCases.map(\.limit) == [20, 20, 20, 10, 35])
    }
}
