import Testing
@testable import SordCore

@Suite("Transcript requests in JSON: lines, defaults, items and paths")
struct DocumentTranscriptTests {
    static func request(_ text: String) throws -> TranscriptRequest {
        let outcome = DocumentFixtures.parse(text)
        #expect(DocumentFixtures.problems(outcome) == [])
        guard case .transcriptRequest(let request)? = DocumentFixtures.document(outcome) else {
            throw TranscriptTestFailure.notATranscriptRequest
        }
        return request
    }

    enum TranscriptTestFailure: Error { case notATranscriptRequest }

    @Test func specExampleGivesOneItemPerPeriod() throws {
        let request = try Self.request(DocumentFixtures.transcriptRequest)
        #expect(request.requests == [TranscriptRequestLine(
            tin: "400-01-2345", nameControl: "TEAK", product: .account, form: "1040", periods: ["2024", "2023"],
            customerFileNumber: "1234567890", unmasked: false, format: .text, source: .json(request: 0))])
        let items = request.items
        #expect(items.map(\.period) == ["2024", "2023"])
        #expect(items.map(\.index) == [0, 1])
        #expect(items.map(\.path) == ["$.requests[0].periods[0]", "$.requests[0].periods[1]"])
        #expect(items[1].path(of: .tin) == "$.requests[0].tin")
        #expect(items[1].path(of: .nameControl) == "$.requests[0].nameControl")
        #expect(items[1].path(of: .period) == "$.requests[0].periods[1]")
        #expect(items[1].customerFileNumber == "1234567890")
    }

    @Test func itemsFlattenRequestsTimesPeriodsInOrder() throws {
        let request = try Self.request("""
        {"type": "transcript-request", "clientRef": "tds-7", "requests": [
          {"tin": "400-01-2345", "nameControl": "TEAK", "product": "wage-and-income", "form": "1040",
           "periods": ["2024", "2023", "2022"], "unmasked": true, "format": "json"},
          {"tin": "12-3456789", "nameControl": "WILL", "product": "entity", "form": "1120", "periods": ["2023-12"]},
          {"tin": "400-01-2345", "nameControl": "TEAK", "product": "verification-of-non-filing", "form": "1040",
           "periods": ["2021", "2020"]}
        ]}
        """)
        #expect(request.clientRef == "tds-7")
        let items = request.items
        #expect(items.count == 6)
        #expect(items.map(\.index) == Array(0..<6))
        #expect(items.map(\.line) == [0, 0, 0, 1, 2, 2])
        #expect(items.map(\.periodIndex) == [0, 1, 2, 0, 0, 1])
        #expect(items.map(\.period) == ["2024", "2023", "2022", "2023-12", "2021", "2020"])
        #expect(items.map(\.product) == [.wageAndIncome, .wageAndIncome, .wageAndIncome, .entity,
                                         .verificationOfNonFiling, .verificationOfNonFiling])
        #expect(items[0].unmasked && items[0].format == .json)
        #expect(!items[3].unmasked && items[3].format == .text && items[3].customerFileNumber == nil)
        #expect(items[5].path == "$.requests[2].periods[1]")
        #expect(request.items == items)
    }

    @Test("every product spelling", arguments: TranscriptProduct.allCases)
    func products(product: TranscriptProduct) throws {
        let request = try Self.request("""
        {"type":"transcript-request","requests":[{"tin":"1","nameControl":"A","product":"\(product.rawValue)",
         "form":"1040","periods":["2024"]}]}
        """)
        #expect(request.requests.first?.product == product)
    }

    @Test("request line errors", arguments: [
        (#"{"tin":"1","nameControl":"A","product":"transcript","form":"1040","periods":["2024"]}"#,
         ["SUB-005 $.requests[0].product"]),
        (#"{"tin":"1","nameControl":"A","product":"account","form":"1040","periods":[]}"#,
         ["SUB-005 $.requests[0].periods"]),
        (#"{"tin":123456789,"nameControl":"A","product":"account","form":1040,"periods":["2024"]}"#,
         ["SUB-005 $.requests[0].tin", "SUB-005 $.requests[0].form"]),
        (#"{"tin":"1","nameControl":"A","product":"account","form":"1040","periods":["2024"],"format":"pdf"}"#,
         ["SUB-005 $.requests[0].format"]),
        (#"{"tin":"1","nameControl":"A","product":"account","form":"1040","periods":["2024"],"unmasked":"yes"}"#,
         ["SUB-005 $.requests[0].unmasked"]),
        (#"{"tin":"1","nameControl":"A","product":"account","form":"1040","periods":["2024"],"customerFileNumber":12}"#,
         ["SUB-005 $.requests[0].customerFileNumber"]),
        (#"{"tin":"1","name_control":"A","product":"account","form":"1040","periods":["2024"]}"#,
         ["SUB-005 $.requests[0].nameControl", "SUB-005 $.requests[0].name_control"]),
        (#""400-01-2345""#, ["SUB-005 $.requests[0]"]),
    ])
    func lineErrors(line: String, expected: [String]) {
        let text = #"{"type":"transcript-request","requests":[\#(line)]}"#
        #expect(DocumentFixtures.codesAndPaths(DocumentFixtures.parse(text)) == expected)
    }

    @Test func errorsInSeveralLinesAreAllReported() {
        let good = #"{"tin":"1","nameControl":"A","product":"account","form":"1040","periods":["2024"]}"#
        let bad = #"{"tin":"1","nameControl":"A","product":"acount","form":"1040","periods":["2024"]}"#
        let text = #"{"type":"transcript-request","requests":[\#(good),\#(bad),\#(good),\#(bad)]}"#
        #expect(DocumentFixtures.codesAndPaths(DocumentFixtures.parse(text)) == [
            "SUB-005 $.requests[1].product", "SUB-005 $.requests[3].product",
        ])
    }

    @Test func anEightMebibyteDocumentParses() throws {
        let line = #"{"tin": "400-01-2345", "nameControl": "TEAK", "product": "account", "form": "1040", "#
            + #""periods": ["2024", "2023", "2022"], "customerFileNumber": "1234567890", "unmasked": false, "format": "text"}"#
        let count = 8 * 1024 * 1024 / (line.utf8.count + 2)
        let text = #"{"type": "transcript-request", "requests": [\#n"#
            + Array(repeating: line, count: count).joined(separator: ",\n") + "\n]}"
        let bytes = Array(text.utf8)
        #expect(bytes.count > 8_000_000)
        let outcome: ParseOutcome? = DocumentParser.parse(bytes: bytes, fileName: "big.json")
        guard case .transcriptRequest(let request)? = outcome.flatMap(DocumentFixtures.document) else {
            Issue.record("the big document did not parse")
            return
        }
        #expect(request.requests.count == count)
        #expect(request.items.count == count * 3)
    }
}
