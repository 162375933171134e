import Foundation
import SordCore
import Testing

@Suite struct ReferenceJSONTests {
    /// The encoder the hand-written writer must match byte for byte.
    static func encoded(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test func everySyntheticRecordIsWrittenAsJSONEncoderWritesIt() throws {
        var modules = 0
        for record in SyntheticDataset(taxpayers: 600, seed: 77).records() {
            #expect(ReferenceJSON.line(record) == (try Self.encoded(record)))
            if case .module(let m) = record {
                #expect(ReferenceJSON.text(m.transactions) == (try Self.encoded(m.transactions)))
                #expect(ReferenceJSON.text(m.incomeDocuments) == (try Self.encoded(m.incomeDocuments)))
                if let info = m.returnInfo { #expect(ReferenceJSON.text(info) == (try Self.encoded(info))) }
                modules += 1
            }
            if case .cafAuthorization(let a) = record {
                #expect(ReferenceJSON.text(a.matters) == (try Self.encoded(a.matters)))
            }
        }
        #expect(modules > 600)
    }

    @Test(arguments: [
        "plain", "", "quote \" backslash \\ slash /", "tab\tnewline\ncr\rbell\u{7}nul\u{0}unit\u{1F}del\u{7F}",
        "backspace\u{8}formfeed\u{C}", "Müller-Ñúñez 李 😀", "line\u{2028}separator",
    ])
    func stringsAreEscapedAsJSONEncoderDoes(text: String) throws {
        let record = ReferenceRecord.efileUser(EFileUserRecord(efin: "123456", firm: text, user: "dana",
            role: .delegate, name: .person(first: text, middle: nil, last: "Oak", suffix: text), tds: false))
        #expect(ReferenceJSON.line(record) == (try Self.encoded(record)))
    }

    @Test func everyOptionalFieldAndMixedCaseBoxNames() throws {
        let info = ReturnInfo(filingStatus: "MFJ", exemptions: -3, agi: Money("1.00"), taxableIncome: Money("2.00"),
                              taxPerReturn: Money("3.00"), seIncome: Money("4.00"), seTax: Money("5.00"),
                              dueOn: "2025-04-15", receivedOn: "2025-04-10", processedOn: "2025-04-28")
        let document = IncomeDocument(form: "1099-MISC",
            payer: .init(name: .business("Acme"), tin: "12-3456789",
                         address: RecordAddress(street: "1 A St", city: "Paris", state: "75", zip: "75001", country: "FR")),
            accountNumber: "A/1", amounts: ["wages": Money("1.00")!, "Zed": Money("2.00")!, "box10": Money("3")!, "box9": .zero])
        let module = TaxModuleRecord(tin: "400-01-2345", form: "1040", period: "2024", returnInfo: info,
                                     transactions: [AccountTransaction(code: "150", date: "2025-04-28", cycle: "20251605", amount: Money("-0.05")!),
                                                    AccountTransaction(code: "971", date: "2025-05-01", amount: .zero, actionCode: "063")],
                                     incomeDocuments: [document])
        #expect(ReferenceJSON.line(.module(module)) == (try Self.encoded(ReferenceRecord.module(module))))
        let authorization = CAFAuthorizationRecord(id: "A-9", form: .poa2848, tin: "400-01-2345", caf: "0312-34567R",
            matters: [Matter(description: "Income", form: "1040", periods: ["2023", "2024"])], receiveNotices: true,
            designation: "c", status: .revoked, recordedOn: "2024-01-02", revokedOn: "2024-05-06", revokedBy: "A-10")
        #expect(ReferenceJSON.line(.cafAuthorization(authorization)) == (try Self.encoded(ReferenceRecord.cafAuthorization(authorization))))
        let representative = RepresentativeRecord(caf: "0312-34567", name: .person(first: "A", middle: "B", last: "C", suffix: "Jr."),
                                                  tin: "400-55-1234", ptin: "P01234567",
                                                  address: RecordAddress(street: "9 Elm", city: "X", state: "OR", zip: "97201-1234"),
                                                  practiceCode: "D")
        #expect(ReferenceJSON.line(.representative(representative)) == (try Self.encoded(ReferenceRecord.representative(representative))))
    }

    @Test func writtenLinesParseBackToTheSameRecords() throws {
        for record in SyntheticDataset(taxpayers: 300, seed: 8).records() {
            let parsed = ReferenceRecord.parse(line: Array(ReferenceJSON.line(record).utf8))
            #expect((try? parsed.get()) == record)
        }
    }
}
