import Testing
import SordCore

@Suite("Authorization rules: upload channel")
struct AuthorizationUploadRulesTests {
    typealias F = AuthorizationFixture

    @Test("the fixture form is valid and typed")
    func validForm() throws {
        let fixture = F()
        guard case .valid(let valid) = fixture.verdict else {
            Issue.record("expected a valid form, got \(fixture.codes)")
            return
        }
        #expect(valid.form == .poa2848)
        #expect(valid.tin.description == "400-01-2345")
        #expect(valid.submitterIndex == 0)
        #expect(valid.recordsOnCAF && valid.revokesPrior)
        #expect(valid.representatives.map(\.designation) == [.enrolledAgent])
        #expect(valid.matters == [Matter(description: "Income", form: "1040", periods: ["2022", "2023", "2024"])])
        let record = valid.record(representative: 0, id: "X-1", caf: F.danaCAF, recordedOn: F.received)
        #expect(record.caf == "0312-34567R" && record.designation == "c" && record.recordedOn == "2026-11-20")
        #expect(record.coverage.map(\.period) == ["2022", "2023", "2024"])
    }

    @Test("every rule of an upload", arguments: [
        // Identifiers.
        AuthorizationCase("invalid TIN skips the Master File", ["ID-001"]) { $0.taxpayerTIN = "000-12-3456"; $0.facts.entity = nil },
        AuthorizationCase("invalid CAF number", ["ID-002", "AUTH-007"]) { $0.representatives = [F.representative(caf: "12-34")] },
        AuthorizationCase("invalid PTIN", ["ID-003"]) { $0.representatives = [F.representative(ptin: "P123")] },
        AuthorizationCase("unknown state", ["ID-005"]) {
            $0.taxpayerAddress = DocumentAddress(street: "12 Alder St", city: "Salem", state: "ZZ", zip: "97301")
        },
        AuthorizationCase("malformed ZIP also fails the address match", ["ID-005", "AUTH-003"]) {
            $0.taxpayerAddress = DocumentAddress(street: "12 Alder St", city: "Salem", state: "OR", zip: "9730")
        },
        AuthorizationCase("foreign address: state and ZIP not checked", ["AUTH-003"]) {
            $0.taxpayerAddress = DocumentAddress(street: "1 Rue X", city: "Paris", state: "Île", zip: "75001", country: "FR")
        },
        // Master File.
        AuthorizationCase("TIN not on the Master File", ["AUTH-001"]) { $0.facts.entity = nil },
        AuthorizationCase("name control differs", ["AUTH-002"]) {
            $0.taxpayerName = .person(first: "Ralph", middle: nil, last: "Took", suffix: nil)
        },
        AuthorizationCase("same name control, other first name", []) {
            $0.taxpayerName = .person(first: "Bob", middle: nil, last: "Teakwood", suffix: nil)
        },
        AuthorizationCase("a business name for a person's TIN", ["AUTH-002"]) { $0.taxpayerName = .business("Teak") },
        AuthorizationCase("address differs", ["AUTH-003"]) {
            $0.taxpayerAddress = DocumentAddress(street: "14 Alder St", city: "Salem", state: "OR", zip: "97301")
        },
        AuthorizationCase("other ZIP", ["AUTH-003"]) {
            $0.taxpayerAddress = DocumentAddress(street: "12 Alder St", city: "Salem", state: "OR", zip: "97302")
        },
        AuthorizationCase("address written out in full still matches", []) {
            $0.taxpayerAddress = DocumentAddress(street: "12 ALDER STREET", city: "SALEM", state: "or", zip: "97301-0001")
        },
        // CAF.
        AuthorizationCase("CAF number not on the CAF", ["AUTH-004"]) { $0.facts.representatives = [:] },
        AuthorizationCase("representative's name differs", ["AUTH-005"]) { $0.representatives = [F.representative(first: "Dan")] },
        AuthorizationCase("representative's address differs", ["AUTH-005"]) {
            $0.representatives = [F.representative(address: DocumentAddress(street: "1 Elm Ave", city: "Portland", state: "OR", zip: "97201"))]
        },
        AuthorizationCase("name and address differ", ["AUTH-005", "AUTH-005"]) {
            $0.representatives = [F.representative(first: "Dan", address: DocumentAddress(street: "9 Elm Ave", city: "X", state: "OR", zip: "97202"))]
        },
        AuthorizationCase("CAF number without the suffix letter is the same record", []) {
            $0.representatives = [F.representative(caf: "0312-34567")]
        },
        // Submitter; authorization before existence.
        AuthorizationCase("submitter not on the form", ["AUTH-007"]) { $0.facts.submitterCAF = try! CAFNumber(parsing: "1111-22222") },
        AuthorizationCase("submitter not on the form learns nothing of the records", ["AUTH-007"]) {
            $0.facts.submitterCAF = nil
            $0.facts.submitterPTIN = nil
            $0.facts.entity = nil
            $0.facts.representatives = [:]
            $0.taxpayerName = .person(first: "Ralph", middle: nil, last: "Took", suffix: nil)
        },
        AuthorizationCase("\"None\" with the submitter's PTIN", []) {
            $0.representatives = [F.representative(caf: "None")]
            $0.facts.submitterCAF = nil
        },
        AuthorizationCase("\"None\" with another PTIN", ["AUTH-007"]) {
            $0.representatives = [F.representative(caf: "none", ptin: "P99999999")]
            $0.facts.submitterCAF = nil
        },
        AuthorizationCase("the submitter is the second representative", []) {
            $0.representatives = [F.representative(first: "Ash", last: "Elm", caf: "2012-34567", ptin: nil), F.representative()]
            $0.facts.representatives[try! CAFNumber(parsing: "2012-34567").number] = F.record(caf: "2012-34567", first: "Ash", last: "Elm")
        },
        // Periods.
        AuthorizationCase("no period", ["AUTH-008"]) { $0.matters = [.init(description: "Income", form: "1040", periods: [])] },
        AuthorizationCase("all years", ["AUTH-008"]) { $0.matters = [.init(description: "Income", form: "1040", periods: ["all years"])] },
        AuthorizationCase("a range in one entry", ["AUTH-008"]) { $0.matters = [.init(description: "Income", form: "1040", periods: ["2020-2023"])] },
        AuthorizationCase("month 13", ["AUTH-008"]) { $0.matters = [.init(description: "Income", form: "1040", periods: ["2024-13"])] },
        AuthorizationCase("two bad periods, two problems", ["AUTH-008", "AUTH-008"]) {
            $0.matters = [.init(description: "Income", form: "1040", periods: ["2024", "x", "various"])]
        },
        AuthorizationCase("calendar year 3 years ahead ends too late", ["AUTH-009"]) {
            $0.matters = [.init(description: "Income", form: "1040", periods: ["2029"])]
        },
        AuthorizationCase("a quarter ending before the limit", []) {
            $0.matters = [.init(description: "Civil Penalty", form: "Civil Penalty", periods: ["2029-09"])]
        },
        AuthorizationCase("a month ending after the limit", ["AUTH-009"]) {
            $0.matters = [.init(description: "Employment", form: "941", periods: ["2029-11"])]
        },
        // Signatures.
        AuthorizationCase("no taxpayer signature", ["AUTH-010"]) { $0.taxpayerSignature = nil },
        AuthorizationCase("taxpayer signature without date", ["AUTH-010"]) { $0.taxpayerSignature = .init(signedOn: nil, name: "Ralph Teak") },
        AuthorizationCase("taxpayer signature without name", ["AUTH-010"]) { $0.taxpayerSignature = .init(signedOn: "2026-11-10", name: " ") },
        AuthorizationCase("taxpayer signature date impossible", ["ID-004"]) { $0.taxpayerSignature = .init(signedOn: "2026-02-30", name: "R") },
        AuthorizationCase("representative signature missing", ["AUTH-012"]) { $0.representatives = [F.representative(signedOn: nil)] },
        AuthorizationCase("representative signed before the taxpayer", ["AUTH-012"]) {
            $0.representatives = [F.representative(signedOn: "2026-11-09")]
        },
        AuthorizationCase("representative signature date malformed", ["ID-004"]) {
            $0.representatives = [F.representative(signedOn: "20-11-2026")]
        },
        // Designations.
        AuthorizationCase("designation missing", ["AUTH-013"]) { $0.representatives = [F.representative(designation: nil)] },
        AuthorizationCase("designation unknown", ["AUTH-013"]) { $0.representatives = [F.representative(designation: "z")] },
        AuthorizationCase("designation upper case", []) { $0.representatives = [F.representative(designation: "C")] },
        AuthorizationCase("attorney without jurisdiction", ["AUTH-013"]) {
            $0.representatives = [F.representative(designation: "a", jurisdiction: nil)]
        },
        AuthorizationCase("enrolled actuary with blank jurisdiction", ["AUTH-013"]) {
            $0.representatives = [F.representative(designation: "g", jurisdiction: " ")]
        },
        AuthorizationCase("officer needs no jurisdiction", []) { $0.representatives = [F.representative(designation: "d", jurisdiction: nil)] },
        AuthorizationCase("unenrolled preparer without PTIN", ["AUTH-013", "AUTH-007"]) {
            $0.representatives = [F.representative(ptin: nil, designation: "h", jurisdiction: nil)]
            $0.facts.submitterCAF = nil
        },
        AuthorizationCase("unenrolled preparer without PTIN, submitter by CAF", ["AUTH-013"]) {
            $0.representatives = [F.representative(ptin: nil, designation: "h", jurisdiction: nil)]
        },
        // Notice copies.
        AuthorizationCase("two notice recipients", []) {
            $0.representatives = [F.representative(receiveNotices: true),
                                  F.representative(first: "Ash", last: "Elm", caf: "2012-34567", ptin: nil, receiveNotices: true)]
            $0.facts.representatives[try! CAFNumber(parsing: "2012-34567").number] = F.record(caf: "2012-34567", first: "Ash", last: "Elm")
        },
        AuthorizationCase("three notice recipients", ["AUTH-014"]) {
            $0.representatives = [F.representative(receiveNotices: true),
                                  F.representative(first: "Ash", last: "Elm", caf: "2012-34567", ptin: nil, receiveNotices: true),
                                  F.representative(first: "Bo", last: "Fir", caf: "3212-34567", ptin: nil, receiveNotices: true)]
            $0.facts.representatives[try! CAFNumber(parsing: "2012-34567").number] = F.record(caf: "2012-34567", first: "Ash", last: "Elm")
            $0.facts.representatives[try! CAFNumber(parsing: "3212-34567").number] = F.record(caf: "3212-34567", first: "Bo", last: "Fir")
        },
        // Form 8821.
        AuthorizationCase("8821 without 2848 fields", []) {
            $0.form = .form8821
            $0.representatives = [F.representative(designation: nil, jurisdiction: nil, signedOn: nil)]
        },
        AuthorizationCase("8821 with every 2848 field", Array(repeating: "AUTH-015", count: 6)) {
            $0.form = .form8821
            $0.representatives = [F.representative(licenseNumber: "123")]
            $0.additionalActs = .init()
            $0.actsNotAuthorized = ""
        },
        // Many at once.
        AuthorizationCase("every independent problem is listed", ["AUTH-002", "AUTH-005", "AUTH-008", "AUTH-010", "AUTH-013"]) {
            $0.taxpayerName = .person(first: "Ralph", middle: nil, last: "Took", suffix: nil)
            $0.representatives = [F.representative(first: "Dan", designation: "q")]
            $0.matters = [.init(description: "Income", form: "1040", periods: ["all"])]
            $0.taxpayerSignature = nil
        },
    ])
    func rule(_ row: AuthorizationCase) {
        #expect(row.run(from: F()) == row.expected)
    }

