import Foundation
import Testing
@testable import SordCore

@Suite("Transcript content, masking and JSON")
struct TranscriptRenderingTests {
    typealias F = TranscriptFixtures

    static let products: [(TranscriptItem, TDSRecords)] = [
        (F.item(), F.ralphRecords()),
        (F.item(product: .recordOfAccount), F.ralphRecords()),
        (F.item(product: .return), F.ralphRecords()),
        (F.item(product: .wageAndIncome), F.ralphRecords()),
        (F.item(product: .verificationOfNonFiling, period: "2023"), F.ralphRecords(F.ralph2023)),
        (F.item(tin: "12-3456789", nameControl: "WILL", product: .entity, form: "1120", period: "2023-12"), F.willowRecords()),
        (F.item(tin: "12-3456789", nameControl: "WILL", product: .return, form: "1120", period: "2023-12"), F.willowRecords()),
    ]

    /// No full TIN, long name or full street of the taxpayer or a payer appears in a masked transcript,
    /// text or JSON.
    @Test func maskedTranscriptsHideIdentifiers() throws {
        let secrets = ["400-01-2345", "400012345", "TEAKWOOD", "RALPH", "ALDER", "12-3456789", "WILLOW", "HARBOR",
                       "20-1234567", "ACME CORP", "INDUSTRIAL", "30-7654321", "FIRST CEDAR", "987654321"]
        for (item, records) in Self.products {
            let transcript = TranscriptBuilder.build(item, entity: records.entity!, records: records, stamp: F.stamp)
            let text = TranscriptTextRenderer.render(transcript).uppercased()
            let json = String(decoding: try TranscriptJSONRenderer.render(transcript), as: UTF8.self).uppercased()
            for secret in secrets {
                #expect(!text.contains(secret), "\(item.product) text shows \(secret)")
                #expect(!json.contains(secret), "\(item.product) JSON shows \(secret)")
            }
        }
    }

    @Test func unmaskedWageAndIncomeShowsEverything() {
        let text = F.text(F.item(product: .wageAndIncome, unmasked: true), records: F.ralphRecords())
        for shown in ["400-01-2345", "RALPH TEAKWOOD", "12 ALDER STREET", "20-1234567", "ACME CORP", "987654321"] {
            #expect(text.contains(shown))
        }
    }

    /// The JSON form carries the same values the text shows.
    @Test func jsonHasTheSameContent() throws {
        let transcript = TranscriptBuilder.build(F.item(customerFileNumber: "77"), entity: F.ralph, records: F.ralphRecords(), stamp: F.stamp)
        let object = try #require(try JSONSerialization.jsonObject(with: TranscriptJSONRenderer.render(transcript)) as? [String: Any])
        #expect(object["type"] as? String == "transcript")
        #expect(object["product"] as? String == "account")
        #expect(object["trackingNumber"] as? String == F.stamp.trackingNumber)
        #expect(object["customerFileNumber"] as? String == "77")
        #expect(object["requestDate"] as? String == "2025-06-01")
        #expect(object["responseDate"] as? String == "2025-06-02")
        let taxpayer = try #require(object["taxpayer"] as? [String: Any])
        #expect(taxpayer["tin"] as? String == "XXX-XX-2345")
        #expect(taxpayer["name"] as? String == "RALP TEAK")
        let balance = try #require(object["balance"] as? [String: Any])
        #expect(balance["accountBalance"] as? String == "-900.00")
        #expect(balance["balancePlusAccruals"] as? String == "-887.66")
        #expect(balance["asOf"] as? String == "2025-06-02")
        let transactions = try #require(object["transactions"] as? [[String: Any]])
        #expect(transactions.map { $0["code"] as? String } == ["806", "150", "846", "999"])
        #expect(transactions[1]["explanation"] as? String == "Tax return filed")
        #expect((object["return"] as? [String: Any])?["agi"] as? String == "52000.00")
    }

