import Testing
@testable import SordCore

@Suite("TDS per-item rules")
struct TDSItemRulesTests {
    typealias F = TranscriptFixtures

    static func codes(_ item: TranscriptItem, _ access: TDSAccess) -> [String] {
        TDSItemRules.check(item, access: access, today: F.today).map(\.code).sorted()
    }

    static let ralphOK = TDSAccess.authorized(F.ralphRecords())
    static let willowOK = TDSAccess.authorized(F.willowRecords())

    @Test("codes", arguments: [
        ("account passes", F.item(), ralphOK, [String]()),
        ("invalid SSN", F.item(tin: "000-12-3456"), .undetermined, ["TDS-101"]),
        ("malformed TIN", F.item(tin: "400012345"), .undetermined, ["TDS-101"]),
        ("name control mismatch", F.item(nameControl: "TEAR"), ralphOK, ["TDS-102"]),
        ("name control lower case accepted", F.item(nameControl: "teak"), ralphOK, []),
        ("malformed name control", F.item(nameControl: "TEAK5"), ralphOK, ["TDS-102"]),
        ("accented name control folded", F.item(nameControl: "TÉAK"), ralphOK, []),
        ("unauthorized", F.item(), .unauthorized, ["TDS-103"]),
        ("no entity", F.item(), .authorized(TDSRecords(entity: nil, module: nil, periodModules: [])), ["TDS-104"]),
        ("no module", F.item(), .authorized(F.ralphRecords(nil)), ["TDS-104"]),
        ("no return", F.item(product: .return, period: "2023"), .authorized(F.ralphRecords(F.ralph2023)), ["TDS-104"]),
        ("account window: 9 prior ok", F.item(period: "2016"), .authorized(F.ralphRecords()), []),
        ("account window: 10 prior", F.item(period: "2015"), .authorized(F.ralphRecords()), ["TDS-105"]),
        ("return window: 4 prior", F.item(product: .return, period: "2021"), .authorized(F.ralphRecords()), ["TDS-105"]),
        ("future period", F.item(period: "2026"), .authorized(F.ralphRecords()), ["TDS-105"]),
        ("malformed period", F.item(period: "24"), .undetermined, ["TDS-105"]),
        ("entity for an individual", F.item(product: .entity), ralphOK, ["TDS-106"]),
        ("wage & income for a business", F.item(tin: "12-3456789", nameControl: "WILL", product: .wageAndIncome, form: "1120", period: "2023-12"), willowOK, ["TDS-106"]),
        ("business form for an individual", F.item(form: "1120"), ralphOK, ["TDS-106"]),
        ("unmasked account", F.item(unmasked: true), ralphOK, ["TDS-107"]),
        ("unmasked wage & income", F.item(product: .wageAndIncome, unmasked: true), ralphOK, []),
        ("customer file number letters", F.item(customerFileNumber: "AB12"), ralphOK, ["TDS-108"]),
        ("customer file number too long", F.item(customerFileNumber: "12345678901"), ralphOK, ["TDS-108"]),
        ("customer file number is a TIN", F.item(customerFileNumber: "400012345"), ralphOK, ["TDS-108"]),
        ("customer file number fine", F.item(customerFileNumber: "0000000001"), ralphOK, []),
        ("verification of non-filing after a return", F.item(product: .verificationOfNonFiling), ralphOK, ["TDS-112"]),
        ("verification of non-filing, nothing filed", F.item(product: .verificationOfNonFiling, period: "2023"), .authorized(F.ralphRecords(F.ralph2023)), []),
        ("verification of non-filing, no module", F.item(product: .verificationOfNonFiling, period: "2022"), .authorized(F.ralphRecords(nil)), []),
        ("entity for a business", F.item(tin: "12-3456789", nameControl: "WILL", product: .entity, form: "1120", period: "2023-12"), willowOK, []),
        ("several at once", F.item(product: .entity, period: "2010", customerFileNumber: "x", unmasked: true), .unauthorized,
         ["TDS-103", "TDS-105", "TDS-106", "TDS-107", "TDS-108"]),
    ])
    func codes(_ name: String, item: TranscriptItem, access: TDSAccess, expected: [String]) {
        #expect(Self.codes(item, access) == expected, "\(name)")
    }