    @Test("every practice code out of good standing", arguments: ["D", "E", "R", "S", "I"])
    func practiceCodes(_ code: String) {
        var fixture = F()
        var record = F.danaRecord
        record.practiceCode = code
        fixture.facts.representatives = [F.danaCAF.number: record]
        #expect(fixture.codes == ["AUTH-006"])
    }

    /// AUTH-011: received N days after the taxpayer signed. 120 passes, 121 does not; a signature
    /// after the received day is an impossible date.
    @Test("AUTH-011 boundary", arguments: [(0, [String]()), (1, []), (120, []), (121, ["AUTH-011"]), (400, ["AUTH-011"]), (-1, ["ID-004"])])
    func taxpayerSignatureDays(days: Int, expected: [String]) {
        var fixture = F()
        let signed = F.received.adding(days: -days)
        fixture.taxpayerSignature = .init(signedOn: signed.description, name: "Ralph Teak")
        fixture.representatives = [F.representative(signedOn: (days >= 0 ? signed : F.received).description)]
        #expect(fixture.codes == expected)
    }

    /// AUTH-012: the representative signs N days after the taxpayer. 0 and 45 pass, 46 and any day
    /// before the taxpayer do not.
    @Test("AUTH-012 boundary", arguments: [(0, [String]()), (45, []), (46, ["AUTH-012"]), (-1, ["AUTH-012"])])
    func representativeSignatureDays(days: Int, expected: [String]) {
        var fixture = F()
        let taxpayer = F.received.adding(days: -100)
        fixture.taxpayerSignature = .init(signedOn: taxpayer.description, name: "Ralph Teak")
        fixture.representatives = [F.representative(signedOn: taxpayer.adding(days: days).description)]
        #expect(fixture.codes == expected)
    }