    @Test("every transaction code DOMAIN.md lists has an explanation", arguments: [
        "150", "166", "176", "276", "290", "291", "300", "420", "460", "480", "494", "520", "530", "570", "571", "582",
        "610", "670", "766", "767", "768", "776", "806", "810", "811", "820", "836", "840", "846", "898", "971",
    ])
    func explanations(code: String) {
        #expect(TransactionCodes.explanations[code] != nil)
        #expect(TransactionCodes.explanation(code).count <= TranscriptTextRenderer.columns[1] - 1)
    }

    @Test("amounts", arguments: [
        ("0.00", "$0.00"), ("12.34", "$12.34"), ("-5100.00", "-$5,100.00"), ("1250000.5", "$1,250,000.50"),
        ("999.99", "$999.99"), ("-0.01", "-$0.01"), ("1000", "$1,000.00"),
    ])
    func amounts(text: String, shown: String) {
        #expect(TranscriptTextFormat.money(Money(text)!) == shown)
    }

    @Test("report amounts: no dollar sign", arguments: [
        ("0.00", "0.00"), ("1250.00", "1,250.00"), ("-1250.00", "-1,250.00"), ("1250000.5", "1,250,000.50"),
        ("-0.01", "-0.01"), ("999.99", "999.99"),
    ])
    func reportAmounts(text: String, shown: String) {
        #expect(TranscriptTextFormat.amount(Money(text)!) == shown)
    }

    @Test("account transaction codes and action codes", arguments: [
        ("360", nil, "Fees and collection costs"), ("421", nil, "Closed examination of tax return"),
        ("424", nil, "Examination request indicator"), ("430", nil, "Estimated tax payment"), ("670", nil, "Payment"),
        ("971", "043", "Pending installment agreement"), ("971", "163", "Installment agreement terminated"),
        ("971", "063", "Installment agreement established"), ("971", "069", "Short-term payment plan established"),
        ("971", "999", "Miscellaneous transaction"), ("971", nil, "Miscellaneous transaction"),
        ("972", "063", "Reversed: installment agreement established"), ("972", nil, "Reversal of miscellaneous transaction"),
        ("150", "063", "Tax return filed"),
    ] as [(String, String?, String)])
    func accountExplanations(code: String, action: String?, explanation: String) {
        #expect(TransactionCodes.explanation(code, actionCode: action) == explanation)
        #expect(explanation.count <= TranscriptTextRenderer.columns[1] - 1)
    }

    @Test("posting cycles", arguments: [("2025-01-01", "20250101"), ("2025-01-08", "20250201"), ("2025-04-28", "20251706"),
                                         ("2024-12-31", "20245302")])
    func postingCycles(day: String, cycle: String) throws {
        #expect(try Day(parsing: day).postingCycle == cycle)
    }

    @Test func datesAndPeriods() {
        #expect(TranscriptTextFormat.date("2025-04-28") == "04-28-2025")
        #expect(TranscriptTextFormat.date("junk") == "junk")
        #expect(TranscriptTextFormat.periodEnd("2024-06-30") == "Jun. 30, 2024")
        #expect(TranscriptTextFormat.periodEnd("2023-05-31") == "May 31, 2023")
    }

    @Test func trackingNumbersAreUniquePerItem() {
        let submission = SortableID(unixMillis: 1_750_000_000_000, randomHigh: 7, randomLow: 42)
        let numbers = (0..<1_000).map { TrackingNumber.make(submission: submission, index: $0) }
        #expect(Set(numbers).count == 1_000)
        #expect(numbers[0] == submission.rawValue + "-0001")
        #expect(numbers[999] == submission.rawValue + "-1000")
    }

    @Test func incomeAmountsInFormOrder() {
        #expect(IncomeDocumentLabels.ordered(["zeta", "wages", "alpha", "federalWithholding"]) == ["wages", "federalWithholding", "alpha", "zeta"])
        #expect(IncomeDocumentLabels.label(ofBox: "stateWithholding") == "State Withholding")
    }

    @Test func noTransactionsAndNoReturn() {
        let empty = TaxModuleRecord(tin: "400-01-2345", form: "1040", period: "2023")
        let text = F.text(F.item(period: "2023"), records: F.ralphRecords(empty))
        #expect(text.contains("No tax return filed."))
        #expect(text.contains("No transactions posted."))
    }
}
