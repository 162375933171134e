import Testing
@testable import SordCore

@Suite("Account rules: who may submit, visibility, account views, summaries, CAF requests")
struct AccountRulesTests {
    typealias F = AccountFixtures

    // MARK: Who may submit what (SPEC 5.7)

    @Test("submission permissions", arguments: [
        (DocumentType.authorization, "P"), (.authorizationDecision, "T"), (.withdrawal, "P"), (.cafLink, "P"),
        (.delegation, "P"), (.transcriptRequest, "P"), (.cafRequest, "P"), (.clientList, "P"), (.requestList, "P"),
        (.accountSummary, "PT"), (.payment, "PT"), (.paymentCancel, "PT"), (.paymentPlan, "PT"),
        (.secureMessage, "S"), (.messageReply, "PT"), (.ppsOrder, "S"),
    ])
    func permissions(type: DocumentType, allowed: String) {
        let letters: [UserKind: Character] = [.practitioner: "P", .taxpayer: "T", .staff: "S"]
        for kind in UserKind.allCases {
            let expected = allowed.contains(letters[kind]!)
            #expect(SubmissionPermissions.may(kind, submit: type) == expected, "\(kind) \(type)")
            #expect((SubmissionPermissions.problem(kind, submitting: type) == nil) == expected)
        }
    }

