import Foundation
import Testing
import SordCore

/// TDS end to end: the real daemon answers transcript requests; acks and transcripts are opened
/// with stock `openssl cms -decrypt | gunzip`.
@Suite("TDS end to end", .serialized)
struct TDSEndToEndTests {
    typealias W = TDSWorld

    /// One request holding an item for every per-item code and one for every product, a 1,000-row
    /// CSV, and one request from each practitioner who fails a whole-request check; one daemon run.
    @Test(arguments: Store.allCases) func reasonCodesProductsMaskingAndBulk(store: Store) throws {
        let h = try W.harness(store: store)
        try h.startDaemon()
        let cases: [(line: [String: Any], codes: [String])] = [
            (W.line(periods: [W.lastYear], extra: ["customerFileNumber": "1234567890"]), []),
            (W.line(product: "wage-and-income", periods: [W.lastYear], extra: ["unmasked": true, "format": "json"]), []),
            (W.line(product: "return", periods: [W.lastYear], extra: ["format": "json"]), []),
            (W.line(product: "verification-of-non-filing", periods: [W.twoYearsAgo]), []),
            (W.line(product: "record-of-account", periods: [W.lastYear]), []),
            (W.line(W.willowTIN, "WILL", product: "entity", form: "1120", periods: [W.businessPeriod]), []),
            (W.line(W.willowTIN, "WILL", product: "account", form: "1120", periods: [W.businessPeriod]), []),
            (W.line("000-12-3456", periods: [W.lastYear]), ["TDS-101"]),
            (W.line(W.ralphTIN, "ZZZZ", periods: [W.lastYear]), ["TDS-102"]),
            (W.line(W.strangerTIN, "SPRU", periods: [W.lastYear]), ["TDS-103"]),
            (W.line(W.missingTIN, "NONE", periods: [W.lastYear]), ["TDS-104"]),
            (W.line(periods: [W.twelveYearsAgo]), ["TDS-105"]),
            (W.line(product: "entity", periods: [W.lastYear]), ["TDS-106"]),
            (W.line(periods: [W.lastYear], extra: ["unmasked": true]), ["TDS-107"]),
            (W.line(periods: [W.lastYear], extra: ["customerFileNumber": "12AB"]), ["TDS-108"]),
            (W.line(product: "wage-and-income", periods: [W.threeYearsAgo]), ["TDS-110"]),
            (W.line(product: "verification-of-non-filing", periods: [W.lastYear]), ["TDS-112"]),
            // Not authorized: the same answer whether the taxpayer exists, mismatches or has filed.
            (W.line(W.strangerTIN, "ZZZZ", product: "verification-of-non-filing", periods: [W.lastYear]), ["TDS-103"]),
            (W.line("400-08-8888", "GONE", periods: [W.lastYear]), ["TDS-103"]),
        ]
        try h.drop("dana", "mixed.json", json: W.request(cases.map(\.line)))
        let rows = (1...1_000).map { "\(W.ralphTIN),TEAK,account,1040,\(W.lastYear),\($0)" }
        try h.drop("dana", "bulk.csv", "tin,name_control,product,form,period,customer_file_number\n" + rows.joined(separator: "\n") + "\n")
        let twoItems = W.request([W.line(periods: [W.lastYear, W.twoYearsAgo])])
        for user in ["eve", "finn", "gail"] { try h.drop(user, "whole.json", json: twoItems) }

        // Each item of the mixed request gets exactly its codes; the delivered ones one file each.
        let mixed = try #require(try h.waitForAck("dana", file: "mixed.json", timeout: 60))
        #expect(mixed["status"] as? String == "partial")
        #expect(DaemonHarness.codes(mixed).isEmpty)
        let codes = DaemonHarness.itemCodes(mixed)
        let files = DaemonHarness.itemFiles(mixed)
        #expect(codes.count == cases.count)
        for (index, expected) in cases.enumerated() where index < codes.count {
            #expect(codes[index] == expected.codes, "item \(index)")
            #expect(files[index].count == (expected.codes.isEmpty ? 1 : 0), "item \(index)")
        }
        let items = mixed["items"] as? [[String: Any]] ?? []
        let unauthorized = [9, 17, 18].filter { $0 < items.count }.map { (items[$0]["errors"] as? [[String: Any]])?.first?["message"] as? String }
        #expect(Set(unauthorized).count == 1, "unauthorized items must read the same: \(unauthorized)")

        // Masked by default: no full TIN, long last name or full street; the requested fields are there.
        let account = try h.openText("dana", files[0][0])
        #expect(files[0][0].hasSuffix(".transcript.txt.gz.p7m"))
        for secret in [W.ralphTIN, "400012345", "TEAKWOOD", "Teakwood", "RALPH", "ALDER STREET"] {
            #expect(!account.contains(secret), "masked transcript shows \(secret)")
        }
        for shown in ["Account Transcript", "XXX-XX-2345", "RALP TEAK", "12 ALD", "1234567890", "Tax return filed",
                      "ACCRUED INTEREST:", "AS OF:"] {
            #expect(account.contains(shown), "transcript lacks \(shown)")
        }
        // Unmasked wage & income, as JSON.
        #expect(files[1][0].hasSuffix(".transcript.json.gz.p7m"))
        let wageAndIncome = try JSONSerialization.jsonObject(with: Data(try h.openText("dana", files[1][0]).utf8)) as? [String: Any]
        #expect((wageAndIncome?["taxpayer"] as? [String: Any])?["tin"] as? String == W.ralphTIN)
        #expect((wageAndIncome?["incomeDocuments"] as? [Any])?.count == 1)
        // Every transcript of every product keeps the taxpayer masked (the unmasked one aside).
        for index in [0, 2, 3, 4, 5, 6] {
            let text = try h.openText("dana", files[index][0])
            for secret in [W.ralphTIN, "TEAKWOOD", W.willowTIN, "WILLOW", "HARBOR"] {
                #expect(!text.uppercased().contains(secret), "item \(index) shows \(secret)")
            }
        }

        // Whole-request failures reject every item with the request's codes.
        for (user, expected) in [("eve", ["TDS-001"]), ("finn", ["TDS-002", "TDS-004"]), ("gail", ["TDS-003"])] {
            let ack = try #require(try h.waitForAck(user, file: "whole.json"))
            #expect(ack["status"] as? String == "rejected", "\(user)")
            #expect(DaemonHarness.codes(ack).sorted() == expected, "\(user)")
            #expect(DaemonHarness.itemCodes(ack) == [expected, expected], "\(user)")
            #expect(h.mailboxFiles(user).filter { $0.contains(".transcript.") }.isEmpty)
        }

        // 1,000 CSV rows: one ack, 1,000 transcripts, each named once, all in the mailbox.
        let bulk = try #require(try h.waitForAck("dana", file: "bulk.csv", timeout: 180))
        #expect(bulk["status"] as? String == "accepted")
        let bulkFiles = DaemonHarness.itemFiles(bulk)
        #expect(bulkFiles.count == 1_000)
        #expect(bulkFiles.allSatisfy { $0.count == 1 })
        let names = Set(bulkFiles.flatMap { $0 })
        #expect(names.count == 1_000)
        #expect(names.isSubset(of: Set(h.mailboxFiles("dana"))))
        let acks = h.mailboxFiles("dana").filter { $0.contains(".ack.") }
        #expect(acks.count == 2)
        let last = try h.openText("dana", bulkFiles[999][0])
        #expect(last.contains("Customer File Number:                   1000"))
        #expect(h.stopDaemon() == 0)
    }

