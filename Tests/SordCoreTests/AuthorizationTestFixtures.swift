import Testing
import SordCore

/// A valid Form 2848 upload (Ralph Teak, represented by Dana Oak) with the facts that make it pass,
/// received on 2026-11-20; tests change one thing and look at the codes.
struct AuthorizationFixture {
    static let received = try! Day(parsing: "2026-11-20")
    static let danaCAF = try! CAFNumber(parsing: "0312-34567R")
    static let danaAddress = DocumentAddress(street: "9 Elm Ave", city: "Portland", state: "OR", zip: "97201")
    static let danaRecord = RepresentativeRecord(
        caf: "0312-34567R", name: .person(first: "Dana", middle: nil, last: "Oak", suffix: nil), tin: "400-55-1234",
        ptin: "P01234567", address: RecordAddress(street: "9 Elm Avenue", city: "Portland", state: "OR", zip: "97201-1234"))
    static let ralphEntity = EntityRecord(
        tin: "400-01-2345", name: .person(first: "Ralph", middle: nil, last: "Teak", suffix: nil),
        address: RecordAddress(street: "12 Alder Street", city: "Salem", state: "OR", zip: "97301"))

    /// A representative entry; by default Dana Oak, designation c in OR, signed on the received day.
    static func representative(
        first: String = "Dana", last: String = "Oak", caf: String = "0312-34567R", ptin: String? = "P01234567",
        address: DocumentAddress = danaAddress, receiveNotices: Bool = false, designation: String? = "c",
        jurisdiction: String? = "OR", licenseNumber: String? = nil, signedOn: String? = "2026-11-20"
    ) -> AuthorizationDocument.Representative {
        .init(name: .person(first: first, middle: nil, last: last, suffix: nil), caf: caf, ptin: ptin, address: address,
              receiveNotices: receiveNotices, designation: designation, jurisdiction: jurisdiction,
              licenseNumber: licenseNumber, signedOn: signedOn)
    }

    /// A CAF record matching `representative(first:last:caf:)` with Dana's address.
    static func record(caf: String, first: String, last: String, practiceCode: String = "") -> RepresentativeRecord {
        RepresentativeRecord(caf: caf, name: .person(first: first, middle: nil, last: last, suffix: nil),
                             address: danaRecord.address, practiceCode: practiceCode)
    }

    var form: AuthorizationDocument.Form = .form2848
    var channel: AuthorizationDocument.Channel = .upload
    var taxpayerName: DocumentName = .person(first: "Ralph", middle: nil, last: "Teak", suffix: nil)
    var taxpayerTIN = "400-01-2345"
    var taxpayerAddress = DocumentAddress(street: "12 Alder St", city: "Salem", state: "OR", zip: "97301")
    var representatives = [AuthorizationFixture.representative()]
    var matters = [AuthorizationDocument.Matter(description: "Income", form: "1040", periods: ["2022", "2023", "2024"])]
    var specificUse = false
    var additionalActs: AuthorizationDocument.AdditionalActs?
    var actsNotAuthorized: String?
    var retainPrior = false
    var taxpayerSignature: AuthorizationDocument.TaxpayerSignature? = .init(signedOn: "2026-11-10", name: "Ralph Teak")
    var facts = AuthorizationFacts(
        submitterCAF: AuthorizationFixture.danaCAF, submitterPTIN: try! PTIN(parsing: "P01234567"),
        entity: AuthorizationFixture.ralphEntity,
        representatives: [AuthorizationFixture.danaCAF.number: AuthorizationFixture.danaRecord],
        submitterRepresentative: AuthorizationFixture.danaRecord,
        submitterMasterFileName: .person(first: "Dana", middle: nil, last: "Oak", suffix: nil), taxpayerUser: "ralph")
    var received = AuthorizationFixture.received

    /// The same fixture as a Tax Pro Account request: no signatures, the representative unsigned.
    static var taxProAccount: AuthorizationFixture {
        var fixture = AuthorizationFixture()
        fixture.channel = .taxProAccount
        fixture.taxpayerSignature = nil
        fixture.representatives = [representative(signedOn: nil)]
        return fixture
    }

    var document: AuthorizationDocument {
        AuthorizationDocument(
            form: form, channel: channel,
            taxpayer: .init(name: taxpayerName, tin: taxpayerTIN, address: taxpayerAddress),
            representatives: representatives, matters: matters, specificUse: specificUse, additionalActs: additionalActs,
            actsNotAuthorized: actsNotAuthorized, retainPrior: retainPrior, taxpayerSignature: taxpayerSignature)
    }

    var verdict: AuthorizationVerdict {
        AuthorizationRules.evaluate(document, facts: facts, on: received)
    }

    /// The codes of the verdict, sorted, with repeats (empty when valid).
    var codes: [String] {
        switch verdict {
        case .valid: []
        case .rejected(let problems): problems.map(\.code).sorted()
        }
    }

    /// The problems of the verdict (empty when valid).
    var problems: [Problem] {
        if case .rejected(let problems) = verdict { return problems }
        return []
    }
}

/// One row of a table-driven rule test: a change to the fixture and the codes it must give.
struct AuthorizationCase: Sendable, CustomTestStringConvertible {
    let label: String
    let expected: [String]
    let change: @Sendable (inout AuthorizationFixture) -> Void

    init(_ label: String, _ expected: [String], _ change: @escaping @Sendable (inout AuthorizationFixture) -> Void) {
        self.label = label
        self.expected = expected.sorted()
        self.change = change
    }

    var testDescription: String { label }

    func run(from base: AuthorizationFixture) -> [String] {
        var fixture = base
        change(&fixture)
        return fixture.codes
    }
}
