import Testing
import SordCore

@Suite("Authorization rules: Tax Pro Account channel")
struct TaxProAccountRulesTests {
    typealias F = AuthorizationFixture

    @Test("the fixture request is valid")
    func validRequest() {
        let fixture = F.taxProAccount
        guard case .valid(let valid) = fixture.verdict else {
            Issue.record("expected valid, got \(fixture.codes)")
            return
        }
        #expect(valid.channel == .taxProAccount && valid.submitterIndex == 0)
    }

    /// Received 2026-11-20, so "this year + 3" is 2029.
    @Test("every rule of a Tax Pro Account request", arguments: [
        // Shape and submitter.
        AuthorizationCase("two representatives", ["SUB-005", "AUTH-007"]) { $0.representatives.append(F.representative(first: "Ash")) },
        AuthorizationCase("a taxpayer signature", ["SUB-005"]) { $0.taxpayerSignature = .init(signedOn: "2026-11-20", name: "Ralph Teak") },
        AuthorizationCase("\"None\" is never the submitter here", ["AUTH-007"]) { $0.representatives = [F.representative(caf: "None", signedOn: nil)] },
        AuthorizationCase("another practitioner's CAF: no online-account answer", ["AUTH-007"]) {
            $0.facts.submitterCAF = try! CAFNumber(parsing: "1111-22222")
            $0.facts.taxpayerUser = nil
        },
        // TPA-001, TPA-002.
        AuthorizationCase("a business taxpayer", ["TPA-001"]) {
            $0.taxpayerTIN = "12-3456789"
            $0.taxpayerName = .business("The Willow Co.")
            $0.facts.entity = EntityRecord(tin: "12-3456789", name: .business("The Willow Co."), address: F.ralphEntity.address)
        },
        AuthorizationCase("taxpayer in Puerto Rico", ["TPA-002"]) {
            $0.taxpayerAddress = DocumentAddress(street: "12 Alder St", city: "San Juan", state: "PR", zip: "97301")
        },
        AuthorizationCase("taxpayer in DC", []) {
            $0.taxpayerAddress = DocumentAddress(street: "12 Alder St", city: "Washington", state: "DC", zip: "97301")
        },
        AuthorizationCase("taxpayer abroad", ["TPA-002"]) {
            $0.taxpayerAddress = DocumentAddress(street: "12 Alder St", city: "Toronto", state: "ON", zip: "97301", country: "CA")
        },
        AuthorizationCase("CAF address at an APO", ["TPA-002"]) {
            var record = F.danaRecord
            record.address.state = "AE"
            $0.facts.representatives = [F.danaCAF.number: record]
        },
        // TPA-003, TPA-004.
        AuthorizationCase("employment tax is not offered", ["TPA-003"]) { $0.matters = [.init(description: "Employment", form: "941", periods: ["2024"])] },
        AuthorizationCase("income on another form", ["TPA-003"]) { $0.matters = [.init(description: "Income", form: "1120", periods: ["2024"])] },
        AuthorizationCase("matter names ignore case", []) { $0.matters = [.init(description: " income ", form: "1040", periods: ["2024"])] },
        AuthorizationCase("split spousal assessment on 8857", []) {
            $0.matters = [.init(description: "Split Spousal Assessment", form: "8857", periods: ["2024"])]
        },
        AuthorizationCase("shared responsibility payment 2014", []) {
            $0.matters = [.init(description: "Shared Responsibility Payment", form: "1040", periods: ["2014"])]
        },
        AuthorizationCase("shared responsibility payment 2013", ["TPA-003"]) {
            $0.matters = [.init(description: "Shared Responsibility Payment", form: "1040", periods: ["2013"])]
        },
        AuthorizationCase("SRP split spousal assessment 2013", ["TPA-003"]) {
            $0.matters = [.init(description: "Shared Responsibility Payment - Split Spousal Assessment", form: "1040", periods: ["2013"])]
        },
        AuthorizationCase("year 2000", []) { $0.matters = [.init(description: "Income", form: "1040", periods: ["2000"])] },
        AuthorizationCase("year 1999", ["TPA-004"]) { $0.matters = [.init(description: "Income", form: "1040", periods: ["1999"])] },
        AuthorizationCase("this year + 3", []) { $0.matters = [.init(description: "Income", form: "1040", periods: ["2029"])] },
        AuthorizationCase("this year + 4", ["TPA-004"]) { $0.matters = [.init(description: "Income", form: "1040", periods: ["2030"])] },
        AuthorizationCase("a fiscal period", ["TPA-004"]) { $0.matters = [.init(description: "Income", form: "1040", periods: ["2024-06"])] },
        AuthorizationCase("civil penalty quarters", []) {
            $0.matters = [.init(description: "Civil Penalty", form: "Civil Penalty", periods: ["2024-03", "2024-06", "2024-09", "2024-12", "2024"])]
        },
        AuthorizationCase("civil penalty period ending in May", ["TPA-004"]) {
            $0.matters = [.init(description: "Civil Penalty", form: "civil penalty", periods: ["2024-05"])]
        },
        // TPA-005.
        AuthorizationCase("line 4", ["TPA-005"]) { $0.specificUse = true },
        AuthorizationCase("line 5a", ["TPA-005"]) { $0.additionalActs = .init(disclosure: true) },
        AuthorizationCase("line 5a present but empty", []) { $0.additionalActs = .init() },
        AuthorizationCase("line 5b", ["TPA-005"]) { $0.actsNotAuthorized = "sign returns" },
        AuthorizationCase("line 6", ["TPA-005"]) { $0.retainPrior = true },
        AuthorizationCase("8821 line 5", ["TPA-005"]) {
            $0.form = .form8821
            $0.representatives = [F.representative(designation: nil, jurisdiction: nil, signedOn: nil)]
            $0.retainPrior = true
        },
        // TPA-006.
        AuthorizationCase("Master File name differs from CAF name", ["TPA-006"]) {
            $0.facts.submitterMasterFileName = .person(first: "Dana", middle: nil, last: "Oakley", suffix: nil)
        },
        AuthorizationCase("no Master File name", ["TPA-006"]) { $0.facts.submitterMasterFileName = nil },
        // TPA-007.
        AuthorizationCase("officer may not send a POA request", ["TPA-007"]) {
            $0.representatives = [F.representative(designation: "d", jurisdiction: nil, signedOn: nil)]
        },
        AuthorizationCase("enrolled retirement plan agent may", []) {
            $0.representatives = [F.representative(designation: "r", jurisdiction: nil, signedOn: nil)]
        },
        AuthorizationCase("no designation", ["AUTH-013", "TPA-007"]) {
            $0.representatives = [F.representative(designation: nil, signedOn: nil)]
        },
        AuthorizationCase("an 8821 needs no designation", []) {
            $0.form = .form8821
            $0.representatives = [F.representative(designation: nil, jurisdiction: nil, signedOn: nil)]
        },
        // TPA-008.
        AuthorizationCase("no sord taxpayer user", ["TPA-008"]) { $0.facts.taxpayerUser = nil },
        AuthorizationCase("not on the Master File: no online-account check", ["AUTH-001"]) { $0.facts.entity = nil },
        // Common rules still apply.
        AuthorizationCase("name control differs", ["AUTH-002"]) { $0.taxpayerName = .person(first: "R", middle: nil, last: "Ash", suffix: nil) },
        AuthorizationCase("CAF not in good standing", ["AUTH-006"]) {
            var record = F.danaRecord
            record.practiceCode = "I"
            $0.facts.representatives = [F.danaCAF.number: record]
        },
        AuthorizationCase("nonspecific period", ["AUTH-008"]) { $0.matters = [.init(description: "Income", form: "1040", periods: ["all years"])] },
    ])
    func rule(_ row: AuthorizationCase) {
        #expect(row.run(from: F.taxProAccount) == row.expected)
    }