    @Test("a representative signature after the received day is an impossible date")
    func representativeSignatureInFuture() {
        var fixture = F()
        fixture.representatives = [F.representative(signedOn: F.received.adding(days: 1).description)]
        #expect(fixture.codes == ["ID-004"])
    }

    /// AUTH-009: a period may end on the received day + 3 years, not one day later; received on
    /// 29 February the limit is 28 February.
    @Test("AUTH-009 boundary", arguments: [
        ("2026-12-31", "2029", [String]()), ("2026-12-30", "2029", ["AUTH-009"]),
        ("2026-11-30", "2029-11", []), ("2026-11-29", "2029-11", ["AUTH-009"]),
        ("2028-02-29", "2031-02", []), ("2027-02-27", "2030-02", ["AUTH-009"]), ("2027-02-28", "2030-02", []),
    ])
    func futurePeriods(received: String, period: String, expected: [String]) throws {
        var fixture = F()
        fixture.received = try Day(parsing: received)
        fixture.taxpayerSignature = .init(signedOn: received, name: "Ralph Teak")
        fixture.representatives = [F.representative(signedOn: received)]
        fixture.matters = [.init(description: "Employment", form: "941", periods: [period])]
        #expect(fixture.codes == expected)
    }

    @Test("problems carry the JSON path of what to fix")
    func paths() {
        var fixture = F()
        fixture.representatives = [F.representative(), F.representative(first: "Ash", last: "Elm", caf: "2012-34567", ptin: "P1", designation: "a", jurisdiction: nil)]
        fixture.matters = [.init(description: "Income", form: "1040", periods: ["2024", "all"])]
        let paths = Set(fixture.problems.compactMap(\.path))
        #expect(paths == ["$.representatives[1].ptin", "$.representatives[1].caf", "$.representatives[1].jurisdiction", "$.matters[0].periods[1]"])
        #expect(fixture.problems.allSatisfy { !$0.message.contains("400-01-2345") })
    }

    @Test("line 4 and line 6 are carried into the verdict")
    func specificUseAndRetention() {
        var fixture = F()
        fixture.specificUse = true
        fixture.retainPrior = true
        guard case .valid(let valid) = fixture.verdict else {
            Issue.record("expected valid")
            return
        }
        #expect(!valid.recordsOnCAF && !valid.revokesPrior)
    }
}
