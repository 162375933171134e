import Testing
@testable import SordCore

@Suite("Document parser: valid SPEC examples and whole-file checks")
struct DocumentParserTests {
    @Test("every SPEC 5 example parses to its type", arguments: [
        (DocumentFixtures.authorization, DocumentType.authorization),
        (DocumentFixtures.authorizationDecision, .authorizationDecision),
        (DocumentFixtures.withdrawal, .withdrawal),
        (DocumentFixtures.cafLink, .cafLink),
        (DocumentFixtures.delegation, .delegation),
        (DocumentFixtures.transcriptRequest, .transcriptRequest),
    ])
    func specExamplesParse(text: String, type: DocumentType) throws {
        let outcome = DocumentFixtures.parse(text)
        #expect(DocumentFixtures.problems(outcome) == [])
        let document = try #require(DocumentFixtures.document(outcome))
        #expect(document.kind == type)
    }

    @Test func authorizationExampleKeepsEveryField() throws {
        let document = try #require(DocumentFixtures.document(DocumentFixtures.parse(DocumentFixtures.authorization)))
        guard case .authorization(let form) = document else {
            Issue.record("not an authorization")
            return
        }
        #expect(document.clientRef == "batch-2026-11-20-07")
        #expect(form.form == .form2848)
        #expect(form.channel == .upload)
        #expect(form.taxpayer == AuthorizationDocument.Taxpayer(
            name: .person(first: "Ralph", middle: nil, last: "Teak", suffix: nil),
            tin: "400-01-2345",
            address: DocumentAddress(street: "12 Alder St", city: "Salem", state: "OR", zip: "97301")))
        #expect(form.representatives == [AuthorizationDocument.Representative(
            name: .person(first: "Dana", middle: nil, last: "Oak", suffix: nil), caf: "0312-34567R",
            ptin: "P01234567",
            address: DocumentAddress(street: "9 Elm Ave", city: "Portland", state: "OR", zip: "97201"),
            receiveNotices: true, designation: "c", jurisdiction: "OR", licenseNumber: "00112233",
            signedOn: "2026-11-20")])
        #expect(form.matters == [
            .init(description: "Income", form: "1040", periods: ["2022", "2023", "2024"]),
            .init(description: "Civil Penalty", form: "Civil Penalty", periods: ["2024-03", "2024-06"]),
        ])
        #expect(form.specificUse == false)
        #expect(form.additionalActs == AuthorizationDocument.AdditionalActs())
        #expect(form.additionalActs?.isUsed == false)
        #expect(form.actsNotAuthorized == "")
        #expect(form.retainPrior == false)
        #expect(form.taxpayerSignature == .init(signedOn: "2026-11-20", name: "Ralph Teak", title: ""))
    }

    @Test func smallDocumentsKeepTheirFields() {
        #expect(DocumentFixtures.document(DocumentFixtures.parse(DocumentFixtures.authorizationDecision))
            == .authorizationDecision(.init(request: "<request id from the request file>", decision: .approve)))
        #expect(DocumentFixtures.document(DocumentFixtures.parse(DocumentFixtures.withdrawal))
            == .withdrawal(.init(authorization: "<authorization id>")))
        #expect(DocumentFixtures.document(DocumentFixtures.parse(DocumentFixtures.cafLink))
            == .cafLink(.init(caf: "0312-34567R")))
        #expect(DocumentFixtures.document(DocumentFixtures.parse(DocumentFixtures.delegation))
            == .delegation(.init(efin: "123456", delegate: "<user id>", authority: .tds, action: .grant)))
        #expect(DocumentFixtures.document(DocumentFixtures.parse(
            #"{"type":"authorization-decision","request":"r1","decision":"reject","clientRef":"c"}"#))
            == .authorizationDecision(.init(clientRef: "c", request: "r1", decision: .reject)))
        #expect(DocumentFixtures.document(DocumentFixtures.parse(
            #"{"type":"delegation","efin":"1","delegate":"u","authority":"tds","action":"revoke"}"#))?.kind == .delegation)
    }

    @Test("file names", arguments: [
        ("a.json", true), ("batch.csv", true), ("a.txt", false), ("a.JSON", true), ("B.Csv", true), ("a.json.part", false),
        ("json", false), ("a.csv.tmp", false), ("", false),
    ])
    func fileNames(name: String, accepted: Bool) {
        #expect((DocumentParser.FileFormat(fileName: name) != nil) == accepted)
        if !accepted {
            #expect(DocumentFixtures.codesAndPaths(DocumentFixtures.parse(DocumentFixtures.cafLink, fileName: name))
                == ["SUB-008 -"])
        }
    }

    @Test func jsonInACSVFileIsACSVError() {
        let outcome = DocumentFixtures.parse(DocumentFixtures.cafLink, fileName: "x.csv")
        #expect(DocumentFixtures.problems(outcome).map(\.code) == ["SUB-003"])
    }

    @Test("bytes that are not UTF-8", arguments: [
        [0x7B, 0xFF, 0x7D], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82],
        [0x22, 0x80, 0x22],
    ] as [[UInt8]])
    func invalidUTF8(bytes: [UInt8]) {
        for name in ["x.json", "x.csv"] {
            let problems = DocumentFixtures.problems(DocumentParser.parse(bytes: bytes, fileName: name))
            #expect(problems.map(\.code) == ["SUB-003"])
            #expect(problems.first?.message.contains("UTF-8") == true)
        }
    }

    @Test("an empty .json file is answered as empty")
    func emptyJSON() {
        let problems = DocumentFixtures.problems(DocumentFixtures.parse(""))
        #expect(problems.map(\.code) == ["SUB-003"])
        #expect(problems.first?.message == "The file is empty; a .json file holds one JSON document.")
    }

    @Test("broken JSON", arguments: [
        "   ", "{", "{\"type\": \"caf-link\",}", "{\"type\" \"caf-link\"}", "[1,]", "{\"a\": tru}",
        "{\"a\": 01}", "{\"a\": 1.}", "{\"a\": -}", "{\"a\": \"\\x\"}", "{\"a\": \"\\ud800\"}", "{\"a\": 'x'}",
        "{} {}", "{\"a\": \"line\nbreak\"}", "{\"a\": \"\\u12\"}", "{\"a\": NaN}", "{\"a\": \"open",
    ])
    func brokenJSON(text: String) {
        let problems = DocumentFixtures.problems(DocumentFixtures.parse(text))
        #expect(problems.map(\.code) == ["SUB-003"])
        #expect(problems.first?.message.hasPrefix("JSON syntax error at line ") == true)
    }

    @Test func syntaxErrorNamesLineAndColumn() {
        let problems = DocumentFixtures.problems(DocumentFixtures.parse("{\n  \"type\": \"caf-link\",\n  \"caf\" 1\n}"))
        #expect(problems.map(\.message) == ["JSON syntax error at line 3, column 9: expected ':'."])
    }

    @Test("top level that is not an object", arguments: ["[]", "\"caf-link\"", "12", "null", "true"])
    func nonObjectTopLevel(text: String) {
        #expect(DocumentFixtures.codesAndPaths(DocumentFixtures.parse(text)) == ["SUB-005 $"])
    }

    @Test("missing, wrong or unknown type", arguments: [
        #"{}"#, #"{"caf": "0312-34567R"}"#, #"{"type": "caf_link"}"#, #"{"type": "CAF-LINK"}"#,
        #"{"type": 3}"#, #"{"type": null}"#, #"{"type": ["caf-link"]}"#, #"{"type": ""}"#,
    ])
    func badType(text: String) {
        #expect(DocumentFixtures.codesAndPaths(DocumentFixtures.parse(text)) == ["SUB-004 $.type"])
    }

    @Test func deepNestingIsRefusedWithoutCrashing() {
        let deep = "{\"type\":\"caf-link\",\"caf\":" + String(repeating: "[", count: 100_000)
            + String(repeating: "]", count: 100_000) + "}"
        let problems = DocumentFixtures.problems(DocumentFixtures.parse(deep))
        #expect(problems.map(\.code) == ["SUB-003"])
        #expect(problems.first?.message.contains("nested deeper than 64 levels") == true)
    }

    @Test func nestingUpToTheLimitIsSyntaxButNotSchema() {
        // 63 arrays inside the top-level object: 64 levels, accepted by the parser, refused by the schema.
        let text = "{\"type\":\"caf-link\",\"caf\":" + String(repeating: "[", count: 63)
            + String(repeating: "]", count: 63) + "}"
        #expect(DocumentFixtures.codesAndPaths(DocumentFixtures.parse(text)) == ["SUB-005 $.caf"])
    }

    @Test func byteOrderMarkIsSkipped() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(DocumentFixtures.cafLink.utf8)
        #expect(DocumentFixtures.document(DocumentParser.parse(bytes: bytes, fileName: "a.json"))?.kind == .cafLink)
    }

    @Test func messagesDoNotQuoteSubmittedValues() {
        let text = #"{"type":"authorization","form":"400-01-2345","channel":"Ralph Teak","taxpayer":"400-01-2345"}"#
        let problems = DocumentFixtures.problems(DocumentFixtures.parse(text))
        #expect(!problems.isEmpty)
        for problem in problems {
            #expect(!problem.message.contains("400-01-2345"))
            #expect(!problem.message.contains("Ralph"))
        }
    }
}