    @Test("a name control is compared after folding (TDS-102)", arguments: [
        ("NUÑE", "Núñez", [String]()), ("núñe", "Núñez", []), ("NUNE", "Núñez", []), ("NUÑE", "Nunez", []),
        ("MÜLL", "Müller", []), ("GROß", "Großmann", []), ("NUÑO", "Núñez", ["TDS-102"]), ("ЖУКО", "Núñez", ["TDS-102"]),
    ])
    func foldedNameControl(submitted: String, last: String, expected: [String]) {
        let entity = EntityRecord(tin: F.ralph.tin, name: .person(first: "José", middle: nil, last: last, suffix: nil), address: F.ralph.address)
        let access = TDSAccess.authorized(TDSRecords(entity: entity, module: F.ralph2024, periodModules: [F.ralph2024]))
        #expect(Self.codes(F.item(nameControl: submitted), access) == expected)
    }

    @Test func wageAndIncomeDocumentLimit() {
        var module = F.ralph2024
        module.incomeDocuments = Array(repeating: F.ralph2024.incomeDocuments[0], count: 85)
        #expect(Self.codes(F.item(product: .wageAndIncome), .authorized(F.ralphRecords(module))) == [])
        module.incomeDocuments.append(F.ralph2024.incomeDocuments[1])
        #expect(Self.codes(F.item(product: .wageAndIncome), .authorized(F.ralphRecords(module))) == ["TDS-110"])
    }

    /// An unauthorized requester learns nothing about the records: the answer is the same whether
    /// the taxpayer exists, has a mismatching name control or has filed.
    @Test func unauthorizedRevealsNothing() {
        let items = [F.item(nameControl: "ZZZZ"), F.item(tin: "400-99-9999"), F.item(product: .verificationOfNonFiling),
                     F.item(product: .wageAndIncome)]
        for item in items {
            let problems = TDSItemRules.check(item, access: .unauthorized, today: F.today)
            #expect(problems.map(\.code) == ["TDS-103"])
            #expect(!problems.contains { $0.message.contains("Master File") })
        }
    }

    @Test func verdicts() {
        guard case .deliverable(let entity, _) = TDSItemRules.verdict(F.item(), access: Self.ralphOK, today: F.today) else {
            Issue.record("expected deliverable")
            return
        }
        #expect(entity == F.ralph)
        #expect(TDSItemRules.verdict(F.item(), access: .unauthorized, today: F.today) != .deliverable(entity: F.ralph, records: F.ralphRecords()))
    }

    @Test("mailbox and rate limits", arguments: [
        (TDSCapacity(mailboxFiles: 0, maxFiles: 3, deliveredForCAFLastHour: 0, maxPerHourPerCAF: 0), [String]()),
        (TDSCapacity(mailboxFiles: 2, maxFiles: 3, deliveredForCAFLastHour: 0, maxPerHourPerCAF: 0), ["TDS-109"]),
        (TDSCapacity(mailboxFiles: 0, maxFiles: 10, deliveredForCAFLastHour: 5, maxPerHourPerCAF: 5), ["TDS-111"]),
        (TDSCapacity(mailboxFiles: 0, maxFiles: 10, deliveredForCAFLastHour: 4, maxPerHourPerCAF: 5), []),
        (TDSCapacity(mailboxFiles: 0, maxFiles: 10, deliveredForCAFLastHour: 500, maxPerHourPerCAF: 0), []),
        (TDSCapacity(mailboxFiles: 9, maxFiles: 10, deliveredForCAFLastHour: 1, maxPerHourPerCAF: 1), ["TDS-109", "TDS-111"]),
    ])
    func capacity(_ capacity: TDSCapacity, expected: [String]) {
        #expect(capacity.problems(path: "$").map(\.code) == expected)
    }

    @Test func capacityCountsDeliveries() {
        var capacity = TDSCapacity(mailboxFiles: 0, maxFiles: 4, deliveredForCAFLastHour: 0, maxPerHourPerCAF: 0)
        var delivered = 0
        while capacity.problems(path: "$").isEmpty {
            capacity.recordDelivery()
            delivered += 1
        }
        #expect(delivered == 3)  // three transcripts and the ack fill a mailbox of four
    }
}