    /// Mailbox capacity (TDS-109), the hourly CAF limit (TDS-111) and the item limit (SUB-005).
    @Test func limits() throws {
        let h = try W.harness(extraConfig: """
            [mailbox]
            max_files = 3
            [tds]
            max_per_hour_per_caf = 1
            max_items_per_request = 3
            """)
        try h.startDaemon()
        try h.drop("dana", "two.json", json: W.request([W.line(periods: [W.lastYear]), W.line(product: "return", periods: [W.lastYear])]))
        try h.drop("dana", "four.json", json: W.request([W.line(periods: [W.lastYear, W.twoYearsAgo, W.threeYearsAgo, W.twelveYearsAgo])]))
        try h.drop("ivy", "a.txt", "not a document")
        try h.drop("ivy", "b.txt", "not a document either")
        _ = try h.waitForAck("ivy", file: "b.txt")
        _ = try h.waitForAck("ivy", file: "a.txt")
        try h.drop("ivy", "one.json", json: W.request([W.line(periods: [W.lastYear])]))

        let two = try #require(try h.waitForAck("dana", file: "two.json"))
        #expect(two["status"] as? String == "partial")
        #expect(DaemonHarness.itemCodes(two) == [[], ["TDS-111"]])
        let four = try #require(try h.waitForAck("dana", file: "four.json"))
        #expect(four["status"] as? String == "rejected")
        #expect(DaemonHarness.codes(four) == ["SUB-005"])
        #expect((four["items"] as? [Any])?.isEmpty == true)
        let one = try #require(try h.waitForAck("ivy", file: "one.json"))
        #expect(one["status"] as? String == "rejected")
        #expect(DaemonHarness.itemCodes(one) == [["TDS-109"]])
        #expect(h.stopDaemon() == 0)
    }
}