    @Test func everyTypeHasARow() {
        #expect(DocumentType.allCases.allSatisfy { !SubmissionPermissions.kinds(allowedToSubmit: $0).isEmpty })
        #expect(SubmissionPermissions.problem(.staff, submitting: .payment)
                == Problem(.sub007, "A staff may not submit a payment document; only a practitioner or taxpayer may.", path: "$.type"))
    }

    // MARK: Visibility (SPEC 12)

    @Test("visibility", arguments: [
        ("POA sees and acts", F.practitioner, "400-01-2345", "1040", "2024", AccountAccess.act),
        ("POA's second period", F.practitioner, "400-01-2345", "1040", "2025", .act),
        ("TIA only sees", F.practitioner, "400-01-2345", "1040", "2023", .see),
        ("revoked POA", F.practitioner, "400-01-2345", "1040", "2022", .none),
        ("someone else's POA", F.practitioner, "400-01-2345", "1040", "2021", .none),
        ("period not covered", F.practitioner, "400-01-2345", "1040", "2020", .none),
        ("other form", F.practitioner, "400-01-2345", "941", "2024", .none),
        ("2024-12 is not 2024", F.practitioner, "400-01-2345", "1040", "2024-12", .none),
        ("other taxpayer", F.practitioner, "400-01-2346", "1040", "2024", .none),
        ("Lee, by number without suffix", .practitioner(user: "lee", caf: F.lee), "400-01-2345", "1040", "2021", .act),
        ("no usable CAF", .practitioner(user: "dana.oak", caf: nil), "400-01-2345", "1040", "2024", .none),
        ("taxpayer's own TIN, any period", F.taxpayer, "400-01-2345", "1040", "2010", .act),
        ("taxpayer, someone else", F.taxpayer, "400-01-2346", "1040", "2024", .none),
    ] as [(String, AccountRequester, String, String, String, AccountAccess)])
    func visibility(_ name: String, requester: AccountRequester, tin: String, form: String, period: String, expected: AccountAccess) throws {
        let access = AccountVisibility.access(requester, tin: try TIN(parsing: tin), form: form,
                                              period: try TaxPeriod(parsing: period), authorizations: F.authorizations)
        #expect(access == expected, "\(name)")
    }

    @Test func anActivePOAAndTIAForTheSamePeriodAct() throws {
        let both = [F.authorization("T", .tia8821, periods: ["2024"]), F.authorization("P", .poa2848, periods: ["2024"])]
        #expect(AccountVisibility.access(F.practitioner, tin: F.ralphTIN, form: "1040", period: try TaxPeriod(parsing: "2024"),
                                         authorizations: both) == .act)
    }

    // MARK: Account views (ACC-001, ACC-002)

    @Test("account views need a linked CAF in good standing", arguments: [
        (LinkedCAFStanding(linkedCAF: nil, representative: nil), ["ACC-001"]),
        (LinkedCAFStanding(linkedCAF: F.dana, representative: nil), ["ACC-002"]),
        (LinkedCAFStanding(linkedCAF: F.dana, representative: AccountRulesTests.withPracticeCode("S")), ["ACC-002"]),
        (LinkedCAFStanding(linkedCAF: F.dana, representative: AccountRulesTests.withPracticeCode("I")), ["ACC-002"]),
        (LinkedCAFStanding(linkedCAF: F.dana, representative: F.danaRecord), []),
    ])
    func accountViews(standing: LinkedCAFStanding, expected: [String]) {
        #expect(AccountViewRules.check(standing).map(\.code) == expected)
    }

    @Test func linkedCAFStanding() {
        #expect(LinkedCAFStanding(linkedCAF: nil, representative: F.danaRecord) == .unlinked)
        let good = LinkedCAFStanding(linkedCAF: F.dana, representative: F.danaRecord)
        #expect(good.usableCAF == F.dana && good.representative == F.danaRecord)
        let suspended = LinkedCAFStanding(linkedCAF: F.dana, representative: Self.withPracticeCode("E"))
        #expect(suspended.usableCAF == nil && suspended.representative?.practiceCode == "E")
        #expect(LinkedCAFStanding(linkedCAF: F.dana, representative: nil).representative == nil)
    }

    static func withPracticeCode(_ code: String) -> RepresentativeRecord {
        var record = F.danaRecord
        record.practiceCode = code
        return record
    }

    // MARK: account-summary (ACC-003 … ACC-006)

    static let good = LinkedCAFStanding(linkedCAF: F.dana, representative: F.danaRecord)

    static func summary(tin: String = "400-01-2345", nameControl: String = "TEAK", form: String = "1040",
                        periods: [String]) -> AccountSummary {
        AccountSummary(tin: tin, nameControl: nameControl, form: form, periods: periods)
    }

    static func facts(_ requester: AccountRequester = F.practitioner, standing: LinkedCAFStanding = good,
                      entity: EntityRecord? = F.ralph, modules: [TaxModuleRecord] = F.modules) -> AccountSummaryRules.Facts {
        .init(requester: requester, standing: standing, authorizations: F.authorizations, entity: entity, modules: modules)
    }

    /// `code path` of every problem, or `shown P` for a shown period.
    static func outcome(_ document: AccountSummary, _ facts: AccountSummaryRules.Facts) -> [String] {
        switch AccountSummaryRules.verdict(document, facts: facts, today: F.today) {
        case .rejected(let problems):
            return ["rejected"] + problems.map { "\($0.code) \($0.path ?? "-")" }
        case .answered(_, let periods):
            return periods.flatMap { outcome -> [String] in
                switch outcome {
                case .shown(let period, let module): ["shown \(period) \(module.period)"]
                case .rejected(let problems): problems.map { "\($0.code) \($0.path ?? "-")" }
                }
            }
        }
    }

    static let summaryCases: [(String, AccountSummary, AccountSummaryRules.Facts, [String])] = [
        ("POA and TIA periods shown", summary(periods: ["2024", "2023"]), facts(), ["shown 2024 2024", "shown 2023 2023"]),
        ("uncovered period ACC-004", summary(periods: ["2024", "2022"]), facts(), ["shown 2024 2024", "ACC-004 $.periods[1]"]),
        ("covered, no module ACC-006", summary(periods: ["2024", "2025"]), facts(), ["shown 2024 2024", "ACC-006 $.periods[1]"]),
        ("malformed and old periods ACC-005", summary(periods: ["2024", "24", "2005", "2027"]), facts(),
         ["shown 2024 2024", "ACC-005 $.periods[1]", "ACC-005 $.periods[2]", "ACC-005 $.periods[3]"]),
        ("20 prior is in the window", summary(periods: ["2006"]), facts(), ["rejected", "ACC-004 $.periods[0]"]),
        ("nothing visible: the same ACC-004 with records", summary(periods: ["2020", "2021"]), facts(),
         ["rejected", "ACC-004 $.periods[0]", "ACC-004 $.periods[1]"]),
        ("nothing visible: the same ACC-004 without records", summary(periods: ["2020", "2021"]), facts(entity: nil, modules: []),
         ["rejected", "ACC-004 $.periods[0]", "ACC-004 $.periods[1]"]),
        ("unauthorized with a wrong name control learns nothing", summary(nameControl: "OAK", periods: ["2020"]), facts(),
         ["rejected", "ACC-004 $.periods[0]"]),
        ("name control mismatch ACC-003", summary(nameControl: "TEAR", periods: ["2024"]), facts(), ["rejected", "ACC-003 $.nameControl"]),
        ("name control folded", summary(nameControl: "téak", periods: ["2024"]), facts(), ["shown 2024 2024"]),
        ("malformed name control", summary(nameControl: "TEAK5", periods: ["2024"]), facts(), ["rejected", "ACC-003 $.nameControl"]),
        ("covered, no entity ACC-006", summary(periods: ["2024"]), facts(entity: nil), ["rejected", "ACC-006 $.periods[0]"]),
        ("invalid TIN", summary(tin: "000-01-2345", periods: ["2024", "1999"]), facts(),
         ["rejected", "ID-001 $.tin", "ACC-005 $.periods[1]"]),
        ("no linked CAF", summary(periods: ["2024"]), facts(standing: .unlinked), ["rejected", "ACC-001 -"]),
        ("suspended CAF", summary(periods: ["2024"]), facts(standing: LinkedCAFStanding(linkedCAF: F.dana, representative: withPracticeCode("D"))),
         ["rejected", "ACC-002 -"]),
        ("taxpayer sees their own, any period with a module", summary(periods: ["2022", "2021"]), facts(F.taxpayer, standing: .unlinked),
         ["shown 2022 2022", "shown 2021 2021"]),
        ("taxpayer, someone else's TIN", summary(tin: "400-01-2346", periods: ["2024"]), facts(F.taxpayer), ["rejected", "ACC-004 $.periods[0]"]),
    ]

    @Test("account-summary verdicts", arguments: summaryCases)
    func accountSummary(_ name: String, document: AccountSummary, facts: AccountSummaryRules.Facts, expected: [String]) {
        #expect(Self.outcome(document, facts) == expected, "\(name)")
    }

    // MARK: Payoff, audit status, payment history

    @Test func payoffIsBalancePlusAccruals() {
        #expect(F.modules[0].payoff == F.money("1250.00"))
        #expect(F.module("2020", balance: "-10.00", interest: "3.00").payoff == F.money("-7.00"))
    }

    static func transactions(_ list: [(String, String, String)]) -> [AccountTransaction] {
        list.map { AccountTransaction(code: $0.0, date: $0.1, amount: Money($0.2)!) }
    }

    @Test("audit status", arguments: [
        ("nothing", [], AuditStatus.State.none, nil, nil, "0.00"),
        ("opened", [("420", "2025-06-01", "0.00")], .open, "2025-06-01", nil, "0.00"),
        ("referred after opening", [("420", "2025-06-01", "0.00"), ("424", "2025-08-01", "0.00")], .referred, "2025-06-01", nil, "0.00"),
        ("referred only", [("424", "2025-08-01", "0.00")], .referred, "2025-08-01", nil, "0.00"),
        ("closed with tax", [("420", "2025-06-01", "0.00"), ("300", "2025-12-01", "850.00"), ("421", "2025-12-01", "0.00")],
         .closed, "2025-06-01", "2025-12-01", "850.00"),
        ("closed, in any order of listing", [("421", "2025-12-01", "0.00"), ("420", "2025-06-01", "0.00")],
         .closed, "2025-06-01", "2025-12-01", "0.00"),
        ("opened again after closing", [("420", "2024-03-01", "0.00"), ("421", "2024-09-01", "0.00"), ("300", "2024-09-01", "100.00"),
                                        ("420", "2026-02-01", "0.00")], .open, "2026-02-01", nil, "100.00"),
    ] as [(String, [(String, String, String)], AuditStatus.State, String?, String?, String)])
    func audit(_ name: String, list: [(String, String, String)], state: AuditStatus.State, opened: String?, closed: String?,
               tax: String) {
        let status = AuditStatus(Self.transactions(list))
        #expect(status.status == state, "\(name)")
        #expect(status.openedOn?.description == opened, "\(name)")
        #expect(status.closedOn?.description == closed, "\(name)")
        #expect(status.additionalTax == F.money(tax), "\(name)")
    }

    @Test func paymentHistoryIsFiveYearsOfPaymentsNewestFirst() {
        let module = F.module("2021", transactions: Self.transactions([
            ("610", "2021-11-19", "-1.00"), ("610", "2021-11-20", "-2.00"), ("670", "2024-01-02", "-3.00"),
            ("806", "2022-04-15", "-4.00"), ("430", "2026-11-20", "-5.00"), ("670", "2026-11-21", "-6.00"),
            ("670", "2024-01-02", "-7.00"),
        ]))
        #expect(PaymentHistory.payments(module, asOf: F.today).map(\.amount) == ["-5.00", "-3.00", "-7.00", "-2.00"].map(F.money))
    }

    // MARK: Tax Pro Account request expiry (SPEC 12.2)

    @Test("request expiry", arguments: [
        ("2026-11-01", 30, "2026-11-30", false, "2026-12-01"),
        ("2026-11-01", 30, "2026-12-01", true, "2026-12-01"),
        ("2026-02-15", 30, "2026-03-17", true, "2026-03-17"),
        ("2026-11-01", 1, "2026-11-01", false, "2026-11-02"),
    ] as [(String, Int, String, Bool, String)])
    func expiry(created: String, days: Int, asOf: String, expired: Bool, expiresOn: String) {
        #expect(TaxProAccountRequestExpiry.expiresOn(createdOn: F.day(created), days: days) == F.day(expiresOn))
        #expect(TaxProAccountRequestExpiry.isExpired(createdOn: F.day(created), days: days, asOf: F.day(asOf)) == expired)
    }

    @Test func anExpiredRequestIsRefusedWithTPA009() {
        #expect(TaxProAccountRequestExpiry.defaultDays == 30)
        let created = F.day("2026-10-01")
        let status = TaxProAccountRequestExpiry.status(.pending, createdOn: created, days: 30, asOf: F.day("2026-10-31"))
        #expect(status == .expired)
        #expect(TaxProAccountDecisionRules.check(status: status, addressedTo: "ralph", decider: "ralph")?.code == "TPA-009")
        #expect(TaxProAccountRequestExpiry.status(.pending, createdOn: created, days: 30, asOf: F.day("2026-10-30")) == .pending)
        #expect(TaxProAccountRequestExpiry.status(.approved, createdOn: created, days: 30, asOf: F.day("2027-01-01")) == .approved)
    }

    // MARK: caf-request (SPEC 12.1)

    static let danaName = RecordName.person(first: "Dana", middle: nil, last: "Oak", suffix: nil)
    static let request = CAFRequest(address: DocumentAddress(street: "9 Elm Ave", city: "Portland", state: "OR", zip: "97201"))

    static func cafFacts(masterFileName: RecordName? = danaName, linked: CAFNumber? = nil) -> CAFRequestRules.Facts {
        .init(userName: danaName, userTIN: try! TIN(parsing: "400-55-1234"), userPTIN: try! PTIN(parsing: "P01234567"),
              linkedCAF: linked, masterFileName: masterFileName)
    }

    @Test("caf-request", arguments: [
        ("passes", request, cafFacts(), [String]()),
        ("middle initial on file matches", request, cafFacts(masterFileName: .person(first: "DANA", middle: "Q", last: "oak", suffix: nil)), []),
        ("TIN not on the Master File", request, cafFacts(masterFileName: nil), ["CAF-003"]),
        ("another name on the Master File", request, cafFacts(masterFileName: .person(first: "Dina", middle: nil, last: "Oak", suffix: nil)), ["CAF-003"]),
        ("already linked", request, cafFacts(linked: F.dana), ["CAF-005"]),
        ("bad ZIP and state", CAFRequest(address: DocumentAddress(street: "9 Elm", city: "P", state: "XX", zip: "9720")), cafFacts(linked: F.dana),
         ["ID-005", "ID-005", "CAF-005"]),
    ] as [(String, CAFRequest, CAFRequestRules.Facts, [String])])
    func cafRequest(_ name: String, request: CAFRequest, facts: CAFRequestRules.Facts, expected: [String]) {
        #expect(CAFRequestRules.check(request, facts: facts).map(\.code) == expected, "\(name)")
    }

    @Test func theNewRepresentativeTakesTheUsersIdentity() throws {
        let caf = try CAFNumber(parsing: "2012-34567")
        let record = CAFRequestRules.representative(caf: caf, request: Self.request, facts: Self.cafFacts())
        #expect(record == RepresentativeRecord(caf: "2012-34567", name: Self.danaName, tin: "400-55-1234", ptin: "P01234567",
                                               address: RecordAddress(street: "9 Elm Ave", city: "Portland", state: "OR", zip: "97201")))
        #expect(record.inGoodStanding)
    }
}