    @Test("the matter catalogue", arguments: [
        ("Income", "1040", TaxProAccountMatter.income),
        ("SPLIT SPOUSAL ASSESSMENT", "1040", .splitSpousalAssessment),
        ("Split Spousal Assessment", "8857", .splitSpousalAssessment),
        ("Shared Responsibility Payment", "1040", .sharedResponsibilityPayment),
        ("Shared Responsibility Payment - Split Spousal Assessment", "1040", .sharedResponsibilityPaymentSplitSpousalAssessment),
        ("Civil Penalty", "Civil Penalty", .civilPenalty),
    ] as [(String, String, TaxProAccountMatter)])
    func offered(description: String, form: String, matter: TaxProAccountMatter) {
        #expect(TaxProAccountMatter(description: description, form: form) == matter)
    }

    @Test("matters not offered", arguments: [("Income", "8857"), ("Shared Responsibility Payment", "8857"), ("Civil Penalty", "1040"), ("Gift", "709")])
    func notOffered(description: String, form: String) {
        #expect(TaxProAccountMatter(description: description, form: form) == nil)
    }

    @Test("designations", arguments: AuthorizationDesignation.allCases)
    func designations(_ designation: AuthorizationDesignation) {
        #expect(designation.needsJurisdiction == ["a", "b", "c", "g"].contains(designation.rawValue))
        #expect(designation.needsPTIN == (designation.rawValue == "h"))
        #expect(designation.mayRequestThroughTaxProAccount == ["a", "b", "c", "g", "r"].contains(designation.rawValue))
        #expect(AuthorizationDesignation(letter: " " + designation.rawValue.uppercased()) == designation)
    }
}
